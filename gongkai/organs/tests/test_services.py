from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action, Role
from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.demo.organs import fictional_credit_code
from gongkai.organs import selectors, services
from gongkai.organs.domain import OrganKind, OrganLevel
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory

pytestmark = pytest.mark.django_db


def _new_organ_fields(parent: Organ, serial: int = 777) -> dict[str, object]:
    return {
        "name": "测试市审计局",
        "short_name": "市审计局",
        "kind": OrganKind.DEPARTMENT,
        "level": OrganLevel.CITY,
        "parent": parent,
        "credit_code": fictional_credit_code("140900", serial),
        "division_code": "140900",
    }


def test_an_administrator_creates_and_updates_an_organ_with_an_audit_entry(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)

    organ = services.create_organ(acting_user=admin, slug="city-audit", **_new_organ_fields(organ_tree["city"]))
    services.update_organ(organ=organ, acting_user=admin, reason="搬迁", office_address="忻州市新址路 8 号")

    created = AuditEntry.objects.get(action="organs.organ_created", object_id=str(organ.pk))
    updated = AuditEntry.objects.filter(object_id=str(organ.pk)).exclude(pk=created.pk).get()
    assert created.actor == admin
    assert updated.reason == "搬迁"
    assert updated.after is not None
    assert updated.after["office_address"] == "忻州市新址路 8 号"


def test_a_bad_credit_code_is_refused_at_its_field_and_nothing_is_written(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)
    fields = {**_new_organ_fields(organ_tree["city"]), "credit_code": "91350100M000100Y44"}
    before = (Organ.objects.count(), AuditEntry.objects.count())

    with pytest.raises(ValidationError) as raised:
        services.create_organ(acting_user=admin, slug="city-audit", **fields)

    assert "统一社会信用代码无效" in raised.value.message_dict["credit_code"][0]
    assert (Organ.objects.count(), AuditEntry.objects.count()) == before


