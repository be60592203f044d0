"""Government information items (政府信息), their attribute decisions and the seals on them."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel
from gongkai.policies.domain import DisclosureAttribute, ItemKind, LegalBasis, Status, Validity

ATTRIBUTE_LABELS = {
    DisclosureAttribute.PROACTIVE: _("proactive disclosure"),
    DisclosureAttribute.ON_REQUEST: _("disclosure on application"),
    DisclosureAttribute.WITHHELD: _("not disclosed"),
}
BASIS_LABELS = {
    LegalBasis.ART_14: _("Art. 14: state secrets, prohibited by law, or endangering security and stability"),
    LegalBasis.ART_15: _("Art. 15: trade secrets or personal privacy of a third party"),
    LegalBasis.ART_16_1: _("Art. 16(1): internal affairs"),
    LegalBasis.ART_16_2: _("Art. 16(2): process information or law-enforcement case files"),
    LegalBasis.OTHER_LAW: _("another law or administrative regulation"),
}
KIND_LABELS = {
    ItemKind.REGULATION: _("government rules"),
    ItemKind.NORMATIVE_DOCUMENT: _("administrative normative document"),
    ItemKind.OTHER_DOCUMENT: _("other document"),
    ItemKind.PLAN: _("plan"),
    ItemKind.STATISTICS: _("statistics"),
    ItemKind.FISCAL: _("budget and final accounts"),
    ItemKind.PERSONNEL: _("civil service recruitment"),
    ItemKind.WORK_NEWS: _("work news"),
    ItemKind.ADMINISTRATIVE_LICENCE: _("administrative licensing"),
    ItemKind.ADMINISTRATIVE_PENALTY: _("administrative penalties"),
    ItemKind.FEES: _("administrative fees"),
    ItemKind.PROCUREMENT: _("government procurement"),
    ItemKind.EMERGENCY: _("emergency plans"),
    ItemKind.PUBLIC_SERVICE: _("livelihood policies"),
    ItemKind.ORGAN_INFO: _("organ information"),
    ItemKind.MAJOR_PROJECT: _("major construction projects"),
    ItemKind.INSPECTION: _("supervision and inspection"),
    ItemKind.LETTER_REPLY: _("letters and replies"),
    ItemKind.MEETING: _("meetings"),
    ItemKind.INTERNAL: _("internal affairs"),
    ItemKind.INTERPRETATION: _("policy interpretation"),
}
VALIDITY_LABELS = {
    Validity.VALID: _("valid"),
    Validity.EXPIRED: _("expired"),
    Validity.REPEALED: _("repealed"),
}
PRIVACY_KIND_LABELS = {
    "ID_CARD": _("identity card number"),
    "MOBILE": _("mobile number"),
    "LANDLINE": _("landline number"),
    "BANK_CARD": _("bank card number"),
    "EMAIL": _("email address"),
    "CREDIT_CODE_INDIVIDUAL": _("credit code of an individual business"),
    "HOME_ADDRESS": _("home address"),
}
STATUS_LABELS = {
    Status.DRAFT: _("draft"),
    Status.SUBMITTED: _("submitted for review"),
    Status.REVIEWED: _("reviewed"),
    Status.APPROVED: _("approved"),
    Status.PUBLISHED: _("published"),
    Status.WITHDRAWN: _("withdrawn"),
    Status.EXPIRED: _("taken down"),
}


class Topic(BaseModel):
    """主题分类: a node of the State Council taxonomy as edited locally."""

    name = models.CharField(_("name"), max_length=60)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=100)

    class Meta:
        verbose_name = _("topic category")
        verbose_name_plural = _("topic categories")
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="topic_unique_name_per_parent")]

    def __str__(self) -> str:
        return self.path

    @property
    def path(self) -> str:
        """一级\\二级, the form the State Council's metadata box shows."""
        return f"{self.parent.name}\\{self.name}" if self.parent_id and self.parent else self.name


