import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from openpyxl import Workbook, load_workbook

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.organs.models import Organ
from gongkai.policies import import_service, importing
from gongkai.policies.domain import DisclosureAttribute, ItemKind, LegalBasis, Status, Validity
from gongkai.policies.models import AttributeDecision, ImportJob, InformationItem, Topic

pytestmark = pytest.mark.django_db

FINANCE = "财政、金融、审计\\财政"
HEADER = list(importing.COLUMNS)
KINDS = {"其他文件": ItemKind.OTHER_DOCUMENT, "行政规范性文件": ItemKind.NORMATIVE_DOCUMENT}
TODAY = date(2024, 6, 1)
SHEET_DATE = datetime(2021, 3, 5)  # noqa: DTZ001 - a spreadsheet cell carries no time zone


@pytest.fixture(autouse=True)
def media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def office(organ_tree: dict[str, Organ], staff_with_role: Callable[..., User]) -> User:
    return staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE, username="importer")


def a_row(n: int = 1, /, **overrides: str) -> dict[str, str]:
    values = {
        "索引号": "",
        "标题": f"测试市财政局关于做好第{n}批资金公开工作的通知",
        "发文字号": f"测财发〔2021〕{n}号",
        "成文日期": "2021-03-01",
        "发布日期": "2021-03-05",
        "主题分类": FINANCE,
        "信息类别": "其他文件",
        "公开属性": "主动公开",
        "不公开依据": "",
        "不公开理由": "",
        "有效性": "有效",
        "主题词": "财政 资金",
        "正文": "各县（市、区）财政局：\n现将有关事项通知如下。",
    }
    values.update(overrides)
    return values


def csv_bytes(rows: list[dict[str, str]], encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def raw(n: int = 2, **overrides: str) -> importing.RawRow:
    return importing.RawRow(n, a_row(**overrides))


def parse(row: importing.RawRow, topics: dict[str, Topic]) -> importing.ParsedRow | importing.RowError:
    return importing.to_fields(row, importing.TopicIndex(topics), kinds_by_label=KINDS, organ_id=7, today=TODAY)


def problems_of(outcome: importing.ParsedRow | importing.RowError) -> list[tuple[str, str]]:
    assert isinstance(outcome, importing.RowError)
    return [(problem.column, problem.message) for problem in outcome.problems]


def run(office: User, organ: Organ, name: str, content: bytes) -> ImportJob:
    job = import_service.create_job(office, organ, ContentFile(content, name=name), enqueue=False)
    return import_service.run_import(job)


def rows_and_fields(job: ImportJob) -> list[tuple[int | None, str]]:
    return [(error["row"], error["field"]) for error in job.errors]


# --- Reading and checking rows (no database writes) ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-03-05", date(2021, 3, 5)),
        ("2021/3/5", date(2021, 3, 5)),
        ("2021年3月5日", date(2021, 3, 5)),
        ("20210305", date(2021, 3, 5)),
        (" 2021-03-05 00:00:00 ", date(2021, 3, 5)),
        ("2021-02-30", None),
        ("三月五日", None),
        ("2021-3", None),
    ],
)
def test_dates_are_read_in_the_forms_old_sites_wrote_them(text: str, expected: date | None) -> None:
    assert importing.parse_date(text) == expected


def test_a_valid_row_becomes_the_fields_of_a_published_item(topics: dict[str, Topic]) -> None:
    outcome = parse(
        raw(
            公开属性="依申请公开",
            不公开依据="第十五条",
            不公开理由="涉及个人隐私",
            有效性="失效",
            主题词="财政，资金；公开",
        ),
        topics,
    )

    assert isinstance(outcome, importing.ParsedRow)
    assert outcome.published_on == date(2021, 3, 5)
    assert outcome.fields["topic"] == topics[FINANCE]
    assert outcome.fields["kind"] == ItemKind.OTHER_DOCUMENT
    assert outcome.fields["attribute"] == DisclosureAttribute.ON_REQUEST
    assert outcome.fields["legal_basis"] == LegalBasis.ART_15
    assert outcome.fields["declared_validity"] == Validity.EXPIRED
    assert outcome.fields["keywords"] == "财政 资金 公开"
    assert outcome.fields["body"] == "<p>各县（市、区）财政局：</p><p>现将有关事项通知如下。</p>"


