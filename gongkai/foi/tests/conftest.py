from collections.abc import Callable

import pytest

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.workdays import services as workday_services


@pytest.fixture
def office(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> dict[str, User]:
    """A department's handler and head (approver) on the seeded calendar, and another organ's handler."""
    workday_services.seed_from_package()
    department = organ_tree["department"]
    return {
        "handler": staff_with_role(department, Role.OPENNESS_OFFICE, username="handler"),
        "head": staff_with_role(department, Role.APPROVER, username="head"),
        "outsider": staff_with_role(organ_tree["county"], Role.OPENNESS_OFFICE, username="outsider"),
    }
