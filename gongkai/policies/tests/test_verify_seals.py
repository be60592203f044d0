from collections.abc import Callable

import pytest
from django.core.management import CommandError, call_command

from gongkai.accounts.models import User
from gongkai.policies import services
from gongkai.policies.domain import Transition
from gongkai.policies.models import InformationItem

pytestmark = pytest.mark.django_db


def _approved(draft: Callable[..., InformationItem], desk: dict[str, User], title: str) -> InformationItem:
    item = draft(title=title)
    for step, who in (
        (Transition.SUBMIT, "drafter"),
        (Transition.REVIEW, "reviewer"),
        (Transition.APPROVE, "approver"),
    ):
        item = services.transition(item=item, to=step, acting_user=desk[who])
    return item


def test_the_command_verifies_every_seal_and_names_a_tampered_item(
    draft: Callable[..., InformationItem], desk: dict[str, User], capsys: pytest.CaptureFixture[str]
) -> None:
    intact = _approved(draft, desk, "完好的通知")
    tampered = _approved(draft, desk, "被改动的通知")

    call_command("verify_seals")
    assert "全部 2 个用印记录核验通过" in capsys.readouterr().out

    InformationItem.objects.filter(pk=tampered.pk).update(title="改动后的标题")
    with pytest.raises(CommandError, match="2 个用印记录中有 1 个未通过核验"):
        call_command("verify_seals")
    assert tampered.index_number in capsys.readouterr().err
    call_command("verify_seals", item=intact.pk)
