"""The search service end to end on the database in use: the same module passes on SQLite and PostgreSQL."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from gongkai.accounts.domain import Role
from gongkai.accounts.models import User
from gongkai.columns import services as column_services
from gongkai.organs.models import Organ
from gongkai.organs.tests.factories import OrganFactory
from gongkai.policies.domain import ItemKind, Validity
from gongkai.policies.models import Topic
from gongkai.search import backends, expressions, service, store
from gongkai.search.backends import Narrowing, TextMatch
from gongkai.search.models import SearchEntry
from gongkai.search.query import SearchQuery, SearchResult, Sort
from gongkai.search.service import search
from gongkai.search.tests.conftest import Publish, index_up_to_date

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 1)


def titles(result: SearchResult) -> list[str]:
    return [hit.title for hit in result.hits]


@pytest.fixture
def library(publish: Publish, organ_tree: dict[str, Organ], topics: dict[str, Topic]) -> dict[str, int]:
    fgw = OrganFactory.create(name="测试市发展和改革委员会", short_name="市发改委", parent=organ_tree["city"])
    made = [
        publish(
            "测试市人民政府办公室关于印发测试市2021年政务公开工作要点的通知",
            "为深入推进政务公开，优化营商环境，现将工作要点印发给你们。",
            organ="city",
            document_number="测政办发〔2021〕35号",
            published_on=date(2021, 4, 2),
        ),
        publish(
            "关于做好土地征收信息公开的通知",
            "各县（区）要做好土地征收成片开发方案的公开，落实政务公开要求。",
            topic=topics["land"],
            kind=ItemKind.NORMATIVE_DOCUMENT,
            document_number="测财发〔2022〕7号",
            published_on=date(2022, 5, 6),
            expires_on=date(2024, 12, 31),
        ),
        publish(
            "关于价格监测工作的通知",
            "请各单位按月报送价格监测数据。",
            organ=fgw,
            published_on=date(2023, 8, 9),
        ),
        publish(
            "测试县2024年教育经费预算公开",
            "本文提到价格监测的经费安排，也提到政务公开。",
            organ="county_department",
            kind=ItemKind.FISCAL,
            published_on=date(2024, 1, 15),
        ),
    ]
    return {"fgw": fgw.pk, **{f"item{index}": item.pk for index, item in enumerate(made)}}


def test_a_title_fragment_puts_the_item_first(library: dict[str, int]) -> None:
    result = search(SearchQuery(text="政务公开工作要点"), today=TODAY)
    assert result.total == 1
    assert result.hits[0].object_id == library["item0"]
    assert "<mark>政务公开工作要点</mark>" in result.hits[0].title_html


def test_title_matches_rank_above_body_matches(library: dict[str, int]) -> None:
    result = search(SearchQuery(text="价格监测"), today=TODAY)
    assert [hit.object_id for hit in result.hits] == [library["item2"], library["item3"]]


@pytest.mark.parametrize(
    "typed",
    [
        "测政办发〔2021〕35号",
        "测政办发[2021]35号",
        "测政办发(2021)35号",
        "测政办发（2021）35号",
        "测政办发【2021】35号",
    ],
)
def test_a_document_number_in_any_bracket_style_finds_its_item(library: dict[str, int], typed: str) -> None:
    as_text = search(SearchQuery(text=typed), today=TODAY)
    as_filter = search(SearchQuery(document_number=typed), today=TODAY)
    assert [hit.object_id for hit in as_text.hits][:1] == [library["item0"]]
    assert [hit.object_id for hit in as_filter.hits] == [library["item0"]]


def test_a_document_number_fragment_searches_the_number_only(library: dict[str, int]) -> None:
    result = search(SearchQuery(document_number="测财发"), today=TODAY)
    assert [hit.object_id for hit in result.hits] == [library["item1"]]


def test_an_organs_short_name_finds_its_items_first(library: dict[str, int]) -> None:
    result = search(SearchQuery(text="市发改委"), today=TODAY)
    assert result.hits[0].object_id == library["item2"]
    assert result.hits[0].organ_name == "测试市发展和改革委员会"


def test_a_near_miss_organ_name_gets_did_you_mean(library: dict[str, int]) -> None:
    result = search(SearchQuery(text="市发改 价格"), today=TODAY)
    assert [(s.alias, s.organ_name) for s in result.did_you_mean][:1] == [("市发改委", "测试市发展和改革委员会")]


def test_a_word_inside_a_longer_word_is_found(library: dict[str, int]) -> None:
    # Dictionary segmentation would keep 土地征收 whole and miss 土地 (reference SEARCH.md §5.3).
    assert titles(search(SearchQuery(text="土地"), today=TODAY)) == ["关于做好土地征收信息公开的通知"]


def test_traditional_and_full_width_input_is_normalised(library: dict[str, int]) -> None:
    assert search(SearchQuery(text="價格監測"), today=TODAY).total == 2
    assert search(SearchQuery(text="２０２１年"), today=TODAY).total == 1


def test_every_word_must_occur(library: dict[str, int]) -> None:
    assert search(SearchQuery(text="政务公开 土地"), today=TODAY).total == 1
    assert search(SearchQuery(text="政务公开 不存在的词"), today=TODAY).total == 0


def test_title_filter_reads_the_title_only(library: dict[str, int]) -> None:
    result = search(SearchQuery(text="价格监测", title="通知"), today=TODAY)
    assert [hit.object_id for hit in result.hits] == [library["item2"]]


def test_newest_first_ignores_relevance(library: dict[str, int]) -> None:
    result = search(SearchQuery(text="政务公开", sort=Sort.NEWEST), today=TODAY)
    assert [hit.published_on for hit in result.hits] == sorted((hit.published_on for hit in result.hits), reverse=True)
    assert result.total == 3


def test_filters_by_organ_kind_dates_and_validity(library: dict[str, int], organ_tree: dict[str, Organ]) -> None:
    def ids(**filters: object) -> set[int]:
        return {hit.object_id for hit in search(SearchQuery(**filters), today=TODAY).hits}  # type: ignore[arg-type]

    assert ids(organ_ids=(organ_tree["city"].pk,)) == {library["item0"]}
    assert ids(kinds=(ItemKind.FISCAL,)) == {library["item3"]}
    assert ids(published_from=date(2023, 1, 1)) == {library["item2"], library["item3"]}
    assert ids(published_to=date(2021, 12, 31), years=(2021,)) == {library["item0"]}
    assert ids(validity=Validity.EXPIRED) == {library["item1"]}
    assert library["item1"] not in ids(validity=Validity.VALID)


def test_facets_count_the_whole_match_set(library: dict[str, int], organ_tree: dict[str, Organ]) -> None:
    result = search(SearchQuery(text="政务公开"), today=TODAY)
    assert result.facets is not None
    assert result.facets.exact
    assert {(f.label, f.count) for f in result.facets.organ} == {
        ("测试市人民政府", 1),
        ("测试市财政局", 1),
        ("测试县教育局", 1),
    }
    assert [(f.value, f.count) for f in result.facets.year] == [("2024", 1), ("2022", 1), ("2021", 1)]
    assert {(f.value, f.count) for f in result.facets.validity} == {("VALID", 2), ("EXPIRED", 1)}
    assert {(f.value, f.count) for f in result.facets.kind} == {
        (ItemKind.OTHER_DOCUMENT.value, 1),
        (ItemKind.NORMATIVE_DOCUMENT.value, 1),
        (ItemKind.FISCAL.value, 1),
    }
    assert sum(f.count for f in result.facets.topic) == 3


def test_zero_results_suggest_which_filter_to_drop(library: dict[str, int], organ_tree: dict[str, Organ]) -> None:
    result = search(SearchQuery(text="土地", organ_ids=(organ_tree["city"].pk,), kinds=(ItemKind.FISCAL,)), today=TODAY)
    assert result.total == 0
    assert [(r.drop, r.total) for r in result.relaxations] == []  # dropping either alone still finds nothing
    result = search(SearchQuery(text="土地", organ_ids=(organ_tree["city"].pk,)), today=TODAY)
    assert [(r.drop, r.total) for r in result.relaxations] == [("organ", 1)]


def test_an_unspaced_query_suggests_its_words(publish: Publish) -> None:
    publish("关于十四五期间优化营商环境的意见", "围绕十四五规划，持续优化营商环境。")
    result = search(SearchQuery(text="十四五营商环境规划"), today=TODAY)
    assert result.total == 0
    assert result.split_suggestion == "十四五 营商环境 规划"


def test_snippets_are_escaped_and_marked(publish: Publish) -> None:
    publish("关于公开的说明", "前文<script>alert(1)</script>中间提到低保标准调整。")
    [hit] = search(SearchQuery(text="低保"), today=TODAY).hits
    assert "<mark>低保</mark>" in hit.snippet_html
    assert "<script>" not in hit.snippet_html


def test_pages_are_cut_and_the_total_kept(publish: Publish) -> None:
    for number in range(5):
        publish(f"第{number}号低保公示", published_on=date(2024, 1, number + 1))
    result = search(SearchQuery(text="低保公示", sort=Sort.NEWEST, page=2, page_size=2), today=TODAY)
    assert (result.total, result.total_exact, result.page_count) == (5, True, 3)
    assert titles(result) == ["第2号低保公示", "第1号低保公示"]


def test_relevance_ranks_the_newest_matches_and_the_rest_follow_newest_first(
    publish: Publish, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small caps stand for 5,000 and 10,000: the same code paths with six records.
    monkeypatch.setattr("gongkai.search.service.RELEVANCE_WINDOW", 3)
    monkeypatch.setattr("gongkai.search.service.TOTAL_CAP", 4)
    for day, title in enumerate(["旧的低保标题一", "旧的低保标题二", "正文一", "正文二", "新的低保标题", "正文三"], 1):
        body = "本文说明低保事项。" if title.startswith("正文") else "本文说明相关事项。"
        publish(title, body, published_on=date(2024, 3, day))
    first = search(SearchQuery(text="低保", page_size=2), today=TODAY)
    assert (first.total, first.total_exact) == (5, False)
    # The window holds the three newest matches: the title match leads it, then the rest by date.
    assert titles(first) == ["新的低保标题", "正文三"]
    assert titles(search(SearchQuery(text="低保", page=2, page_size=2), today=TODAY)) == ["正文二", "正文一"]
    # A page past the scanned matches is read newest first from the database.
    third = search(SearchQuery(text="低保", page=3, page_size=2), today=TODAY)
    assert titles(third) == ["旧的低保标题二", "旧的低保标题一"]


def test_filters_narrow_inside_the_index_without_losing_records(
    library: dict[str, int], organ_tree: dict[str, Organ], topics: dict[str, Topic]
) -> None:
    # Each filter alone, with and without words: the index's filter tokens and the SQL agree.
    by_topic = search(SearchQuery(topic_ids=(topics["land"].pk,)), today=TODAY)
    assert titles(by_topic) == ["关于做好土地征收信息公开的通知"]
    parent_id = topics["land"].parent_id
    assert parent_id is not None
    by_parent = search(SearchQuery(text="公开", topic_ids=(parent_id,)), today=TODAY)
    assert titles(by_parent) == ["关于做好土地征收信息公开的通知"]
    by_kind_and_year = search(SearchQuery(text="公开", kinds=(ItemKind.FISCAL,), years=(2024,)), today=TODAY)
    assert titles(by_kind_and_year) == ["测试县2024年教育经费预算公开"]
    assert not search(SearchQuery(text="公开", kinds=(ItemKind.FISCAL,), years=(2023,)), today=TODAY).hits
    in_range = search(
        SearchQuery(text="公开", published_from=date(2022, 5, 6), published_to=date(2022, 5, 6)), today=TODAY
    )
    assert titles(in_range) == ["关于做好土地征收信息公开的通知"]
    by_source = search(SearchQuery(text="价格监测", sources=("policies.item",), organ_ids=(library["fgw"],)))
    assert titles(by_source) == ["关于价格监测工作的通知"]
    assert not search(SearchQuery(text="价格监测", sources=("no.such.source",))).hits


def test_the_target_group_filter_reads_the_items_target_groups(publish: Publish) -> None:
    small = publish("关于减免房租的通知", target_groups="小微企业 个体工商户")
    graduates = publish("关于就业补贴的通知", target_groups="高校毕业生")
    publish("小微企业登记情况统计", "统计了小微企业的数量。")  # mentions them, but is not aimed at them

    def ids(target: str, **filters: object) -> set[int]:
        query = SearchQuery(target_group=target, **filters)  # type: ignore[arg-type]
        return {hit.object_id for hit in search(query, today=TODAY).hits}

    assert ids("小微企业") == {small.pk}
    assert ids("小微企业、个体工商户") == {small.pk}  # every word must occur
    assert ids("小微企业 高校毕业生") == set()
    assert ids("毕业生", text="补贴") == {graduates.pk}
    assert ids("毕业生", text="房租") == set()


def test_target_groups_are_found_by_free_text_too(publish: Publish) -> None:
    item = publish("关于减免房租的通知", target_groups="个体工商户")
    assert [hit.object_id for hit in search(SearchQuery(text="个体工商户"), today=TODAY).hits] == [item.pk]


def test_a_target_group_that_finds_nothing_is_offered_as_a_filter_to_drop(publish: Publish) -> None:
    publish("关于减免房租的通知", target_groups="小微企业")
    result = search(SearchQuery(text="房租", target_group="高校毕业生"), today=TODAY)
    assert result.total == 0
    assert [(r.drop, r.total) for r in result.relaxations] == [("target", 1)]


def test_the_column_filter_includes_sub_columns_and_is_offered_on_the_page(
    publish: Publish, organ_tree: dict[str, Organ], staff_with_role: Callable[..., User], client: Client
) -> None:
    editor = staff_with_role(organ_tree["city"], Role.OPENNESS_OFFICE)
    office = staff_with_role(organ_tree["department"], Role.OPENNESS_OFFICE)
    topic = column_services.add_column(parent=None, name="转型发展政策专栏", slug="zxfz", acting_user=editor)
    files = column_services.add_column(parent=topic, name="政策文件", slug="zxfz-zcwj", acting_user=editor)
    in_files = publish("关于支持转型发展的若干政策")
    in_topic = publish("转型发展工作动态")
    publish("关于转型发展的其他文件")
    column_services.assign(item=in_files, columns=[files], acting_user=office)
    column_services.assign(item=in_topic, columns=[topic], acting_user=office)

    def ids(*column_ids: int) -> set[int]:
        return {hit.object_id for hit in search(SearchQuery(text="转型发展", column_ids=column_ids), today=TODAY).hits}

    assert ids(topic.pk) == {in_files.pk, in_topic.pk}
    assert ids(files.pk) == {in_files.pk}
    page = client.get("/search/", {"q": "转型发展", "column": "zxfz-zcwj"}).content.decode()
    assert "的若干政策" in page  # the title, with the query words marked
    assert "的其他文件" not in page
    assert "政策文件" in page  # the chip names the column
    api = client.get("/api/v1/search", {"q": "转型发展", "column": "nope"})
    assert api.status_code == 422


def test_a_hit_shows_its_validity_as_of_today(publish: Publish) -> None:
    lapsed = publish("关于临时减免房租的通知", kind=ItemKind.NORMATIVE_DOCUMENT, expires_on=date(2021, 12, 31))
    [hit] = search(SearchQuery(text="临时减免房租"), today=TODAY).hits
    assert (hit.object_id, hit.validity) == (lapsed.pk, Validity.EXPIRED.value)
    facets = search(SearchQuery(text="临时减免房租"), today=TODAY).facets
    assert facets is not None
    assert [value.value for value in facets.validity] == [Validity.EXPIRED.value]


@pytest.mark.parametrize("text", ["价格监测", "市发改委 通知", "测政办发〔2021〕35号", "政务公开", "公开 土地"])
def test_walking_the_index_and_reading_the_stored_text_score_a_window_alike(library: dict[str, int], text: str) -> None:
    if store.connection().vendor != "sqlite":
        pytest.skip("PostgreSQL scores every window one way")
    index_up_to_date()
    backend = backends.current()
    organs = service._organs()
    words = tuple(expressions.parse(text, organs.expansions, organs.mention_tokens))  # 市发改委: a mention token
    keys = sorted(SearchEntry.objects.values_list("id", flat=True), reverse=True)
    with store.connection().cursor() as cursor:
        walked = backend.scores(cursor, TextMatch(words=words), Narrowing(), keys, every_match=False)
        read = backend.scores(cursor, TextMatch(words=words), Narrowing(), keys, every_match=True)
    assert walked
    assert walked == read


@pytest.mark.parametrize("candidates", [200, 1], ids=["head checked in stored text", "head too common"])
def test_a_number_ending_in_one_character_finds_what_the_prefix_finds(
    publish: Publish, monkeypatch: pytest.MonkeyPatch, candidates: int
) -> None:
    # SQLite matches 35号's head (…2021 35) first and checks its candidates unless there are more
    # than HEAD_CANDIDATES; either way the results are the prefix's.
    monkeypatch.setattr("gongkai.search.backends.sqlite.HEAD_CANDIDATES", candidates)
    cited = publish("关于贯彻落实有关文件的通知", "根据测政办发〔2021〕35号文件精神，结合实际制定本方案。")
    itself = publish("测试市政务公开工作要点", document_number="测政办发〔2021〕35号", published_on=date(2021, 4, 2))
    publish("关于两个文件的说明", "测政办发〔2021〕35、36号两个文件同时废止。")  # the head, but not 35号
    report = publish("测试市2021年度报告", "测政办发〔2021〕135号另行印发。")  # 135 is not 35

    def ids(**fields: object) -> list[int]:
        return [hit.object_id for hit in search(SearchQuery(**fields), today=TODAY).hits]  # type: ignore[arg-type]

    assert ids(text="测政办发[2021]35号") == [itself.pk, cited.pk]
    assert ids(text="测政办发[2021]35号 方案") == [cited.pk]
    assert ids(text="测政办发[2021]35号", published_from=date(2022, 1, 1)) == [cited.pk]
    assert ids(text="测政办发[2021]35号 政务公开") == [itself.pk]
    assert ids(document_number="〔2021〕35号") == [itself.pk]  # a fragment: the 文号 column only
    assert ids(title="2021年") == [report.pk]
    # And the cheaper form was the one taken.
    words = TextMatch(words=tuple(expressions.parse("测政办发[2021]35号")))
    with store.connection().cursor() as cursor:
        plan = backends.current().match(cursor, words, Narrowing())
    if store.connection().vendor == "sqlite":
        assert ("search_fts" in plan.from_sql) == (candidates == 1)
    else:  # GIN gets the head; the exact check the whole number
        assert plan.params[0] == "(('测政' & '政办' & '办发' & '2021' & '35'))"
        assert "测政办发 2021 35 号" in plan.params


def test_free_text_never_matches_the_filter_tokens(publish: Publish, organ_tree: dict[str, Organ]) -> None:
    item = publish("关于减免房租的通知", published_on=date(2024, 3, 1))
    organ_id = organ_tree["department"].pk
    for typed in (f"o{organ_id}", "y2024", "s1"):
        assert search(SearchQuery(text=typed), today=TODAY).total == 0, typed
    assert [hit.object_id for hit in search(SearchQuery(text="房租", years=(2024,)), today=TODAY).hits] == [item.pk]
