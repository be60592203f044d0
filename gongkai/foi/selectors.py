"""Reads of information applications. Applicants' personal data stay with the handling organ."""

from django.db.models import QuerySet

from gongkai.foi.domain import OPEN_STATES
from gongkai.foi.models import Application


def open_with_deadline(organ_ids: list[int]) -> QuerySet[Application]:
    """Open applications whose clock has started, soonest due first: the workbench's queue."""
    return (
        Application.objects.filter(organ_id__in=organ_ids, state__in=OPEN_STATES, due_on__isnull=False)
        .select_related("organ")
        .order_by("due_on", "id")
    )
