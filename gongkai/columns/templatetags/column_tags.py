"""An item's columns on its workbench page, without touching the item view."""

from typing import Any

from django import template

from gongkai.columns import selectors
from gongkai.columns.models import ColumnEntry
from gongkai.policies.models import InformationItem

register = template.Library()


@register.inclusion_tag("columns/item_columns.html", takes_context=True)
def item_columns(context: dict[str, Any], item: InformationItem) -> dict[str, Any]:
    chosen = set(ColumnEntry.objects.filter(item=item).values_list("column_id", flat=True))
    return {
        "csrf_token": context.get("csrf_token"),
        "item": item,
        "choices": [(node, node.column.pk in chosen) for node in selectors.tree(active_only=False)],
    }
