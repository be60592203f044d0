"""Every change to catalogs, adoptions, links and spot checks: one transaction, one permission check,
one audit entry.

Catalogs are kept by the organ that maintains them (its openness office, MANAGE_PUBLICATIONS); an
organ's office adopts rows and links its items (MANAGE_PUBLICATIONS at that organ). Spot checks are
the assessors' (ASSESS, which reaches the organs below theirs); the organ checked reports its
rectification. ``acting_user`` is None only for the system's own loaders (demo data).
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.catalogs import columns, notices, search_source, selectors, sheet, time_limits
from gongkai.catalogs.models import AdoptedRow, Catalog, CatalogRow, ItemLink, SpotCheck
from gongkai.catalogs.time_limits import ManualKind
from gongkai.core import audit
from gongkai.organs import serials
from gongkai.organs.models import Organ
from gongkai.policies.models import InformationItem
from gongkai.search import indexing as search_indexing
from gongkai.workdays import selectors as workday_selectors

MAX_RECTIFICATION_WORKDAYS = 60


def _require(user: User | None, action: Action, organ: Organ) -> None:
    if user is not None:
        permissions.require(user, action, organ)


@transaction.atomic
def import_catalog(
    *, domain: str, level: str, owner: Organ, workbook: bytes, acting_user: User | None, source: str = ""
) -> Catalog:
    """Create the domain's catalog at the level, or bring an existing one in line with the file.

    Rows are matched by 一级事项 and 二级事项: a matched row is updated in place (its adoptions and
    links stay), a new one is added, and one the file no longer has is retired when organs adopted
    it or items are linked to it, deleted otherwise. A file with any error changes nothing.
    """
    _require(acting_user, Action.MANAGE_PUBLICATIONS, owner)
    if domain not in columns.DOMAINS:
        raise ValidationError({"domain": _("Choose one of the domains.")})
    if level not in columns.CATALOG_LEVELS:
        raise ValidationError({"level": _("Choose county or township level.")})
    try:
        parsed = sheet.read(workbook)
    except sheet.SheetError as error:
        raise ValidationError({"workbook": [str(cell_error) for cell_error in error.errors]}) from None
    catalog = Catalog.objects.select_for_update().filter(domain=domain, level=level).first()
    if catalog is None:
        catalog = Catalog.objects.create(domain=domain, level=level, owner=owner, source=source.strip())
    else:
        _require(acting_user, Action.MANAGE_PUBLICATIONS, catalog.owner)
        if source.strip():
            catalog.source = source.strip()
            catalog.save(update_fields=["source", "updated_at"])
    existing = {(row.first_item, row.second_item): row for row in catalog.rows.all()}
    touched = {row.pk for row in existing.values()}
    before = len([row for row in existing.values() if not row.retired])
    added = updated = 0
    for position, parsed_row in enumerate(parsed, start=1):
        values = {name: getattr(parsed_row.data, name) for name in columns.FIELD_BY_HEADER.values()}
        row = existing.pop(parsed_row.data.key, None)
        if row is None:
            CatalogRow.objects.create(catalog=catalog, position=position, **values)
            added += 1
            continue
        changed = row.data() != parsed_row.data or row.position != position or row.retired
        for name, value in values.items():
            setattr(row, name, value)
        row.position, row.retired = position, False
        if changed:
            row.save()
            updated += 1
    retired = removed = 0
    for row in existing.values():
        if row.adoptions.exists() or row.item_links.exists():
            if not row.retired:
                row.retired = True
                row.save(update_fields=["retired", "updated_at"])
                retired += 1
        else:
            row.delete()
            removed += 1
    # Added, changed, retired and removed rows enter or leave search in this transaction.
    search_indexing.refresh(search_source.ROWS, touched | set(catalog.rows.values_list("pk", flat=True)))
    audit.record(
        actor=acting_user,
        action="catalogs.import",
        target=catalog,
        organ=catalog.owner,
        before={"rows": before},
        after={"rows": len(parsed), "added": added, "updated": updated, "retired": retired, "removed": removed},
    )
    return catalog


@transaction.atomic
def set_adoption(
    *,
    organ: Organ,
    catalog: Catalog,
    row_ids: Iterable[int],
    effective_from: date,
    acting_user: User | None,
    reason: str = "",
) -> list[int]:
    """The rows of the catalog that apply to the organ, from now on exactly `row_ids`.

    Rows kept keep their first day in force; new rows count from `effective_from`. Dropping a row
    keeps its links, so adopting it again finds the items already published for it.
    """
    _require(acting_user, Action.MANAGE_PUBLICATIONS, organ)
    chosen = set(row_ids)
    available = set(selectors.rows_of(catalog).values_list("pk", flat=True))
    if chosen - available:
        raise ValidationError({"rows": _("Choose rows of this catalog.")})
    current = {adopted.row_id: adopted for adopted in AdoptedRow.objects.filter(organ=organ, row__catalog=catalog)}
    dropped = set(current) - chosen
    AdoptedRow.objects.filter(organ=organ, row_id__in=dropped).delete()
    AdoptedRow.objects.bulk_create(
        AdoptedRow(organ=organ, row_id=row_id, effective_from=effective_from, adopted_by=acting_user)
        for row_id in sorted(chosen - set(current))
    )
    audit.record(
        actor=acting_user,
        action="catalogs.adopt",
        target=catalog,
        organ=organ,
        reason=reason,
        before={"rows": sorted(current)},
        after={"rows": sorted(chosen), "effective_from": effective_from.isoformat()},
    )
    return sorted(chosen)


@transaction.atomic
def link_item(*, item: InformationItem, row: CatalogRow, acting_user: User | None) -> ItemLink:
    """The item is the organ's disclosure for the row; the organ must have adopted the row."""
    _require(acting_user, Action.MANAGE_PUBLICATIONS, item.organ)
    if row.retired or not AdoptedRow.objects.filter(organ_id=item.organ_id, row=row).exists():
        raise ValidationError({"row": _("The organ has not adopted this catalog row.")})
    link, created = ItemLink.objects.get_or_create(row=row, item=item, defaults={"linked_by": acting_user})
    if not created:
        raise ValidationError({"row": _("The item is already linked to this row.")})
    audit.record(
        actor=acting_user,
        action="catalogs.link",
        target=item,
        organ=item.organ,
        after={"row": row.pk, "catalog": row.catalog_id, "second_item": row.second_item},
    )
    return link


