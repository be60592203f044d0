"""Reading a county's old-site export (CSV, XLSX or JSON) and checking it row by row.

Nothing here touches the database: the service passes in the topics and the kind labels, and gets
back either the fields for ``services.import_published`` or the row's problems in Chinese.
"""

import csv
import hashlib
import html
import io
import json
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Final, Generic, TypeVar

from django.utils.translation import gettext as _

from gongkai.policies.domain import DisclosureAttribute, ItemKind, LegalBasis, Validity

T = TypeVar("T")

# The column headers exactly as a county's export names them; they are the file format, not UI text.
INDEX_NUMBER: Final = "索引号"
TITLE: Final = "标题"
DOCUMENT_NUMBER: Final = "发文字号"
WRITTEN_ON: Final = "成文日期"
PUBLISHED_ON: Final = "发布日期"
TOPIC: Final = "主题分类"
KIND: Final = "信息类别"
ATTRIBUTE: Final = "公开属性"
BASIS: Final = "不公开依据"
REASON: Final = "不公开理由"
VALIDITY: Final = "有效性"
KEYWORDS: Final = "主题词"
BODY: Final = "正文"

COLUMNS: Final = (
    INDEX_NUMBER,
    TITLE,
    DOCUMENT_NUMBER,
    WRITTEN_ON,
    PUBLISHED_ON,
    TOPIC,
    KIND,
    ATTRIBUTE,
    BASIS,
    REASON,
    VALIDITY,
    KEYWORDS,
    BODY,
)
# The model cannot hold an item without a topic or a kind, so a file lacking either column is refused whole.
REQUIRED_COLUMNS: Final = (TITLE, PUBLISHED_ON, TOPIC, KIND)
EXTENSIONS: Final = (".csv", ".xlsx", ".json")

ATTRIBUTES: Final[Mapping[str, DisclosureAttribute]] = {
    "主动公开": DisclosureAttribute.PROACTIVE,
    "依申请公开": DisclosureAttribute.ON_REQUEST,
    "不予公开": DisclosureAttribute.WITHHELD,
}
BASES: Final[Mapping[str, LegalBasis]] = {
    "第十四条": LegalBasis.ART_14,
    "第十五条": LegalBasis.ART_15,
    "第十六条第一款": LegalBasis.ART_16_1,
    "第十六条第二款": LegalBasis.ART_16_2,
    "其他法律法规": LegalBasis.OTHER_LAW,
}
VALIDITIES: Final[Mapping[str, Validity]] = {
    "有效": Validity.VALID,
    "失效": Validity.EXPIRED,
    "废止": Validity.REPEALED,
}

# Which column to blame when the publication rules refuse a row (keys of the service's message_dict).
FIELD_COLUMNS: Final[Mapping[str, str]] = {
    "index_number": INDEX_NUMBER,
    "title": TITLE,
    "document_number": DOCUMENT_NUMBER,
    "written_on": WRITTEN_ON,
    "formed_on": WRITTEN_ON,
    "published_on": PUBLISHED_ON,
    "topic": TOPIC,
    "kind": KIND,
    "attribute": ATTRIBUTE,
    "legal_basis": BASIS,
    "other_law": BASIS,
    "re_review_on": BASIS,
    "reason": REASON,
    "attribute_reason": REASON,
    "declared_validity": VALIDITY,
    "keywords": KEYWORDS,
    "body": BODY,
}

