"""The drafting form for government information; the rules themselves run in the service."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.policies.models import ATTRIBUTE_LABELS, BASIS_LABELS, KIND_LABELS, VALIDITY_LABELS, Topic


class TopicChoiceField(forms.ModelChoiceField[Topic]):
    def label_from_instance(self, obj: Topic) -> str:
        return obj.path


class ItemForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=300, error_messages={"required": _("Enter the title.")})
    document_number = forms.CharField(
        label=_("document number"),
        required=False,
        max_length=80,
        help_text=_("Brackets of any kind are accepted and stored as 〔〕, for example 忻政办发〔2021〕35号."),
    )
    written_on = forms.DateField(
        label=_("date of writing"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    topic = TopicChoiceField(
        label=_("topic category"),
        queryset=Topic.objects.filter(parent__isnull=False)
        .select_related("parent")
        .order_by("parent__sort_order", "sort_order"),
        error_messages={"required": _("Choose the topic category.")},
    )
    kind = forms.ChoiceField(label=_("kind"), choices=list(KIND_LABELS.items()))
    keywords = forms.CharField(
        label=_("keywords"), required=False, max_length=200, help_text=_("Separate with spaces.")
    )
    body = forms.CharField(label=_("body"), required=False, widget=forms.Textarea(attrs={"rows": 12}))
    declared_validity = forms.ChoiceField(label=_("validity"), choices=list(VALIDITY_LABELS.items()), initial="VALID")
    expires_on = forms.DateField(label=_("expiry date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    attribute = forms.ChoiceField(
        label=_("disclosure attribute"),
        choices=list(ATTRIBUTE_LABELS.items()),
        widget=forms.RadioSelect,
        initial="PROACTIVE",
    )
    legal_basis = forms.ChoiceField(label=_("legal basis"), required=False, choices=[("", "—"), *BASIS_LABELS.items()])
    other_law = forms.CharField(label=_("law or regulation named"), required=False, max_length=200)
    attribute_reason = forms.CharField(label=_("reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    affects_public_interest = forms.BooleanField(label=_("affects the public interest"), required=False)
    re_review_on = forms.DateField(
        label=_("re-review date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def service_fields(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class TransitionForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
