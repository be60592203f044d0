"""UI labels for the calendar's pure codes."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.workdays.domain import DayReason

REASON_LABELS: dict[DayReason, Promise] = {
    DayReason.START_DAY: _("start day, not counted"),
    DayReason.WORKDAY: _("working day"),
    DayReason.WEEKEND: _("weekend"),
    DayReason.HOLIDAY: _("public holiday"),
    DayReason.MAKEUP_WORKDAY: _("make-up working day"),
    DayReason.ASSUMED_WORKDAY: _("working day (no confirmed arrangement for this year)"),
    DayReason.ASSUMED_WEEKEND: _("weekend (no confirmed arrangement for this year)"),
    DayReason.ASSUMED_NEW_YEAR: _("New Year's Day (no confirmed arrangement for this year)"),
}


def reason_label(reason: DayReason) -> Promise:
    return REASON_LABELS[reason]


AUDIT_ACTION_LABELS: dict[str, Promise] = {
    "workdays.arrangement_seeded": _("seeded from the package"),
    "workdays.arrangement_proposed": _("entered"),
    "workdays.arrangement_confirmed": _("confirmed"),
    "workdays.arrangement_rejected": _("rejected"),
    "workdays.deadline_set": _("deadline computed"),
    "workdays.deadline_recomputed": _("deadline recomputed"),
    "workdays.deadline_closed": _("deadline closed"),
}
