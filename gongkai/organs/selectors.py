"""Reads about organs: the tree, ancestors and the order in which lists show them."""

from django.db.models import QuerySet

from gongkai.organs.models import Organ


def organs_in_official_order() -> QuerySet[Organ]:
    return Organ.objects.active().order_by("sort_order", "id")


def inactive_ids() -> list[int]:
    return list(Organ.objects.filter(is_active=False).order_by("id").values_list("id", flat=True))


def names_by_id() -> tuple[tuple[int, str], ...]:
    """Every organ's (id, full name), active or not, in id order."""
    return tuple(Organ.objects.order_by("id").values_list("id", "name"))


def parent_map() -> dict[int, int | None]:
    """Every organ's parent id; the whole tree is a few hundred rows, so one query serves all walks."""
    return dict(Organ.objects.values_list("id", "parent_id"))


def ancestor_ids(organ_id: int, parents: dict[int, int | None] | None = None) -> list[int]:
    """Ids from the organ's parent up to the root."""
    parents = parent_map() if parents is None else parents
    ids: list[int] = []
    current = parents.get(organ_id)
    while current is not None and current not in ids:
        ids.append(current)
        current = parents.get(current)
    return ids


def descendant_ids(organ_id: int, parents: dict[int, int | None] | None = None) -> set[int]:
    parents = parent_map() if parents is None else parents
    return {child for child in parents if organ_id in ancestor_ids(child, parents)}


def government_of(organ: Organ) -> Organ:
    """The people's government an organ belongs to (itself when it is one)."""
    current: Organ | None = organ
    while current is not None:
        if current.kind in ("GOVERNMENT", "TOWNSHIP", "ADMINISTRATIVE_COMMITTEE"):
            return current
        current = current.parent
    return organ


def organ_by_slug(slug: str) -> Organ:
    return Organ.objects.active().select_related("parent").get(slug=slug)


def root_organ() -> Organ | None:
    return Organ.objects.active().filter(parent__isnull=True).order_by("sort_order", "id").first()
