"""Reads about the organ tree: order, ancestors, descendants and the government an organ belongs to."""

import pytest

from gongkai.organs import selectors
from gongkai.organs.domain import OrganKind, OrganLevel
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deeper_tree(organ_tree: dict[str, Organ]) -> dict[str, Organ]:
    county, county_department = organ_tree["county"], organ_tree["county_department"]
    return {
        **organ_tree,
        "general_office": OrganFactory.create(
            name="测试市人民政府办公室", kind=OrganKind.GENERAL_OFFICE, parent=organ_tree["city"]
        ),
        "school": OrganFactory.create(
            name="测试县第一中学",
            kind=OrganKind.PUBLIC_INSTITUTION,
            level=OrganLevel.COUNTY,
            parent=county_department,
        ),
        "township": OrganFactory.create(
            name="测试县城关镇人民政府", kind=OrganKind.TOWNSHIP, level=OrganLevel.TOWNSHIP, parent=county
        ),
        "committee": OrganFactory.create(
            name="测试经济开发区管理委员会",
            kind=OrganKind.ADMINISTRATIVE_COMMITTEE,
            level=OrganLevel.COUNTY,
            parent=organ_tree["city"],
        ),
    }


def test_ancestors_run_from_the_parent_up_to_the_root(deeper_tree: dict[str, Organ]) -> None:
    school, county_department = deeper_tree["school"], deeper_tree["county_department"]
    expected = [county_department.pk, deeper_tree["county"].pk, deeper_tree["city"].pk]

    assert selectors.ancestor_ids(school.pk) == expected
    assert selectors.ancestor_ids(school.pk, selectors.parent_map()) == expected
    assert school.ancestor_ids() == expected
    assert selectors.ancestor_ids(deeper_tree["city"].pk) == []


def test_descendants_reach_every_level_below(deeper_tree: dict[str, Organ]) -> None:
    county = deeper_tree["county"]

    assert selectors.descendant_ids(county.pk) == {
        deeper_tree["county_department"].pk,
        deeper_tree["school"].pk,
        deeper_tree["township"].pk,
    }
    assert selectors.descendant_ids(deeper_tree["city"].pk) == {
        organ.pk for name, organ in deeper_tree.items() if name != "city"
    }
    assert selectors.descendant_ids(deeper_tree["school"].pk) == set()


def test_the_parent_map_holds_every_organ(deeper_tree: dict[str, Organ]) -> None:
    parents = selectors.parent_map()

    assert parents == {organ.pk: organ.parent_id for organ in deeper_tree.values()}
    assert parents[deeper_tree["city"].pk] is None


@pytest.mark.parametrize(
    ("organ", "government"),
    [
        ("city", "city"),
        ("department", "city"),
        ("general_office", "city"),
        ("county", "county"),
        ("county_department", "county"),
        ("school", "county"),
        ("township", "township"),
        ("committee", "committee"),
    ],
)
def test_the_government_an_organ_belongs_to(deeper_tree: dict[str, Organ], organ: str, government: str) -> None:
    assert selectors.government_of(deeper_tree[organ]) == deeper_tree[government]


def test_an_organ_outside_any_government_is_its_own(db: None) -> None:
    lone = OrganFactory.create(name="测试独立单位", kind=OrganKind.PUBLIC_INSTITUTION)

    assert selectors.government_of(lone) == lone


def test_official_order_is_by_sort_order_then_id_and_skips_inactive_organs(organ_tree: dict[str, Organ]) -> None:
    city, department, county, county_department = (
        organ_tree[name] for name in ("city", "department", "county", "county_department")
    )
    Organ.objects.filter(pk=county.pk).update(sort_order=10)
    Organ.objects.filter(pk=department.pk).update(sort_order=20)
    Organ.objects.filter(pk__in=[city.pk, county_department.pk]).update(sort_order=30)
    Organ.objects.filter(pk=county_department.pk).update(is_active=False)

    assert list(selectors.organs_in_official_order()) == [county, department, city]


def test_lookups_ignore_inactive_organs(organ_tree: dict[str, Organ]) -> None:
    assert selectors.organ_by_slug("county-education") == organ_tree["county_department"]
    assert selectors.root_organ() == organ_tree["city"]
    Organ.objects.filter(pk__in=[organ_tree["city"].pk, organ_tree["county_department"].pk]).update(is_active=False)

    with pytest.raises(Organ.DoesNotExist):
        selectors.organ_by_slug("county-education")
    assert selectors.root_organ() is None


def test_the_model_reads_its_contact_data_for_the_guide(organ_tree: dict[str, Organ]) -> None:
    department = organ_tree["department"]

    snapshot = department.contact_snapshot()

    assert str(department) == "测试市财政局"
    assert set(snapshot) == {"disclosure_office", "office_address", "postcode", "office_hours", "phone", "fax", "email"}
    assert snapshot["disclosure_office"] == "测试市财政局办公室"
