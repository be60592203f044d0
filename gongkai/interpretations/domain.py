"""Policy interpretation as the city plan states it (items 11 and 12). Pure Python.

Item 11: interpretations in many forms (文字、图表图解、视频、动漫、流程演示、问答、新闻发布会), each
explaining 背景、意义、作用、关键词 and 新旧政策差异; the policy and its interpretation are released
together; at least 90 % of the policies that need one are interpreted; reactions are answered with
further (延伸、补充) interpretations. Item 12: the channels each interpretation went out on.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import Final


class Form(StrEnum):
    TEXT = "TEXT"  # 文字解读
    GRAPHIC = "GRAPHIC"  # 图表图解
    VIDEO = "VIDEO"  # 视频
    ANIMATION = "ANIMATION"  # 动漫
    PROCESS = "PROCESS"  # 流程演示
    QA = "QA"  # 问答
    PRESS_CONFERENCE = "PRESS_CONFERENCE"  # 新闻发布会


# Forms whose substance is a file or a link rather than text.
MEDIA_FORMS: Final = frozenset({Form.VIDEO, Form.ANIMATION, Form.PROCESS, Form.PRESS_CONFERENCE})


class Element(StrEnum):
    """The five things every interpretation explains (item 11), in the order the public page shows them."""

    BACKGROUND = "background"  # 背景
    SIGNIFICANCE = "significance"  # 意义
    EFFECT = "effect"  # 作用
    KEY_TERMS = "key_terms"  # 关键词
    DIFFERENCES = "differences"  # 新旧政策差异


ELEMENT_HEADINGS: Final[Mapping[Element, str]] = {
    Element.BACKGROUND: "出台背景",
    Element.SIGNIFICANCE: "重要意义",
    Element.EFFECT: "主要作用",
    Element.KEY_TERMS: "关键词",
    Element.DIFFERENCES: "新旧政策差异",
}


class FollowUp(StrEnum):
    EXTENDED = "EXTENDED"  # 延伸解读: goes further on a point the public asked about
    SUPPLEMENTARY = "SUPPLEMENTARY"  # 补充解读: corrects or completes the first one


class Channel(StrEnum):
    """Item 12's release channels."""

    WEBSITE = "WEBSITE"  # 政府网站
    NEW_MEDIA = "NEW_MEDIA"  # 政务新媒体
    SERVICE_CENTRE = "SERVICE_CENTRE"  # 政务服务中心
    NEWSPAPER = "NEWSPAPER"  # 报纸
    BROADCAST = "BROADCAST"  # 广播电视
    PROVINCIAL_WECHAT = "PROVINCIAL_WECHAT"  # 省政府微信公众号推荐
    OTHER = "OTHER"  # 其他


def missing_elements(texts: Mapping[Element, str]) -> list[Element]:
    """The elements an interpretation has not yet explained: the editor's checklist."""
    return [element for element in Element if not texts.get(element, "").strip()]


# --- The interpretation rate and synchronisation -------------------------------------------

RATE_BAR: Final = Fraction(9, 10)  # item 11: 政策解读率达到90%以上


@dataclass(frozen=True)
class PolicyRelease:
    """A policy that needs interpretation, and when it and its first interpretation were published."""

    policy_id: int
    published_on: date
    interpreted_on: date | None


@dataclass(frozen=True)
class InterpretationRate:
    needing: int
    interpreted: int
    lags: tuple[int, ...]  # days from the policy's release to its first interpretation's

    @property
    def rate(self) -> Fraction | None:
        return Fraction(self.interpreted, self.needing) if self.needing else None

    @property
    def meets_bar(self) -> bool:
        """Nothing to interpret meets the bar; otherwise at least 90 %."""
        return self.rate is None or self.rate >= RATE_BAR

    @property
    def released_together(self) -> int:
        """Interpreted on the day the policy was published or earlier (同步发布)."""
        return sum(1 for lag in self.lags if lag <= 0)

    @property
    def longest_lag(self) -> int | None:
        return max(self.lags) if self.lags else None


def interpretation_rate(releases: Sequence[PolicyRelease], *, as_of: date) -> InterpretationRate:
    """Interpreted ÷ needing, counting an interpretation only if it was published by ``as_of``."""
    lags = tuple(
        (release.interpreted_on - release.published_on).days
        for release in releases
        if release.interpreted_on is not None and release.interpreted_on <= as_of
    )
    return InterpretationRate(needing=len(releases), interpreted=len(lags), lags=lags)


def percent(rate: Fraction | None) -> str:
    """``92.3%``; an empty year shows a dash, not 100 %."""
    return "—" if rate is None else f"{float(rate) * 100:.1f}%"


class AnswersError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


_QUESTION_MARKS: Final = ("问：", "问:", "问．", "Q：", "Q:")
_ANSWER_MARKS: Final = ("答：", "答:", "答．", "A：", "A:")


def _strip_mark(line: str, marks: tuple[str, ...]) -> str | None:
    for mark in marks:
        if line.startswith(mark):
            return line[len(mark) :].strip()
    return None


def parse_answers(text: str) -> list[tuple[str, str]]:
    """问答解读 as staff type it: "问：…" then "答：…", an answer may run over several lines."""
    pairs: list[tuple[str, list[str]]] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        question = _strip_mark(line, _QUESTION_MARKS)
        answer = _strip_mark(line, _ANSWER_MARKS)
        if question is not None:
            if pairs and not pairs[-1][1]:
                raise AnswersError(number - 1, "该问题没有回答")
            pairs.append((question, []))
        elif answer is not None:
            if not pairs or pairs[-1][1]:
                raise AnswersError(number, "回答前应先写“问：”")
            pairs[-1][1].append(answer)
        elif pairs and pairs[-1][1]:
            pairs[-1][1].append(line)  # the answer continues
        else:
            raise AnswersError(number, "每一问以“问：”开头，回答以“答：”开头")
    if pairs and not pairs[-1][1]:
        raise AnswersError(len(text.splitlines()), "最后一个问题没有回答")
    return [(question, "\n".join(answer)) for question, answer in pairs]


def format_answers(pairs: Sequence[tuple[str, str]]) -> str:
    return "\n".join(f"问：{question}\n答：{answer}" for question, answer in pairs)
