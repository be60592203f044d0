"""One annual report per organ and year: generated from the records, or entered for a past year."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel
from gongkai.reports.template import ReportFormat

FORMAT_LABELS = {
    ReportFormat.F2021: _("2021 format (国办公开办函〔2021〕30号)"),
    ReportFormat.F2019: _("2019 format (国办公开办函〔2019〕60号)"),
}


class AnnualReport(BaseModel):
    """政府信息公开工作年度报告.

    A generated draft shows its tables counted live from the records and keeps only what staff
    enter (the Table A figures other systems hold, and the narrative). Publication freezes the
    tables as they were validated; a past report (``origin`` PAST) holds its tables as entered.
    """

    class Origin(models.TextChoices):
        GENERATED = "GENERATED", _("generated from the platform's records")
        PAST = "PAST", _("entered from a report published before the platform")

    class State(models.TextChoices):
        DRAFT = "DRAFT", _("draft")
        PUBLISHED = "PUBLISHED", _("published")

    organ = models.ForeignKey("organs.Organ", verbose_name=_("organ"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    report_format = models.CharField(_("format"), max_length=4, choices=FORMAT_LABELS, default=ReportFormat.F2021)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.GENERATED)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    # Table A figures entered by staff (generated reports), or every table (past and published reports),
    # in reports.tables.ReportTables.to_json form.
    tables = models.JSONField(default=dict)
    overview = models.TextField(_("overview"), blank=True)
    problems = models.TextField(_("problems and improvements"), blank=True)
    other_matters = models.TextField(_("other matters"), blank=True)
    published_on = models.DateField(_("date published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Why a report that failed validation was published anyway; printed with the audit trail.
    override_reason = models.TextField(_("reason for publishing despite the findings"), blank=True)
    findings = models.JSONField(default=list)  # validation findings at publication

    class Meta:
        verbose_name = _("annual report")
        constraints = [models.UniqueConstraint(fields=["organ", "year"], name="one_report_per_organ_year")]
        ordering = ["-year", "organ__sort_order"]

    def __str__(self) -> str:
        return f"{self.organ}{self.year}年政府信息公开工作年度报告"

    @property
    def title(self) -> str:
        return str(self)

    def narrative(self) -> tuple[str, str, str]:
        return (self.overview, self.problems, self.other_matters)
