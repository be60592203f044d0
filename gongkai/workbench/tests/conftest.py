from collections.abc import Callable

import pytest

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.workdays import services as workday_services


@pytest.fixture
def seeded_calendar(db: None) -> None:
    workday_services.seed_from_package()


@pytest.fixture
def two_admins(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> tuple[User, User]:
    city = organ_tree["city"]
    return (
        staff_with_role(city, Role.ADMINISTRATOR, username="admin.a"),
        staff_with_role(city, Role.ADMINISTRATOR, username="admin.b"),
    )
