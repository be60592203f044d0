"""Standard catalogs, their rows, which organs adopted which rows, and the items published for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.catalogs import columns, time_limits
from gongkai.catalogs.columns import RowData
from gongkai.catalogs.time_limits import ManualKind, Rule
from gongkai.core.models import BaseModel

DOMAIN_CHOICES = [(domain, domain) for domain in columns.DOMAINS]
LEVEL_CHOICES = [(level, level) for level in columns.CATALOG_LEVELS]
MANUAL_KIND_LABELS = {
    ManualKind.WORKDAYS: _("working days from formation"),
    ManualKind.DAYS: _("calendar days from formation"),
    ManualKind.YEARLY: _("every year by a date"),
}


class Catalog(BaseModel):
    """公开事项标准目录 of one domain at one level (县级 or 乡级), kept by the organ that maintains it."""

    domain = models.CharField(_("domain"), max_length=30, choices=DOMAIN_CHOICES)
    level = models.CharField(_("level"), max_length=4, choices=LEVEL_CHOICES)
    owner = models.ForeignKey(
        "organs.Organ", verbose_name=_("maintained by"), on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("standard catalog")
        verbose_name_plural = _("standard catalogs")
        constraints = [models.UniqueConstraint(fields=["domain", "level"], name="one_catalog_per_domain_level")]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return f"{self.domain}领域基层政务公开标准目录（{self.level}）"

    @property
    def sort_key(self) -> tuple[int, int]:
        return (columns.DOMAINS.index(self.domain), columns.CATALOG_LEVELS.index(self.level))


class CatalogRow(BaseModel):
    """One 公开事项 of a catalog with the §4.3 columns. A row dropped from a re-imported catalog is
    retired, not deleted, while organs have adopted it or items are linked to it."""

    catalog = models.ForeignKey(Catalog, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField(_("serial number"))
    first_item = models.CharField(columns.FIRST_ITEM, max_length=100)
    second_item = models.CharField(columns.SECOND_ITEM, max_length=200)
    content = models.TextField(columns.CONTENT)
    basis = models.TextField(columns.BASIS, blank=True)
    time_limit = models.CharField(columns.TIME_LIMIT, max_length=300)
    subject = models.CharField(columns.SUBJECT, max_length=200)
    channels = models.TextField(columns.CHANNELS, blank=True)
    audience = models.CharField(columns.AUDIENCE, max_length=20, blank=True)
    manner = models.CharField(columns.MANNER, max_length=20, blank=True)
    levels = models.CharField(columns.LEVELS, max_length=20, blank=True)
    # Entered by staff when the 公开时限 phrase reads as no rule (time_limits.MANUAL).
    manual_kind = models.CharField(_("manual rule"), max_length=10, choices=MANUAL_KIND_LABELS, blank=True)
    manual_count = models.PositiveSmallIntegerField(_("number of days"), default=0)
    manual_month = models.PositiveSmallIntegerField(_("month"), default=0)
    manual_day = models.PositiveSmallIntegerField(_("day"), default=0)
    retired = models.BooleanField(_("retired"), default=False)

    class Meta:
        verbose_name = _("catalog row")
        verbose_name_plural = _("catalog rows")
        ordering = ["catalog_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["catalog", "first_item", "second_item"], name="catalog_row_unique_item")
        ]

    def __str__(self) -> str:
        return f"{self.first_item}／{self.second_item}"

    def data(self) -> RowData:
        return RowData(**{name: getattr(self, name) for name in columns.FIELD_BY_HEADER.values()})

    def parsed_rule(self) -> Rule:
        return time_limits.parse(self.time_limit)

    def rule(self) -> Rule:
        """The staff's rule where they entered one, otherwise the one the phrase states."""
        if self.manual_kind:
            return time_limits.manual_rule(
                ManualKind(self.manual_kind), count=self.manual_count, month=self.manual_month, day=self.manual_day
            )
        return self.parsed_rule()

    def channel_list(self) -> list[str]:
        return columns.selected_channels(self.channels)


class AdoptedRow(BaseModel):
    """An organ follows this row from `effective_from` on: the compliance check counts from that day."""

    organ = models.ForeignKey(
        "organs.Organ", verbose_name=_("organ"), on_delete=models.PROTECT, related_name="adopted_catalog_rows"
    )
    row = models.ForeignKey(CatalogRow, on_delete=models.PROTECT, related_name="adoptions")
    effective_from = models.DateField(_("in force from"))
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("adopted catalog row")
        verbose_name_plural = _("adopted catalog rows")
        constraints = [models.UniqueConstraint(fields=["organ", "row"], name="adopt_row_once")]

    def __str__(self) -> str:
        return f"{self.organ_id}: {self.row}"


class ItemLink(BaseModel):
    """A published item is the organ's disclosure for a catalog row (staff link it; the platform suggests)."""

    row = models.ForeignKey(CatalogRow, on_delete=models.PROTECT, related_name="item_links")
    item = models.ForeignKey("policies.InformationItem", on_delete=models.CASCADE, related_name="catalog_links")
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("catalog link")
        verbose_name_plural = _("catalog links")
        constraints = [models.UniqueConstraint(fields=["row", "item"], name="link_item_to_row_once")]

    def __str__(self) -> str:
        return f"{self.item_id} → {self.row_id}"


class SpotCheck(BaseModel):
    """抽查检查 (city plan item 9): an assessor checks an organ's adopted rows, issues a notice (通报)
    with a rectification deadline in working days, and closes it when the organ has put it right.
    Findings stay for the year's assessment (目标责任考核)."""

    class State(models.TextChoices):
        OPEN = "OPEN", _("being checked")
        NOTIFIED = "NOTIFIED", _("notice issued, rectification due")
        RECTIFIED = "RECTIFIED", _("rectification reported")
        CLOSED = "CLOSED", _("closed")

    organ = models.ForeignKey(
        "organs.Organ", verbose_name=_("organ checked"), on_delete=models.PROTECT, related_name="+"
    )
    checked_by = models.ForeignKey(
        "organs.Organ", verbose_name=_("checking organ"), on_delete=models.PROTECT, related_name="+"
    )
    checked_on = models.DateField(_("date of the check"))
    year = models.PositiveSmallIntegerField(_("assessment year"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    rows_checked = models.PositiveIntegerField(_("rows checked"), default=0)
    # compliance findings at the time of the check: [{row, catalog, gap, detail, period, evidence}]
    findings = models.JSONField(_("findings"), default=list)
    remarks = models.TextField(_("remarks"), blank=True)
    notice_number = models.CharField(_("notice number"), max_length=60, blank=True)
    notice_docx = models.BinaryField(blank=True, default=b"")
    notice_pdf = models.BinaryField(blank=True, default=b"")
    notified_on = models.DateField(_("date of notice"), null=True, blank=True)
    rectification_workdays = models.PositiveSmallIntegerField(_("working days to rectify"), default=0)
    rectify_by = models.DateField(_("rectify by"), null=True, blank=True)
    rectification_report = models.TextField(_("rectification report"), blank=True)
    rectified_on = models.DateField(_("date rectification reported"), null=True, blank=True)
    closed_on = models.DateField(_("date closed"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("spot check")
        verbose_name_plural = _("spot checks")
        ordering = ["-checked_on", "-id"]

    def __str__(self) -> str:
        return f"{self.organ}政务公开标准目录执行情况抽查（{self.checked_on:%Y-%m-%d}）"
