"""Information applications (政府信息公开申请) and what happens to them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel
from gongkai.foi.applicants import ApplicantKind, IdType
from gongkai.foi.decisions import OUTCOMES
from gongkai.foi.domain import State
from gongkai.foi.receipt import Channel

APPLICANT_KIND_LABELS = {
    ApplicantKind.NATURAL_PERSON: _("natural person"),
    ApplicantKind.COMMERCIAL: _("commercial enterprise"),
    ApplicantKind.RESEARCH: _("research institution"),
    ApplicantKind.PUBLIC_WELFARE: _("public-welfare organisation"),
    ApplicantKind.LEGAL_SERVICE: _("legal-service organisation"),
    ApplicantKind.OTHER_ORGANISATION: _("other organisation"),
}
ID_TYPE_LABELS = {
    IdType.RESIDENT_ID: _("resident identity card"),
    IdType.PASSPORT: _("passport"),
    IdType.HK_MACAO_PERMIT: _("Mainland travel permit for Hong Kong and Macao residents"),
    IdType.TAIWAN_PERMIT: _("Mainland travel permit for Taiwan residents"),
    IdType.FOREIGN_PERMANENT_RESIDENT: _("foreign permanent resident ID card"),
    IdType.OTHER: _("other identity document"),
}
CHANNEL_LABELS = {
    Channel.IN_PERSON: _("in person"),
    Channel.SIGNED_MAIL: _("mail signed for"),
    Channel.ORDINARY_LETTER: _("ordinary letter"),
    Channel.ONLINE: _("online"),
    Channel.FAX: _("fax"),
    Channel.EMAIL: _("email"),
    Channel.ORAL: _("oral, written down for the applicant"),
}
STATE_LABELS = {
    State.AWAITING_CONFIRMATION: _("awaiting confirmation of receipt"),
    State.REGISTERED: _("registered"),
    State.CORRECTION_REQUESTED: _("awaiting correction"),
    State.IN_PROGRESS: _("in progress"),
    State.CONSULTING: _("consulting"),
    State.AWAITING_FEE: _("awaiting payment"),
    State.DECISION_DRAFTED: _("reply drafted"),
    State.DECISION_APPROVED: _("reply approved"),
    State.SERVED: _("reply served"),
    State.CLOSED: _("closed"),
    State.WITHDRAWN: _("withdrawn"),
}
# The report's own words for each result, "（三）不予公开 1.属于国家秘密" and so on.
OUTCOME_LABELS = {
    row.outcome.value: f"{row.group[3:]}：{row.label}" if row.label != row.group else row.group[3:] for row in OUTCOMES
}
ROUTE_LABELS = {
    "RECONSIDERATION": _("administrative reconsideration"),
    "LITIGATION_DIRECT": _("lawsuit without reconsideration"),
    "LITIGATION_AFTER_RECONSIDERATION": _("lawsuit after reconsideration"),
}
RESULT_LABELS = {
    "UPHELD": _("upheld"),
    "CORRECTED": _("corrected"),
    "OTHER": _("other result"),
    "PENDING": _("not yet decided"),
}
FEE_METHOD_LABELS = {
    "PER_PIECE": _("per piece"),
    "PER_PAGE": _("per page"),
}
SERVICE_METHOD_LABELS = {
    "POST": _("by post"),
    "IN_PERSON": _("handed over in person"),
    "EMAIL": _("by email"),
    "ONLINE": _("online, with the query code"),
    "OTHER": _("other means"),
}
LETTER_KIND_LABELS = {
    "REPLY": _("reply letter"),
    "CORRECTION": _("correction notice"),
    "EXTENSION": _("extension notice"),
    "CONSULTATION": _("consultation letter"),
    "FEE": _("fee notice"),
}
PROPOSAL_STATE_LABELS = {
    "PROPOSED": _("proposed"),
    "ACCEPTED": _("to be disclosed proactively"),
    "DECLINED": _("declined"),
}
DELIVERY_LABELS = {
    "PAPER": _("paper"),
    "ELECTRONIC": _("electronic file"),
    "EMAIL": _("by email"),
    "COLLECT": _("collect in person"),
}


class Application(BaseModel):
    """政府信息公开申请: registered on arrival, whatever the channel (登记制)."""

    organ = models.ForeignKey(
        "organs.Organ", verbose_name=_("organ applied to"), on_delete=models.PROTECT, related_name="applications"
    )
    tracking_number = models.CharField(_("tracking number"), max_length=30, unique=True)
    query_code_hash = models.CharField(max_length=128)
    state = models.CharField(_("state"), max_length=30, choices=STATE_LABELS)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    # Applicant (条例第二十九条第（一）项). Personal data: shown only to the handling organ's staff.
    applicant_kind = models.CharField(_("applicant"), max_length=30, choices=APPLICANT_KIND_LABELS)
    applicant_name = models.CharField(_("name"), max_length=100)
    id_type = models.CharField(_("identity document"), max_length=30, choices=ID_TYPE_LABELS, blank=True)
    id_number = models.CharField(_("identity document number"), max_length=30, blank=True)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    legal_representative = models.CharField(_("legal representative"), max_length=50, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=50, blank=True)
    phone = models.CharField(_("telephone"), max_length=30)
    address = models.CharField(_("postal address"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)

    # The request (第（二）项、第（三）项).
    description = models.TextField(_("information requested"))
    delivery = models.CharField(_("form wanted"), max_length=20, choices=DELIVERY_LABELS)

    # Arrival and the clock (第三十条、第三十一条、第三十三条).
    channel = models.CharField(_("channel"), max_length=20, choices=CHANNEL_LABELS)
    arrived_on = models.DateField(_("date of arrival"))
    signed_for_on = models.DateField(_("date signed for"), null=True, blank=True)
    confirmed_on = models.DateField(_("date receipt confirmed"), null=True, blank=True)
    received_on = models.DateField(_("date of receipt"), null=True, blank=True)
    supplement_received_on = models.DateField(_("date supplement received"), null=True, blank=True)
    extension_workdays = models.PositiveSmallIntegerField(_("extension (working days)"), default=0)
    due_on = models.DateField(_("answer due"), null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField(default=False)
    outcome = models.CharField(_("result"), max_length=40, choices=OUTCOME_LABELS, blank=True)
    # The day the application was decided, which puts it in that year's result rows of the annual
    # report: the reply approved, processing ended after a lapsed period, or the application withdrawn.
    decided_on = models.DateField(_("date decided"), null=True, blank=True)
    calendar_version = models.PositiveIntegerField(default=0)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A one-way digest of the identity document or credit code: finds the same applicant's other
    # applications (Art. 36(六), 109号 monthly count, Art. 44) without exposing the number.
    applicant_key = models.CharField(max_length=64, blank=True, db_index=True)
    repeat_of = models.ForeignKey(
        "self",
        verbose_name=_("earlier application for the same information"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    correction_due_on = models.DateField(_("correction due"), null=True, blank=True)

    # 信息处理费 (109号): one method per application.
    fee_method = models.CharField(_("fee method"), max_length=20, choices=FEE_METHOD_LABELS, blank=True)
    fee_quantity = models.PositiveIntegerField(_("pieces or pages"), default=0)
    fee_yuan = models.PositiveIntegerField(_("fee (yuan)"), default=0)
    fee_due_on = models.DateField(_("payment due"), null=True, blank=True)
    fee_paid_on = models.DateField(_("date paid"), null=True, blank=True)
    fee_receipt = models.CharField(_("receipt number"), max_length=60, blank=True)

    # 送达 (service of the reply).
    served_method = models.CharField(_("served by"), max_length=20, choices=SERVICE_METHOD_LABELS, blank=True)
    served_on = models.DateField(_("date served"), null=True, blank=True)
    served_proof = models.CharField(_("proof of service"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("information application")
        verbose_name_plural = _("information applications")
        indexes = [models.Index(fields=["organ", "state"])]

    def __str__(self) -> str:
        return self.tracking_number


class Pause(BaseModel):
    """A consultation (第三十二条、第三十四条) or a fee wait: working days that do not count."""

    class Reason(models.TextChoices):
        CONSULTATION = "consultation", _("consultation")
        FEE = "fee", _("awaiting payment")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="pauses")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    consulted_party = models.CharField(_("consulted party"), max_length=200, blank=True)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("pause")
        verbose_name_plural = _("pauses")

    def __str__(self) -> str:
        return f"{self.application_id} {self.reason} {self.started_on}"


class RequestedItem(BaseModel):
    """One piece of information an application asks for, with its own result (一事一申请 counting)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="items")
    description = models.CharField(_("information requested"), max_length=500)
    outcome = models.CharField(_("result"), max_length=40, choices=OUTCOME_LABELS, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    # Art. 36(五): the organ that does hold the information, named in the reply.
    referred_to = models.CharField(_("organ that holds it"), max_length=200, blank=True)
    search_record = models.TextField(_("how it was searched for"), blank=True)
    proposal = models.ForeignKey(
        "DisclosureProposal", on_delete=models.SET_NULL, null=True, blank=True, related_name="requested_items"
    )

    class Meta:
        verbose_name = _("requested item")
        verbose_name_plural = _("requested items")

    def __str__(self) -> str:
        return f"{self.application_id} {self.description[:30]}"


class ReminderSent(models.Model):
    """A reminder already sent for a threshold, so the periodic job never sends it twice."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reminders")
    threshold = models.SmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "threshold"], name="one_reminder_per_threshold")]

    def __str__(self) -> str:
        return f"{self.application_id} @{self.threshold}"


class LegalChallenge(BaseModel):
    """A 行政复议 or 行政诉讼 brought over an application; the annual report's Table C counts them."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="challenges")
    route = models.CharField(_("route"), max_length=40, choices=ROUTE_LABELS)
    result = models.CharField(_("result"), max_length=20, choices=RESULT_LABELS, default="PENDING")
    body = models.CharField(_("reconsideration organ or court"), max_length=200)
    case_number = models.CharField(_("case number"), max_length=100, blank=True)
    filed_on = models.DateField(_("date filed"))
    decided_on = models.DateField(_("date decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("reconsideration or lawsuit")
        verbose_name_plural = _("reconsiderations and lawsuits")

    def __str__(self) -> str:
        return f"{self.application_id} {self.route} {self.result}"


class Letter(BaseModel):
    """A written reply or notice (答复书、补正告知书、延期答复告知书、征求意见函、收费通知书).

    Drafted with an editable body; once issued it is frozen: the DOCX and PDF bytes are kept,
    hashed, and the organ's seal key signs a record of the letter and its hashes.
    """

    class State(models.TextChoices):
        DRAFT = "DRAFT", _("draft")
        ISSUED = "ISSUED", _("issued")

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(_("kind"), max_length=20, choices=LETTER_KIND_LABELS)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    addressee = models.CharField(_("addressee"), max_length=200)
    body = models.JSONField(_("text"), default=list)
    number = models.CharField(_("document number"), max_length=60, blank=True)
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    docx = models.BinaryField(null=True, blank=True)
    pdf = models.BinaryField(null=True, blank=True)
    docx_sha256 = models.CharField(max_length=64, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    seal_key = models.ForeignKey("policies.SealKey", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    seal_record = models.JSONField(null=True, blank=True)
    seal_signature = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"],
                condition=models.Q(state="DRAFT"),
                name="one_draft_letter_per_kind",
            )
        ]

    def __str__(self) -> str:
        return self.number or f"{self.application_id} {self.kind}"

    @property
    def for_applicant(self) -> bool:
        """Everything but the consultation letter, which goes to the third party or organ consulted."""
        return self.kind != "CONSULTATION"


class DisclosureProposal(BaseModel):
    """Art. 44: information asked for by several applicants, proposed for proactive disclosure."""

    organ = models.ForeignKey("organs.Organ", on_delete=models.PROTECT, related_name="+")
    description = models.CharField(_("information"), max_length=500)
    state = models.CharField(_("state"), max_length=20, choices=PROPOSAL_STATE_LABELS, default="PROPOSED")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(_("date decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    published_item = models.ForeignKey(
        "policies.InformationItem",
        verbose_name=_("published as"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("proactive disclosure proposal")
        verbose_name_plural = _("proactive disclosure proposals")

    def __str__(self) -> str:
        return self.description[:40]


class IdentityProof(BaseModel):
    """The applicant's proof of identity (身份证明, 条例第二十九条): personal data, kept in the database
    so no file address can leak it, and shown only to the handling organ's staff."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="identity_proof")
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    data = models.BinaryField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("proof of identity")
        verbose_name_plural = _("proofs of identity")

    def __str__(self) -> str:
        return f"{self.application_id} {self.name}"
