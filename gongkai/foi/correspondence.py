"""The letters of an application: numbering, drafting, staff edits, and issuing (freeze, hash, seal).

Called by foi.services inside the transaction of the step that needs the letter, so a letter and
the move it belongs to are stored together or not at all. An issued letter never changes: its
DOCX and PDF bytes are kept with their SHA-256, and the organ's seal key signs a record of the
letter (number, kind, addressee, date, a hash of its text). The files carry the seal mark with a
check code derived from the signature, so they are rendered after signing.
"""

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Final

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.accounts.models import User
from gongkai.foi import letters, notices
from gongkai.foi.decisions import Outcome
from gongkai.foi.letter_layout import OfficialLetter, SealMark, letter_hash, to_docx, to_pdf
from gongkai.foi.models import Application, Letter
from gongkai.organs import serials
from gongkai.organs.domain import OrganKind
from gongkai.organs.models import Organ
from gongkai.policies import seal
from gongkai.policies import services as policy_services

# The middle of each kind's 发文字号: 忻发改依申复〔2026〕3号, 忻发改依申补〔2026〕1号 …
NUMBER_CODES: Final = {
    "REPLY": "依申复",
    "CORRECTION": "依申补",
    "EXTENSION": "依申延",
    "CONSULTATION": "依申征",
    "FEE": "依申费",
}
DEFAULT_COURT: Final = "有管辖权的人民法院"
DRAFT_NUMBER: Final = "（草稿，签发时编号）"
SAME_LEVEL_GOVERNMENT: Final = "本级人民政府"  # the letter's words when the tree names no government above
GOVERNMENT_KINDS: Final = frozenset({OrganKind.GOVERNMENT, OrganKind.TOWNSHIP})

LetterBuilder = Callable[[str, date, SealMark | None], OfficialLetter]


def remedy_addressees(organ: Organ) -> tuple[str, str]:
    """(reconsideration organ, court) for the remedy paragraph.

    Since 2024 the people's government at the organ's level decides reconsiderations of its
    departments (行政复议法 2023 Art. 24); a government's own decisions go to the government above.
    An organ's own setting wins; the tree gives the default.
    """
    court = organ.court or DEFAULT_COURT
    if organ.reconsideration_organ:
        return organ.reconsideration_organ, court
    current = organ if organ.kind not in GOVERNMENT_KINDS else organ.parent
    while current is not None and current.kind not in GOVERNMENT_KINDS:
        current = current.parent
    return (current.name if current is not None else SAME_LEVEL_GOVERNMENT), court


def _received_on(application: Application) -> date:
    """Letters exist only once receipt is confirmed (Art. 31); before that no step makes one."""
    if application.received_on is None:
        raise ValidationError(_("Confirm receipt of the application first."))
    return application.received_on


def _number(organ: Organ, kind: str, year: int) -> str:
    code = organ.letter_code or organ.short_name
    return f"{code}{NUMBER_CODES[kind]}〔{year}〕{serials.next_serial(organ, year, f'letter:{kind}')}号"


def _reply_letter(application: Application, *, number: str, issued_on: date) -> letters.ReplyLetter:
    reconsideration_organ, court = remedy_addressees(application.organ)
    items = []
    for item in application.items.order_by("id"):
        outcome = Outcome(item.outcome or application.outcome)
        items.append(
            letters.ItemResult(
                description=item.description,
                outcome=outcome,
                reason=item.reason,
                search_record=item.search_record,
                referred_to=item.referred_to,
            )
        )
    return letters.ReplyLetter(
        organ_name=application.organ.name,
        document_number=number,
        applicant_name=application.applicant_name,
        tracking_number=application.tracking_number,
        received_on=_received_on(application),
        items=tuple(items),
        fee_yuan=application.fee_yuan if application.fee_paid_on else 0,
        reconsideration_organ=reconsideration_organ,
        court=court,
        issued_on=max(issued_on, _received_on(application)),
    )


def draft_reply(application: Application, *, on: date) -> Letter:
    """The 答复书 drafted from the recorded results; an earlier draft is replaced."""
    application.letters.filter(kind="REPLY", state=Letter.State.DRAFT).delete()
    reply = _reply_letter(application, number="", issued_on=on)
    return Letter.objects.create(
        application=application,
        kind="REPLY",
        addressee=application.applicant_name,
        body=list(letters.reply_body(reply)),
    )


def discard_draft(application: Application) -> None:
    application.letters.filter(kind="REPLY", state=Letter.State.DRAFT).delete()


def split_paragraphs(text: str) -> list[str]:
    """The edited body: one paragraph per non-empty line."""
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def check_reply_body(application: Application, body: list[str]) -> None:
    missing = letters.missing_elements(
        tuple(body), tracking_number=application.tracking_number, received_on=_received_on(application)
    )
    if missing:
        raise ValidationError({"body": _("The reply no longer states: %(missing)s.") % {"missing": "、".join(missing)}})