def test_a_county_administrator_cannot_create_a_city_department(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    county_admin = staff_with_role(organ_tree["county"], Role.ADMINISTRATOR)

    with pytest.raises(PermissionDenied):
        services.create_organ(acting_user=county_admin, slug="city-audit", **_new_organ_fields(organ_tree["city"]))


def test_an_organ_cannot_be_placed_under_its_own_descendant(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)

    with pytest.raises(ValidationError):
        services.update_organ(organ=organ_tree["county"], acting_user=admin, parent=organ_tree["county_department"])
    organ_tree["county"].refresh_from_db()
    assert organ_tree["county"].parent == organ_tree["city"]


def test_the_tree_selectors(organ_tree: dict[str, Organ]) -> None:
    city, county, county_department = organ_tree["city"], organ_tree["county"], organ_tree["county_department"]

    assert selectors.ancestor_ids(county_department.pk) == [county.pk, city.pk]
    assert selectors.descendant_ids(county.pk) == {county_department.pk}
    assert selectors.government_of(county_department) == county
    assert selectors.government_of(organ_tree["department"]) == city
    assert selectors.root_organ() == city
    assert selectors.organ_by_slug("county-education") == county_department


def test_the_system_creates_an_organ_with_a_normalised_credit_code(organ_tree: dict[str, Organ]) -> None:
    code = fictional_credit_code("140900", 778)
    fields = {**_new_organ_fields(organ_tree["city"], 778), "credit_code": f" {code.lower()} "}

    organ = services.create_organ(acting_user=None, slug="city-audit", **fields)

    assert Organ.objects.get(pk=organ.pk).credit_code == code
    entry = AuditEntry.objects.get(action="organs.organ_created")
    assert (entry.actor, entry.actor_label, entry.organ) == (None, "系统", organ)
    assert entry.after is not None
    assert (entry.after["credit_code"], entry.after["parent"]) == (code, organ_tree["city"].pk)


@pytest.mark.parametrize(
    ("field", "value"),
    [("division_code", "14090"), ("slug", "city"), ("name", "测试市人民政府"), ("kind", "UNKNOWN")],
)
def test_invalid_organ_data_is_refused_and_nothing_is_written(
    organ_tree: dict[str, Organ], field: str, value: str
) -> None:
    fields: dict[str, object] = {"slug": "city-audit", **_new_organ_fields(organ_tree["city"]), field: value}
    before = (Organ.objects.count(), AuditEntry.objects.count())

    with pytest.raises(ValidationError) as raised:
        services.create_organ(acting_user=None, **fields)  # type: ignore[arg-type]

    assert field in raised.value.message_dict
    assert (Organ.objects.count(), AuditEntry.objects.count()) == before


def test_an_update_audits_only_the_fields_that_changed(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)
    department = organ_tree["department"]

    services.update_organ(organ=department, acting_user=admin, phone="0350-3999999", fax=department.fax)

    entry = AuditEntry.objects.get(action="organs.organ_updated")
    assert entry.before == {"phone": department.phone}
    assert entry.after == {"phone": "0350-3999999"}
    assert entry.organ == department


def test_an_update_that_changes_nothing_writes_no_entry(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)
    department = organ_tree["department"]

    services.update_organ(organ=department, acting_user=admin, phone=department.phone)

    assert not AuditEntry.objects.filter(action="organs.organ_updated").exists()


def test_a_field_outside_the_editable_list_is_refused(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)
    department = organ_tree["department"]

    with pytest.raises(ValueError, match="slug is not editable"):
        services.update_organ(organ=department, acting_user=admin, phone="0350-1", slug="renamed")

    assert Organ.objects.get(pk=department.pk).slug == "city-finance"
    assert Organ.objects.get(pk=department.pk).phone == department.phone
    assert not AuditEntry.objects.exists()


def test_an_administrator_manages_organs_below_but_not_above(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    county_admin = staff_with_role(organ_tree["county"], Role.ADMINISTRATOR)
    office = staff_with_role(organ_tree["county"], Role.OPENNESS_OFFICE)

    services.update_organ(organ=organ_tree["county_department"], acting_user=county_admin, phone="0350-2")
    for organ, actor in ((organ_tree["city"], county_admin), (organ_tree["county"], office)):
        with pytest.raises(PermissionDenied):
            services.update_organ(organ=organ, acting_user=actor, phone="0350-3")

    assert AuditEntry.objects.filter(action="organs.organ_updated").count() == 1


def test_a_county_administrator_cannot_lift_their_county_to_the_top_of_the_tree(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    # A role held at a top-level organ grants the platform-wide actions (the calendar), so
    # detaching the county would turn its administrator into a platform administrator.
    county_admin = staff_with_role(organ_tree["county"], Role.ADMINISTRATOR)
    assert not permissions.can(county_admin, Action.MANAGE_CALENDAR)

    with pytest.raises(PermissionDenied):
        services.update_organ(organ=organ_tree["county"], acting_user=county_admin, parent=None)

    assert Organ.objects.get(pk=organ_tree["county"].pk).parent == organ_tree["city"]
    assert not permissions.can(county_admin, Action.MANAGE_CALENDAR)
    assert not AuditEntry.objects.exists()


def test_moving_an_organ_needs_rights_at_its_new_parent(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    county_admin = staff_with_role(organ_tree["county"], Role.ADMINISTRATOR)
    county_department = organ_tree["county_department"]
    township = OrganFactory.create(name="测试县城关镇人民政府", kind=OrganKind.TOWNSHIP, parent=organ_tree["county"])

    with pytest.raises(PermissionDenied):
        services.update_organ(organ=county_department, acting_user=county_admin, parent=organ_tree["department"])
    assert Organ.objects.get(pk=county_department.pk).parent == organ_tree["county"]

    services.update_organ(organ=county_department, acting_user=county_admin, parent=township, reason="划转")

    assert Organ.objects.get(pk=county_department.pk).parent == township
    entry = AuditEntry.objects.get(action="organs.organ_updated")
    assert (entry.before, entry.after) == ({"parent": organ_tree["county"].pk}, {"parent": township.pk})


def test_only_the_system_creates_a_top_level_organ(
    organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]
) -> None:
    city_admin = staff_with_role(organ_tree["city"], Role.ADMINISTRATOR)
    fields = {**_new_organ_fields(organ_tree["city"]), "parent": None, "kind": OrganKind.GOVERNMENT}

    with pytest.raises(PermissionDenied) as raised:
        services.create_organ(acting_user=city_admin, slug="second-root", **fields)

    assert str(raised.value).strip()
    assert not Organ.objects.filter(slug="second-root").exists()
    services.create_organ(acting_user=None, slug="second-root", **fields)
    assert Organ.objects.get(slug="second-root").parent is None


def test_an_update_normalises_the_credit_code_as_creation_does(organ_tree: dict[str, Organ]) -> None:
    code = fictional_credit_code("140900", 779)

    services.update_organ(organ=organ_tree["department"], acting_user=None, credit_code=f" {code.lower()} ")

    assert Organ.objects.get(pk=organ_tree["department"].pk).credit_code == code