def test_empty_optional_columns_take_the_defaults(topics: dict[str, Topic]) -> None:
    outcome = parse(raw(公开属性="", 有效性="", 成文日期=""), topics)

    assert isinstance(outcome, importing.ParsedRow)
    assert outcome.fields["attribute"] == DisclosureAttribute.PROACTIVE
    assert outcome.fields["declared_validity"] == Validity.VALID
    assert outcome.fields["written_on"] is None


def test_a_topic_may_be_named_by_its_second_level_alone_when_unique(topics: dict[str, Topic]) -> None:
    index = importing.TopicIndex({"甲": "a", "甲\\其他": "a-other", "乙\\其他": "b-other", "乙\\财政": "b-finance"})

    assert index.find("财政") == "b-finance"
    assert index.find(" 乙 / 财政 ") == "b-finance"
    assert index.find("甲") == "a"
    assert isinstance(index.find("其他"), importing.Problem)
    assert isinstance(index.find("丙"), importing.Problem)
    found = parse(raw(主题分类="财政"), topics)
    assert isinstance(found, importing.ParsedRow)
    assert found.fields["topic"] == topics[FINANCE]


def test_other_law_carries_the_law_named(topics: dict[str, Topic]) -> None:
    outcome = parse(raw(公开属性="不予公开", 不公开依据="其他法律法规：《档案法》", 不公开理由="档案"), topics)

    assert isinstance(outcome, importing.ParsedRow)
    assert outcome.fields["legal_basis"] == LegalBasis.OTHER_LAW
    assert outcome.fields["other_law"] == "《档案法》"


@pytest.mark.parametrize(
    ("overrides", "column"),
    [
        ({"标题": ""}, "标题"),
        ({"发布日期": ""}, "发布日期"),
        ({"发布日期": "2021-02-30"}, "发布日期"),
        ({"发布日期": "2030-01-01"}, "发布日期"),
        ({"成文日期": "去年"}, "成文日期"),
        ({"成文日期": "2021-04-01"}, "成文日期"),
        ({"主题分类": ""}, "主题分类"),
        ({"主题分类": "不存在\\的分类"}, "主题分类"),
        ({"信息类别": ""}, "信息类别"),
        ({"信息类别": "通知公告"}, "信息类别"),
        ({"公开属性": "部分公开"}, "公开属性"),
        ({"公开属性": "依申请公开"}, "不公开依据"),
        ({"公开属性": "依申请公开", "不公开依据": "第十七条"}, "不公开依据"),
        ({"有效性": "暂停"}, "有效性"),
    ],
)
def test_each_format_problem_names_its_column(topics: dict[str, Topic], overrides: dict[str, str], column: str) -> None:
    outcome = parse(raw(9, **overrides), topics)

    assert isinstance(outcome, importing.RowError)
    assert outcome.number == 9
    assert [problem.column for problem in outcome.problems] == [column]
    assert all(problem.message for problem in outcome.problems)


def test_a_row_with_several_problems_reports_them_all(topics: dict[str, Topic]) -> None:
    outcome = parse(raw(标题="", 发布日期="x", 信息类别="?"), topics)

    assert [column for column, _message in problems_of(outcome)] == ["标题", "发布日期", "信息类别"]


def test_the_source_key_is_the_same_however_the_date_was_written(topics: dict[str, Topic]) -> None:
    first = parse(raw(发布日期="2021-03-05"), topics)
    second = parse(raw(发布日期="2021年3月5日"), topics)
    by_index = parse(raw(索引号="X-1", 标题="改了标题"), topics)
    same_index = parse(raw(索引号="X-1"), topics)

    assert isinstance(first, importing.ParsedRow)
    assert isinstance(second, importing.ParsedRow)
    assert isinstance(by_index, importing.ParsedRow)
    assert isinstance(same_index, importing.ParsedRow)
    assert first.source_key == second.source_key
    assert by_index.source_key == same_index.source_key != first.source_key
    assert len(first.source_key) == 64


