from collections.abc import Callable

import pytest

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.organs.models import Organ


@pytest.fixture
def office(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> dict[str, User]:
    """The department's openness office, a drafter there, and another county's office."""
    department = organ_tree["department"]
    return {
        "handler": staff_with_role(department, Role.OPENNESS_OFFICE, username="handler"),
        "drafter": staff_with_role(department, Role.DRAFTER, username="drafter"),
        "outsider": staff_with_role(organ_tree["county"], Role.OPENNESS_OFFICE, username="outsider"),
    }
