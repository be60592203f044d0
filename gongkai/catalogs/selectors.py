"""Reads of catalogs, adoptions and links; public reads go through policies.selectors.public_items."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse

from gongkai.catalogs import compliance, matching
from gongkai.catalogs.compliance import ItemFact, RowResult
from gongkai.catalogs.models import AdoptedRow, Catalog, CatalogRow, ItemLink, SpotCheck
from gongkai.catalogs.time_limits import Kind
from gongkai.organs import selectors as organ_selectors
from gongkai.organs.models import Organ
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.models import InformationItem
from gongkai.workdays import selectors as workday_selectors


def catalogs() -> list[Catalog]:
    """Every catalog with its number of rows, in the order of the domains and levels."""
    found = Catalog.objects.annotate(row_count=Count("rows", filter=Q(rows__retired=False))).select_related("owner")
    return sorted(found, key=lambda catalog: catalog.sort_key)


def catalog(pk: int) -> Catalog:
    return Catalog.objects.select_related("owner").get(pk=pk)


def rows_of(catalog: Catalog) -> QuerySet[CatalogRow]:
    return catalog.rows.filter(retired=False).order_by("position", "id")


def adopted_rows(organ_ids: list[int]) -> QuerySet[AdoptedRow]:
    return (
        AdoptedRow.objects.filter(organ_id__in=organ_ids, row__retired=False)
        .select_related("organ", "row", "row__catalog")
        .order_by("organ__sort_order", "organ_id", "row__catalog__domain", "row__catalog__level", "row__position")
    )


def adopted_row_ids(organ: Organ, catalog: Catalog) -> set[int]:
    return set(AdoptedRow.objects.filter(organ=organ, row__catalog=catalog).values_list("row_id", flat=True))


def adopting_organs(catalog: Catalog) -> list[Organ]:
    ids = AdoptedRow.objects.filter(row__catalog=catalog).values("organ_id")
    return list(organ_selectors.organs_in_official_order().filter(pk__in=ids, is_active=True))


def organs_with_adoptions() -> list[Organ]:
    ids = AdoptedRow.objects.values("organ_id")
    return list(organ_selectors.organs_in_official_order().filter(pk__in=ids, is_active=True))


def rows_needing_rules() -> list[CatalogRow]:
    """Rows whose 公开时限 reads as no rule and for which staff have entered none."""
    rows = CatalogRow.objects.filter(retired=False, manual_kind="").select_related("catalog")
    return [row for row in rows if row.rule().kind == Kind.MANUAL]


# --- links ----------------------------------------------------------------------------------------


def links_of_item(item: InformationItem) -> QuerySet[ItemLink]:
    return (
        ItemLink.objects.filter(item=item)
        .select_related("row", "row__catalog")
        .order_by("row__catalog_id", "row__position")
    )


def suggestions_for(item: InformationItem, *, limit: int = 5) -> list[tuple[CatalogRow, float]]:
    """The item's organ's adopted rows that its title and keywords match best, not yet linked."""
    linked = set(ItemLink.objects.filter(item=item).values_list("row_id", flat=True))
    rows = {adopted.row.pk: adopted.row for adopted in adopted_rows([item.organ_id]) if adopted.row.pk not in linked}
    ranked = matching.suggest(((pk, row.data()) for pk, row in rows.items()), item.title, item.keywords, limit=limit)
    return [(rows[suggestion.row_id], suggestion.score) for suggestion in ranked]


def linkable_rows(item: InformationItem) -> list[CatalogRow]:
    linked = set(ItemLink.objects.filter(item=item).values_list("row_id", flat=True))
    return [adopted.row for adopted in adopted_rows([item.organ_id]) if adopted.row.pk not in linked]


def public_items_by_row(organ_ids: list[int], row_ids: list[int]) -> dict[tuple[int, int], list[InformationItem]]:
    """(organ, row) → the organ's public items linked to the row, newest first: only through public_items."""
    items = (
        policy_selectors.public_items()
        .filter(organ_id__in=organ_ids, catalog_links__row_id__in=row_ids)
        .prefetch_related(Prefetch("catalog_links", queryset=ItemLink.objects.filter(row_id__in=row_ids)))
        .distinct()
    )
    found: dict[tuple[int, int], list[InformationItem]] = defaultdict(list)
    for item in items:
        for link in item.catalog_links.all():
            found[(item.organ_id, link.row_id)].append(item)
    return found


# --- compliance ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowCompliance:
    adopted: AdoptedRow
    result: RowResult


def item_facts(organ_ids: list[int], row_ids: list[int], public_links: bool) -> dict[tuple[int, int], list[ItemFact]]:
    public_ids = set(policy_selectors.public_items().filter(organ_id__in=organ_ids).values_list("pk", flat=True))
    links = ItemLink.objects.filter(row_id__in=row_ids, item__organ_id__in=organ_ids).select_related("item")
    facts: dict[tuple[int, int], list[ItemFact]] = defaultdict(list)
    for link in links:
        item = link.item
        on_portal = item.pk in public_ids
        if public_links and not on_portal:
            url, title = "", ""
        elif on_portal:
            url, title = reverse("portal:item", args=[item.pk]), item.title
        else:
            url, title = reverse("workbench:item_detail", args=[item.pk]), item.title
        facts[(item.organ_id, link.row_id)].append(
            ItemFact(item.pk, title, url, item.formed_on, item.published_on, on_portal)
        )
    return facts


def compliance_of(organ_ids: list[int], today: date, *, public: bool = False) -> list[RowCompliance]:
    """Every adopted row of the organs checked against its rule. `public` hides what is not on the
    portal: items that are not public appear without title or address."""
    adopted = list(adopted_rows(organ_ids))
    facts = item_facts(organ_ids, [entry.row_id for entry in adopted], public)
    calendar = workday_selectors.current_calendar()
    return [
        RowCompliance(
            entry,
            compliance.check_row(
                rule=entry.row.rule(),
                channels=entry.row.channel_list(),
                items=facts.get((entry.organ_id, entry.row_id), []),
                since=entry.effective_from,
                today=today,
                calendar=calendar,
            ),
        )
        for entry in adopted
    ]


def supervised_organs(organ: Organ) -> list[Organ]:
    """The organ and those below it: a county government's check covers its departments and towns."""
    ids = {organ.pk} | organ_selectors.descendant_ids(organ.pk)
    return list(organ_selectors.organs_in_official_order().filter(pk__in=ids, is_active=True))


def spot_checks(organ_ids: list[int]) -> QuerySet[SpotCheck]:
    return SpotCheck.objects.filter(Q(organ_id__in=organ_ids) | Q(checked_by_id__in=organ_ids)).select_related(
        "organ", "checked_by"
    )


def findings_for_year(year: int) -> QuerySet[SpotCheck]:
    """The spot checks of a year, kept for the year's target-responsibility assessment."""
    return SpotCheck.objects.filter(year=year).select_related("organ", "checked_by").order_by("organ__sort_order")


def rectifications_due(organ_ids: list[int]) -> QuerySet[SpotCheck]:
    """Notices whose rectification the checked organ still owes, for its to-do list."""
    return SpotCheck.objects.filter(
        organ_id__in=organ_ids, state=SpotCheck.State.NOTIFIED, rectify_by__isnull=False
    ).select_related("organ")
