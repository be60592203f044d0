"""The catalog section of the workbench item page, without touching the item views."""

from typing import Any

from django import template

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.catalogs import selectors
from gongkai.policies.models import InformationItem

register = template.Library()


@register.inclusion_tag("catalogs/item_panel.html", takes_context=True)
def item_catalog_rows(context: dict[str, Any], item: InformationItem) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    can_link = user is not None and permissions.can(user, Action.MANAGE_PUBLICATIONS, item.organ)
    return {
        "csrf_token": context.get("csrf_token"),
        "item": item,
        "links": list(selectors.links_of_item(item)),
        "suggestions": selectors.suggestions_for(item) if can_link else [],
        "linkable": selectors.linkable_rows(item) if can_link else [],
        "can_link": can_link,
    }
