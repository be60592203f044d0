"""Catalog services: import, adoption, links, manual rules, the compliance check and spot checks,
each one transaction with one audit entry and a permission check."""

import dataclasses
import io
from collections.abc import Callable
from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from gongkai.accounts.models import User
from gongkai.catalogs import presenters, selectors, services, sheet
from gongkai.catalogs.columns import RowData
from gongkai.catalogs.compliance import Gap, Verdict
from gongkai.catalogs.models import AdoptedRow, Catalog, CatalogRow, ItemLink, SpotCheck
from gongkai.catalogs.tests.conftest import ROWS, TODAY
from gongkai.core.models import AuditEntry
from gongkai.organs.models import Organ
from gongkai.policies.models import InformationItem

pytestmark = pytest.mark.django_db


def test_importing_a_catalog_stores_its_rows_and_one_audit_entry(catalog: Catalog) -> None:
    assert [row.data() for row in selectors.rows_of(catalog)] == ROWS
    entry = AuditEntry.objects.get(action="catalogs.import")
    assert entry.after == {"rows": 4, "added": 4, "updated": 0, "retired": 0, "removed": 0}
    assert catalog.title == "义务教育领域基层政务公开标准目录（县级）"


def test_a_file_with_a_bad_row_stores_nothing(organ_tree: dict[str, Organ], people: dict[str, User]) -> None:
    bad = sheet.write("目录", [*ROWS, RowData("学生资助", "", "内容", "", "", "县级教育部门")])
    with pytest.raises(ValidationError) as raised:
        services.import_catalog(
            domain="义务教育", level="县级", owner=organ_tree["city"], workbook=bad, acting_user=people["city_office"]
        )
    assert raised.value.message_dict["workbook"] == ["第7行「二级事项」：不能为空", "第7行「公开时限」：不能为空"]
    assert not Catalog.objects.exists()
    assert not CatalogRow.objects.exists()
    assert not AuditEntry.objects.filter(action="catalogs.import").exists()


def test_reimporting_updates_rows_in_place_and_retires_rows_still_in_use(
    organ_tree: dict[str, Organ], people: dict[str, User], known_gaps: dict[str, InformationItem], catalog: Catalog
) -> None:
    first = catalog.rows.get(second_item="义务教育招生入学政策")
    changed = dataclasses.replace(ROWS[0], content="招生范围、招生条件、报名时间、录取结果")
    services.import_catalog(
        domain="义务教育",
        level="县级",
        owner=organ_tree["city"],
        workbook=sheet.write("目录", [changed, ROWS[2]]),
        acting_user=people["city_office"],
    )
    first.refresh_from_db()
    assert first.content.endswith("录取结果")
    assert ItemLink.objects.filter(row=first).exists()
    assert [row.second_item for row in selectors.rows_of(catalog)] == ["义务教育招生入学政策", "资助政策"]
    assert catalog.rows.filter(retired=True).count() == 2  # adopted and linked: kept, retired
    entry = AuditEntry.objects.filter(action="catalogs.import").latest("id")
    assert entry.after == {"rows": 2, "added": 0, "updated": 2, "retired": 2, "removed": 0}


def test_only_the_maintaining_organ_imports_its_catalog(
    organ_tree: dict[str, Organ], people: dict[str, User], catalog: Catalog
) -> None:
    with pytest.raises(PermissionDenied):
        services.import_catalog(
            domain="义务教育",
            level="县级",
            owner=organ_tree["county_department"],
            workbook=sheet.write("目录", ROWS),
            acting_user=people["office"],
        )


