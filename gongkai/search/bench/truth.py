"""Ground truth for the query set: a plain substring scan, independent of any index.

"Truth" for one query is the set of corpus documents in which
* every word of the search box occurs as a substring of the document's *normalised* text
  (``analysis.normalize``: full-width → half-width, traditional → simplified, lower case, every
  文号 bracket → ``()``), in one of the fields search covers: title, 文号 and 索引号, the organ's
  name and short name and the keywords, or the body — never across two fields;
* a word that is an organ's short form (市发改委) also counts where the organ's full name occurs,
  as the service promises (``vocabulary.organ_expansions``);
* a letter or digit run at either end of a word must not continue into more letters or digits
  (2021 is not found inside 20215; 35号 is not found inside 135号), the whole-token rule of any
  index;
* a whole 文号 typed in the 发文字号 field equals the document's 文号 key
  (``document_number.search_key``);
* the filters hold (organ, publication year, kind),
ordered newest first by (publication date, id), the order of the index's sort key.

No tokenizer, phrase logic or SQL is involved: the scan is the oracle the index is checked against.
"""

import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from gongkai.policies import document_number
from gongkai.search import analysis, expressions, vocabulary
from gongkai.search.bench import corpus
from gongkai.search.bench.queries import BenchQuery

_INDEX_BITS = 32
_INDEX_MASK = (1 << _INDEX_BITS) - 1
_ALNUM = r"[^\W_" + analysis.CJK_CLASS[1:-1] + "]"


@dataclass(frozen=True)
class _Needle:
    text: str
    bounded: re.Pattern[str] | None  # when an end of the word is a letter or digit

    def found_in(self, haystack: str) -> bool:
        if self.text not in haystack:
            return False
        return self.bounded is None or self.bounded.search(haystack) is not None


def _needle(text: str) -> _Needle:
    lead = analysis.is_cjk(text[0]) is False and re.match(_ALNUM, text[0]) is not None
    trail = analysis.is_cjk(text[-1]) is False and re.match(_ALNUM, text[-1]) is not None
    if not (lead or trail):
        return _Needle(text, None)
    pattern = (f"(?<!{_ALNUM})" if lead else "") + re.escape(text) + (f"(?!{_ALNUM})" if trail else "")
    return _Needle(text, re.compile(pattern))


def searchable_text(document: corpus.Document) -> str:
    """The fields search covers, normalised, one per line (a word never spans two)."""
    organ = corpus.organs()[document.organ]
    fields = (
        document.title,
        document.document_number,
        document.index_number,
        organ.name,
        organ.short_name,
        *document.keywords.split(),
        document.body,
    )
    return analysis.normalize("\n".join(fields))


def number_key(typed: str) -> str:
    return document_number.search_key(document_number.normalise(typed))


