"""Staff forms for the annual report: start a year, Table A figures, the narrative, a past report, publish."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.reports import narrative, template
from gongkai.reports.models import FORMAT_LABELS

NARRATIVE_WIDGET = forms.Textarea(attrs={"rows": 8})


def _a_label(key: str) -> str:
    return template.a_label(template.ReportFormat.F2021, key)


class StartForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=2008)


class FiguresForm(forms.Form):
    """The Table A cells other systems hold (第二十条第（五）（六）（八）项)."""

    licensing_decisions = forms.IntegerField(label=_a_label("licensing_decisions"), min_value=0, required=False)
    penalty_decisions = forms.IntegerField(label=_a_label("penalty_decisions"), min_value=0, required=False)
    enforcement_decisions = forms.IntegerField(label=_a_label("enforcement_decisions"), min_value=0, required=False)
    fee_amount = forms.DecimalField(
        label=_a_label("fee_amount"), min_value=0, max_digits=14, decimal_places=4, required=False
    )


class FiguresUploadForm(forms.Form):
    workbook = forms.FileField(
        label=_("tables (XLSX)"),
        help_text=_("The 2021 tables workbook with the Table A figures filled in; the other cells are not read."),
    )


class NarrativeForm(forms.Form):
    overview = forms.CharField(label=template.SECTION_HEADINGS[0], widget=NARRATIVE_WIDGET, required=False)
    problems = forms.CharField(label=template.SECTION_HEADINGS[4], widget=NARRATIVE_WIDGET, required=False)
    other_matters = forms.CharField(label=template.SECTION_HEADINGS[5], widget=NARRATIVE_WIDGET, required=False)


class PublishForm(forms.Form):
    override_reason = forms.CharField(
        label=_("reason for publishing despite the findings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only needed when the checks found something; it is kept in the audit trail."),
    )


class PastReportForm(NarrativeForm):
    year = forms.IntegerField(label=_("year"), min_value=2008)
    report_format = forms.ChoiceField(label=_("format"), choices=list(FORMAT_LABELS.items()))
    workbook = forms.FileField(
        label=_("tables (XLSX)"),
        help_text=_("Fill in the blank template of the chosen format, downloadable on this page."),
    )

    full_text = forms.CharField(
        label=_("whole text of the published report"),
        required=False,
        widget=NARRATIVE_WIDGET,
        help_text=_("Or paste the whole report as copied from its PDF: sections one, five and six are taken from it."),
    )

    field_order = ["year", "report_format", "workbook", "full_text", "overview", "problems", "other_matters"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        sections = ("overview", "problems", "other_matters")
        if cleaned.get("full_text") and not any(cleaned.get(name) for name in sections):
            cleaned.update(zip(sections, narrative.split_report_text(cleaned["full_text"]), strict=True))
        return cleaned
