from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from gongkai.organs import selectors as organ_selectors
from gongkai.portal import navigation


def site(request: HttpRequest) -> dict[str, Any]:
    preferences: frozenset[str] = getattr(request, "display_preferences", frozenset())
    match = getattr(request, "resolver_match", None)
    return {
        "site_name": settings.GONGKAI_SITE_NAME,
        "site_code": settings.GONGKAI_SITE_CODE,
        "site_icp": settings.GONGKAI_ICP,
        "site_public_security_record": settings.GONGKAI_PUBLIC_SECURITY_RECORD,
        # 主办单位 in the footer; read only by pages that show it.
        "site_owner": SimpleLazyObject(organ_selectors.root_organ),
        "display_classes": " ".join(sorted(preferences)),
        "large_text": "large-text" in preferences,
        "high_contrast": "high-contrast" in preferences,
        "nav_openness": navigation.OPENNESS_COLUMN,
        "nav_sub_columns": navigation.OPENNESS_SUB_COLUMNS,
        "nav_deadline_tool": navigation.DEADLINE_TOOL,
        "nav_apply": navigation.APPLY,
        "nav_columns": navigation.COLUMNS,
        "nav_catalogs": navigation.CATALOGS,
        # Lets the navigation mark the page being read with aria-current.
        "current_view": match.view_name if match else "",
    }
