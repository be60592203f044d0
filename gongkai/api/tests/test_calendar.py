from datetime import date

import pytest
from django.test import Client

from gongkai.workdays import selectors, services
from gongkai.workdays.package_seed import package_arrangements

pytestmark = pytest.mark.django_db

NEXT_YEAR = max(package_arrangements()) + 1


@pytest.fixture(autouse=True)
def seeded(db: None) -> None:
    services.seed_from_package()


def test_the_deadline_endpoint_gives_the_due_date_with_its_proof(client: Client) -> None:
    response = client.get("/api/v1/calendar/deadline", {"start": "2023-09-22", "workdays": "20"})

    body = response.json()
    assert response.status_code == 200
    assert body["due"] == "2023-10-26"
    assert body["provisional"] is False
    assert body["calendar_version"] == selectors.calendar_version()
    assert body["proof"][0] == {
        "date": "2023-09-22",
        "counted": False,
        "ordinal": None,
        "reason": "START_DAY",
        "reason_label": "起算日，不计入",
        "festival": "",
        "provisional": False,
    }
    assert len(body["proof"]) == (date(2023, 10, 26) - date(2023, 9, 22)).days + 1
    assert [day["ordinal"] for day in body["proof"] if day["counted"]] == list(range(1, 21))


def test_a_deadline_into_a_year_without_an_arrangement_is_provisional(client: Client) -> None:
    response = client.get("/api/v1/calendar/deadline", {"start": f"{NEXT_YEAR - 1}-12-20", "workdays": "20"})

    body = response.json()
    assert response.status_code == 200
    assert body["due"] == f"{NEXT_YEAR}-01-18"
    assert body["provisional"] is True
    assert body["provisional_years"] == [NEXT_YEAR]
    new_year = next(day for day in body["proof"] if day["date"] == f"{NEXT_YEAR}-01-01")
    assert (new_year["reason"], new_year["counted"], new_year["provisional"]) == ("ASSUMED_NEW_YEAR", False, True)
    assert all(day["provisional"] == day["date"].startswith(str(NEXT_YEAR)) for day in body["proof"])


def test_the_proof_names_holidays_and_make_up_days_in_chinese(client: Client) -> None:
    body = client.get("/api/v1/calendar/deadline", {"start": "2023-09-28", "workdays": "2"}).json()

    reasons = {day["date"]: (day["reason"], day["festival"]) for day in body["proof"]}
    assert body["due"] == "2023-10-08"
    assert reasons["2023-09-29"] == ("HOLIDAY", "中秋节")
    assert reasons["2023-10-07"] == ("MAKEUP_WORKDAY", "国庆节")
    assert not any(day["reason_label"].isascii() for day in body["proof"])


def test_zero_working_days_is_the_start_day_itself(client: Client) -> None:
    body = client.get("/api/v1/calendar/deadline", {"start": "2023-09-22", "workdays": "0"}).json()

    assert (body["due"], len(body["proof"])) == ("2023-09-22", 1)


@pytest.mark.parametrize(
    "query",
    [
        {"start": "2023-02-30", "workdays": "20"},
        {"start": "2023-09-22", "workdays": "-1"},
        {"start": "2023-09-22", "workdays": "401"},
        {"start": "2023-09-22", "workdays": "twenty"},
        {"start": "22/09/2023", "workdays": "20"},
        {"workdays": "20"},
        {"start": "2023-09-22"},
        # Outside the calculator's window; near date.max the count would run off the calendar.
        {"start": "1999-12-31", "workdays": "20"},
        {"start": "2100-01-01", "workdays": "20"},
        {"start": "9999-12-20", "workdays": "20"},
    ],
)
def test_bad_input_is_refused(client: Client, query: dict[str, str]) -> None:
    response = client.get("/api/v1/calendar/deadline", query)

    assert response.status_code == 422
    assert response.json()["detail"]


def test_the_openapi_document_describes_the_endpoint(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()

    operation = document["paths"]["/api/v1/calendar/deadline"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} == {"start", "workdays"}
    assert "200" in operation["responses"]


@pytest.mark.parametrize(("start", "workdays"), [("2000-01-01", "400"), ("2099-12-31", "400")])
def test_the_ends_of_the_window_are_answered(client: Client, start: str, workdays: str) -> None:
    response = client.get("/api/v1/calendar/deadline", {"start": start, "workdays": workdays})

    body = response.json()
    assert response.status_code == 200
    assert body["start"] == start
    assert sum(day["counted"] for day in body["proof"]) == 400
    assert body["proof"][-1]["date"] == body["due"]
