"""Interpretation panels for the item pages of the workbench and the portal, without touching their views."""

from typing import Any

from django import template

from gongkai.interpretations import presenters, selectors
from gongkai.policies.models import InformationItem
from gongkai.workbench.interpretation_forms import ChannelsForm

register = template.Library()


@register.inclusion_tag("interpretations/public_panel.html")
def public_interpretation(item: InformationItem) -> dict[str, Any]:
    interpretation = selectors.interpretation_of(item)
    return {
        "panel": presenters.interpretation_panel(interpretation, public=True) if interpretation else None,
        "policy_panel": None if interpretation else presenters.policy_panel(item, public=True),
    }


@register.inclusion_tag("interpretations/workbench_panel.html", takes_context=True)
def workbench_interpretation(context: dict[str, Any], item: InformationItem) -> dict[str, Any]:
    interpretation = selectors.interpretation_of(item)
    return {
        "csrf_token": context.get("csrf_token"),
        "item": item,
        "panel": presenters.interpretation_panel(interpretation, public=False) if interpretation else None,
        "policy_panel": None if interpretation else presenters.policy_panel(item, public=False),
        "channels_form": ChannelsForm(initial={"channels": interpretation.channels}) if interpretation else None,
    }
