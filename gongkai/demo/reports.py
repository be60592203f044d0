"""Demo annual reports at the city development and reform commission.

The report on last year is published (its tables counted from the demo records, its text the
draft with the parts staff write filled in), so the public 年报 column has a report to show; the
report on this year is a draft, as it would be in the autumn.
"""

from django.db import transaction
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.reports import services
from gongkai.reports.models import AnnualReport

ORGAN_SLUG = "xinzhou-fgw"
OFFICE = "fgw.office"
WRITTEN = {
    "【请填写：公开属性源头认定、保密审查、政策解读等情况】": "坚持“先审查、后公开”，公开属性在拟文时源头认定。",
    "【请填写：网站、政务新媒体、政府公报等平台建设情况】": "政府信息统一在市政府门户网站政府信息公开平台发布。",
    "【请填写：培训、考核、社会评议和责任追究情况】": "全年组织政务公开业务培训2次。",
    "【请填写：本年度政府信息公开工作存在的主要问题，以及上年度问题的改进情况】": "政策解读形式仍较单一，下一步将增加图解和问答解读。",
    "【请填写其他需要报告的事项，没有则删去本句】": "",
}


def _filled(text: str) -> str:
    for mark, replacement in WRITTEN.items():
        text = text.replace(mark, replacement)
    return text


@transaction.atomic
def load_reports() -> int:
    organ = Organ.objects.get(slug=ORGAN_SLUG)
    if AnnualReport.objects.filter(organ=organ).exists():
        return 0
    office = User.objects.get(username=OFFICE)
    year = timezone.localdate().year
    last_year = services.start(organ=organ, year=year - 1, acting_user=office)
    last_year = services.edit_narrative(
        report=last_year,
        overview=_filled(last_year.overview),
        problems=_filled(last_year.problems),
        other_matters=_filled(last_year.other_matters),
        acting_user=office,
    )
    services.publish(report=last_year, acting_user=office)
    services.start(organ=organ, year=year, acting_user=office)
    return 2
