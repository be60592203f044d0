"""The organ a staff member is working for, kept in the session and chosen with the organ switcher."""

from django.http import HttpRequest

from gongkai.accounts.models import Membership, User
from gongkai.organs.models import Organ

SESSION_KEY = "workbench_organ_id"


def organs_of(user: User) -> list[Organ]:
    """The organs the user holds a role in, in official order, each once."""
    organs = (
        Organ.objects.active()
        .filter(pk__in=Membership.objects.filter(user=user).values("organ_id"))
        .order_by("sort_order", "id")
    )
    return list(organs)


def current_organ(request: HttpRequest) -> Organ | None:
    user = request.user
    if not isinstance(user, User):
        return None
    organs = organs_of(user)
    chosen = request.session.get(SESSION_KEY)
    for organ in organs:
        if organ.pk == chosen:
            return organ
    return organs[0] if organs else None


def switch_to(request: HttpRequest, organ_id: int) -> Organ | None:
    """Make `organ_id` current if the user holds a role there; return it, or None when refused."""
    user = request.user
    if not isinstance(user, User):
        return None
    for organ in organs_of(user):
        if organ.pk == organ_id:
            request.session[SESSION_KEY] = organ.pk
            return organ
    return None
