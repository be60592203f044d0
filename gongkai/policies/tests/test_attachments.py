import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape

import docx
import openpyxl
import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.fixtures import DjangoCaptureOnCommitCallbacks, Settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from gongkai.accounts.models import User
from gongkai.core.models import AuditEntry
from gongkai.policies import attachment_files, attachments, privacy_review, services
from gongkai.policies.attachment_files import FileKind
from gongkai.policies.domain import Status, Transition
from gongkai.policies.models import Attachment, InformationItem, PrivacyFinding
from gongkai.privacy.scanner import id_card_check_char
from gongkai.search import drift as search_drift
from gongkai.search.query import SearchQuery
from gongkai.search.service import search

# A fictional person: the check character is computed by GB 11643 for this body.
PERSON_ID = "14090219850505002" + id_card_check_char("14090219850505002")
MASKED_ID = PERSON_ID[:6] + "********" + PERSON_ID[-4:]
TEXT = "忻州市财政局关于预算公开的附件"

# The smallest valid PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
GIF = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"


def make_pdf(*lines: str) -> bytes:
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setFont("STSong-Light", 12)
    for n, line in enumerate(lines):
        pdf.drawString(50, 800 - 20 * n, line)
    pdf.save()
    return out.getvalue()


def make_docx(*paragraphs: str | list[str]) -> bytes:
    """Each paragraph is a string, or a list of strings that become separate runs."""
    document = docx.Document()
    for paragraph in paragraphs:
        runs = [paragraph] if isinstance(paragraph, str) else paragraph
        made = document.add_paragraph()
        for n, run in enumerate(runs):
            made.add_run(run).bold = n % 2 == 1
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "表格单元"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_xlsx(*rows: list[object]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


OFD_NS = "http://www.ofdspec.org/2016"


def make_ofd(*lines: str) -> bytes:
    """A minimal OFD package: OFD.xml → Document.xml → one page of text objects."""
    objects = "".join(
        f'<ofd:TextObject ID="{n + 10}" Boundary="0 {n * 10} 200 10" Font="1" Size="4">'
        f'<ofd:TextCode X="0" Y="5">{escape(line[:3])}</ofd:TextCode>'
        f'<ofd:TextCode X="12" Y="5">{escape(line[3:])}</ofd:TextCode></ofd:TextObject>'
        for n, line in enumerate(lines)
    )
    members = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD">'
        "<ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f'<ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData><ofd:PageArea>'
        "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>"
        '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
        "Doc_0/Pages/Page_0/Content.xml": f'<ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content><ofd:Layer ID="2">'
        f"{objects}</ofd:Layer></ofd:Content></ofd:Page>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text.encode())
    return out.getvalue()


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return out.getvalue()


def docx_text(data: bytes) -> str:
    return attachment_files.extract_text(data, FileKind.DOCX)


# --- Pure: kinds, text, masked copies ------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "name", "expected"),
    [
        (lambda: make_pdf(TEXT), "通知.pdf", FileKind.PDF),
        (lambda: make_docx(TEXT), "通知.docx", FileKind.DOCX),
        (lambda: make_xlsx([TEXT]), "名单.xlsx", FileKind.XLSX),
        (lambda: make_ofd(TEXT), "公文.ofd", FileKind.OFD),
        (lambda: PNG, "图.png", FileKind.PNG),
        (lambda: JPEG, "照片.JPG", FileKind.JPEG),
        (lambda: JPEG, "照片.jpeg", FileKind.JPEG),
        (lambda: GIF, "动图.gif", FileKind.GIF),
        (lambda: make_pdf(TEXT), "没有扩展名", FileKind.PDF),
        (lambda: make_docx(TEXT), "伪装.pdf", None),
        (lambda: make_pdf(TEXT), "伪装.docx", None),
        (lambda: PNG, "图.jpg", None),
        (lambda: b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 60, "setup.exe", None),
        (lambda: make_pdf(TEXT), "setup.exe", None),
        (plain_zip, "压缩包.zip", None),
        (plain_zip, "压缩包.docx", None),
        (lambda: b"PK\x03\x04 not really a zip", "坏.docx", None),
        (lambda: "纯文本".encode(), "说明.txt", None),
    ],
)
def test_the_kind_is_decided_by_content_and_the_name_must_agree(
    make: Callable[[], bytes], name: str, expected: FileKind | None
) -> None:
    assert attachment_files.sniff(make(), name) == expected


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (make_pdf(TEXT, f"身份证号码{PERSON_ID}"), FileKind.PDF),
        (make_docx(TEXT, f"身份证号码{PERSON_ID}"), FileKind.DOCX),
        (make_xlsx(["姓名", "身份证号码"], [TEXT, PERSON_ID]), FileKind.XLSX),
        (make_ofd(TEXT, f"身份证号码{PERSON_ID}"), FileKind.OFD),
    ],
)
def test_text_is_extracted_from_each_document_kind(data: bytes, kind: FileKind) -> None:
    text = attachment_files.extract_text(data, kind)

    assert TEXT in text
    assert PERSON_ID in text