def test_csv_rows_are_numbered_as_a_spreadsheet_shows_them_and_blank_lines_skipped() -> None:
    data = csv_bytes([a_row(1), dict.fromkeys(HEADER, ""), a_row(3)])

    rows = list(importing.read_rows(io.BytesIO(data), "导出.csv"))

    assert [row.number for row in rows] == [2, 4]
    assert rows[1].get("标题") == a_row(3)["标题"]


def test_a_gb18030_csv_is_read() -> None:
    rows = list(importing.read_rows(io.BytesIO(csv_bytes([a_row(1)], encoding="gb18030")), "old.CSV"))

    assert rows[0].get("主题分类") == FINANCE


def test_xlsx_date_and_number_cells_become_text() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["标题", "发布日期", "成文日期", "主题分类", "信息类别", "不相干的列"])
    sheet.append(["通知", SHEET_DATE, 20210301, FINANCE, "其他文件", "x"])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)

    (row,) = importing.read_rows(buffer, "a.xlsx")

    assert row.number == 2
    assert row.values == {
        "标题": "通知",
        "发布日期": "2021-03-05",
        "成文日期": "20210301",
        "主题分类": FINANCE,
        "信息类别": "其他文件",
    }


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", b"x"),
        ("a.csv", b""),
        ("a.csv", "标题,正文\n通知,x\n".encode()),
        ("a.json", b"{not json"),
        ("a.json", b'{"\xe6\xa0\x87\xe9\xa2\x98": "x"}'),
        ("a.xlsx", b"PK not really"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(name: str, content: bytes) -> None:
    with pytest.raises(importing.ImportFileError):
        list(importing.read_rows(io.BytesIO(content), name))


# --- Running a job ------------------------------------------------------------------------------


def test_a_csv_file_is_imported_as_published_items(
    organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic]
) -> None:
    rows = [a_row(1, 索引号="11140900MB0000000X/2021-00001"), a_row(2, 发布日期="2021/4/1", 成文日期="")]

    job = run(office, organ_tree["department"], "导出.csv", csv_bytes(rows))

    assert (job.state, job.total_rows, job.processed_rows, job.imported_rows, job.error_rows) == (
        ImportJob.State.FINISHED,
        2,
        2,
        2,
        0,
    )
    first = InformationItem.objects.get(index_number="11140900MB0000000X/2021-00001")
    second = InformationItem.objects.exclude(pk=first.pk).get()
    assert first.status == Status.PUBLISHED
    assert first.published_on == date(2021, 3, 5)
    assert first.topic == topics[FINANCE]
    assert first.created_by == office
    assert first.source_key
    assert second.published_on == second.formed_on == date(2021, 4, 1)
    assert job.finished_at is not None
    assert AuditEntry.objects.filter(action="policies.imported").count() == 2
    assert AuditEntry.objects.filter(action="policies.import_finished").count() == 1


def test_an_xlsx_file_is_imported(organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for n in (1, 2, 3):
        values = a_row(n, 信息类别="行政规范性文件")
        sheet.append([SHEET_DATE if column == "发布日期" else values[column] for column in HEADER])
    buffer = io.BytesIO()
    book.save(buffer)

    job = run(office, organ_tree["department"], "导出.xlsx", buffer.getvalue())

    assert (job.state, job.imported_rows, job.error_rows) == (ImportJob.State.FINISHED, 3, 0)
    assert set(InformationItem.objects.values_list("kind", flat=True)) == {ItemKind.NORMATIVE_DOCUMENT}


def test_a_json_file_is_imported(organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic]) -> None:
    records = [a_row(1), a_row(2, 主题分类="财政")]

    job = run(office, organ_tree["department"], "导出.json", json.dumps(records, ensure_ascii=False).encode())

    assert (job.state, job.imported_rows, job.error_rows) == (ImportJob.State.FINISHED, 2, 0)


def test_running_the_same_file_again_imports_nothing(
    organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic]
) -> None:
    data = csv_bytes([a_row(n) for n in range(1, 6)])
    run(office, organ_tree["department"], "导出.csv", data)

    again = run(office, organ_tree["department"], "导出.csv", data)

    assert (again.imported_rows, again.skipped_rows, again.error_rows) == (0, 5, 0)
    assert InformationItem.objects.count() == 5


