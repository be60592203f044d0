"""What the index holds for one public record, independent of where the record comes from.

A source (see ``sources``) turns its record into an ``IndexDocument``; everything after that —
analysis, the sort key, the fingerprint the drift check compares — is the same for every source.
Pure Python.
"""

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Final

from gongkai.search import analysis

EPOCH: Final = date(1970, 1, 1)
OBJECT_ID_BITS: Final = 28
SOURCE_CODE_BITS: Final = 4


@dataclass(frozen=True)
class IndexDocument:
    object_id: int
    title: str
    codes: tuple[str, ...]  # 发文字号, 索引号: weighted like the title
    tags: tuple[str, ...]  # the issuing and joint organs' names, keywords
    body: str
    organ_id: int
    topic_id: int | None
    topic_parent_id: int | None
    kind: str
    document_number_key: str
    written_on: date | None
    published_on: date
    declared_validity: str
    expires_on: date | None
    repealed_on: date | None

    def fingerprint(self) -> str:
        """Changes whenever anything indexed changes, including the analyser itself."""
        record = {"analyser": analysis.ANALYSER_VERSION, **asdict(self)}
        canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AnalysedText:
    """The four weighted fields in ``analysis.run_text`` form: what is stored and what is tokenized."""

    title: str
    codes: str
    tags: str
    body: str

    def columns(self) -> tuple[str, str, str, str]:
        return (self.title, self.codes, self.tags, self.body)


def analyse(document: IndexDocument) -> AnalysedText:
    return AnalysedText(
        title=analysis.run_text(document.title),
        codes=analysis.run_text("\n".join(document.codes)),
        tags=analysis.run_text("\n".join(document.tags)),
        body=analysis.run_text(document.body),
    )


def sort_key(published_on: date, source_code: int, object_id: int) -> int:
    """The entry's id and FTS5 rowid: grows with the publication date, so newest-first is a rowid walk.

    days since 1970 | source (4 bits) | object id (28 bits): unique per record, below 2^53 so it
    survives JSON, and it changes only when the publication date does.
    """
    if not 0 <= source_code < 1 << SOURCE_CODE_BITS:
        raise ValueError(f"source code out of range: {source_code}")
    if not 0 < object_id < 1 << OBJECT_ID_BITS:
        raise ValueError(f"object id out of range: {object_id}")
    days = (published_on - EPOCH).days
    return (days << (SOURCE_CODE_BITS + OBJECT_ID_BITS)) | (source_code << OBJECT_ID_BITS) | object_id