@transaction.atomic
def unlink_item(*, item: InformationItem, row: CatalogRow, acting_user: User | None, reason: str = "") -> None:
    _require(acting_user, Action.MANAGE_PUBLICATIONS, item.organ)
    deleted, _counts = ItemLink.objects.filter(row=row, item=item).delete()
    if not deleted:
        raise ValidationError({"row": _("The item is not linked to this row.")})
    audit.record(
        actor=acting_user,
        action="catalogs.unlink",
        target=item,
        organ=item.organ,
        reason=reason,
        before={"row": row.pk, "catalog": row.catalog_id, "second_item": row.second_item},
    )


@transaction.atomic
def set_manual_rule(
    *, row: CatalogRow, kind: str, acting_user: User | None, count: int = 0, month: int = 0, day: int = 0
) -> CatalogRow:
    """A rule for a row whose 公开时限 could not be read; an empty kind goes back to the phrase."""
    row = CatalogRow.objects.select_for_update().select_related("catalog", "catalog__owner").get(pk=row.pk)
    _require(acting_user, Action.MANAGE_PUBLICATIONS, row.catalog.owner)
    before = {"kind": row.manual_kind, "count": row.manual_count, "month": row.manual_month, "day": row.manual_day}
    if kind:
        try:
            rule = time_limits.manual_rule(ManualKind(kind), count=count, month=month, day=day)
        except ValueError:
            raise ValidationError(
                {"manual_kind": _("Enter a positive number of days, or a month and a day that exists.")}
            ) from None
        row.manual_kind = kind
        row.manual_count = rule.count
        row.manual_month, row.manual_day = rule.month, rule.day
    else:
        row.manual_kind, row.manual_count, row.manual_month, row.manual_day = "", 0, 0, 0
    row.save()
    audit.record(
        actor=acting_user,
        action="catalogs.manual_rule",
        target=row,
        organ=row.catalog.owner,
        before=before,
        after={"kind": row.manual_kind, "count": row.manual_count, "month": row.manual_month, "day": row.manual_day},
    )
    return row


# --- spot checks (city plan item 9) ---------------------------------------------------------------


def _finding_records(organ: Organ, today: date) -> tuple[int, list[dict[str, Any]]]:
    checked = selectors.compliance_of([organ.pk], today)
    records = [
        {
            "catalog": entry.adopted.row.catalog.title,
            "row": entry.adopted.row_id,
            "first_item": entry.adopted.row.first_item,
            "second_item": entry.adopted.row.second_item,
            "gap": finding.gap.value,
            "label": finding.label,
            "detail": finding.detail,
            "period": finding.period,
            "evidence": [{"id": item.item_id, "title": item.title, "url": item.url} for item in finding.evidence],
        }
        for entry in checked
        for finding in entry.result.findings
    ]
    return len(checked), records


def _locked_check(check: SpotCheck) -> SpotCheck:
    return SpotCheck.objects.select_for_update().select_related("organ", "checked_by").get(pk=check.pk)


