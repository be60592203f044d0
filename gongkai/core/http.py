"""Download responses with Chinese file names, for the portal, the workbench and letters alike."""

import mimetypes

from django.http import HttpResponse
from django.utils.http import content_disposition_header

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_TYPES = {"docx": DOCX_TYPE, "xlsx": XLSX_TYPE, "pdf": "application/pdf"}


def download_disposition(filename: str) -> str:
    """RFC 6266 with the RFC 5987 filename* form, so Chinese names survive every browser."""
    # Only a non-attachment without a filename gives None; the fallback satisfies the type.
    return content_disposition_header(as_attachment=True, filename=filename) or "attachment"


def attachment_response(data: bytes, filename: str) -> HttpResponse:
    extension = filename.rpartition(".")[2].lower()
    content_type = _TYPES.get(extension) or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = download_disposition(filename)
    return response
