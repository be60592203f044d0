"""Workbench forms. Validation that is a rule lives in the services; these only shape input."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NOTICE_EXAMPLE = "元旦 2027-01-01\n春节 2027-02-06~2027-02-13\n国庆节、中秋节 2027-10-01至2027-10-07"


class ArrangementForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2004,
        max_value=2100,
        error_messages={"required": _("Enter the year."), "invalid": _("Enter a year such as 2027.")},
    )
    notice_reference = forms.CharField(
        label=_("Notice"),
        max_length=200,
        help_text=_("The State Council General Office notice, for example 国办发明电〔2026〕7号."),
        error_messages={"required": _("Enter the notice the arrangement comes from.")},
    )
    holidays_text = forms.CharField(
        label=_("Holidays"),
        widget=forms.Textarea(attrs={"rows": 8, "placeholder": NOTICE_EXAMPLE}),
        help_text=_(
            "One festival per line: its name, then dates or ranges, as in the notice, for example "
            "春节 2027-02-06~2027-02-13. Dates may be written 2027-02-06, 2027/02/06 or 2027年2月6日; "
            "a range with ~ or 至."
        ),
        error_messages={"required": _("Enter at least one holiday.")},
    )
    makeup_text = forms.CharField(
        label=_("Make-up working days"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "春节 2027-02-14 2027-02-20"}),
        help_text=_(
            "Weekend days declared working days (调休上班), one festival per line, for example "
            "春节 2027-02-14 2027-02-20."
        ),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["year"].initial = timezone.localdate().year + 1


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejecting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for rejecting.")},
    )


class OrganSwitchForm(forms.Form):
    organ = forms.IntegerField(widget=forms.HiddenInput)