@transaction.atomic
def start_spot_check(*, organ: Organ, checking_organ: Organ, acting_user: User, remarks: str = "") -> SpotCheck:
    """Check the organ's adopted rows now; the findings are frozen as they stood on the day."""
    _require(acting_user, Action.ASSESS, checking_organ)
    _require(acting_user, Action.ASSESS, organ)
    today = timezone.localdate()
    rows_checked, findings = _finding_records(organ, today)
    if not rows_checked:
        raise ValidationError({"organ": _("This organ has adopted no catalog rows to check.")})
    check = SpotCheck.objects.create(
        organ=organ,
        checked_by=checking_organ,
        checked_on=today,
        year=today.year,
        rows_checked=rows_checked,
        findings=findings,
        remarks=remarks.strip(),
        created_by=acting_user,
    )
    audit.record(
        actor=acting_user,
        action="catalogs.spot_check",
        target=check,
        organ=organ,
        reason=check.remarks,
        after={"rows_checked": rows_checked, "findings": len(findings)},
    )
    return check


@transaction.atomic
def issue_notice(*, check: SpotCheck, workdays: int, acting_user: User, reason: str = "") -> SpotCheck:
    """通报: the findings and a rectification deadline in working days, as DOCX and PDF."""
    check = _locked_check(check)
    _require(acting_user, Action.ASSESS, check.organ)
    if check.state != SpotCheck.State.OPEN:
        raise ValidationError(_("A notice has already been issued for this check."))
    if not 1 <= workdays <= MAX_RECTIFICATION_WORKDAYS:
        raise ValidationError({"workdays": _("Give between 1 and 60 working days to rectify.")})
    today = timezone.localdate()
    deadline = workday_selectors.current_calendar().deadline(today, workdays)
    serial = serials.next_serial(check.checked_by, today.year, "catalog-notice")
    check.notice_number = notices.notice_number(check.checked_by, today.year, serial)
    letter = notices.notice_letter(check, issued_on=today, rectify_by=deadline.due, workdays=workdays)
    check.notice_docx, check.notice_pdf = notices.to_docx(letter), notices.to_pdf(letter)
    check.notified_on, check.rectification_workdays, check.rectify_by = today, workdays, deadline.due
    check.state = SpotCheck.State.NOTIFIED
    check.save()
    audit.record(
        actor=acting_user,
        action="catalogs.notice",
        target=check,
        organ=check.organ,
        reason=reason,
        before={"state": SpotCheck.State.OPEN},
        after={
            "state": check.state,
            "notice_number": check.notice_number,
            "rectify_by": deadline.due.isoformat(),
            "calendar_version": deadline.calendar_version,
        },
    )
    return check


@transaction.atomic
def report_rectification(*, check: SpotCheck, report: str, acting_user: User) -> SpotCheck:
    """The organ checked reports what it put right (its openness office)."""
    check = _locked_check(check)
    _require(acting_user, Action.MANAGE_PUBLICATIONS, check.organ)
    if check.state != SpotCheck.State.NOTIFIED:
        raise ValidationError(_("Rectification is reported after a notice and before the check is closed."))
    if not report.strip():
        raise ValidationError({"report": _("Say what was put right.")})
    check.rectification_report, check.rectified_on = report.strip(), timezone.localdate()
    check.state = SpotCheck.State.RECTIFIED
    check.save()
    audit.record(
        actor=acting_user,
        action="catalogs.rectified",
        target=check,
        organ=check.organ,
        reason=check.rectification_report,
        before={"state": SpotCheck.State.NOTIFIED},
        after={"state": check.state, "late": check.rectify_by is not None and check.rectified_on > check.rectify_by},
    )
    return check


@transaction.atomic
def close_spot_check(*, check: SpotCheck, acting_user: User, reason: str) -> SpotCheck:
    """The assessor accepts the rectification (or closes a check without findings); a reason is kept."""
    check = _locked_check(check)
    _require(acting_user, Action.ASSESS, check.organ)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for closing the check.")})
    allowed = {SpotCheck.State.RECTIFIED} | ({SpotCheck.State.OPEN} if not check.findings else set())
    if check.state not in allowed:
        raise ValidationError(_("The check can be closed once the rectification is reported."))
    before = check.state
    check.state, check.closed_on = SpotCheck.State.CLOSED, timezone.localdate()
    check.save()
    current = selectors.compliance_of([check.organ_id], check.closed_on)
    remaining = sum(len(entry.result.findings) for entry in current)
    audit.record(
        actor=acting_user,
        action="catalogs.close_check",
        target=check,
        organ=check.organ,
        reason=reason.strip(),
        before={"state": before},
        after={"state": check.state, "findings_remaining": remaining},
    )
    return check
