"""Display preferences (large text, high contrast) kept in a cookie so they work without JavaScript."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

DISPLAY_COOKIE = "gk_display"
PREFERENCES = ("large-text", "high-contrast")


def parse_preferences(raw: str) -> frozenset[str]:
    return frozenset(part for part in raw.split(",") if part in PREFERENCES)


class DisplayPreferencesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.display_preferences = parse_preferences(request.COOKIES.get(DISPLAY_COOKIE, ""))  # type: ignore[attr-defined]
        return self.get_response(request)
