"""Catalog spreadsheets: a county's own layout read row by row, errors named by row and column, round trip."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from gongkai.catalogs import columns, sheet
from gongkai.catalogs.columns import RowData

BASIS = "《环境影响评价法》、《政府信息公开条例》"
TWENTY_DAYS = "自该信息形成或者变更之日起20个工作日内"


def _county_workbook() -> bytes:
    """As a county prints it: two title rows, a two-row header with √ sub-columns, 一级事项 merged
    down, a 二级事项 merged over two stages, full-width digits and spaces, a note and blank rows."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "生态环境"
    ws["A1"] = "忻府区生态环境领域基层政务公开标准目录"
    ws.merge_cells("A1:N1")
    ws["A2"] = "（2021年版）"
    top = ["序号", "公开事项", "", "公开内容(要素)", "公开依据", "公开时限", "公开主体", "公开渠道和载体"]
    top += ["公开对象", "", "公开方式", "", "公开层级", ""]
    sub = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群众", "主动", "依申请", "县级", "乡级"]
    for column, (upper, lower) in enumerate(zip(top, sub, strict=True), start=1):
        ws.cell(3, column, upper or None)
        ws.cell(4, column, lower or None)
    ws.merge_cells("B3:C3")
    for group in ("I3:J3", "K3:L3", "M3:N3"):
        ws.merge_cells(group)
    for single in "ADEFGH":
        ws.merge_cells(f"{single}3:{single}4")
    rows: list[list[int | str | None]] = [
        [
            1,
            "行政许可",
            "建设项目环境影响评价文件审批",
            "受理环节：受理情况公示",
            BASIS,
            "自该信息形成或者变更之日起２０个工作日内",
            " 县级生态环境部门 ",
            "■政府网站 ■两微一端 □政府公报",
            "√",
            "",
            "√",
            "",
            "√",
            "",
        ],
        [None, None, None, "决定环节：环评批复", None, None, None, None, "√", "", "√", "", "√", ""],
        [
            2,
            None,
            "防治污染设施拆除或闲置审批",
            "核准结果",
            "《固体废物污染环境防治法》",
            "二十个工作日以内",
            "县级生态环境部门",
            "■政府网站",
            "√",
            "",
            "√",
            "",
            "√",
            "√",
        ],
        [
            3,
            "行政处罚",
            "行政处罚决定",
            "处罚决定书",
            "《行政处罚法》",
            "作出决定之日起7日内",
            "县级生态环境部门",
            "■政府网站　■公开查阅点",
            "",
            "√",
            "",
            "√",
            "√",
            "",
        ],
    ]
    for offset, values in enumerate(rows):
        for number, value in enumerate(values, start=1):
            ws.cell(5 + offset, number, value)
    ws.merge_cells("B5:B7")
    ws.merge_cells("C5:C6")
    for letter in "EFGH":
        ws.merge_cells(f"{letter}5:{letter}6")
    ws["A10"] = "注：■为选中，□为未选中。"
    ws["A12"] = "   "
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_county_spreadsheet_is_read_with_its_merges_marks_and_notes() -> None:
    parsed = sheet.read(_county_workbook())

    assert [row.row for row in parsed] == [5, 7, 8]
    first, second, third = (row.data for row in parsed)
    assert first == RowData(
        first_item="行政许可",
        second_item="建设项目环境影响评价文件审批",
        content="受理环节：受理情况公示\n决定环节：环评批复",
        basis=BASIS,
        time_limit=TWENTY_DAYS,
        subject="县级生态环境部门",
        channels="■政府网站 ■两微一端 □政府公报",
        audience="全社会",
        manner="主动",
        levels="县级",
    )
    assert second.first_item == "行政许可"  # merged down
    assert second.time_limit == "二十个工作日以内"
    assert second.levels == "县级、乡级"
    assert third.first_item == "行政处罚"
    assert (third.audience, third.manner) == ("特定群众", "依申请")
    assert columns.selected_channels(third.channels) == ["政府网站", "公开查阅点"]
    assert columns.selected_channels(first.channels) == ["政府网站", "两微一端"]


