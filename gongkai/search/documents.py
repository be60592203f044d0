"""What the index holds for one public record, independent of where the record comes from.

A source (see ``sources``) turns its record into an ``IndexDocument``; everything after that —
analysis, the sort key, the fingerprint the drift check compares — is the same for every source.
Pure Python.
"""

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import Final

from gongkai.search import analysis
from gongkai.search import mentions as organ_mentions

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
        # Fields by hand, not dataclasses.asdict: its deep copy was a quarter of indexing's Python time.
        record = {"analyser": analysis.ANALYSER_VERSION, **{name: getattr(self, name) for name in _FIELD_NAMES}}
        canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


_FIELD_NAMES: Final = tuple(item.name for item in fields(IndexDocument))


@dataclass(frozen=True)
class AnalysedText:
    """The four weighted fields in ``analysis.run_text`` form, and the organs each names in full.

    What is stored, and what the backends tokenize (``mentions``: one extra token per organ named).
    """

    title: str
    codes: str
    tags: str
    body: str
    mentions: organ_mentions.Mentions = organ_mentions.NONE

    def columns(self) -> tuple[str, str, str, str]:
        return (self.title, self.codes, self.tags, self.body)


def analyse(document: IndexDocument, organ_names: organ_mentions.Names) -> AnalysedText:
    """The document's analysed text; ``organ_names`` is the vocabulary of organ mentions (every organ)."""
    columns = (
        analysis.run_text(document.title),
        analysis.run_text("\n".join(document.codes)),
        analysis.run_text("\n".join(document.tags)),
        analysis.run_text(document.body),
    )
    return AnalysedText(*columns, mentions=organ_mentions.find(organ_names, columns))


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


def record_of(key: int) -> tuple[int, int]:
    """The (source code, object id) a sort key names: the inverse of ``sort_key`` but for the date."""
    return (key >> OBJECT_ID_BITS) & ((1 << SOURCE_CODE_BITS) - 1), key & ((1 << OBJECT_ID_BITS) - 1)


def day_range_keys(first: date | None, last: date | None) -> tuple[int | None, int | None]:
    """The sort keys bounding the records published from ``first`` to ``last`` inclusive: [low, high)."""
    shift = SOURCE_CODE_BITS + OBJECT_ID_BITS
    low = (first - EPOCH).days << shift if first else None
    high = ((last - EPOCH).days + 1) << shift if last else None
    return low, high


# --- Filter tokens ---------------------------------------------------------------------------
# The metadata a filter selects on, as words of their own in a full-text column, so the full-text
# index intersects a common word with a small organ or year at index speed instead of walking
# every match and testing its row (docs/benchmarks.md). They only narrow what the SQL filters then
# decide, so a token can never admit a record the filter would refuse.

_NOT_ALNUM = re.compile(r"[^0-9a-z]")


def organ_token(organ_id: int) -> str:
    return f"o{organ_id}"


def year_token(year: int) -> str:
    return f"y{year}"


def kind_token(kind: str) -> str:
    return "k" + _NOT_ALNUM.sub("", kind.lower())


def topic_token(topic_id: int) -> str:
    return f"t{topic_id}"


def source_token(source_code: int) -> str:
    return f"s{source_code}"


def filter_tokens(
    *,
    source_code: int,
    organ_id: int,
    year: int,
    kind: str,
    topic_ids: Iterable[int | None],
) -> str:
    """The filter-token text of one record: its source, organ, year, kind, topic and the topic's parent."""
    tokens = [source_token(source_code), organ_token(organ_id), year_token(year), kind_token(kind)]
    tokens += [topic_token(topic_id) for topic_id in topic_ids if topic_id is not None]
    return " ".join(tokens)
