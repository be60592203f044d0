"""The search form: GET parameters in, a ``SearchQuery`` out, every refusal at its field.

The portal page and ``GET /api/v1/search`` read the same parameters through this one form, so a
link copied from the page works against the API and both refuse the same input the same way.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, cast

from django import forms
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise, StrPromise

from gongkai.columns import selectors as column_selectors
from gongkai.organs import selectors as organ_selectors
from gongkai.organs.domain import OrganKind
from gongkai.organs.models import Organ
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.domain import Validity
from gongkai.policies.models import VALIDITY_LABELS, Topic
from gongkai.portal.forms import ChineseDateField
from gongkai.search import sources as search_sources
from gongkai.search.query import MAX_PAGE_SIZE, SearchQuery, Sort

# Older documents are imported from legacy sites; later dates are typing mistakes.
EARLIEST_DATE: Final = date(1949, 10, 1)
LATEST_DATE: Final = date(2099, 12, 31)
MAX_TEXT: Final = 200
MAX_VALUES: Final = 20  # of one repeated parameter; more is a crawler, not a reader

SORTS: Final = {"relevance": Sort.RELEVANCE, "newest": Sort.NEWEST}

# The query-string parameters each of the search service's filters is read from: a relaxation
# (drop this filter) or a removed chip clears exactly these.
FILTER_PARAMETERS: Final[dict[str, tuple[str, ...]]] = {
    "title": ("title",),
    "document_number": ("number",),
    "organ": ("organ",),
    "topic": ("topic",),
    "kind": ("kind",),
    "year": ("year",),
    "written": ("written_from", "written_to"),
    "published": ("published_from", "published_to"),
    "validity": ("validity",),
    "target": ("target",),
    "column": ("column",),
    "source": (),  # every source is searched; the page offers no choice yet
}

FILTER_LABELS: Final[dict[str, StrPromise]] = {
    "title": _("title"),
    "document_number": _("document number"),
    "organ": _("issuing organ"),
    "topic": _("topic category"),
    "kind": _("kind"),
    "year": _("year of publication"),
    "written": _("date of writing"),
    "published": _("date of publication"),
    "validity": _("validity"),
    "target": _("target groups"),
    "column": _("column"),
    "source": _("kind of record"),
}

# The parameters that narrow a search; with none of them there is nothing to search for yet.
CRITERIA: Final = ("q", *(name for names in FILTER_PARAMETERS.values() for name in names))
ADVANCED: Final = (*(name for name in CRITERIA if name != "q"), "sort")


@dataclass(frozen=True)
class Choices:
    """What the selects offer, read once per request through the public selectors."""

    organs: list[tuple[str, list[tuple[str, str]]]]  # groups of (slug, name) in official order
    organ_slugs: dict[str, int]  # every active organ, so a link to one without items still works
    organ_names: dict[str, str]
    organ_slug_of: dict[int, str]
    topics: list[tuple[str, list[tuple[str, str]]]]
    topic_labels: dict[str, str]
    years: list[int]
    columns: list[tuple[str, str]]  # (slug, name indented by depth) in tree order
    column_ids: dict[str, int]
    column_names: dict[str, str]

    @classmethod
    def load(cls) -> "Choices":
        organs = list(organ_selectors.organs_in_official_order())
        public = policy_selectors.public_items()
        publishing = set(public.values_list("organ_id", flat=True).distinct())
        topics = list(Topic.objects.select_related("parent").order_by("sort_order", "id"))
        columns = column_selectors.tree(active_only=True)
        return cls(
            organs=_organ_groups(organs, publishing),
            organ_slugs={organ.slug: organ.pk for organ in organs},
            organ_names={organ.slug: organ.name for organ in organs},
            organ_slug_of={organ.pk: organ.slug for organ in organs},
            topics=_topic_groups(topics),
            topic_labels={str(topic.pk): topic.path for topic in topics},
            years=sorted({day.year for day in public.dates("published_on", "year")}, reverse=True),
            columns=[(node.column.slug, "\u3000" * node.depth + node.column.name) for node in columns],
            column_ids={node.column.slug: node.column.pk for node in columns},
            column_names={node.column.slug: node.column.name for node in columns},
        )


_GROUP_HEADS: Final = {OrganKind.GOVERNMENT, OrganKind.ADMINISTRATIVE_COMMITTEE}


def _organ_groups(organs: list[Organ], publishing: set[int]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Organs under the city or county government they belong to, as people look for them.

    Towns and sub-districts go with their county: a township government is not a group of its own.
    """
    by_id = {organ.pk: organ for organ in organs}
    groups: dict[int, list[tuple[str, str]]] = {}
    for organ in organs:
        if organ.pk not in publishing:
            continue
        head, seen = organ, {organ.pk}
        while head.kind not in _GROUP_HEADS and (parent := by_id.get(head.parent_id or 0)) and parent.pk not in seen:
            head = parent
            seen.add(parent.pk)
        groups.setdefault(head.pk, []).append((organ.slug, organ.name))
    return [(by_id[head_id].name, members) for head_id, members in groups.items()]


