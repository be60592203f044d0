"""Attachment files (附件) as bytes: what kind a file really is, its text, and a masked copy of it.

Pure Python over the file libraries, no Django, so every rule here is testable on bytes alone. The
kind is decided by the content, never by the name alone: a name only has to agree with the content.
"""

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

import docx
import openpyxl
import pypdf
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas


class FileKind(StrEnum):
    PDF = "PDF"
    DOCX = "DOCX"
    XLSX = "XLSX"
    OFD = "OFD"  # 版式文档, GB/T 33190-2016: a ZIP of XML pages
    PNG = "PNG"
    JPEG = "JPEG"
    GIF = "GIF"


@dataclass(frozen=True)
class KindInfo:
    extensions: tuple[str, ...]  # the first one is used for generated files
    content_type: str


KINDS: dict[FileKind, KindInfo] = {
    FileKind.PDF: KindInfo((".pdf",), "application/pdf"),
    FileKind.DOCX: KindInfo((".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    FileKind.XLSX: KindInfo((".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    FileKind.OFD: KindInfo((".ofd",), "application/ofd"),
    FileKind.PNG: KindInfo((".png",), "image/png"),
    FileKind.JPEG: KindInfo((".jpg", ".jpeg"), "image/jpeg"),
    FileKind.GIF: KindInfo((".gif",), "image/gif"),
}

IMAGE_KINDS = frozenset({FileKind.PNG, FileKind.JPEG, FileKind.GIF})

# A ZIP declares the unpacked size of its members; anything claiming more than this is treated as a
# decompression bomb rather than a document (the upload limit only bounds the packed size).
MAX_UNPACKED_BYTES = 500 * 1024 * 1024

_MAGIC: tuple[tuple[bytes, FileKind], ...] = (
    (b"%PDF-", FileKind.PDF),
    (b"\x89PNG\r\n\x1a\n", FileKind.PNG),
    (b"\xff\xd8\xff", FileKind.JPEG),
    (b"GIF87a", FileKind.GIF),
    (b"GIF89a", FileKind.GIF),
)


class UnreadableFileError(ValueError):
    """The file has the right signature but its library could not read it."""


def extension_of(name: str) -> str:
    base = posixpath.basename(name.replace("\\", "/"))
    _stem, dot, ext = base.rpartition(".")
    return f".{ext.lower()}" if dot and _stem else ""


def _zip_kind(data: bytes) -> FileKind | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        return None
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        return None
    names = {member.filename for member in members}
    if "word/document.xml" in names:
        return FileKind.DOCX
    if "xl/workbook.xml" in names:
        return FileKind.XLSX
    if "OFD.xml" in names:
        return FileKind.OFD
    return None


def content_kind(data: bytes) -> FileKind | None:
    """The kind the bytes themselves show, whatever the file is called."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return None


def sniff(data: bytes, name: str) -> FileKind | None:
    """The file's kind, or None when it is not an accepted kind or its extension says otherwise.

    A name without an extension declares nothing, so the content alone decides.
    """
    kind = content_kind(data)
    if kind is None:
        return None
    extension = extension_of(name)
    if extension and extension not in KINDS[kind].extensions:
        return None
    return kind


# --- Text ------------------------------------------------------------------------------------------


def _docx_table_paragraphs(table: Table) -> Iterator[Paragraph]:
    for row in table.rows:
        for cell in row.cells:
            yield from cell.paragraphs
            for inner in cell.tables:
                yield from _docx_table_paragraphs(inner)


def _docx_paragraphs(document: DocxDocument) -> Iterator[Paragraph]:
    """Every paragraph a reader sees: the body, tables (nested too), headers and footers."""
    yield from document.paragraphs
    for table in document.tables:
        yield from _docx_table_paragraphs(table)
    for section in document.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous:
                continue
            yield from part.paragraphs
            for table in part.tables:
                yield from _docx_table_paragraphs(table)


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        # Many official PDFs are "encrypted" only to forbid editing, with an empty user password.
        reader.decrypt("")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(data: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in _docx_paragraphs(docx.Document(io.BytesIO(data))))


def _cell_text(value: object) -> str:
    return "" if value is None else str(value)


def _xlsx_text(data: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        lines = []
        for sheet in workbook.worksheets:
            lines.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                cells = [_cell_text(value) for value in row]
                if any(cells):
                    lines.append("\t".join(cells).rstrip("\t"))
        return "\n".join(lines)
    finally:
        workbook.close()


def _parse_xml(raw: bytes) -> ET.Element:
    # The standard library's expat (2.4 and later) refuses entity-expansion bombs and never fetches
    # external entities, which are the attacks an uploaded XML page could carry.
    return ET.fromstring(raw)  # noqa: S314


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (child for child in element.iter() if _local(child.tag) == name)


def _resolve(base_dir: str, location: str) -> str:
    # OFD locations are relative to the referring file, or absolute from the package root.
    if location.startswith("/"):
        return posixpath.normpath(location.lstrip("/"))
    return posixpath.normpath(posixpath.join(base_dir, location))


def _ofd_page_paths(archive: zipfile.ZipFile) -> list[str]:
    """The pages in reading order: OFD.xml names the document root, which lists its pages."""
    names = set(archive.namelist())
    pages: list[str] = []
    root = _parse_xml(archive.read("OFD.xml"))
    for doc_root in _children(root, "DocRoot"):
        document_path = _resolve("", (doc_root.text or "").strip())
        if document_path not in names:
            continue
        document = _parse_xml(archive.read(document_path))
        for page in _children(document, "Page"):
            path = _resolve(posixpath.dirname(document_path), page.get("BaseLoc", ""))
            if path in names:
                pages.append(path)
    return pages


def _ofd_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        lines = []
        for path in _ofd_page_paths(archive):
            for text_object in _children(_parse_xml(archive.read(path)), "TextObject"):
                # One TextObject is one run of text; its TextCodes only position the glyphs.
                line = "".join(code.text or "" for code in _children(text_object, "TextCode"))
                if line:
                    lines.append(line)
        return "\n".join(lines)


def extract_text(data: bytes, kind: FileKind) -> str:
    """The file's text for search and the privacy scan; images have none."""
    if kind in IMAGE_KINDS:
        return ""
    readers = {FileKind.PDF: _pdf_text, FileKind.DOCX: _docx_text, FileKind.XLSX: _xlsx_text, FileKind.OFD: _ofd_text}
    try:
        return readers[kind](data)
    # Parsers of untrusted files raise whatever their internals hit; all of it means "unreadable".
    except Exception as error:
        raise UnreadableFileError(str(error)) from error


# --- Masked copy -----------------------------------------------------------------------------------

MASKED_NOTICE = "本文件为原件经个人信息遮盖处理后的文字内容，版式与原件不同。"
_FONT = "STSong-Light"
_FONT_SIZE = 11
_LEADING = 16
_MARGIN = 56


def replace_all(text: str, replacements: list[tuple[str, str]]) -> str:
    for found, masked in replacements:
        if found:
            text = text.replace(found, masked)
    return text


def _paragraph_runs(paragraph: Paragraph) -> list[Run]:
    runs: list[Run] = []
    for inner in paragraph.iter_inner_content():
        runs.extend([inner] if isinstance(inner, Run) else inner.runs)
    return runs


def _mask_paragraph(paragraph: Paragraph, replacements: list[tuple[str, str]]) -> None:
    runs = _paragraph_runs(paragraph)
    for run in runs:
        masked = replace_all(run.text, replacements)
        if masked != run.text:
            run.text = masked
    whole = "".join(run.text for run in runs)
    masked_whole = replace_all(whole, replacements)
    if masked_whole != whole and runs:
        # A match split across runs (Word splits text wherever formatting or spell-check state
        # changes): the paragraph's text moves into its first run, losing formatting only here.
        runs[0].text = masked_whole
        for run in runs[1:]:
            run.text = ""


def _masked_docx(data: bytes, replacements: list[tuple[str, str]]) -> bytes:
    document = docx.Document(io.BytesIO(data))
    for paragraph in _docx_paragraphs(document):
        _mask_paragraph(paragraph, replacements)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _masked_xlsx(data: bytes, replacements: list[tuple[str, str]]) -> bytes:
    # openpyxl drops what it does not model (charts, images); the values are what must be right.
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                # A number such as a mobile number may be stored numerically; masked, it becomes text.
                text = str(cell.value)
                masked = replace_all(text, replacements)
                if masked != text:
                    cell.value = masked
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _wrap(line: str, width: float) -> Iterator[str]:
    current = ""
    for char in line:
        if current and pdfmetrics.stringWidth(current + char, _FONT, _FONT_SIZE) > width:
            yield current
            current = ""
        current += char
    yield current


def text_pdf(text: str) -> bytes:
    """A plain A4 PDF of the text, in a CJK font every PDF reader has (no font is embedded)."""
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    out = io.BytesIO()
    page_width, page_height = A4
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    pdf.setFont(_FONT, _FONT_SIZE)
    y = page_height - _MARGIN
    for line in text.splitlines() or [""]:
        for piece in _wrap(line, page_width - 2 * _MARGIN):
            if y < _MARGIN:
                pdf.showPage()
                pdf.setFont(_FONT, _FONT_SIZE)
                y = page_height - _MARGIN
            pdf.drawString(_MARGIN, y, piece)
            y -= _LEADING
    pdf.save()
    return out.getvalue()


def masked_copy(data: bytes, kind: FileKind, replacements: list[tuple[str, str]]) -> tuple[bytes, FileKind]:
    """The file with every (found, masked) pair replaced, and the kind of the copy.

    Word and Excel files keep their form. A PDF or OFD page cannot be edited reliably (text is
    positioned glyph by glyph, and may also be drawn as an image), so its masked text is published
    as a new PDF that says what it is.
    """
    try:
        if kind == FileKind.DOCX:
            return _masked_docx(data, replacements), kind
        if kind == FileKind.XLSX:
            return _masked_xlsx(data, replacements), kind
        if kind in {FileKind.PDF, FileKind.OFD}:
            masked_text = replace_all(extract_text(data, kind), replacements)
            return text_pdf(f"{MASKED_NOTICE}\n\n{masked_text}"), FileKind.PDF
    except UnreadableFileError:
        raise
    except Exception as error:
        raise UnreadableFileError(str(error)) from error
    raise ValueError(f"no masked copy can be made of a {kind} file")


def human_size(size: int) -> str:
    """1234567 → "1.2 MB", the way download lists show sizes."""
    if size < 1024:
        return f"{size} B"
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            break
    return f"{value:.1f} {unit}"