def _simple(rows: list[list[object]], header: list[str] | None = None) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.append(["某某领域标准目录"])
    ws.append(header or ["序号", *columns.HEADERS])
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_returned() -> None:
    data = _simple(
        [
            [1, "行政许可", "甲事项", "内容", "依据", TWENTY_DAYS, "县级部门", "■政府网站", "全社会", "主动", "县级"],
            [2, "行政许可", "", "内容", "依据", TWENTY_DAYS, "县级部门", "", "全社会", "主动", "县级"],
            [3, "行政许可", "乙事项", "内容", "依据", "", "县级部门", "", "所有人", "主动", "市级"],
            [4, "行政许可", "甲事项", "内容", "依据", TWENTY_DAYS, "县级部门", "", "全社会", "主动", "县级"],
        ]
    )
    with pytest.raises(sheet.SheetError) as raised:
        sheet.read(data)

    assert [str(error) for error in raised.value.errors] == [
        "第4行「二级事项」：不能为空",
        "第5行「公开时限」：不能为空",
        "第5行「公开对象」：“所有人”不是可选的值，只能填写全社会、特定群众",
        "第5行「公开层级」：“市级”不是可选的值，只能填写县级、乡级",
        "第6行「二级事项」：与第3行的一级事项、二级事项重复",
    ]


def test_a_file_without_a_catalog_header_or_not_a_spreadsheet_is_refused() -> None:
    with pytest.raises(sheet.SheetError, match="未找到目录表头"):
        sheet.read(_simple([["甲", "乙"]], header=["名称", "内容"]))
    with pytest.raises(sheet.SheetError, match="无法读取该文件"):
        sheet.read(b"not a workbook")
    missing = _simple([["行政许可", "甲事项"]], header=["一级事项", "二级事项"])
    with pytest.raises(sheet.SheetError) as raised:
        sheet.read(missing)
    assert "「公开内容（要素）」：表头中缺少该列" in str(raised.value)


ROWS = [
    RowData(
        "行政许可",
        "建设项目环境影响评价文件审批",
        "受理环节：受理情况公示\n决定环节：环评批复",
        BASIS,
        TWENTY_DAYS,
        "县级生态环境部门",
        "■政府网站 ■两微一端",
        "全社会",
        "主动",
        "县级",
    ),
    RowData(
        "行政许可",
        "危险废物经营许可证",
        "许可证信息公示",
        BASIS,
        "及时公开",
        "县级生态环境部门",
        "■政府网站",
        "全社会",
        "主动",
        "县级、乡级",
    ),
    RowData(
        "行政处罚",
        "行政处罚决定",
        "处罚决定书",
        "《行政处罚法》",
        "作出决定之日起7日内",
        "县级生态环境部门",
        "政府网站、公开查阅点",
        "特定群众",
        "依申请",
        "",
    ),
]


def test_export_then_import_gives_the_same_rows() -> None:
    data = sheet.write("生态环境领域基层政务公开标准目录（县级）", ROWS)

    assert [row.data for row in sheet.read(data)] == ROWS


def test_the_export_has_the_column_layout_and_merges_the_first_level_items() -> None:
    ws = load_workbook(io.BytesIO(sheet.write("标题", ROWS))).active
    assert ws is not None
    assert [cell.value for cell in ws[2]] == ["序号", *columns.HEADERS]
    assert "B3:B4" in {str(merged) for merged in ws.merged_cells.ranges}


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  县级　生态环境部门 ", "县级 生态环境部门"),
        ("２０个工作日", "20个工作日"),
        ("甲\r\n\r\n  乙", "甲\n乙"),
        (12.0, "12"),
        (None, ""),
    ],
)
def test_cell_text_is_normalised(raw: object, clean: str) -> None:
    assert columns.clean_text(raw) == clean


@pytest.mark.parametrize(
    ("written", "domain"),
    [
        ("生态环境", "生态环境"),
        ("生态环境领域", "生态环境"),
        ("环境保护", "生态环境"),
        ("人防工程", "人防工程"),
        ("外交", None),
    ],
)
def test_domain_names_and_their_aliases(written: str, domain: str | None) -> None:
    assert columns.domain_name(written) == domain


def test_there_are_the_26_pilot_domains_and_the_three_the_city_adds() -> None:
    assert len(columns.PILOT_DOMAINS) == 26
    assert len(set(columns.DOMAINS)) == 29
