"""The analyser: normalisation, runs and tokens (pure; no database)."""

import pytest

from gongkai.search import analysis


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("ＡＢＣ１２３", "abc123"),  # full-width letters and digits
        ("國務院辦公廳", "国务院办公厅"),  # traditional → simplified
        ("忻政办发〔2021〕35号", "忻政办发(2021)35号"),
        ("忻政办发[2021]35号", "忻政办发(2021)35号"),
        ("忻政办发（2021）35号", "忻政办发(2021)35号"),
        ("忻政办发【2021】35号", "忻政办发(2021)35号"),
        ("政务\u200b公开", "政务公开"),  # zero-width space
        ("GB/T 9704", "gb/t 9704"),
        ("\u3000十四五", " 十四五"),  # ideographic space
    ],
)
def test_normalize(raw: str, normal: str) -> None:
    assert analysis.normalize(raw) == normal


@pytest.mark.parametrize(
    ("raw", "tokens"),
    [
        ("政务公开", ["政务", "务公", "公开"]),
        ("煤", ["煤"]),
        ("12345热线", ["12345", "热线"]),
        ("忻政办发〔2021〕35号", ["忻政", "政办", "办发", "2021", "35", "号"]),
        ("到2025年，全市", ["到", "2025", "年", "全市"]),
        ("GB32100—2015", ["gb32100", "2015"]),
        ("", []),
        ("、，。", []),
        ("推进政务公开。开发区", ["推进", "进政", "政务", "务公", "公开", analysis.RUN_BREAK, "开发", "发区"]),
        ("开、开发", ["开", analysis.RUN_BREAK, "开发"]),
        ("公开，发布", ["公开", "发布"]),  # the break does not repeat a character: nothing to chain
        ("年2年", ["年", "2", "年"]),  # a letter/digit run between: the phrase cannot chain across it
        (analysis.RUN_BREAK, ["断", "0"]),  # no text produces the break token itself
    ],
)
def test_tokens_are_cjk_bigrams_and_whole_letter_digit_runs(raw: str, tokens: list[str]) -> None:
    assert analysis.tokens(raw) == tokens


@pytest.mark.parametrize("style", ["〔2021〕", "[2021]", "(2021)", "（2021）", "【2021】", "［2021］"])
def test_every_bracket_style_gives_the_same_tokens(style: str) -> None:
    assert analysis.tokens(f"忻政办发{style}35号") == analysis.tokens("忻政办发〔2021〕35号")


def test_run_text_regenerates_the_tokens() -> None:
    raw = "忻州市人民政府办公室关于印发《忻州市2021年政务公开工作要点》的通知（忻政办发〔2021〕35号）。号召"
    stored = analysis.run_text(raw)
    assert stored.startswith(" ")
    assert stored.endswith(" ")
    assert analysis.tokens_of_run_text(stored) == analysis.tokens(raw)
    assert analysis.index_text(stored) == " ".join(analysis.tokens(raw))


def test_offsets_point_back_into_the_raw_text() -> None:
    normal, offsets = analysis.normalize_with_offsets("Ａ國\u200b务")
    assert normal == "a国务"
    assert offsets == [0, 1, 3]
