"""What the pages, files and the API show of catalogs and their compliance."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from gongkai.catalogs import columns, selectors, sheet
from gongkai.catalogs.compliance import GAP_LABELS, Gap, Verdict, summarise
from gongkai.catalogs.models import Catalog, CatalogRow
from gongkai.catalogs.selectors import RowCompliance
from gongkai.organs.models import Organ

VERDICT_LABELS = {Verdict.OK: "按时公开", Verdict.PENDING: "尚未到期", Verdict.GAPS: "存在问题"}
REPORT_HEADERS = (
    "公开主体（机关）",
    "标准目录",
    columns.FIRST_ITEM,
    columns.SECOND_ITEM,
    columns.TIME_LIMIT,
    "适用规则",
    "问题",
    "期间",
    "说明",
    "佐证（信息地址）",
)


def catalog_workbook(catalog: Catalog) -> bytes:
    return sheet.write(catalog.title, [row.data() for row in selectors.rows_of(catalog)])


def row_json(row: CatalogRow) -> dict[str, Any]:
    rule = row.rule()
    return {
        "id": row.pk,
        "serial": row.position,
        **{name: getattr(row, name) for name in columns.FIELD_BY_HEADER.values()},
        "selected_channels": row.channel_list(),
        "rule": {"kind": rule.kind.value, "description": rule.describe(), "manual": bool(row.manual_kind)},
    }


def catalog_json(catalog: Catalog, *, with_rows: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": catalog.pk,
        "title": catalog.title,
        "domain": catalog.domain,
        "level": catalog.level,
        "maintained_by": catalog.owner.name,
        "source": catalog.source,
        "columns": list(columns.HEADERS),
    }
    if with_rows:
        data["rows"] = [row_json(row) for row in selectors.rows_of(catalog)]
    else:
        data["row_count"] = getattr(catalog, "row_count", None)
    return data


@dataclass(frozen=True)
class OrganCatalog:
    organ: Organ
    catalog: Catalog
    entries: list[RowCompliance]


def by_organ_and_catalog(entries: list[RowCompliance]) -> list[OrganCatalog]:
    grouped: dict[tuple[int, int], list[RowCompliance]] = defaultdict(list)
    heads: dict[tuple[int, int], tuple[Organ, Catalog]] = {}
    for entry in entries:
        key = (entry.adopted.organ_id, entry.adopted.row.catalog_id)
        grouped[key].append(entry)
        heads[key] = (entry.adopted.organ, entry.adopted.row.catalog)
    return [OrganCatalog(*heads[key], grouped[key]) for key in grouped]


def summary_json(entries: list[RowCompliance]) -> dict[str, Any]:
    summary = summarise([entry.result for entry in entries])
    return {
        "rows": summary.rows,
        "ok": summary.ok,
        "pending": summary.pending,
        "gaps": {gap.value: summary.gaps[gap] for gap in Gap},
    }


def compliance_json(entry: RowCompliance) -> dict[str, Any]:
    return {
        "verdict": entry.result.verdict.value,
        "verdict_label": VERDICT_LABELS[entry.result.verdict],
        "effective_from": entry.adopted.effective_from.isoformat(),
        "findings": [
            {
                "gap": finding.gap.value,
                "label": finding.label,
                "detail": finding.detail,
                "period": finding.period,
                "due": finding.due.isoformat() if finding.due else None,
                "evidence": [{"id": item.item_id, "url": item.url} for item in finding.evidence if item.url],
            }
            for finding in entry.result.findings
        ],
    }


def gap_rows(entries: list[RowCompliance]) -> list[tuple[str, ...]]:
    """One line per finding, for the XLSX gap report."""
    lines: list[tuple[str, ...]] = []
    for entry in entries:
        row = entry.adopted.row
        for finding in entry.result.findings:
            lines.append(
                (
                    entry.adopted.organ.name,
                    row.catalog.title,
                    row.first_item,
                    row.second_item,
                    row.time_limit,
                    entry.result.rule.describe(),
                    GAP_LABELS[finding.gap],
                    finding.period,
                    finding.detail,
                    "\n".join(item.url for item in finding.evidence if item.url),
                )
            )
    return lines


def gap_report_workbook(organ: Organ, entries: list[RowCompliance], today: date, base_url: str) -> bytes:
    lines = [
        (*line[:-1], "\n".join(f"{base_url}{url}" for url in line[-1].split("\n") if url)) for line in gap_rows(entries)
    ]
    return sheet.write_table(f"{organ.name}标准目录落实情况（截至{today:%Y年%m月%d日}）", REPORT_HEADERS, lines)