def test_images_have_no_text() -> None:
    assert attachment_files.extract_text(PNG, FileKind.PNG) == ""


def test_a_damaged_file_is_unreadable() -> None:
    with pytest.raises(attachment_files.UnreadableFileError):
        attachment_files.extract_text(b"%PDF-1.7 nothing else", FileKind.PDF)


def test_the_docx_copy_masks_a_number_split_across_runs() -> None:
    data = make_docx(["身份证号码", PERSON_ID[:9], PERSON_ID[9:], "。"], f"再次出现：{PERSON_ID}")

    copy, kind = attachment_files.masked_copy(data, FileKind.DOCX, [(PERSON_ID, MASKED_ID)])

    assert kind == FileKind.DOCX
    text = docx_text(copy)
    assert PERSON_ID not in text
    assert text.count(MASKED_ID) == 2
    assert "表格单元" in text


def test_the_xlsx_copy_masks_cell_values_including_numbers() -> None:
    data = make_xlsx(["姓名", "身份证号码", "手机"], ["张某", PERSON_ID, 13800001234])

    copy, kind = attachment_files.masked_copy(
        data, FileKind.XLSX, [(PERSON_ID, MASKED_ID), ("13800001234", "138****1234")]
    )

    assert kind == FileKind.XLSX
    text = attachment_files.extract_text(copy, FileKind.XLSX)
    assert PERSON_ID not in text
    assert MASKED_ID in text
    assert "138****1234" in text


@pytest.mark.parametrize("kind", [FileKind.PDF, FileKind.OFD])
def test_a_pdf_or_ofd_copy_is_a_new_pdf_of_the_masked_text(kind: FileKind) -> None:
    data = (
        make_pdf(TEXT, f"身份证号码{PERSON_ID}") if kind == FileKind.PDF else make_ofd(TEXT, f"身份证号码{PERSON_ID}")
    )

    copy, copy_kind = attachment_files.masked_copy(data, kind, [(PERSON_ID, MASKED_ID)])

    assert copy_kind == FileKind.PDF
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(copy)).pages)
    assert text.startswith(attachment_files.MASKED_NOTICE)
    assert MASKED_ID in text
    assert PERSON_ID not in text


@pytest.mark.parametrize(
    ("size", "shown"),
    [(0, "0 B"), (1023, "1023 B"), (1024, "1.0 KB"), (1_258_291, "1.2 MB"), (5 * 1024**3, "5.0 GB")],
)
def test_sizes_are_shown_the_way_download_lists_show_them(size: int, shown: str) -> None:
    assert attachment_files.human_size(size) == shown


# --- Services -------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_a_drafter_attaches_a_file_with_its_text_kept_and_the_upload_audited(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = draft()
    data = make_docx(TEXT)

    attachment = attachments.add_attachment(
        item=item, uploaded=upload(data, "C:\\Users\\张某\\通知附件.docx"), acting_user=desk["drafter"]
    )

    assert attachment.original_name == "通知附件.docx"
    assert attachment.size == len(data)
    assert attachment.content_type.endswith("wordprocessingml.document")
    assert len(attachment.sha256) == 64
    assert TEXT in attachment.extracted_text
    assert "张某" not in attachment.file.name
    after = AuditEntry.objects.get(action="policies.attachment_added").after
    assert after is not None
    assert after["sha256"] == attachment.sha256


