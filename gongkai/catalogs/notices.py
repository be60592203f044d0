"""The 通报 of a spot check in official-document layout (GB/T 9704, through foi.letter_layout)."""

from collections import Counter
from datetime import date

from gongkai.catalogs.compliance import GAP_LABELS, Gap
from gongkai.catalogs.models import SpotCheck
from gongkai.foi import letter_layout
from gongkai.foi.letter_layout import OfficialLetter, chinese_date
from gongkai.organs.models import Organ

to_docx = letter_layout.to_docx
to_pdf = letter_layout.to_pdf


def notice_number(organ: Organ, year: int, serial: int) -> str:
    code = organ.letter_code or organ.short_name
    return f"{code}公开通〔{year}〕{serial}号"


def notice_letter(check: SpotCheck, *, issued_on: date, rectify_by: date, workdays: int) -> OfficialLetter:
    """The notice's text from the frozen findings: counts per gap, then each finding with its row."""
    counts = Counter(finding["gap"] for finding in check.findings)
    summary = "、".join(f"{GAP_LABELS[Gap(gap)]}{count}项" for gap, count in sorted(counts.items()))
    body = [
        f"根据《忻州市2021年政务公开工作实施方案》关于督促抓好标准目录执行的要求，{check.checked_by.name}于"
        f"{chinese_date(check.checked_on)}对你单位基层政务公开标准目录落实情况进行了抽查，共抽查公开事项"
        f"{check.rows_checked}项，"
        + (
            f"发现问题{len(check.findings)}个（{summary}）。现将有关情况通报如下。"
            if check.findings
            else "未发现问题。"
        ),
    ]
    for number, finding in enumerate(check.findings, start=1):
        period = f"（{finding['period']}）" if finding.get("period") else ""
        body.append(
            f"{number}. {finding['catalog']}“{finding['first_item']}—{finding['second_item']}”{period}："
            f"{finding['label']}，{finding['detail']}。"
        )
    if check.remarks:
        body.append(check.remarks)
    body.append(
        f"请你单位自本通报印发之日起{workdays}个工作日内（{chinese_date(rectify_by)}前）完成整改，"
        "并将整改情况书面报送。整改情况将纳入当年政务公开目标责任考核。"
    )
    return OfficialLetter(
        title="关于基层政务公开标准目录落实情况抽查问题的通报",
        number=check.notice_number,
        addressee=check.organ.name,
        body=tuple(body),
        organ_name=check.checked_by.name,
        issued_on=issued_on,
        closing="特此通报。",
    )
