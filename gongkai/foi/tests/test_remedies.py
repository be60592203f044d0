from collections.abc import Callable
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.foi import services
from gongkai.foi.models import RESULT_LABELS, ROUTE_LABELS
from gongkai.foi.receipt import Channel
from gongkai.foi.remedies import Challenge, Result, Route, table_c
from gongkai.organs.models import Organ

R, D, A = Route.RECONSIDERATION, Route.LITIGATION_DIRECT, Route.LITIGATION_AFTER_RECONSIDERATION


def test_table_c_has_fifteen_cells_in_the_templates_order() -> None:
    challenges = [
        Challenge(R, Result.UPHELD),
        Challenge(R, Result.UPHELD),
        Challenge(R, Result.CORRECTED),
        Challenge(R, Result.PENDING),
        Challenge(D, Result.OTHER),
        Challenge(A, Result.UPHELD),
        Challenge(A, Result.PENDING),
    ]

    assert table_c(challenges) == [2, 1, 0, 1, 4, 0, 0, 1, 0, 1, 1, 0, 0, 1, 2]
    assert table_c([]) == [0] * 15


def test_every_route_and_result_has_a_label() -> None:
    assert set(ROUTE_LABELS) == {route.value for route in Route}
    assert set(RESULT_LABELS) == {result.value for result in Result}


@pytest.mark.django_db
def test_a_challenge_is_recorded_with_its_result(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    from gongkai.workdays import services as workday_services

    workday_services.seed_from_package()
    office = staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE)
    application, _code = services.register(
        organ=organ_tree["department"],
        channel=Channel.IN_PERSON,
        arrived_on=date(2023, 9, 22),
        acting_user=office,
        applicant_kind="NATURAL_PERSON",
        applicant_name="李四",
        id_type="RESIDENT_ID",
        id_number="140902198001010016",
        phone="13800001234",
        description="批复文件",
        delivery="PAPER",
    )

    with pytest.raises(ValidationError) as raised:
        services.record_challenge(
            application=application,
            acting_user=office,
            route="RECONSIDERATION",
            body="",
            filed_on=date(2023, 12, 1),
            result="UPHELD",
        )
    assert set(raised.value.message_dict) == {"body", "decided_on"}
    challenge = services.record_challenge(
        application=application,
        acting_user=office,
        route="RECONSIDERATION",
        body="忻州市人民政府",
        filed_on=date(2023, 12, 1),
        result="UPHELD",
        decided_on=date(2024, 1, 20),
    )

    assert table_c([Challenge(Route(challenge.route), Result(challenge.result))])[0] == 1
