from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.policies import privacy_review, services
from gongkai.policies.domain import Status, Transition
from gongkai.policies.models import PRIVACY_KIND_LABELS, InformationItem, PrivacyFinding
from gongkai.privacy.scanner import FindingKind

pytestmark = pytest.mark.django_db

# A fictional person: the check character is computed by GB 11643 for this body.
PERSON_ID = "140902198001010016"
PENALTY_NOTICE = (
    f"<p>当事人张某，身份证号码{PERSON_ID}，联系电话13800001234，住忻州市忻府区东关小区3号楼2单元501室。</p>"
    "<p>咨询电话：{organ_phone}。</p>"
)


def test_every_scanner_kind_has_a_label() -> None:
    assert set(PRIVACY_KIND_LABELS) == {kind.value for kind in FindingKind}


def _submitted(draft: Callable[..., InformationItem], desk: dict[str, User]) -> InformationItem:
    item = draft(body="")
    organ_phone = item.organ.phone
    item = services.update_draft(
        item=item, acting_user=desk["drafter"], body=PENALTY_NOTICE.format(organ_phone=organ_phone)
    )
    item = services.transition(item=item, to=Transition.SUBMIT, acting_user=desk["drafter"])
    return services.transition(item=item, to=Transition.REVIEW, acting_user=desk["reviewer"])


def test_personal_data_blocks_approval_until_masked_or_justified(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = _submitted(draft, desk)
    findings = {finding.kind: finding for finding in item.privacy_findings.all()}

    assert set(findings) == {"ID_CARD", "MOBILE", "HOME_ADDRESS"}
    with pytest.raises(ValidationError, match="遮盖或说明理由"):
        services.transition(item=item, to=Transition.APPROVE, acting_user=desk["approver"])

    privacy_review.redact(finding=findings["ID_CARD"], acting_user=desk["reviewer"])
    privacy_review.redact(finding=findings["HOME_ADDRESS"], acting_user=desk["reviewer"])
    with pytest.raises(ValidationError):
        privacy_review.justify(finding=findings["MOBILE"], acting_user=desk["reviewer"], reason="")
    privacy_review.justify(finding=findings["MOBILE"], acting_user=desk["reviewer"], reason="当事人同意公开")
    item = services.transition(item=item, to=Transition.APPROVE, acting_user=desk["approver"])

    assert item.status == Status.APPROVED
    assert PERSON_ID not in item.body
    assert "140902********0016" in item.body
    assert not PrivacyFinding.objects.filter(matched=PERSON_ID).exists()
    assert AuditEntry.objects.filter(action="policies.privacy_redacted").count() == 2
    assert services.verify_seal(item.seals.get()) == (True, True)


def test_the_organs_own_contact_number_is_not_a_finding(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = _submitted(draft, desk)

    assert all(item.organ.phone not in finding.matched for finding in item.privacy_findings.all())


def test_only_a_reviewer_resolves_findings(draft: Callable[..., InformationItem], desk: dict[str, User]) -> None:
    finding = _submitted(draft, desk).privacy_findings.first()
    assert finding is not None

    with pytest.raises(PermissionDenied):
        privacy_review.redact(finding=finding, acting_user=desk["drafter"])
