"""The 公文公开属性认定台账 as an XLSX workbook, in the columns offices keep it by hand."""

from collections.abc import Iterable
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from gongkai.policies.models import InformationItem

HEADERS = ("索引号", "发文机关", "标题", "发文字号", "成文日期", "公开属性", "不公开依据", "理由", "复审日期", "状态")


def ledger_workbook(items: Iterable[InformationItem], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook always has one sheet
    sheet.title = title[:31]
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for item in items:
        sheet.append(
            (
                item.index_number,
                item.organ.name,
                item.title,
                item.document_number,
                item.written_on.isoformat() if item.written_on else "",
                str(item.get_attribute_display()),
                str(item.get_legal_basis_display()) if item.legal_basis else "",
                item.attribute_reason,
                item.re_review_on.isoformat() if item.re_review_on else "",
                str(item.get_status_display()),
            )
        )
    for column, width in zip("ABCDEFGHIJ", (34, 24, 48, 22, 12, 12, 30, 30, 12, 10), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