def test_the_same_row_twice_in_one_file_is_imported_once(
    organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic]
) -> None:
    job = run(office, organ_tree["department"], "导出.csv", csv_bytes([a_row(1), a_row(2), a_row(1)]))

    assert (job.imported_rows, job.skipped_rows) == (2, 1)


def test_rows_the_publication_rules_refuse_leave_nothing_behind(
    organ_tree: dict[str, Organ],
    office: User,
    topics: dict[str, Topic],
    draft: Callable[..., InformationItem],
) -> None:
    taken = draft().index_number
    rows = [
        a_row(1),
        a_row(2, 公开属性="依申请公开", 不公开依据="第十五条"),  # no reason given
        a_row(3, 发文字号="第三号文件"),
        a_row(4, 索引号=taken),
        a_row(5, 信息类别="行政规范性文件", 公开属性="不予公开", 不公开依据="第十六条第一款", 不公开理由="内部"),
        a_row(6, 标题=""),
        a_row(7),
    ]
    items_before = InformationItem.objects.count()

    job = run(office, organ_tree["department"], "导出.csv", csv_bytes(rows))

    assert rows_and_fields(job) == [(3, "不公开理由"), (4, "发文字号"), (5, "索引号"), (6, "公开属性"), (7, "标题")]
    assert (job.imported_rows, job.error_rows, job.processed_rows) == (2, 5, 7)
    assert InformationItem.objects.count() == items_before + 2
    assert AttributeDecision.objects.filter(item__source_key__gt="").count() == 2
    assert AuditEntry.objects.filter(action="policies.imported").count() == 2
    assert all(error["message"] for error in job.errors)
    assert job.errors[0]["title"] == rows[1]["标题"]


def test_error_messages_are_in_chinese(organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic]) -> None:
    job = run(office, organ_tree["department"], "导出.csv", csv_bytes([a_row(1, 标题="", 信息类别="通知公告")]))

    messages = [error["message"] for error in job.errors]
    assert messages[0] == "此列为必填项。"
    assert messages[1].startswith("通知公告不是以下之一：")


def test_a_file_that_cannot_be_read_fails_the_job_with_a_reason(
    organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic]
) -> None:
    job = run(office, organ_tree["department"], "导出.csv", "标题,正文\n通知,x\n".encode())

    assert job.state == ImportJob.State.FAILED
    assert job.errors == [
        {"row": None, "field": "", "message": "文件缺少列：发布日期、主题分类、信息类别。", "title": ""}
    ]
    assert not InformationItem.objects.exists()


def test_a_job_runs_only_once(organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic]) -> None:
    job = run(office, organ_tree["department"], "导出.csv", csv_bytes([a_row(1)]))

    rerun = import_service.run_import(job)

    assert (rerun.state, rerun.imported_rows, rerun.skipped_rows) == (ImportJob.State.FINISHED, 1, 0)


def test_only_the_openness_office_may_import(
    organ_tree: dict[str, Organ], desk: dict[str, User], topics: dict[str, Topic]
) -> None:
    with pytest.raises(PermissionDenied):
        import_service.create_job(
            desk["drafter"], organ_tree["department"], ContentFile(csv_bytes([a_row()]), name="a.csv")
        )
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(("name", "size"), [("导出.txt", 10), ("导出.csv", 2048)])
def test_uploads_of_the_wrong_kind_or_size_are_refused(
    organ_tree: dict[str, Organ], office: User, settings: Any, name: str, size: int
) -> None:
    settings.GONGKAI_IMPORT_MAX_BYTES = 1024

    with pytest.raises(ValidationError) as refused:
        import_service.create_job(office, organ_tree["department"], ContentFile(b"x" * size, name=name))

    assert "file" in refused.value.message_dict
    assert not ImportJob.objects.exists()


