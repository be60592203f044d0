"""The column tree and what each column shows the public (through ``public_items`` only)."""

from dataclasses import dataclass

from django.db.models import QuerySet

from gongkai.columns.models import Column
from gongkai.policies import selectors as policy_selectors
from gongkai.policies.models import InformationItem


@dataclass(frozen=True)
class Node:
    column: Column
    depth: int


def tree(*, active_only: bool) -> list[Node]:
    """Every column in display order, each after its parent; one query."""
    columns = Column.objects.order_by("sort_order", "id")
    if active_only:
        columns = columns.filter(is_active=True)
    children: dict[int | None, list[Column]] = {}
    for column in columns:
        children.setdefault(column.parent_id, []).append(column)
    nodes: list[Node] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for column in children.get(parent_id, []):
            nodes.append(Node(column, depth))
            walk(column.pk, depth + 1)

    walk(None, 0)
    return nodes


def public_column(slug: str) -> Column:
    """Raises Column.DoesNotExist for a hidden column, or one under a hidden parent."""
    column = Column.objects.select_related("parent").get(slug=slug, is_active=True)
    ancestor = column.parent
    while ancestor is not None:
        if not ancestor.is_active:
            raise Column.DoesNotExist(slug)
        ancestor = ancestor.parent
    return column


def ancestors(column: Column) -> list[Column]:
    found: list[Column] = []
    parent = column.parent
    while parent is not None:
        found.insert(0, parent)
        parent = parent.parent
    return found


def public_items_of(column: Column) -> QuerySet[InformationItem]:
    return policy_selectors.public_items().filter(column_entries__column=column)


def public_children(column: Column | None) -> QuerySet[Column]:
    return Column.objects.filter(parent=column, is_active=True).order_by("sort_order", "id")
