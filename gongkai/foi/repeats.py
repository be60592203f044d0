"""Repeated and widely shared requests, as pure Python (条例第三十六条第（六）项、第四十四条).

Two requests ask for "the same information" when their descriptions, reduced to their Chinese
characters, letters and digits, share most of their character pairs. The measure is the Dice
coefficient of character bigrams: robust to reordered phrases, punctuation, full-width forms
and small wording changes, and cheap enough to run on every registration.
"""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

SAME_INFORMATION: Final = 0.6  # a Dice score at or above this is "the same information"
PROPOSAL_APPLICANTS: Final = 3  # Art. 44: requested by three or more applicants → propose disclosure

# Words every request contains; they say nothing about which information is meant.
_FILLER: Final = ("申请公开", "请求公开", "要求公开", "政府信息", "相关信息", "有关信息", "相关文件", "的")


def normalise(text: str) -> str:
    """NFKC (full-width to half-width), lower case, only letters and digits, filler words dropped."""
    text = unicodedata.normalize("NFKC", text).lower()
    for word in _FILLER:
        text = text.replace(word, "")
    return "".join(char for char in text if char.isalnum())


def bigrams(text: str) -> frozenset[str]:
    norm = normalise(text)
    if len(norm) < 2:
        return frozenset({norm}) if norm else frozenset()
    return frozenset(norm[i : i + 2] for i in range(len(norm) - 1))


def similarity(first: str, second: str) -> float:
    """Dice coefficient of the two descriptions' character bigrams, 0.0 to 1.0."""
    a, b = bigrams(first), bigrams(second)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def same_information(first: str, second: str) -> bool:
    return similarity(first, second) >= SAME_INFORMATION


@dataclass(frozen=True)
class Request:
    """One requested item: who asked (an opaque applicant key) and what for."""

    key: object
    applicant: str
    description: str


def matching(description: str, earlier: Iterable[Request]) -> list[Request]:
    """The earlier requests for the same information, most similar first."""
    scored = [(similarity(description, request.description), request) for request in earlier]
    return [request for score, request in sorted(scored, key=lambda pair: -pair[0]) if score >= SAME_INFORMATION]


def distinct_applicants(requests: Iterable[Request]) -> int:
    return len({request.applicant for request in requests if request.applicant})
