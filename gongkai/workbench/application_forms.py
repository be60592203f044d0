"""Staff registration of applications on every channel (条例第二十九条、第三十一条)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.foi.models import CHANNEL_LABELS
from gongkai.portal.application_forms import ApplicationForm


class RegistrationForm(ApplicationForm):
    channel = forms.ChoiceField(label=_("channel"), choices=list(CHANNEL_LABELS.items()), initial="IN_PERSON")
    arrived_on = forms.DateField(label=_("date of arrival"), widget=forms.DateInput(attrs={"type": "date"}))
    signed_for_on = forms.DateField(
        label=_("date signed for"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For mail that must be signed for: the receipt day is the day it was signed for."),
    )
    confirmed_on = forms.DateField(
        label=_("date receipt confirmed"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For an ordinary letter, online, email or fax: the day the office and the applicant confirmed it."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["arrived_on"].initial = timezone.localdate()


class StepForm(forms.Form):
    reason = forms.CharField(label=_("reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    on = forms.DateField(label=_("date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    consulted_party = forms.CharField(label=_("consulted party"), required=False, max_length=200)