_DATE_PATTERNS: Final = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
# A spreadsheet's date cell often carries a midnight time ("2021-03-05 00:00:00").
_MIDNIGHT: Final = re.compile(r"[ T]0{1,2}:00(:00)?$")
_KEYWORD_SEPARATORS: Final = re.compile(r"[\s,，;；、]+")
_HTML_TAG: Final = re.compile(r"</?[a-zA-Z][^>]*>")


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the person who uploaded it."""


@dataclass(frozen=True)
class RawRow:
    """One record as the file has it: ``number`` is the row a spreadsheet shows (the header is row 1)."""

    number: int
    values: Mapping[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "").strip()


@dataclass(frozen=True)
class Problem:
    column: str
    message: str


@dataclass(frozen=True)
class RowError:
    number: int
    title: str
    problems: tuple[Problem, ...]

    def as_records(self) -> list[dict[str, Any]]:
        """The JSON form ImportJob.errors keeps: one entry per problem."""
        return [
            {"row": self.number, "field": problem.column, "message": problem.message, "title": self.title}
            for problem in self.problems
        ]


@dataclass(frozen=True)
class ParsedRow:
    number: int
    title: str
    published_on: date
    index_number: str
    source_key: str
    fields: dict[str, Any] = field(default_factory=dict)


class TopicIndex(Generic[T]):
    """Finds a topic by 一级\\二级 path, or by its 二级 name alone when only one category has that name."""

    def __init__(self, topics_by_path: Mapping[str, T]) -> None:
        self._by_path = dict(topics_by_path)
        self._by_name: dict[str, list[T]] = {}
        for path, topic in topics_by_path.items():
            if "\\" in path:
                self._by_name.setdefault(path.rsplit("\\", 1)[1], []).append(topic)

    def find(self, text: str) -> T | Problem:
        wanted = "\\".join(part.strip() for part in text.replace("/", "\\").split("\\"))
        if wanted in self._by_path:
            return self._by_path[wanted]
        matches = self._by_name.get(wanted, [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            message = _("%(name)s is the name of several categories: write it as first level\\second level.")
            return Problem(TOPIC, message % {"name": wanted})
        return Problem(TOPIC, _("No topic category %(name)s.") % {"name": wanted})


# --- Reading ------------------------------------------------------------------------------------


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 20210305 typed into a number cell
    return str(value)


def _decode(data: bytes) -> str:
    # Old county sites exported from Windows tools, so GB18030 is the usual alternative to UTF-8.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(_("The file is neither UTF-8 nor GB18030 text."))


def _check_header(header: list[str]) -> list[str]:
    cleaned = [column.strip().lstrip("\ufeff") for column in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in cleaned]
    if missing:
        raise ImportFileError(_("The file has no column %(columns)s.") % {"columns": "、".join(missing)})
    return cleaned


def _records(header: list[str], cells: list[object], number: int) -> RawRow | None:
    values = {column: _cell_text(value) for column, value in zip(header, cells, strict=False) if column in COLUMNS}
    if not any(value.strip() for value in values.values()):
        return None  # blank lines at the end of an export are not rows
    return RawRow(number, values)


def _csv_rows(data: bytes) -> Iterator[RawRow]:
    reader = csv.reader(io.StringIO(_decode(data), newline=""))
    try:
        header = _check_header(next(reader))
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    except csv.Error as error:
        raise ImportFileError(_("The file is not valid CSV: %(error)s") % {"error": error}) from error
    try:
        # Numbered by record, not physical line: a quoted cell may span lines, a spreadsheet shows one row.
        for number, cells in enumerate(reader, start=2):
            if (row := _records(header, list(cells), number)) is not None:
                yield row
    except csv.Error as error:
        raise ImportFileError(_("The file is not valid CSV: %(error)s") % {"error": error}) from error


def _xlsx_rows(stream: IO[bytes]) -> Iterator[RawRow]:
    from openpyxl import load_workbook  # only this branch needs it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError(_("The file is not a readable XLSX workbook.")) from error
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, None)
        if first is None:
            raise ImportFileError(_("The file is empty."))
        header = _check_header([_cell_text(value) for value in first])
        for number, cells in enumerate(rows, start=2):
            if (row := _records(header, list(cells), number)) is not None:
                yield row
    finally:
        workbook.close()


def _json_rows(data: bytes) -> Iterator[RawRow]:
    try:
        records = json.loads(_decode(data))
    except json.JSONDecodeError as error:
        raise ImportFileError(_("The file is not valid JSON: %(error)s") % {"error": error}) from error
    if not isinstance(records, list) or not all(isinstance(record, dict) for record in records):
        raise ImportFileError(_("A JSON file must hold a list of objects, one per item."))
    if records:
        _check_header(sorted({key for record in records for key in record}))
    # JSON has no header row: record n is reported as row n.
    for number, record in enumerate(records, start=1):
        values = {key.strip(): _cell_text(value) for key, value in record.items() if key.strip() in COLUMNS}
        if any(value.strip() for value in values.values()):
            yield RawRow(number, values)


def read_rows(path_or_file: str | Path | IO[bytes], name: str) -> Iterator[RawRow]:
    """Yield the file's non-blank rows; raise ImportFileError if the file cannot be read at all."""
    extension = Path(name).suffix.lower()
    if extension not in EXTENSIONS:
        raise ImportFileError(_("Upload a CSV, XLSX or JSON file."))
    if isinstance(path_or_file, (str, Path)):
        with open(path_or_file, "rb") as stream:
            yield from read_rows(stream, name)
        return
    if extension == ".xlsx":
        yield from _xlsx_rows(path_or_file)
    elif extension == ".csv":
        yield from _csv_rows(path_or_file.read())
    else:
        yield from _json_rows(path_or_file.read())


# --- Checking one row ---------------------------------------------------------------------------


def parse_date(text: str) -> date | None:
    """2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日 or 20210305; None if it is none of these or no real day."""
    text = _MIDNIGHT.sub("", text.strip())
    for pattern in _DATE_PATTERNS:
        if match := pattern.fullmatch(text):
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def source_key(organ_id: int, *, index_number: str, title: str, document_number: str, published_on: date) -> str:
    """The row's identity for re-runs: its 索引号 when the old site had one, else title, number and date."""
    identity = index_number or "\x1f".join((title, document_number, published_on.isoformat()))
    return hashlib.sha256(f"{organ_id}\x1e{identity}".encode()).hexdigest()


