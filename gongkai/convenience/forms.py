"""Staff forms for convenience replies. They parse input only; the services hold the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.convenience.models import CHANNEL_LABELS


class ReplyForm(forms.Form):
    # Nothing is required here: the "find related documents" button posts a half-filled form, and
    # the service reports what is missing at each field when the reply is saved.
    channel = forms.ChoiceField(label=_("channel"), choices=list(CHANNEL_LABELS.items()), initial="TELEPHONE")
    question = forms.CharField(
        label=_("question"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "data-suggest-source": ""}),
        help_text=_("Published documents and earlier answers that match the question are suggested below."),
    )
    hotline_ticket = forms.CharField(
        label=_("ticket number"),
        required=False,
        max_length=60,
        help_text=_("The 12345 work order number; required for the 12345 hotline."),
    )
    application = forms.CharField(
        label=_("tracking number of the information application"),
        required=False,
        max_length=30,
        help_text=_("When the formal procedure cannot help, name the application this reply takes the place of."),
    )
    asked_on = forms.DateField(label=_("date asked"), widget=forms.DateInput(attrs={"type": "date"}))
    answer = forms.CharField(label=_("answer"), required=False, widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["asked_on"].initial = timezone.localdate()


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("answer"), required=False, widget=forms.Textarea(attrs={"rows": 8}))


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("name of the hotline system"),
        max_length=100,
        help_text=_("For example, the city's 12345 work order system."),
    )


def posted_ids(values: list[str]) -> list[int]:
    """The ticked document ids; anything not a number is dropped (the service checks the rest)."""
    return sorted({int(value) for value in values if value.isdigit()})
