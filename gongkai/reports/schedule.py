"""When a report is due (条例第四十九条). Pure Python.

A 县级以上人民政府部门 submits and publishes its report by 31 January; the 政府信息公开工作主管部门
publishes the government's report by 31 March. Art. 49 names no date for 乡镇人民政府 and 街道办事处;
they report to the county government, which compiles by 31 March, so the platform gives them the
31 January date of the organs whose reports the county must collect first (our reading, UNVERIFIED).
"""

from datetime import date


def due_on(year: int, *, government_level: bool) -> date:
    """The last day to publish the report on ``year``."""
    return date(year + 1, 3, 31) if government_level else date(year + 1, 1, 31)


def reporting_year(today: date, *, government_level: bool) -> int:
    """The year whose report is the next one due: last year's until its deadline, then this year's."""
    return today.year - 1 if today <= due_on(today.year - 1, government_level=government_level) else today.year