def test_adoption_sets_the_rows_and_keeps_the_first_day_of_rows_kept(
    organ_tree: dict[str, Organ], people: dict[str, User], adopted: dict[str, CatalogRow], catalog: Catalog
) -> None:
    department = organ_tree["county_department"]
    kept = adopted["学区划分"]
    services.set_adoption(
        organ=department,
        catalog=catalog,
        row_ids=[kept.pk],
        effective_from=date(2021, 6, 1),
        acting_user=people["office"],
        reason="乡级事项不适用",
    )
    assert list(AdoptedRow.objects.filter(organ=department).values_list("row_id", "effective_from")) == [
        (kept.pk, date(2021, 1, 1))
    ]
    entry = AuditEntry.objects.filter(action="catalogs.adopt").latest("id")
    assert entry.after is not None
    assert (entry.reason, entry.after["rows"]) == ("乡级事项不适用", [kept.pk])
    with pytest.raises(PermissionDenied):
        services.set_adoption(
            organ=department, catalog=catalog, row_ids=[], effective_from=TODAY, acting_user=people["drafter"]
        )


def test_an_item_is_linked_only_to_rows_its_organ_adopted(
    organ_tree: dict[str, Organ],
    people: dict[str, User],
    rows: dict[str, CatalogRow],
    make_item: Callable[..., InformationItem],
) -> None:
    item = make_item("测试县学区划分方案", date(2021, 4, 1), date(2021, 4, 2))
    with pytest.raises(ValidationError, match="未采用此目录事项"):
        services.link_item(item=item, row=rows["学区划分"], acting_user=people["office"])
    assert not AuditEntry.objects.filter(action="catalogs.link").exists()


def test_links_and_unlinks_are_audited_and_suggestions_rank_by_keywords(
    people: dict[str, User], adopted: dict[str, CatalogRow], make_item: Callable[..., InformationItem]
) -> None:
    item = make_item("测试县教育局关于2021年学区划分的公告", date(2021, 4, 1), date(2021, 4, 2), keywords="学区划分")
    suggested = selectors.suggestions_for(item)
    assert suggested[0][0] == adopted["学区划分"]

    services.link_item(item=item, row=adopted["学区划分"], acting_user=people["office"])
    assert adopted["学区划分"] not in [row for row, _score in selectors.suggestions_for(item)]
    with pytest.raises(ValidationError, match="已关联"):
        services.link_item(item=item, row=adopted["学区划分"], acting_user=people["office"])
    services.unlink_item(item=item, row=adopted["学区划分"], acting_user=people["office"], reason="关联错误")
    assert [
        entry.action
        for entry in AuditEntry.objects.filter(object_type="policies.InformationItem", object_id=str(item.pk)).order_by(
            "id"
        )
    ] == [
        "catalogs.link",
        "catalogs.unlink",
    ]
    with pytest.raises(PermissionDenied):
        services.link_item(item=item, row=adopted["学区划分"], acting_user=people["drafter"])


def test_the_compliance_check_finds_the_known_gaps(known_gaps: dict[str, InformationItem]) -> None:
    department = known_gaps["on_time"].organ
    checked = {entry.adopted.row.second_item: entry.result for entry in selectors.compliance_of([department.pk], TODAY)}

    assert checked["义务教育招生入学政策"].verdict == Verdict.OK
    assert [finding.gap for finding in checked["学区划分"].findings] == [Gap.LATE]
    assert checked["学区划分"].findings[0].evidence[0].url == f"/xxgk/fdzdgknr/{known_gaps['late'].pk}/"
    assert [finding.gap for finding in checked["资助政策"].findings] == [Gap.MISSING]
    # the unreadable time limit; the linked item is not on the portal, but the row does not ask for it
    assert [finding.gap for finding in checked["资助名单"].findings] == [Gap.NEEDS_RULE]


def test_a_manual_rule_replaces_the_unreadable_phrase(
    people: dict[str, User], known_gaps: dict[str, InformationItem], adopted: dict[str, CatalogRow]
) -> None:
    row = adopted["资助名单"]
    assert row in selectors.rows_needing_rules()
    with pytest.raises(PermissionDenied):
        services.set_manual_rule(row=row, kind="WORKDAYS", count=3, acting_user=people["office"])
    with pytest.raises(ValidationError):
        services.set_manual_rule(row=row, kind="YEARLY", month=2, day=30, acting_user=people["city_office"])
    services.set_manual_rule(row=row, kind="WORKDAYS", count=3, acting_user=people["city_office"])

    department = known_gaps["on_time"].organ
    checked = {entry.adopted.row_id: entry.result for entry in selectors.compliance_of([department.pk], TODAY)}
    assert checked[row.pk].verdict == Verdict.OK  # formed 1 May, published 6 May: 3rd working day after the holiday
    assert row not in selectors.rows_needing_rules()