def test_a_queued_job_runs_in_the_background_after_commit(
    organ_tree: dict[str, Organ],
    office: User,
    topics: dict[str, Topic],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        job = import_service.create_job(office, organ_tree["department"], ContentFile(csv_bytes([a_row()]), "a.csv"))
        job.refresh_from_db()
        assert job.state == ImportJob.State.QUEUED

    job.refresh_from_db()
    assert (job.state, job.imported_rows) == (ImportJob.State.FINISHED, 1)


def test_the_error_report_reads_back_as_a_workbook(
    organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic]
) -> None:
    rows = [a_row(1), a_row(2, 发布日期="不详"), a_row(3, 标题='=HYPERLINK("http://x")', 主题分类="无")]
    job = run(office, organ_tree["department"], "导出.csv", csv_bytes(rows))

    sheet = load_workbook(io.BytesIO(import_service.error_report_xlsx(job))).worksheets[0]
    lines = list(sheet.iter_rows(values_only=True))

    assert lines[0] == ("行号", "字段", "问题", "标题")
    assert [(line[0], line[1], line[3]) for line in lines[1:]] == [
        (3, "发布日期", rows[1]["标题"]),
        (4, "主题分类", '=HYPERLINK("http://x")'),
    ]
    assert sheet.cell(3, 4).data_type == "s"


def test_the_command_imports_a_file_and_prints_a_summary(
    organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic], tmp_path: Path
) -> None:
    path = tmp_path / "导出.csv"
    path.write_bytes(csv_bytes([a_row(1), a_row(2, 标题="")]))
    out = io.StringIO()

    call_command("import_items", "--organ", "city-finance", "--user", "importer", str(path), stdout=out)

    assert "共 2 行，已处理 2 行：导入 1 行，已导入过 0 行，有错误 1 行。" in out.getvalue()
    assert InformationItem.objects.count() == 1


# --- The acceptance case: 10,000 rows, 1% bad ---------------------------------------------------

BAD_KINDS: list[dict[str, str]] = [
    {"标题": ""},
    {"发布日期": "2021-13-01"},
    {"主题分类": "不存在"},
    {"信息类别": "通知公告"},
    {"公开属性": "依申请公开", "不公开依据": "第十五条"},  # refused by the service: no reason
    {"发文字号": "无号"},  # refused by the service: document number format
]


def big_file_rows(total: int, bad_rows: dict[int, dict[str, str]]) -> Iterator[dict[str, str]]:
    for n in range(1, total + 1):
        # An old site's export carries each item's 索引号, which is also the row's identity for re-runs.
        index_number = f"11140900MB0000000X/2021-{n:05d}"
        yield a_row(n, 索引号=index_number, **bad_rows.get(n + 1, {}))  # record n is file row n + 1


def test_ten_thousand_rows_with_one_percent_bad_end_with_an_exact_report(
    organ_tree: dict[str, Organ], office: User, topics: dict[str, Topic], tmp_path: Path
) -> None:
    total = 10_000
    # Every 100th record, offset so the bad rows fall at different places in each batch of 500.
    bad_rows = {n * 100 + (n * 37) % 100 + 2: BAD_KINDS[n % len(BAD_KINDS)] for n in range(100)}
    path = tmp_path / "县政府网站导出.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(big_file_rows(total, bad_rows))
    assert len(bad_rows) == 100
    assert min(bad_rows) >= 2
    assert max(bad_rows) <= total + 1

    job = import_service.create_job(
        office, organ_tree["department"], ContentFile(path.read_bytes(), path.name), enqueue=False
    )
    job = import_service.run_import(job)

    assert (job.state, job.total_rows, job.processed_rows) == (ImportJob.State.FINISHED, total, total)
    assert (job.imported_rows, job.error_rows, job.skipped_rows) == (9_900, 100, 0)
    assert InformationItem.objects.count() == 9_900
    assert AttributeDecision.objects.count() == 9_900
    assert AuditEntry.objects.filter(action="policies.imported").count() == 9_900
    sheet = load_workbook(io.BytesIO(import_service.error_report_xlsx(job)), read_only=True).worksheets[0]
    reported = [line[0] for line in sheet.iter_rows(min_row=2, values_only=True)]
    assert reported == sorted(bad_rows)
