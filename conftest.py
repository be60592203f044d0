"""Fixtures shared by every area's tests."""

from collections.abc import Callable

import pytest
from django.test import Client

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.accounts.tests.factories import MembershipFactory, UserFactory
from gongkai.organs.domain import OrganKind, OrganLevel
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory
from gongkai.search import outbox, store


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With the search index in a file of its own (GONGKAI_SEARCH_INDEX), a test that touches the
    database touches both; pytest-django lets a test reach only the databases its marker names."""
    if not store.sidecar():
        return
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = {**(marker.kwargs if marker else {}), "databases": "__all__"}
        item.add_marker(pytest.mark.django_db(*(marker.args if marker else ()), **kwargs), append=False)


@pytest.fixture(autouse=True)
def search_index_file(request: pytest.FixtureRequest) -> None:
    """An index file starts each test built and empty, as after ``rebuild_search_index`` on an empty library."""
    if store.sidecar() and request.node.get_closest_marker("django_db") is not None:
        request.getfixturevalue("_django_db_helper")
        outbox.mark_built(outbox.snapshot_horizon())


@pytest.fixture
def organ_tree(db: None) -> dict[str, Organ]:
    """A small tree: city government → department and county government → county department."""
    city = OrganFactory.create(name="测试市人民政府", slug="city", kind=OrganKind.GOVERNMENT)
    department = OrganFactory.create(name="测试市财政局", slug="city-finance", parent=city)
    county = OrganFactory.create(
        name="测试县人民政府", slug="county", kind=OrganKind.GOVERNMENT, level=OrganLevel.COUNTY, parent=city
    )
    county_department = OrganFactory.create(
        name="测试县教育局", slug="county-education", level=OrganLevel.COUNTY, parent=county
    )
    return {"city": city, "department": department, "county": county, "county_department": county_department}


@pytest.fixture
def staff_with_role(db: None) -> Callable[..., User]:
    def make(organ: Organ, *roles: Role, username: str | None = None) -> User:
        user = UserFactory.create(**({"username": username} if username else {}))
        for role in roles:
            MembershipFactory.create(user=user, organ=organ, role=role)
        return user

    return make


@pytest.fixture
def logged_in(client: Client) -> Callable[[User], Client]:
    """The test client, logged in as the given staff member."""

    def login(user: User) -> Client:
        client.force_login(user)
        return client

    return login
