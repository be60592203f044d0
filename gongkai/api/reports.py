"""GET /api/v1/annual-reports/{organ}/{year}: a published annual report's tables with the template's labels."""

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError

from gongkai.reports import presenters, selectors
from gongkai.reports.models import AnnualReport

router = Router(tags=["annual reports"])


@router.get(
    "/{organ}/{year}",
    url_name="annual_report",
    summary="A published annual report (政府信息公开工作年度报告)",
    description=(
        "Tables A (二、主动公开), B (三、依申请) and C (四、复议诉讼) keyed by the national template's own row and "
        "column labels, the narrative sections, and the checks the report was published with. `organ` is the "
        "organ's address name (slug). Only published reports are returned."
    ),
)
def annual_report(request: HttpRequest, organ: str, year: int) -> dict[str, Any]:
    try:
        report = selectors.public_report(organ, year)
    except AnnualReport.DoesNotExist:
        raise HttpError(404, "没有该机关该年度已发布的政府信息公开工作年度报告。") from None
    return presenters.as_json(report, selectors.tables_of(report))