def _topic_groups(topics: list[Topic]) -> list[tuple[str, list[tuple[str, str]]]]:
    """First-level categories as groups; choosing the first-level entry includes its sub-categories."""
    children: dict[int, list[Topic]] = {}
    for topic in topics:
        if topic.parent_id is not None:
            children.setdefault(topic.parent_id, []).append(topic)
    return [
        (
            top.name,
            [
                (str(top.pk), str(_("%(topic)s (all)") % {"topic": top.name})),
                *((str(child.pk), child.name) for child in children.get(top.pk, [])),
            ],
        )
        for top in topics
        if top.parent_id is None
    ]


def kind_label(value: str) -> str:
    return search_sources.kind_label(value)


def validity_label(value: str) -> str:
    try:
        return str(VALIDITY_LABELS[Validity(value)])
    except ValueError:
        return value


class OneOfMany(forms.Select):
    """One select for the reader, but a link or an API client may repeat the parameter."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if isinstance(data, MultiValueDict):
            return data.getlist(name)
        value = data.get(name)
        return [] if value is None else [value]

    def format_value(self, value: Any) -> list[str]:  # type: ignore[override]  # Select's own returns a list too
        if value is None:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(one) for one in values if one not in (None, "")]


class ManyValuesField(forms.MultipleChoiceField):
    """A repeatable parameter whose valid values may be more than the select offers."""

    widget = OneOfMany

    def __init__(self, *, valid: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.valid = set(valid)

    def to_python(self, value: Any) -> list[str]:
        values = [str(one).strip() for one in super().to_python(value) if str(one).strip()]
        if len(values) > MAX_VALUES:
            raise forms.ValidationError(
                _("Choose at most %(limit)s values."), code="too_many", params={"limit": MAX_VALUES}
            )
        return list(dict.fromkeys(values))

    def valid_value(self, value: str) -> bool:
        return value in self.valid or super().valid_value(value)


class SearchDateField(ChineseDateField):
    """An ``<input type=date>`` (ISO) or a date as people write it (2023年9月22日)."""

    widget = forms.DateInput(attrs={"type": "date"})
    earliest = EARLIEST_DATE
    latest = LATEST_DATE
    default_error_messages = {
        "invalid": _("Enter a real date, for example 2023-09-22."),
        "out_of_range": _("Enter a date between 1 October 1949 and 31 December 2099."),
    }


def _text(
    label: StrPromise, *, help_text: StrOrPromise = "", max_length: int = MAX_TEXT, widget: forms.Widget | None = None
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=widget or forms.TextInput,
        error_messages={"max_length": _("Enter at most %(limit_value)d characters.")},
    )


def _choice_errors(what: StrPromise) -> dict[str, Any]:
    return {"invalid_choice": what, "invalid_list": _("Choose from the list.")}


class SearchForm(forms.Form):
    q = _text(
        _("Full text"),
        help_text=_("Words separated by spaces; every word must occur."),
        widget=forms.TextInput(attrs={"type": "search", "enterkeyhint": "search"}),
    )
    title = _text(_("Title"), max_length=100)
    number = _text(
        _("Document number"),
        help_text=_("Any bracket style, e.g. 忻政办发〔2021〕35号, or a part of it."),
        max_length=80,
    )
    organ = ManyValuesField(
        label=_("Issuing organ"), required=False, error_messages=_choice_errors(_("There is no organ %(value)s."))
    )
    topic = ManyValuesField(
        label=_("Topic category"),
        required=False,
        error_messages=_choice_errors(_("There is no topic category %(value)s.")),
    )
    kind = ManyValuesField(
        label=_("Kind of information"),
        required=False,
        error_messages=_choice_errors(_("There is no kind of information %(value)s.")),
    )
    year = ManyValuesField(
        label=_("Year of publication"), required=False, error_messages=_choice_errors(_("Enter a year such as 2021."))
    )
    written_from = SearchDateField(label=_("Written from"), required=False)
    written_to = SearchDateField(label=_("Written until"), required=False)
    published_from = SearchDateField(label=_("Published from"), required=False)
    published_to = SearchDateField(label=_("Published until"), required=False)
    validity = forms.ChoiceField(
        label=_("Validity"),
        required=False,
        error_messages={"invalid_choice": _("There is no validity %(value)s.")},
    )
    target = _text(_("Target groups"), help_text=_("Whom the information concerns, e.g. 小微企业."), max_length=100)
    column = ManyValuesField(
        label=_("Column"), required=False, error_messages=_choice_errors(_("There is no column %(value)s."))
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("relevance", _("Most relevant first")), ("newest", _("Newest first"))],
        error_messages={"invalid_choice": _("Order by relevance or newest.")},
    )
    page = forms.IntegerField(
        label=_("Page"),
        required=False,
        min_value=1,
        widget=forms.HiddenInput,
        error_messages={"invalid": _("Enter a page number."), "min_value": _("Pages start at 1.")},
    )
    page_size = forms.IntegerField(
        label=_("Results per page"),
        required=False,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": _("Enter a number of results per page."),
            "min_value": _("Show at least 1 result per page."),
            "max_value": _("Show at most %(limit_value)s results per page."),
        },
    )

    def __init__(self, data: QueryDict | None = None, *, choices: Choices | None = None) -> None:
        super().__init__(data)
        self.choices = choices or Choices.load()
        every = [("", _("All"))]
        organ, topic, kind, year = (
            cast(ManyValuesField, self.fields[name]) for name in ("organ", "topic", "kind", "year")
        )
        organ.choices = [*every, *self.choices.organs]
        organ.valid = set(self.choices.organ_slugs)
        topic.choices = [*every, *self.choices.topics]
        topic.valid = set(self.choices.topic_labels)
        kind.choices = [*every, *search_sources.kind_choices()]
        year.choices = [*every, *((str(y), str(y)) for y in self.choices.years)]
        year.valid = {str(y) for y in range(EARLIEST_DATE.year, LATEST_DATE.year + 1)}
        column = cast(ManyValuesField, self.fields["column"])
        column.choices = [*every, *self.choices.columns]
        column.valid = set(self.choices.column_ids)
        validity = cast(forms.ChoiceField, self.fields["validity"])
        validity.choices = [*every, *((value.value, VALIDITY_LABELS[value]) for value in Validity)]
        for name in ("written_from", "written_to", "published_from", "published_to"):
            self.fields[name].widget.attrs.update({"min": EARLIEST_DATE.isoformat(), "max": LATEST_DATE.isoformat()})

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for start, end in (("written_from", "written_to"), ("published_from", "published_to")):
            if cleaned.get(start) and cleaned.get(end) and cleaned[end] < cleaned[start]:
                self.add_error(end, _("The end date is before the start date."))
        return cleaned

    def _given(self, name: str) -> bool:
        values = self.data.getlist(name) if isinstance(self.data, QueryDict) else [self.data.get(name)]
        return any(str(value).strip() for value in values if value is not None)

    def has_criteria(self) -> bool:
        """Whether the reader asked for anything: an empty form shows help, not every document."""
        return self.is_bound and any(self._given(name) for name in CRITERIA)

    def advanced_refused(self) -> bool:
        """Whether an advanced field was refused. Only then does the <details> start open: the
        conditions in use show as chips above the results, so a phone keeps its one search box."""
        return self.is_bound and any(name in self.errors for name in ADVANCED)

    def to_query(self) -> SearchQuery:
        data = self.cleaned_data
        slugs = self.choices.organ_slugs
        return SearchQuery(
            text=data["q"],
            title=data["title"],
            document_number=data["number"],
            organ_ids=tuple(slugs[slug] for slug in data["organ"]),
            topic_ids=_ints(data["topic"]),
            kinds=tuple(data["kind"]),
            years=_ints(data["year"]),
            written_from=data["written_from"],
            written_to=data["written_to"],
            published_from=data["published_from"],
            published_to=data["published_to"],
            validity=data["validity"],
            target_group=data["target"],
            column_ids=tuple(self.choices.column_ids[slug] for slug in data["column"]),
            sort=SORTS[data["sort"] or "relevance"],
            page=data["page"] or 1,
            page_size=data["page_size"] or SearchQuery.page_size,
        )


def _ints(values: Sequence[str]) -> tuple[int, ...]:
    return tuple(int(value) for value in values)