def _seal_mark(organ: Organ, signature: str) -> SealMark:
    code = hashlib.sha256(signature.encode("ascii")).hexdigest()[:16].upper()
    return SealMark(organ.name, _("electronic seal check code %(code)s") % {"code": code})


def _issue(letter: Letter, build: LetterBuilder, *, acting_user: User | None, on: date) -> Letter:
    """Number, seal, render and freeze the letter."""
    application = letter.application
    organ = application.organ
    letter.number = _number(organ, letter.kind, on.year)
    unsealed = build(letter.number, on, None)
    record = {
        "application": application.tracking_number,
        "kind": letter.kind,
        "number": letter.number,
        "organ": organ.name,
        "addressee": letter.addressee,
        "issued_on": on.isoformat(),
        "text_sha256": seal.content_hash(*unsealed.body),
        "signed_by": acting_user.display_name if acting_user else "",
        "signed_at": timezone.now().isoformat(timespec="seconds"),
    }
    key, signature = policy_services.sign_with_organ_seal(organ, record)
    sealed = build(letter.number, on, _seal_mark(organ, signature))
    letter.body = list(sealed.body)
    letter.docx = to_docx(sealed)
    letter.pdf = to_pdf(sealed)
    letter.docx_sha256 = letter_hash(letter.docx)
    letter.pdf_sha256 = letter_hash(letter.pdf)
    letter.seal_key = key
    letter.seal_record = record
    letter.seal_signature = signature
    letter.issued_on = on
    letter.issued_by = acting_user
    letter.state = Letter.State.ISSUED
    letter.save()
    return letter


def issue_reply(application: Application, *, acting_user: User, on: date) -> Letter:
    """At approval: the drafted (and perhaps edited) reply is numbered, sealed and frozen."""
    letter = application.letters.filter(kind="REPLY", state=Letter.State.DRAFT).first()
    if letter is None:
        letter = draft_reply(application, on=on)
    body = tuple(letter.body)

    def build(number: str, day: date, mark: SealMark | None) -> OfficialLetter:
        return letters.reply_document(_reply_letter(application, number=number, issued_on=day), body=body, seal=mark)

    return _issue(letter, build, acting_user=acting_user, on=on)


def issue_closing_reply(application: Application, *, acting_user: User, on: date) -> Letter:
    """The reply when processing ends without a decision on the merits (逾期不补正, 逾期不缴费)."""
    discard_draft(application)
    letter = draft_reply(application, on=on)

    def build(number: str, day: date, mark: SealMark | None) -> OfficialLetter:
        return letters.reply_document(_reply_letter(application, number=number, issued_on=day), seal=mark)

    return _issue(letter, build, acting_user=acting_user, on=on)


def _header(application: Application, addressee: str, number: str, day: date) -> notices.Header:
    return notices.Header(
        organ_name=application.organ.name,
        number=number,
        addressee=addressee,
        tracking_number=application.tracking_number,
        received_on=_received_on(application),
        issued_on=day,
    )


def issue_notice(
    application: Application,
    kind: str,
    *,
    addressee: str,
    acting_user: User | None,
    on: date,
    make: Callable[[notices.Header, SealMark | None], OfficialLetter],
) -> Letter:
    """A 补正, extension, consultation or fee notice, issued at the step that calls for it."""
    letter = Letter(application=application, kind=kind, addressee=addressee)

    def build(number: str, day: date, mark: SealMark | None) -> OfficialLetter:
        return make(_header(application, addressee, number, day), mark)

    return _issue(letter, build, acting_user=acting_user, on=on)


def verify(letter: Letter) -> tuple[bool, bool]:
    """(the seal's signature is genuine, the stored files are the ones issued)."""
    if letter.state != Letter.State.ISSUED or letter.seal_key is None or letter.seal_record is None:
        return False, False
    genuine = seal.verify(letter.seal_record, signature=letter.seal_signature, public_pem=letter.seal_key.public_key)
    unchanged = (
        letter_hash(bytes(letter.pdf or b"")) == letter.pdf_sha256
        and letter_hash(bytes(letter.docx or b"")) == letter.docx_sha256
        and seal.content_hash(*letter.body) == letter.seal_record.get("text_sha256")
    )
    return genuine, unchanged


def preview_pdf(letter: Letter) -> bytes:
    """A draft reply as it would print, without number or seal, for the approver to read."""
    application = letter.application
    reply = _reply_letter(application, number=DRAFT_NUMBER, issued_on=timezone.localdate())
    return to_pdf(letters.reply_document(reply, body=tuple(letter.body)))
