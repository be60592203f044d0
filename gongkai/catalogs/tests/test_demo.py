"""The demo catalogs load through the services, once, and show every kind of compliance result."""

from datetime import date

import pytest

from gongkai.catalogs import selectors
from gongkai.catalogs.compliance import Gap, Verdict
from gongkai.demo import loader
from gongkai.demo.catalogs import load_catalogs
from gongkai.organs.models import Organ
from gongkai.policies import services as policy_services
from gongkai.workdays import services as workday_services

pytestmark = pytest.mark.django_db


def test_the_demo_catalogs_show_rows_on_time_late_missing_and_needing_a_rule() -> None:
    workday_services.seed_from_package()
    loader.load_organs()
    policy_services.ensure_topics()

    assert load_catalogs() == 3
    assert load_catalogs() == 0

    county = Organ.objects.get(slug="xinfu")
    organ_ids = [organ.pk for organ in selectors.supervised_organs(county)]
    results = {
        entry.adopted.row.second_item: entry.result for entry in selectors.compliance_of(organ_ids, date(2021, 12, 31))
    }
    assert results["义务教育招生入学政策"].verdict == Verdict.OK
    assert results["建设项目环境影响评价文件审批"].verdict == Verdict.OK
    assert results["学区划分"].gaps == {Gap.LATE}
    assert results["部门决算"].gaps == {Gap.LATE}
    assert results["资助政策"].gaps == {Gap.MISSING}
    assert results["资助名单公示"].gaps == {Gap.NEEDS_RULE}
