"""The interpretation editor: the item's own fields, the policies it explains, the five elements as a
checklist, the form's media or questions and answers, and the follow-up it answers."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.interpretations import domain
from gongkai.interpretations.models import CHANNEL_LABELS, ELEMENT_LABELS, FOLLOW_UP_LABELS, FORM_LABELS, Interpretation
from gongkai.interpretations.services import Details
from gongkai.policies.models import InformationItem, Topic
from gongkai.workbench.item_forms import TopicChoiceField, items_by_index

ELEMENT_WIDGET = forms.Textarea(attrs={"rows": 3})


class InterpretationForm(forms.Form):
    policies_index = forms.CharField(
        label=_("policies interpreted"),
        help_text=_("Index numbers of the policies this interpretation explains, separated by spaces."),
        error_messages={"required": _("Name the policy this interpretation explains.")},
    )
    title = forms.CharField(label=_("title"), max_length=300, error_messages={"required": _("Enter the title.")})
    form = forms.ChoiceField(label=_("form"), choices=list(FORM_LABELS.items()), initial=domain.Form.TEXT)
    topic = TopicChoiceField(
        label=_("topic category"),
        queryset=Topic.objects.filter(parent__isnull=False)
        .select_related("parent")
        .order_by("parent__sort_order", "sort_order"),
        error_messages={"required": _("Choose the topic category.")},
    )
    written_on = forms.DateField(
        label=_("date of writing"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    keywords = forms.CharField(
        label=_("keywords"), required=False, max_length=200, help_text=_("Separate with spaces.")
    )
    background = forms.CharField(label=ELEMENT_LABELS[domain.Element.BACKGROUND], required=False, widget=ELEMENT_WIDGET)
    significance = forms.CharField(
        label=ELEMENT_LABELS[domain.Element.SIGNIFICANCE], required=False, widget=ELEMENT_WIDGET
    )
    effect = forms.CharField(label=ELEMENT_LABELS[domain.Element.EFFECT], required=False, widget=ELEMENT_WIDGET)
    key_terms = forms.CharField(label=ELEMENT_LABELS[domain.Element.KEY_TERMS], required=False, widget=ELEMENT_WIDGET)
    differences = forms.CharField(
        label=ELEMENT_LABELS[domain.Element.DIFFERENCES], required=False, widget=ELEMENT_WIDGET
    )
    body = forms.CharField(
        label=_("body"), required=False, widget=forms.Textarea(attrs={"rows": 8}), help_text=_("Further text, if any.")
    )
    media_url = forms.URLField(
        label=_("link to the video, animation or recording"),
        required=False,
        assume_scheme="https",
        help_text=_("For video, animation, process walkthrough and press conference; files can be attached instead."),
    )
    answers = forms.CharField(
        label=_("questions and answers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One question per 问：line, its answer after 答：."),
    )
    follow_up_of_index = forms.CharField(
        label=_("follows up on"),
        required=False,
        help_text=_("For an extended or supplementary interpretation: the index number of the first one."),
    )
    follow_up_kind = forms.ChoiceField(
        label=_("kind of follow-up"), required=False, choices=[("", "—"), *FOLLOW_UP_LABELS.items()]
    )

    def clean_policies_index(self) -> list[InformationItem]:
        return items_by_index(self.cleaned_data["policies_index"])

    def clean_follow_up_of_index(self) -> Interpretation | None:
        items = items_by_index(self.cleaned_data.get("follow_up_of_index", ""))
        if not items:
            return None
        found = Interpretation.objects.filter(item=items[0]).first()
        if found is None:
            raise forms.ValidationError(_("That item is not a policy interpretation."))
        return found

    def clean_answers(self) -> list[tuple[str, str]]:
        try:
            return domain.parse_answers(self.cleaned_data.get("answers", ""))
        except domain.AnswersError as error:
            raise forms.ValidationError(
                _("Line %(line)d: %(problem)s") % {"line": error.line, "problem": error.message}
            ) from None

    def details(self) -> Details:
        data = self.cleaned_data
        return Details(
            form=domain.Form(data["form"]),
            background=data["background"],
            significance=data["significance"],
            effect=data["effect"],
            key_terms=data["key_terms"],
            differences=data["differences"],
            media_url=data["media_url"],
            follow_up_of=data["follow_up_of_index"],
            follow_up_kind=data["follow_up_kind"],
            answers=data["answers"],
        )

    def item_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("title", "topic", "written_on", "keywords", "body")}

    @staticmethod
    def initial_for(interpretation: Interpretation) -> dict[str, Any]:
        item = interpretation.item
        return {
            "policies_index": " ".join(interpretation.policies.values_list("index_number", flat=True)),
            "title": item.title,
            "form": interpretation.form,
            "topic": item.topic,
            "written_on": item.written_on,
            "keywords": item.keywords,
            "body": item.body,
            **{element.value: getattr(interpretation, element.value) for element in domain.Element},
            "media_url": interpretation.media_url,
            "answers": domain.format_answers([(qa.question, qa.answer) for qa in interpretation.answers.all()]),
            "follow_up_of_index": interpretation.follow_up_of.item.index_number if interpretation.follow_up_of else "",
            "follow_up_kind": interpretation.follow_up_kind,
        }


class ChannelsForm(forms.Form):
    channels = forms.MultipleChoiceField(
        label=_("channels released on"),
        required=False,
        choices=list(CHANNEL_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
    )


class RateForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=2008)