class InformationItem(BaseModel):
    """政府信息: one item of government information with the standard metadata (REGULATIONS.md §6.1)."""

    organ = models.ForeignKey(
        "organs.Organ", verbose_name=_("issuing organ"), on_delete=models.PROTECT, related_name="information_items"
    )
    co_issuers = models.ManyToManyField(
        "organs.Organ", verbose_name=_("joint issuers"), blank=True, related_name="joint_information_items"
    )
    index_number = models.CharField(_("index number"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=300)
    document_number = models.CharField(_("document number"), max_length=80, blank=True)
    document_number_key = models.CharField(max_length=80, blank=True, db_index=True)
    written_on = models.DateField(_("date of writing"), null=True, blank=True)
    formed_on = models.DateField(_("date formed or changed"))
    published_on = models.DateField(_("date of publication"), null=True, blank=True)
    topic = models.ForeignKey(Topic, verbose_name=_("topic category"), on_delete=models.PROTECT, related_name="items")
    kind = models.CharField(_("kind"), max_length=30, choices=KIND_LABELS)
    declared_validity = models.CharField(_("validity"), max_length=20, choices=VALIDITY_LABELS, default=Validity.VALID)
    expires_on = models.DateField(_("expiry date"), null=True, blank=True)
    repealed_on = models.DateField(_("date of repeal"), null=True, blank=True)
    keywords = models.CharField(_("keywords"), max_length=200, blank=True)
    body = models.TextField(_("body"), blank=True)
    body_text = models.TextField(editable=False, blank=True)
    target_groups = models.CharField(_("target groups"), max_length=200, blank=True)
    areas = models.CharField(_("areas"), max_length=200, blank=True)
    # Plan item 11: a major policy needs an interpretation like every 行政规范性文件 does.
    is_major_policy = models.BooleanField(_("major policy"), default=False)

    attribute = models.CharField(_("disclosure attribute"), max_length=20, choices=ATTRIBUTE_LABELS)
    legal_basis = models.CharField(_("legal basis"), max_length=20, choices=BASIS_LABELS, blank=True)
    other_law = models.CharField(_("law or regulation named"), max_length=200, blank=True)
    attribute_reason = models.TextField(_("reason"), blank=True)
    override_reason = models.TextField(_("reason for departing from the superior document"), blank=True)
    affects_public_interest = models.BooleanField(_("affects the public interest"), default=False)
    re_review_on = models.DateField(_("re-review date"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=20, choices=STATUS_LABELS, default=Status.DRAFT)
    superior = models.ForeignKey(
        "self", verbose_name=_("superior document"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    amends = models.ManyToManyField(
        "self", verbose_name=_("documents it amends"), symmetrical=False, blank=True, related_name="amended_by"
    )
    repeals = models.ManyToManyField(
        "self", verbose_name=_("documents it repeals"), symmetrical=False, blank=True, related_name="repealed_by"
    )
    # Empty for items imported from before the platform existed.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    content_hash = models.CharField(max_length=64, editable=False)
    # For items brought in from an old site: the row's identity, so importing a file again adds nothing.
    source_key = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("information item")
        verbose_name_plural = _("information items")
        indexes = [
            models.Index(fields=["status", "attribute", "published_on"]),
            models.Index(fields=["organ", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source_key"], condition=~models.Q(source_key=""), name="item_unique_source_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.index_number} {self.title}"

    def snapshot(self) -> dict[str, Any]:
        return {
            "index_number": self.index_number,
            "title": self.title,
            "document_number": self.document_number,
            "status": self.status,
            "attribute": self.attribute,
            "legal_basis": self.legal_basis,
            "attribute_reason": self.attribute_reason,
            "content_hash": self.content_hash,
        }


class AttributeDecision(BaseModel):
    """One entry of the 公文公开属性认定台账: an attribute set, changed, overridden or re-reviewed."""

    class Occasion(models.TextChoices):
        DRAFTED = "DRAFTED", _("set at drafting")
        CHANGED = "CHANGED", _("changed before approval")
        RE_REVIEWED = "RE_REVIEWED", _("confirmed at re-review")
        CONVERTED = "CONVERTED", _("converted to proactive at re-review")

    item = models.ForeignKey(InformationItem, on_delete=models.CASCADE, related_name="attribute_decisions")
    occasion = models.CharField(_("occasion"), max_length=20, choices=Occasion.choices)
    attribute = models.CharField(_("disclosure attribute"), max_length=20, choices=ATTRIBUTE_LABELS)
    legal_basis = models.CharField(_("legal basis"), max_length=20, choices=BASIS_LABELS, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(_("date of decision"))

    class Meta:
        verbose_name = _("attribute decision")
        verbose_name_plural = _("attribute decisions")

    def __str__(self) -> str:
        return f"{self.item_id} {self.attribute} {self.decided_on}"


class SealKey(BaseModel):
    """An organ's signing key for its 政府信息公开专用章 (plan item 18); the private half is encrypted."""

    organ = models.ForeignKey("organs.Organ", verbose_name=_("organ"), on_delete=models.PROTECT, related_name="+")
    public_key = models.TextField(_("public key"))
    encrypted_private_key = models.BinaryField()
    fingerprint = models.CharField(_("fingerprint"), max_length=64, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("seal key")
        verbose_name_plural = _("seal keys")
        constraints = [
            models.UniqueConstraint(
                fields=["organ"], condition=models.Q(is_active=True), name="one_active_seal_key_per_organ"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organ_id} {self.fingerprint[:16]}"


class Seal(BaseModel):
    """The seal applied at approval: a signature over the canonical record of the decision."""

    item = models.ForeignKey(InformationItem, on_delete=models.PROTECT, related_name="seals")
    key = models.ForeignKey(SealKey, on_delete=models.PROTECT, related_name="seals")
    record = models.JSONField(_("sealed record"))
    signature = models.CharField(_("signature"), max_length=200)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("seal")
        verbose_name_plural = _("seals")

    def __str__(self) -> str:
        return f"{self.item_id} {self.signature[:16]}"


class ImportJob(BaseModel):
    """A bulk import of legacy items from a file: its progress and its error report."""

    class State(models.TextChoices):
        QUEUED = "QUEUED", _("queued")
        RUNNING = "RUNNING", _("running")
        FINISHED = "FINISHED", _("finished")
        FAILED = "FAILED", _("failed")

    organ = models.ForeignKey("organs.Organ", verbose_name=_("organ"), on_delete=models.PROTECT, related_name="+")
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.QUEUED)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    imported_rows = models.PositiveIntegerField(_("rows imported"), default=0)
    skipped_rows = models.PositiveIntegerField(_("rows already imported"), default=0)
    error_rows = models.PositiveIntegerField(_("rows with errors"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.state})"


class PrivacyFinding(BaseModel):
    """Personal data found in an item before approval (条例第十五条); it blocks approval until resolved."""

    class State(models.TextChoices):
        OPEN = "OPEN", _("to be resolved")
        REDACTED = "REDACTED", _("masked")
        JUSTIFIED = "JUSTIFIED", _("kept, with a reason")

    item = models.ForeignKey(InformationItem, on_delete=models.CASCADE, related_name="privacy_findings")
    # Empty when the finding is in the body; otherwise the attachment whose text contains it.
    attachment = models.ForeignKey(
        "Attachment", on_delete=models.CASCADE, null=True, blank=True, related_name="privacy_findings"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=PRIVACY_KIND_LABELS)
    matched = models.CharField(_("text found"), max_length=200)
    masked = models.CharField(_("masked form"), max_length=200)
    context = models.CharField(_("context"), max_length=300, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)
    justification = models.TextField(_("justification"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("privacy finding")
        verbose_name_plural = _("privacy findings")

    def __str__(self) -> str:
        return f"{self.item_id} {self.kind} {self.masked}"


class Attachment(BaseModel):
    """A file attached to an item (附件): its type checked by content, its text kept for search and scans."""

    item = models.ForeignKey(InformationItem, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    extracted_text = models.TextField(blank=True, editable=False)
    # The masked copy published instead of the original when personal data was found in it.
    published_file = models.FileField(upload_to="attachments/%Y/%m/", blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class IndexScheme(BaseModel):
    """An organ's own 索引号 template, where it differs from the platform default (REGULATIONS.md §6.2)."""

    organ = models.OneToOneField("organs.Organ", verbose_name=_("organ"), on_delete=models.CASCADE, related_name="+")
    template = models.CharField(_("index number template"), max_length=100)

    class Meta:
        verbose_name = _("index number scheme")
        verbose_name_plural = _("index number schemes")

    def __str__(self) -> str:
        return f"{self.organ_id}: {self.template}"
