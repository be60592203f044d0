"""GET /api/v1/calendar/deadline: the 答复期限计算器 as JSON."""

from datetime import date

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from gongkai.workdays import services
from gongkai.workdays.labels import reason_label

router = Router(tags=["calendar"])

# The portal's calculator takes the same window: near date.max the count would run off the calendar.
EARLIEST_START = date(2000, 1, 1)
LATEST_START = date(2099, 12, 31)


class DeadlineQuery(Schema):
    start: date = Field(
        ge=EARLIEST_START,
        le=LATEST_START,
        description="The day the period starts from (it never counts itself), 2000-01-01 to 2099-12-31",
    )
    workdays: int = Field(ge=0, le=400, description="Number of working days")


class ProofDayOut(Schema):
    date: date
    counted: bool
    ordinal: int | None
    reason: str
    reason_label: str
    festival: str
    provisional: bool


class DeadlineOut(Schema):
    start: date
    workdays: int
    due: date
    provisional: bool
    provisional_years: list[int]
    calendar_version: int
    proof: list[ProofDayOut]


@router.get(
    "/deadline", response=DeadlineOut, summary="Compute a deadline in statutory working days", url_name="deadline"
)
def deadline(request: HttpRequest, query: Query[DeadlineQuery]) -> DeadlineOut:
    result = services.compute_deadline(query.start, query.workdays)
    return DeadlineOut(
        start=result.start,
        workdays=result.workdays,
        due=result.due,
        provisional=result.provisional,
        provisional_years=result.provisional_years,
        calendar_version=result.calendar_version,
        proof=[
            ProofDayOut(
                date=line.day,
                counted=line.counted,
                ordinal=line.ordinal,
                reason=line.reason.value,
                reason_label=str(reason_label(line.reason)),
                festival=line.festival,
                provisional=line.provisional,
            )
            for line in result.proof
        ],
    )
