"""The drafting form for government information; the rules themselves run in the service."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.organs.models import Organ
from gongkai.policies.models import ATTRIBUTE_LABELS, BASIS_LABELS, KIND_LABELS, VALIDITY_LABELS, InformationItem, Topic


class TopicChoiceField(forms.ModelChoiceField[Topic]):
    def label_from_instance(self, obj: Topic) -> str:
        return obj.path


def items_by_index(text: str) -> list[InformationItem]:
    """Items named by index numbers separated by spaces or commas, in the order given."""
    numbers = text.replace("，", " ").replace(",", " ").split()
    found = {item.index_number: item for item in InformationItem.objects.filter(index_number__in=numbers)}
    missing = [number for number in numbers if number not in found]
    if missing:
        raise forms.ValidationError(_("No item has the index number %(numbers)s.") % {"numbers": "、".join(missing)})
    return [found[number] for number in numbers]


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
    target_groups = forms.CharField(
        label=_("target groups"),
        required=False,
        max_length=200,
        help_text=_("Who the policy concerns, e.g. 小微企业 高校毕业生; used to push it to them."),
    )
    areas = forms.CharField(
        label=_("areas"), required=False, max_length=200, help_text=_("Where it applies, e.g. 忻府区.")
    )
    is_major_policy = forms.BooleanField(
        label=_("major policy"),
        required=False,
        help_text=_(
            "A major policy, like every administrative normative document, is released with an interpretation."
        ),
    )
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

    superior_index = forms.CharField(
        label=_("superior document"),
        required=False,
        help_text=_("The index number of the superior document, if any."),
    )
    co_issuers = forms.ModelMultipleChoiceField(
        label=_("joint issuers"),
        required=False,
        queryset=Organ.objects.active().order_by("sort_order", "id"),
        help_text=_(
            "For a joint document: the other issuing organs. This organ is the lead and decides the attribute."
        ),
    )
    amends_index = forms.CharField(
        label=_("documents it amends"), required=False, help_text=_("Index numbers, separated by spaces.")
    )
    repeals_index = forms.CharField(
        label=_("documents it repeals"),
        required=False,
        help_text=_("Index numbers, separated by spaces. They become repealed when this document is published."),
    )

    def _items(self, field: str) -> list[InformationItem]:
        return items_by_index(self.cleaned_data.get(field, ""))

    def clean_superior_index(self) -> InformationItem | None:
        items = self._items("superior_index")
        return items[0] if items else None

    def clean_amends_index(self) -> list[InformationItem]:
        return self._items("amends_index")

    def clean_repeals_index(self) -> list[InformationItem]:
        return self._items("repeals_index")

    def service_fields(self) -> dict[str, Any]:
        fields = dict(self.cleaned_data)
        fields["superior"] = fields.pop("superior_index")
        fields["amends"] = fields.pop("amends_index")
        fields["repeals"] = fields.pop("repeals_index")
        return fields

    @staticmethod
    def initial_for(item: InformationItem) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(item, name) for name in ItemForm.base_fields if hasattr(item, name)}
        initial["superior_index"] = item.superior.index_number if item.superior else ""
        initial["co_issuers"] = list(item.co_issuers.all())
        initial["amends_index"] = " ".join(item.amends.values_list("index_number", flat=True))
        initial["repeals_index"] = " ".join(item.repeals.values_list("index_number", flat=True))
        return initial


class TransitionForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