def _date_column(raw: RawRow, column: str, problems: list[Problem], *, required: bool) -> date | None:
    text = raw.get(column)
    if not text:
        if required:
            problems.append(Problem(column, _("This column is required.")))
        return None
    parsed = parse_date(text)
    if parsed is None:
        problems.append(
            Problem(column, _("%(value)s is not a date; write it as 2021-03-05 or 2021年3月5日.") % {"value": text})
        )
    return parsed


def _choice(raw: RawRow, column: str, table: Mapping[str, T], problems: list[Problem]) -> T | None:
    text = raw.get(column)
    if text in table:
        return table[text]
    message = _("%(value)s is not one of: %(choices)s.") % {"value": text, "choices": "、".join(table)}
    problems.append(Problem(column, message))
    return None


def _basis(text: str, problems: list[Problem]) -> tuple[str, str]:
    """(legal basis, law named): 其他法律法规 may be followed by the law, e.g. 其他法律法规：《档案法》."""
    other = "其他法律法规"
    if text.startswith(other):
        return LegalBasis.OTHER_LAW, text.removeprefix(other).strip(" ：:（）()")
    if text in BASES:
        return BASES[text], ""
    message = _("%(value)s is not one of: %(choices)s.") % {"value": text, "choices": "、".join(BASES)}
    problems.append(Problem(BASIS, message))
    return "", ""


def _as_html(body: str) -> str:
    """Old sites exported either HTML or plain text; plain text keeps its paragraphs."""
    if _HTML_TAG.search(body):
        return body
    return "".join(f"<p>{html.escape(line.strip())}</p>" for line in body.splitlines() if line.strip())


def to_fields(
    raw: RawRow,
    topics: TopicIndex[T],
    *,
    kinds_by_label: Mapping[str, ItemKind],
    organ_id: int,
    today: date,
) -> ParsedRow | RowError:
    """Check one row against the file format; the publication rules proper are the service's to apply."""
    problems: list[Problem] = []
    title = raw.get(TITLE)
    if not title:
        problems.append(Problem(TITLE, _("This column is required.")))
    published_on = _date_column(raw, PUBLISHED_ON, problems, required=True)
    written_on = _date_column(raw, WRITTEN_ON, problems, required=False)
    if published_on is not None and published_on > today:
        problems.append(Problem(PUBLISHED_ON, _("The publication date is in the future.")))
    if written_on is not None and published_on is not None and written_on > published_on:
        problems.append(Problem(WRITTEN_ON, _("The date of writing is after the publication date.")))

    topic: T | None = None
    if not (topic_text := raw.get(TOPIC)):
        problems.append(Problem(TOPIC, _("This column is required.")))
    elif isinstance(found := topics.find(topic_text), Problem):
        problems.append(found)
    else:
        topic = found

    kind = None
    if not raw.get(KIND):
        problems.append(Problem(KIND, _("This column is required.")))
    else:
        kind = _choice(raw, KIND, kinds_by_label, problems)

    attribute = _choice(raw, ATTRIBUTE, ATTRIBUTES, problems) if raw.get(ATTRIBUTE) else DisclosureAttribute.PROACTIVE
    legal_basis, other_law = "", ""
    if attribute is not None and attribute != DisclosureAttribute.PROACTIVE:
        if basis_text := raw.get(BASIS):
            legal_basis, other_law = _basis(basis_text, problems)
        else:
            problems.append(Problem(BASIS, _("An item not disclosed proactively needs its legal basis.")))
    validity = _choice(raw, VALIDITY, VALIDITIES, problems) if raw.get(VALIDITY) else Validity.VALID

    # The None checks only restate for the type checker what an empty problem list already means.
    if problems or published_on is None or topic is None or kind is None:
        return RowError(raw.number, title, tuple(problems))
    document_number = raw.get(DOCUMENT_NUMBER)
    index_number = raw.get(INDEX_NUMBER)
    return ParsedRow(
        number=raw.number,
        title=title,
        published_on=published_on,
        index_number=index_number,
        source_key=source_key(
            organ_id,
            index_number=index_number,
            title=title,
            document_number=document_number,
            published_on=published_on,
        ),
        fields={
            "title": title,
            "document_number": document_number,
            "written_on": written_on,
            "topic": topic,
            "kind": kind,
            "declared_validity": validity,
            "keywords": " ".join(_KEYWORD_SEPARATORS.split(raw.get(KEYWORDS))).strip(),
            "body": _as_html(raw.get(BODY)),
            "attribute": attribute,
            "legal_basis": legal_basis,
            "other_law": other_law,
            "attribute_reason": raw.get(REASON),
        },
    )


def rule_problems(message_dict: Mapping[str, list[str]]) -> tuple[Problem, ...]:
    """The service's refusal, keyed by model field, restated against the file's columns."""
    return tuple(
        Problem(FIELD_COLUMNS.get(name, ""), message) for name, messages in message_dict.items() for message in messages
    )
