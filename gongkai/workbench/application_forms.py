"""Staff forms for applications: registration on every channel, the workflow steps, letters, remedies."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.foi.domain import Move
from gongkai.foi.models import CHANNEL_LABELS, FEE_METHOD_LABELS, RESULT_LABELS, ROUTE_LABELS, SERVICE_METHOD_LABELS
from gongkai.foi.notices import MAX_CORRECTION_PERIOD_WORKDAYS
from gongkai.portal.application_forms import ApplicationForm

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class RegistrationForm(ApplicationForm):
    channel = forms.ChoiceField(label=_("channel"), choices=list(CHANNEL_LABELS.items()), initial="IN_PERSON")
    arrived_on = forms.DateField(label=_("date of arrival"), widget=DATE_INPUT)
    signed_for_on = forms.DateField(
        label=_("date signed for"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("For mail that must be signed for: the receipt day is the day it was signed for."),
    )
    confirmed_on = forms.DateField(
        label=_("date receipt confirmed"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("For an ordinary letter, online, email or fax: the day the office and the applicant confirmed it."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["arrived_on"].initial = timezone.localdate()


class StepForm(forms.Form):
    """Every fact a step may carry; `step_form` keeps the ones its step needs."""

    reason = forms.CharField(label=_("reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    period_workdays = forms.IntegerField(
        label=_("period to supply (working days)"),
        min_value=1,
        max_value=MAX_CORRECTION_PERIOD_WORKDAYS,
        initial=MAX_CORRECTION_PERIOD_WORKDAYS,
    )
    consulted_party = forms.CharField(label=_("consulted party"), max_length=200)
    fee_method = forms.ChoiceField(label=_("fee method"), choices=list(FEE_METHOD_LABELS.items()))
    fee_quantity = forms.IntegerField(
        label=_("pieces or pages"),
        min_value=0,
        required=False,
        help_text=_("Per piece: leave empty to count the requested items."),
    )
    fee_receipt = forms.CharField(label=_("receipt number"), max_length=60)
    served_method = forms.ChoiceField(label=_("served by"), choices=list(SERVICE_METHOD_LABELS.items()))
    served_proof = forms.CharField(
        label=_("proof of service"),
        max_length=100,
        required=False,
        help_text=_("For mail, the postal tracking number."),
    )
    on = forms.DateField(label=_("date"), required=False, widget=DATE_INPUT, help_text=_("Today when left empty."))


# The facts each step asks for beyond the reason and the date.
STEP_FIELDS: dict[Move, tuple[str, ...]] = {
    Move.REQUEST_CORRECTION: ("period_workdays",),
    Move.START_CONSULTATION: ("consulted_party",),
    Move.SEND_FEE_NOTICE: ("fee_method", "fee_quantity"),
    Move.RECORD_PAYMENT: ("fee_receipt",),
    Move.SERVE: ("served_method", "served_proof"),
}
# Where the reason is the substance of a notice, the label says what the notice needs.
REASON_LABELS = {
    Move.REQUEST_CORRECTION: _("What the applicant must supply (stated in the correction notice)"),
    Move.START_CONSULTATION: _("Why the party is consulted (stated in the consultation letter)"),
}


def step_form(move: Move, reason_required: bool, data: object = None) -> StepForm:
    form = StepForm(data, prefix=move.value.lower())  # type: ignore[arg-type]
    keep = {"reason", "on", *STEP_FIELDS.get(move, ())}
    for name in list(form.fields):
        if name not in keep:
            del form.fields[name]
    form.fields["reason"].required = reason_required
    if move in REASON_LABELS:
        form.fields["reason"].label = REASON_LABELS[move]
    return form


class ReplyEditForm(forms.Form):
    body = forms.CharField(
        label=_("text of the reply"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("One paragraph per line. Title, number, applicant, organ, date and seal are added on approval."),
    )


class ChallengeForm(forms.Form):
    route = forms.ChoiceField(label=_("route"), choices=list(ROUTE_LABELS.items()))
    body = forms.CharField(label=_("reconsideration organ or court"), max_length=200)
    case_number = forms.CharField(label=_("case number"), max_length=100, required=False)
    filed_on = forms.DateField(label=_("date filed"), widget=DATE_INPUT)
    result = forms.ChoiceField(label=_("result"), choices=list(RESULT_LABELS.items()), initial="PENDING")
    decided_on = forms.DateField(label=_("date decided"), required=False, widget=DATE_INPUT)


class ChallengeResultForm(forms.Form):
    result = forms.ChoiceField(label=_("result"), choices=list(RESULT_LABELS.items()))
    decided_on = forms.DateField(label=_("date decided"), required=False, widget=DATE_INPUT)
