"""Bulk import of legacy items: queueing a file, running it in batches, and the error report.

A batch's valid rows commit together with the job's counters, so the workbench never shows progress
that a crash could take back; each row runs in its own savepoint, so a refused row leaves nothing.
"""

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from itertools import islice
from pathlib import Path
from typing import Any, Final

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.organs.models import Organ
from gongkai.policies import importing
from gongkai.policies.domain import ItemKind
from gongkai.policies.models import KIND_LABELS, ImportJob, Topic
from gongkai.policies.services import AlreadyImportedError, import_published

logger = logging.getLogger(__name__)

BATCH_SIZE: Final = 500
DEFAULT_MAX_BYTES: Final = 20 * 1024 * 1024
REPORT_HEADERS: Final = ("行号", "字段", "问题", "标题")
COUNTERS: Final = ["processed_rows", "imported_rows", "skipped_rows", "error_rows", "errors", "updated_at"]


def max_upload_bytes() -> int:
    return int(getattr(settings, "GONGKAI_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def create_job(acting_user: User, organ: Organ, uploaded_file: File[Any], *, enqueue: bool = True) -> ImportJob:
    """Check, store and queue an upload; ``enqueue=False`` is for callers that run the job themselves."""
    permissions.require(acting_user, Action.MANAGE_PUBLICATIONS, organ)
    name = Path(uploaded_file.name or "").name
    if Path(name).suffix.lower() not in importing.EXTENSIONS:
        raise ValidationError({"file": _("Upload a CSV, XLSX or JSON file.")})
    limit = max_upload_bytes()
    if uploaded_file.size > limit:
        raise ValidationError(
            {"file": _("The file is larger than %(size)s MB.") % {"size": f"{limit / 1024 / 1024:g}"}}
        )
    if uploaded_file.size == 0:
        raise ValidationError({"file": _("The file is empty.")})
    with transaction.atomic():
        job = ImportJob(organ=organ, original_name=name[:200], started_by=acting_user)
        # Storage is not transactional: a rollback after this line leaves an orphan upload, never a job without its file.
        job.file.save(name, uploaded_file, save=False)
        job.save()
        audit.record(actor=acting_user, action="policies.import_queued", target=job, organ=organ, reason=name)
        if enqueue:
            from gongkai.policies import tasks  # the task module imports this one

            job_id = job.pk
            # After commit: a worker (or the immediate backend) must find the job row.
            transaction.on_commit(lambda: tasks.run_import_job.enqueue(job_id))
    return job


@dataclass(frozen=True)
class _Lookups:
    topics: importing.TopicIndex[Topic]
    kinds_by_label: dict[str, ItemKind]
    today: date
    source: str


def _lookups(job: ImportJob) -> _Lookups:
    topics = {topic.path: topic for topic in Topic.objects.select_related("parent")}
    # The labels offices know are the catalogue's Chinese names; the codes are accepted too, for re-exports.
    kinds = {str(label): kind for kind, label in KIND_LABELS.items()} | {kind.value: kind for kind in ItemKind}
    source = _("import %(file)s (job %(id)s)") % {"file": job.original_name, "id": job.pk}
    return _Lookups(importing.TopicIndex(topics), kinds, timezone.localdate(), source)


def _rows(job: ImportJob) -> Iterator[importing.RawRow]:
    with job.file.storage.open(job.file.name, "rb") as stream:
        yield from importing.read_rows(stream, job.original_name)


def _claim(job: ImportJob) -> bool:
    """QUEUED → RUNNING once: a job enqueued twice, or run by hand as well, runs only once."""
    claimed = ImportJob.objects.filter(pk=job.pk, state=ImportJob.State.QUEUED).update(
        state=ImportJob.State.RUNNING, updated_at=timezone.now()
    )
    job.refresh_from_db()
    return bool(claimed)


def _import_row(job: ImportJob, raw: importing.RawRow, lookups: _Lookups) -> None:
    outcome = importing.to_fields(
        raw, lookups.topics, kinds_by_label=lookups.kinds_by_label, organ_id=job.organ_id, today=lookups.today
    )
    if isinstance(outcome, importing.RowError):
        job.error_rows += 1
        job.errors.extend(outcome.as_records())
        return
    try:
        with transaction.atomic():  # a savepoint: a refused row takes its item, decision and audit entry with it
            import_published(
                acting_user=job.started_by,
                organ=job.organ,
                published_on=outcome.published_on,
                source=lookups.source,
                index_number_given=outcome.index_number,
                source_key=outcome.source_key,
                **outcome.fields,
            )
    except AlreadyImportedError:
        job.skipped_rows += 1
    except ValidationError as invalid:
        messages = invalid.message_dict if hasattr(invalid, "error_dict") else {"": invalid.messages}
        job.error_rows += 1
        job.errors.extend(importing.RowError(raw.number, outcome.title, importing.rule_problems(messages)).as_records())
    except IntegrityError:
        # Only a concurrent write can get past the service's own checks: another item took the 索引号 meanwhile.
        problem = importing.Problem(importing.INDEX_NUMBER, _("Another item took this index number meanwhile."))
        job.error_rows += 1
        job.errors.extend(importing.RowError(raw.number, outcome.title, (problem,)).as_records())
    else:
        job.imported_rows += 1


def _stop(job: ImportJob, message: str, row: int | None = None) -> ImportJob:
    job.state = ImportJob.State.FAILED
    job.finished_at = timezone.now()
    job.errors = [*job.errors, {"row": row, "field": "", "message": message, "title": ""}]
    with transaction.atomic():
        job.save(update_fields=["state", "finished_at", "errors", "updated_at"])
        audit.record(actor=job.started_by, action="policies.import_failed", target=job, organ=job.organ, reason=message)
    return job


def run_import(job: ImportJob) -> ImportJob:
    """Run a queued job to the end: FINISHED with counts and row errors, or FAILED with the reason."""
    # Error texts are stored, so they are written in the site's language whatever the worker's locale.
    with translation.override(settings.LANGUAGE_CODE):
        if not _claim(job):
            return job
        try:
            job.total_rows = sum(1 for _row in _rows(job))  # also proves the whole file readable before any write
        except importing.ImportFileError as unreadable:
            return _stop(job, str(unreadable))
        except OSError:
            return _stop(job, _("The uploaded file can no longer be found."))
        job.save(update_fields=["total_rows", "updated_at"])
        lookups = _lookups(job)
        rows = _rows(job)
        batch: list[importing.RawRow] = []
        try:
            while batch := list(islice(rows, BATCH_SIZE)):
                with transaction.atomic():
                    for raw in batch:
                        _import_row(job, raw, lookups)
                        job.processed_rows += 1
                    job.save(update_fields=COUNTERS)
        except PermissionDenied as refusal:
            job.refresh_from_db()  # the batch rolled back, and so must its counts
            return _stop(job, str(refusal), batch[0].number if batch else None)
        except Exception:
            logger.exception("import job %s stopped", job.pk)
            job.refresh_from_db()
            _stop(job, _("The import stopped because of an internal error."), batch[0].number if batch else None)
            raise
        job.state = ImportJob.State.FINISHED
        job.finished_at = timezone.now()
        with transaction.atomic():
            job.save(update_fields=["state", "finished_at", "updated_at"])
            audit.record(
                actor=job.started_by,
                action="policies.import_finished",
                target=job,
                organ=job.organ,
                reason=job.original_name,
                after={
                    name: getattr(job, name) for name in ("total_rows", "imported_rows", "skipped_rows", "error_rows")
                },
            )
        return job


def _text_cell(sheet: Any, value: str | int | None) -> Cell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # a title starting with "=" from an uploaded file must not become a formula
    return cell


def error_report_xlsx(job: ImportJob) -> bytes:
    """The job's problems, one line each, in the order of the file."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_("Import errors")[:31])
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 60
    sheet.column_dimensions["D"].width = 48
    header = [WriteOnlyCell(sheet, value=text) for text in REPORT_HEADERS]
    for cell in header:
        cell.font = Font(bold=True)
    sheet.append(header)
    for error in sorted(job.errors, key=lambda entry: entry.get("row") or 0):
        sheet.append(
            [_text_cell(sheet, value) for value in (error.get("row"), error["field"], error["message"], error["title"])]
        )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def summary(job: ImportJob) -> str:
    """One line for the command line and the workbench's message."""
    return _(
        "%(processed)s of %(total)s rows processed: %(imported)s imported, %(skipped)s already imported, %(errors)s with errors."
    ) % {
        "processed": job.processed_rows,
        "total": job.total_rows,
        "imported": job.imported_rows,
        "skipped": job.skipped_rows,
        "errors": job.error_rows,
    }
