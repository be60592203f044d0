"""Staff forms for standard catalogs: import, adoption, manual rules, links and spot checks."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.catalogs.models import DOMAIN_CHOICES, LEVEL_CHOICES, MANUAL_KIND_LABELS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


class ImportForm(forms.Form):
    domain = forms.ChoiceField(label=_("domain"), choices=DOMAIN_CHOICES)
    level = forms.ChoiceField(label=_("level"), choices=LEVEL_CHOICES)
    source = forms.CharField(
        label=_("source"),
        max_length=200,
        required=False,
        help_text=_("The ministry guideline or local document the catalog comes from."),
    )
    workbook = forms.FileField(
        label=_("catalog (XLSX)"),
        help_text=_(
            "The catalog as the county keeps it: the header row is found by its labels, merged cells are "
            "filled in, notes and blank rows are skipped. A file with any error changes nothing."
        ),
    )


class AdoptForm(forms.Form):
    rows = forms.TypedMultipleChoiceField(
        label=_("rows that apply to this organ"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    effective_from = forms.DateField(label=_("in force from"), widget=DATE_WIDGET)
    reason = forms.CharField(label=_("reason"), max_length=500, required=False)

    def __init__(self, *args: Any, row_choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rows"].choices = row_choices  # type: ignore[attr-defined]


class ManualRuleForm(forms.Form):
    manual_kind = forms.ChoiceField(
        label=_("manual rule"),
        choices=[("", _("read the time limit phrase")), *MANUAL_KIND_LABELS.items()],
        required=False,
    )
    count = forms.IntegerField(label=_("number of days"), min_value=0, max_value=365, required=False)
    month = forms.IntegerField(label=_("month"), min_value=0, max_value=12, required=False)
    day = forms.IntegerField(label=_("day"), min_value=0, max_value=31, required=False)


class LinkForm(forms.Form):
    row = forms.IntegerField(label=_("catalog row"))


class UnlinkForm(forms.Form):
    reason = forms.CharField(label=_("reason"), max_length=500, required=False)


class SpotCheckForm(forms.Form):
    organ = forms.TypedChoiceField(label=_("organ checked"), coerce=int)
    remarks = forms.CharField(label=_("remarks"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, organ_choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organ"].choices = organ_choices  # type: ignore[attr-defined]


class NoticeForm(forms.Form):
    workdays = forms.IntegerField(label=_("working days to rectify"), min_value=1, max_value=60, initial=15)
    reason = forms.CharField(label=_("reason"), max_length=500, required=False)


class RectifyForm(forms.Form):
    report = forms.CharField(label=_("rectification report"), widget=forms.Textarea(attrs={"rows": 4}))


class CloseForm(forms.Form):
    reason = forms.CharField(label=_("reason for closing"), max_length=500)
