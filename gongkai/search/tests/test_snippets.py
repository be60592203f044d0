"""Application-side highlighting: escaped, marked, found through the normalised form (pure)."""

from gongkai.search import expressions, snippets


def phrases(text: str) -> list[expressions.Phrase]:
    return [phrase for word in expressions.parse(text) for phrase in word.phrases]


def test_matches_are_marked_and_the_rest_escaped() -> None:
    assert (
        snippets.highlight("<b>政务公开</b>要点", phrases("政务公开")) == "&lt;b&gt;<mark>政务公开</mark>&lt;/b&gt;要点"
    )


def test_a_document_number_is_marked_whatever_the_brackets() -> None:
    html = snippets.highlight("依据忻政办发〔2021〕35号文件", phrases("忻政办发[2021]35号"))
    assert html == "依据<mark>忻政办发〔2021〕35号</mark>文件"


def test_traditional_text_is_marked_for_a_simplified_word() -> None:
    assert snippets.highlight("國務院", phrases("国务院")) == "<mark>國務院</mark>"


def test_the_snippet_is_a_window_around_the_matches() -> None:
    text = "甲" * 300 + "营商环境" + "乙" * 300
    html = snippets.snippet(text, phrases("营商环境"), width=60)
    assert html.startswith("…")
    assert html.endswith("…")
    assert "<mark>营商环境</mark>" in html
    assert len(html.replace("<mark>", "").replace("</mark>", "")) == 62


def test_without_a_match_the_snippet_is_the_beginning() -> None:
    assert snippets.snippet("一二三四五", phrases("六"), width=3) == "一二三…"