class Truth:
    """Grows with the corpus (``add``), then answers any query of the set (``matches``)."""

    def __init__(self, queries: Sequence[BenchQuery]) -> None:
        organs = [
            vocabulary.OrganName(index, organ.name, vocabulary.organ_aliases(organ.name, organ.short_name))
            for index, organ in enumerate(corpus.organs())
        ]
        expansions = vocabulary.organ_expansions(organs)
        self._organ_index = {organ.name: index for index, organ in enumerate(corpus.organs())}
        # Per query: per word, the normalised texts any of which satisfies it.
        self._words: dict[BenchQuery, list[tuple[str, ...]]] = {}
        for query in queries:
            words = []
            for typed in expressions.split_words(query.text):
                alternatives = (typed, *(analysis.normalize(name) for name in expansions.get(typed, ())))
                words.append(tuple(dict.fromkeys(alternatives)))
            self._words[query] = words
        self._needles = [
            _needle(text) for text in sorted({text for ws in self._words.values() for w in ws for text in w})
        ]
        self._postings: dict[str, array[int]] = {needle.text: array("i") for needle in self._needles}
        self._numbers: dict[str, array[int]] = {
            number_key(query.document_number): array("i") for query in queries if query.document_number
        }
        self.count = 0
        self._days = array("i")
        self._organ = array("H")
        self._year = array("H")
        self._kind: list[str] = []

    def add(self, documents: Iterable[corpus.Document]) -> None:
        """Documents in corpus order, from the next index on."""
        for document in documents:
            if document.index != self.count:
                raise ValueError(f"expected document {self.count}, got {document.index}")
            haystack = searchable_text(document)
            for needle in self._needles:
                if needle.found_in(haystack):
                    self._postings[needle.text].append(document.index)
            if document.document_number:
                key = document_number.search_key(document.document_number)
                if key in self._numbers:
                    self._numbers[key].append(document.index)
            self._days.append(document.published_on.toordinal())
            self._organ.append(document.organ)
            self._year.append(document.published_on.year)
            self._kind.append(str(document.kind))
            self.count += 1

    def matches(self, query: BenchQuery) -> list[int]:
        """The indexes of the true documents, newest first."""
        # One integer per document orders it like the index's sort key: (publication day, index).
        keys = sorted((self._days[index] << _INDEX_BITS | index for index in self.matching(query)), reverse=True)
        return [key & _INDEX_MASK for key in keys]

    def matching(self, query: BenchQuery) -> list[int]:
        """The indexes of the true documents, in no particular order."""
        found: set[int] | None = None
        for alternatives in self._words[query]:
            union: set[int] = set()
            for text in alternatives:
                union.update(self._postings[text])
            found = union if found is None else found & union
        if query.document_number:
            numbered = set(self._numbers[number_key(query.document_number)])
            found = numbered if found is None else found & numbered
        candidates: Iterable[int] = range(self.count) if found is None else found
        organ = self._organ_index[query.organ] if query.organ else None
        return [
            index
            for index in candidates
            if (organ is None or self._organ[index] == organ)
            and (query.year is None or self._year[index] == query.year)
            and (not query.kind or self._kind[index] == query.kind)
        ]


# --- The truth scan in its own process -------------------------------------------------------
# Normalising and scanning 1,000,000 bodies takes about a millisecond each, as long as building
# the items: a second process does it while the first writes the database, each generating the
# same documents from the seed, so no text crosses the pipe.


@dataclass(frozen=True)
class QueryTruth:
    count: int
    newest: tuple[int, ...]  # the first page, newest first
    deep_page: int  # a page in the middle of the reachable pages (1 when there is only one)
    deep: tuple[int, ...]


def deep_page(count: int, page_size: int, reachable: int) -> int:
    pages = max(1, -(-min(count, reachable) // page_size))
    return (pages + 1) // 2


def answer(truth: Truth, query: BenchQuery, page_size: int, reachable: int) -> QueryTruth:
    found = truth.matches(query)
    page = deep_page(len(found), page_size, reachable)
    start = (page - 1) * page_size
    return QueryTruth(len(found), tuple(found[:page_size]), page, tuple(found[start : start + page_size]))


def serve(connection: Any, seed: int, queries: Sequence[BenchQuery]) -> None:
    """The worker's loop: ("grow", size) → size; ("answer", (page_size, reachable)) → [QueryTruth];
    ("contains", [(query position, [indexes])]) → [how many are true]; ("stop", None) ends it."""
    truth = Truth(queries)
    while True:
        command, argument = connection.recv()
        if command == "grow":
            truth.add(corpus.documents(seed, truth.count, argument))
            connection.send(truth.count)
        elif command == "answer":
            page_size, reachable = argument
            connection.send([answer(truth, query, page_size, reachable) for query in queries])
        elif command == "contains":
            sets: dict[int, set[int]] = {}
            counts = []
            for position, indexes in argument:
                if position not in sets:
                    sets[position] = set(truth.matching(queries[position]))
                counts.append(sum(1 for index in indexes if index in sets[position]))
            connection.send(counts)
        else:
            connection.close()
            return
