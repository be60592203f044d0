"""Query words → index expressions: the FTS5 MATCH string, the PostgreSQL tsquery and the exact check.

A word is a *phrase* of runs (see ``analysis``). Its FTS5 form is the phrase of its tokens; its
PostgreSQL form is the AND of the same tokens (GIN answers it without a recheck) followed by an
exact check on the stored run text, ``WordPattern``, which reproduces the phrase semantics:

* a CJK run at either end of the word may sit inside a longer run of the document (substring);
* a letter/digit run, or a one-character CJK run not at the end, must be a whole run of the document;
* a one-character CJK run at the end is a prefix (煤 finds 煤炭; 35号 finds 35号文件).

Pure Python: no Django, so the rules are tested directly and shared by every backend.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from gongkai.search import analysis

MAX_WORDS: Final = 12
MAX_WORD_LENGTH: Final = 60
_CJK_CHAR: Final = analysis.CJK_CLASS


@dataclass(frozen=True)
class Phrase:
    """One way a query word may occur: its runs, in order.

    ``token``: a single index token that stands for the phrase wherever it occurs (an organ's
    mention token, see ``mentions``); the index matches it instead of the phrase's tokens, and
    the exact check is the phrase's all the same.
    """

    runs: tuple[str, ...]
    token: str | None = None

    @property
    def prefix_last(self) -> bool:
        last = self.runs[-1]
        return len(last) == 1 and analysis.is_cjk(last)

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(analysis.tokens_of_runs(self.runs))

    def head(self) -> "Phrase | None":
        """The phrase without its trailing one-character prefix run, when runs precede it.

        Every match of the phrase matches its head, so the head finds a superset: where the head is
        rare, matching it and checking the few candidates exactly is cheaper than the prefix,
        which FTS5 answers by merging the doclist of every token that starts with the character.
        """
        return Phrase(self.runs[:-1]) if self.prefix_last and len(self.runs) > 1 else None

    def fts5(self) -> str:
        if self.token is not None:
            return f'"{self.token}"'
        # Tokens are letters, digits or CJK only, so nothing inside the quotes needs escaping.
        quoted = '"' + " ".join(self.tokens) + '"'
        return f"{quoted} *" if self.prefix_last else quoted

    def tsquery(self) -> str:
        if self.token is not None:
            return f"('{self.token}')"
        lexemes = [f"'{token}'" for token in self.tokens]
        if self.prefix_last:
            lexemes[-1] += ":*"
        return "(" + " & ".join(lexemes) + ")"

    def pattern(self) -> "WordPattern":
        first, last = self.runs[0], self.runs[-1]
        lead = " " if not analysis.is_cjk(first) or (len(first) == 1 and len(self.runs) > 1) else ""
        if not self.prefix_last:
            trail = "" if analysis.is_cjk(last) else " "
            return WordPattern(lead + " ".join(self.runs) + trail, None)
        if len(self.runs) == 1:
            # The unigram itself (a one-character run) or a bigram that starts with it.
            return WordPattern(last, f"(?: {last} |{last}{_CJK_CHAR})")
        head = lead + " ".join(self.runs[:-1]) + " "
        # Runs hold letters, digits and CJK only: nothing in them is special to a regex.
        return WordPattern(head + last, f"{head}{last}(?:{_CJK_CHAR}| )")


@dataclass(frozen=True)
class WordPattern:
    """The exact check of a phrase on ``analysis.run_text``: the literal, and a regex when it is not enough."""

    literal: str
    regex: str | None

    def found_in(self, stored: str) -> bool:
        if self.literal not in stored:
            return False
        return self.regex is None or re.search(self.regex, stored) is not None


@dataclass(frozen=True)
class Word:
    """A query word as typed, and the phrases that satisfy it (the word, then expansions such as an organ's full name)."""

    text: str
    phrases: tuple[Phrase, ...]

    def head(self) -> "Word | None":
        """The word with each phrase's trailing prefix run dropped, when every phrase has one (``Phrase.head``)."""
        heads = [phrase.head() for phrase in self.phrases]
        if not heads or None in heads:
            return None
        return Word(self.text, tuple(head for head in heads if head is not None))

    def fts5(self) -> str:
        return "(" + " OR ".join(phrase.fts5() for phrase in self.phrases) + ")"

    def tsquery(self) -> str:
        return "(" + " | ".join(phrase.tsquery() for phrase in self.phrases) + ")"

    def patterns(self) -> tuple[WordPattern, ...]:
        return tuple(phrase.pattern() for phrase in self.phrases)

    def found_in(self, stored: str) -> bool:
        return any(pattern.found_in(stored) for pattern in self.patterns())


def phrase_of(text: str, indexed_as: Mapping[str, str] | None = None) -> Phrase | None:
    """The phrase of ``text``; ``indexed_as`` maps normalised texts to the token that stands for them."""
    normal = analysis.normalize(text)
    found = analysis.runs(normal)
    return Phrase(tuple(found), (indexed_as or {}).get(normal)) if found else None


def split_words(text: str) -> list[str]:
    """The words of a search box: whitespace separates them (full-width spaces too, after NFKC)."""
    words = [word[:MAX_WORD_LENGTH] for word in analysis.normalize(text).split()]
    return [word for word in words if analysis.runs(word)][:MAX_WORDS]


def parse(
    text: str,
    expansions: Mapping[str, Sequence[str]] | None = None,
    indexed_as: Mapping[str, str] | None = None,
) -> list[Word]:
    """The words of ``text``.

    ``expansions`` maps a normalised word to other texts that also satisfy it; ``indexed_as`` maps
    a normalised text to the one index token that stands for it (``Phrase.token``).
    """
    words: list[Word] = []
    for typed in split_words(text):
        phrases: list[Phrase] = []
        for variant in (typed, *(expansions or {}).get(typed, ())):
            phrase = phrase_of(variant, indexed_as)
            if phrase is not None and phrase not in phrases:
                phrases.append(phrase)
        words.append(Word(typed, tuple(phrases)))
    return words


def fts5_match(words: Sequence[Word], title_words: Sequence[Word] = ()) -> str:
    """The FTS5 MATCH string: every word must occur; title words only in the title column."""
    parts = [word.fts5() for word in words] + [f"title : {word.fts5()}" for word in title_words]
    return " AND ".join(parts)


def tsquery(words: Sequence[Word]) -> str:
    return " & ".join(word.tsquery() for word in words)