def test_the_public_view_of_compliance_hides_items_that_are_not_public(known_gaps: dict[str, InformationItem]) -> None:
    department = known_gaps["on_time"].organ
    for entry in selectors.compliance_of([department.pk], TODAY, public=True):
        for finding in entry.result.findings:
            assert all(item.title != known_gaps["hidden"].title for item in finding.evidence)
    facts = selectors.item_facts([department.pk], [link.row_id for link in ItemLink.objects.all()], True)
    hidden = [fact for fact_list in facts.values() for fact in fact_list if fact.item_id == known_gaps["hidden"].pk]
    assert (hidden[0].title, hidden[0].url) == ("", "")


def test_the_gap_report_lists_each_finding_with_its_evidence(known_gaps: dict[str, InformationItem]) -> None:
    department = known_gaps["on_time"].organ
    entries = selectors.compliance_of([department.pk], TODAY)
    data = presenters.gap_report_workbook(department, entries, TODAY, "https://www.example.gov.cn")
    sheet_rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(min_row=3, values_only=True))  # type: ignore[union-attr]
    assert sorted((line[3], line[6]) for line in sheet_rows) == [
        ("学区划分", "超期公开"),
        ("资助名单", "公开时限需人工设定"),
        ("资助政策", "未公开"),
    ]
    late = next(line for line in sheet_rows if line[3] == "学区划分")
    assert late[9] == f"https://www.example.gov.cn/xxgk/fdzdgknr/{known_gaps['late'].pk}/"


@time_machine.travel(date(2022, 1, 10), tick=False)
def test_a_spot_check_goes_from_notice_to_rectification_to_closure(
    organ_tree: dict[str, Organ], people: dict[str, User], known_gaps: dict[str, InformationItem]
) -> None:
    department, city = organ_tree["county_department"], organ_tree["city"]
    with pytest.raises(PermissionDenied):
        services.start_spot_check(organ=department, checking_organ=city, acting_user=people["office"])
    check = services.start_spot_check(
        organ=department, checking_organ=city, acting_user=people["assessor"], remarks="年中抽查"
    )
    assert (check.rows_checked, sorted(finding["gap"] for finding in check.findings)) == (
        4,
        ["LATE", "MISSING", "NEEDS_RULE"],
    )
    with pytest.raises(ValidationError):
        services.close_spot_check(check=check, acting_user=people["assessor"], reason="无")
    with pytest.raises(ValidationError):
        services.issue_notice(check=check, workdays=0, acting_user=people["assessor"])

    check = services.issue_notice(check=check, workdays=10, acting_user=people["assessor"])
    assert check.state == SpotCheck.State.NOTIFIED
    assert check.rectify_by == date(2022, 1, 24)  # 10 working days after Monday 10 January
    assert check.notice_number == f"{city.short_name}公开通〔2022〕1号"
    assert bytes(check.notice_docx).startswith(b"PK")
    assert bytes(check.notice_pdf).startswith(b"%PDF")

    with pytest.raises(PermissionDenied):
        services.report_rectification(check=check, report="已补充公开", acting_user=people["assessor"])
    check = services.report_rectification(check=check, report="已补充公开资助政策", acting_user=people["office"])
    check = services.close_spot_check(check=check, acting_user=people["assessor"], reason="整改到位")

    assert check.state == SpotCheck.State.CLOSED
    trail = AuditEntry.objects.filter(object_type="catalogs.SpotCheck").order_by("id")
    assert [(entry.action, entry.actor_id) for entry in trail] == [
        ("catalogs.spot_check", people["assessor"].pk),
        ("catalogs.notice", people["assessor"].pk),
        ("catalogs.rectified", people["office"].pk),
        ("catalogs.close_check", people["assessor"].pk),
    ]
    assert trail.last().reason == "整改到位"  # type: ignore[union-attr]
    assert list(selectors.findings_for_year(2022)) == [check]