@pytest.mark.parametrize(
    ("data", "name"), [(make_docx(TEXT), "伪装.pdf"), (b"MZ\x90\x00", "setup.exe"), (make_pdf(TEXT), "a.exe")]
)
def test_a_wrong_or_unknown_type_is_refused_on_the_file_field(
    draft: Callable[..., InformationItem], desk: dict[str, User], data: bytes, name: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        attachments.add_attachment(item=draft(), uploaded=upload(data, name), acting_user=desk["drafter"])

    assert "只接受" in refused.value.message_dict["file"][0]
    assert not Attachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused(
    draft: Callable[..., InformationItem], desk: dict[str, User], settings: Settings
) -> None:
    item = draft()
    settings.GONGKAI_ATTACHMENT_MAX_BYTES = len(PNG) - 1

    with pytest.raises(ValidationError) as refused:
        attachments.add_attachment(item=item, uploaded=upload(PNG, "图.png"), acting_user=desk["drafter"])

    assert "file" in refused.value.message_dict
    settings.GONGKAI_ATTACHMENT_MAX_BYTES = len(PNG)
    assert attachments.add_attachment(item=item, uploaded=upload(PNG, "图.png"), acting_user=desk["drafter"]).pk


def test_only_drafts_accept_or_lose_attachments(draft: Callable[..., InformationItem], desk: dict[str, User]) -> None:
    item = draft()
    attachment = attachments.add_attachment(item=item, uploaded=upload(PNG, "图.png"), acting_user=desk["drafter"])
    services.transition(item=item, to=Transition.SUBMIT, acting_user=desk["drafter"])

    with pytest.raises(ValidationError, match="草稿"):
        attachments.add_attachment(item=item, uploaded=upload(PNG, "图2.png"), acting_user=desk["drafter"])
    with pytest.raises(ValidationError, match="草稿"):
        attachments.remove_attachment(attachment=attachment, acting_user=desk["drafter"])


def test_only_someone_who_may_draft_for_the_organ_attaches(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = draft()

    with pytest.raises(PermissionDenied):
        attachments.add_attachment(item=item, uploaded=upload(PNG, "图.png"), acting_user=desk["reviewer"])


def test_removing_an_attachment_is_audited_and_deletes_its_file(
    draft: Callable[..., InformationItem],
    desk: dict[str, User],
    media: Path,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    attachment = attachments.add_attachment(item=draft(), uploaded=upload(PNG, "图.png"), acting_user=desk["drafter"])
    stored = media / attachment.file.name
    assert stored.exists()

    with django_capture_on_commit_callbacks(execute=True):
        attachments.remove_attachment(attachment=attachment, acting_user=desk["drafter"])

    assert not Attachment.objects.exists()
    assert not stored.exists()
    before = AuditEntry.objects.get(action="policies.attachment_removed").before
    assert before is not None
    assert before["name"] == "图.png"


# --- Privacy scan of attachments, masking and the public download ------------------------------------


def _submitted_with_id_card(draft: Callable[..., InformationItem], desk: dict[str, User]) -> InformationItem:
    item = draft()
    data = make_docx("处罚决定书", ["当事人张某，身份证号码", PERSON_ID, "。"], f"联系电话：{item.organ.phone}")
    attachments.add_attachment(item=item, uploaded=upload(data, "处罚决定书.docx"), acting_user=desk["drafter"])
    item = services.transition(item=item, to=Transition.SUBMIT, acting_user=desk["drafter"])
    return services.transition(item=item, to=Transition.REVIEW, acting_user=desk["reviewer"])


def test_an_id_number_in_an_attachment_blocks_approval(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = _submitted_with_id_card(draft, desk)

    finding = item.privacy_findings.get()
    assert finding.kind == "ID_CARD"
    assert finding.attachment is not None
    assert finding.attachment.original_name == "处罚决定书.docx"
    assert MASKED_ID in finding.context
    with pytest.raises(ValidationError, match="遮盖或说明理由"):
        services.transition(item=item, to=Transition.APPROVE, acting_user=desk["approver"])


def test_masking_regenerates_the_attachment_and_the_public_gets_only_the_masked_copy(
    draft: Callable[..., InformationItem], desk: dict[str, User], client: Client
) -> None:
    item = _submitted_with_id_card(draft, desk)
    body_before = item.body

    privacy_review.redact(finding=item.privacy_findings.get(), acting_user=desk["reviewer"])

    attachment = item.attachments.get()
    with attachment.published_file.open("rb") as published:
        masked_text = docx_text(published.read())
    assert PERSON_ID not in masked_text
    assert MASKED_ID in masked_text
    assert PERSON_ID in attachment.extracted_text  # the original is kept for the record
    assert InformationItem.objects.get(pk=item.pk).body == body_before
    assert not PrivacyFinding.objects.filter(matched=PERSON_ID).exists()
    # A later scan does not bring the masked number back as a new finding.
    assert privacy_review.rescan(item) == []

    item = services.transition(item=item, to=Transition.APPROVE, acting_user=desk["approver"])
    item = services.transition(item=item, to=Transition.PUBLISH, acting_user=desk["office"])
    assert item.status == Status.PUBLISHED

    page = client.get(f"/xxgk/fdzdgknr/{item.pk}/").content.decode()
    url = f"/xxgk/fdzdgknr/{item.pk}/attachments/{attachment.pk}/"
    assert url in page
    assert "处罚决定书.docx" in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].lower().endswith("filename*=utf-8''" + quote("处罚决定书.docx").lower())
    served = docx_text(response.getvalue())
    assert PERSON_ID not in served
    assert MASKED_ID in served


def _release(item: InformationItem, desk: dict[str, User], *transitions: Transition) -> InformationItem:
    for transition, who in zip(
        transitions, ("drafter", "reviewer", "approver", "office")[-len(transitions) :], strict=True
    ):
        item = services.transition(item=item, to=transition, acting_user=desk[who])
    return item


def test_search_finds_an_attachments_text_and_says_which_file_it_is_in(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = draft()
    attachments.add_attachment(
        item=item,
        uploaded=upload(make_pdf("2021年度城乡低保资金分配明细"), "资金分配表.pdf"),
        acting_user=desk["drafter"],
    )
    assert search(SearchQuery(text="低保资金分配")).total == 0  # a draft is not public

    item = _release(item, desk, Transition.SUBMIT, Transition.REVIEW, Transition.APPROVE, Transition.PUBLISH)

    [hit] = search(SearchQuery(text="低保资金分配")).hits
    assert hit.object_id == item.pk
    assert "<mark>低保资金分配</mark>" in hit.snippet_html
    assert [hit.object_id for hit in search(SearchQuery(text="资金分配表")).hits] == [item.pk]
    assert not search_drift.check()


def test_search_never_finds_or_shows_what_was_masked_in_an_attachment(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = _submitted_with_id_card(draft, desk)
    privacy_review.redact(finding=item.privacy_findings.get(), acting_user=desk["reviewer"])

    item = _release(item, desk, Transition.APPROVE, Transition.PUBLISH)

    [hit] = search(SearchQuery(text="身份证号码")).hits
    assert hit.object_id == item.pk
    assert MASKED_ID in hit.snippet_html
    assert PERSON_ID not in hit.snippet_html
    assert search(SearchQuery(text=PERSON_ID)).total == 0
    assert search(SearchQuery(text=PERSON_ID[6:14])).total == 0  # the birth date was masked too
    assert not search_drift.check()


def test_a_justified_finding_in_an_attachment_stays_settled(
    draft: Callable[..., InformationItem], desk: dict[str, User]
) -> None:
    item = _submitted_with_id_card(draft, desk)

    privacy_review.justify(finding=item.privacy_findings.get(), acting_user=desk["reviewer"], reason="当事人同意")

    assert privacy_review.rescan(item) == []
    assert not item.attachments.get().published_file


def test_an_attachment_of_an_unpublished_item_is_not_served(
    draft: Callable[..., InformationItem], desk: dict[str, User], client: Client
) -> None:
    item = draft()
    attachment = attachments.add_attachment(item=item, uploaded=upload(PNG, "图.png"), acting_user=desk["drafter"])

    assert client.get(f"/xxgk/fdzdgknr/{item.pk}/attachments/{attachment.pk}/").status_code == 404


# --- Workbench -------------------------------------------------------------------------------------


def test_the_workbench_uploads_lists_and_removes_attachments(
    draft: Callable[..., InformationItem], desk: dict[str, User], client: Client
) -> None:
    item = draft()
    client.force_login(desk["drafter"])

    response = client.post(f"/workbench/items/{item.pk}/attachments/", {"file": upload(PNG, "示意图.png")})
    assert response.status_code == 302
    attachment = item.attachments.get()
    page = client.get(f"/workbench/items/{item.pk}/").content.decode()
    assert "示意图.png" in page
    assert f"/workbench/items/{item.pk}/attachments/{attachment.pk}/remove/" in page

    client.post(f"/workbench/items/{item.pk}/attachments/", {"file": upload(make_docx(TEXT), "伪装.pdf")})
    assert item.attachments.count() == 1

    client.post(f"/workbench/items/{item.pk}/attachments/{attachment.pk}/remove/")
    assert not item.attachments.exists()


def test_the_workbench_offers_no_upload_to_a_reviewer(
    draft: Callable[..., InformationItem], desk: dict[str, User], client: Client
) -> None:
    item = draft()
    client.force_login(desk["reviewer"])

    page = client.get(f"/workbench/items/{item.pk}/").content.decode()

    assert 'enctype="multipart/form-data"' not in page
    response = client.post(f"/workbench/items/{item.pk}/attachments/", {"file": upload(PNG, "图.png")})
    assert response.status_code == 403
    assert not item.attachments.exists()
