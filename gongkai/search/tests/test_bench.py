"""The search benchmark's own pieces: generator, query set, truth, report, and a tiny end-to-end run."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.search import analysis, store
from gongkai.search.bench import corpus, queries, report, runner, truth


def test_the_generator_is_deterministic_by_seed_and_position():
    first = list(corpus.documents(1, 0, 40))
    assert first == list(corpus.documents(1, 0, 40))
    assert list(corpus.documents(1, 20, 40)) == first[20:]  # a bigger corpus starts with the smaller one
    assert first != list(corpus.documents(2, 0, 40))


def test_bodies_are_1500_to_4000_characters_of_government_text():
    documents = list(corpus.documents(3, 0, 200))
    assert all(corpus.BODY_MIN <= len(document.body) <= corpus.BODY_MAX for document in documents)
    assert sum("政务公开" in document.body for document in documents) > 150  # a very common word
    numbered = [document.document_number for document in documents if document.document_number]
    assert numbered
    assert all("〔" in number and number.endswith("号") for number in numbered)
    assert all(corpus.FIRST_YEAR <= document.published_on.year <= corpus.LAST_YEAR for document in documents)


def test_the_query_set_has_200_queries_of_one_to_four_words_with_the_common_words():
    found = queries.query_set(1)
    assert len(found) >= 200
    texts = {query.text for query in found}
    assert {"政务公开", "公开", "市发改委"} <= texts
    assert all(len(query.text.split()) <= 4 for query in found)
    assert any(query.organ or query.year or query.kind for query in found)
    assert any("[" in query.text or "【" in query.text for query in found)
    assert any(query.document_number for query in found)
    assert found == queries.query_set(1)


def test_truth_is_a_substring_scan_of_normalised_text_with_whole_letter_digit_runs():
    document = corpus.document(1, 0)
    query = queries.BenchQuery("test", document.title.split("关于")[-1][:4])
    digits = queries.BenchQuery("test", "0350")  # inside every 0350-xxxxxxx phone number, as a whole run
    partial = queries.BenchQuery("test", "035")  # never a whole run
    oracle = truth.Truth([query, digits, partial])
    oracle.add(corpus.documents(1, 0, 50))
    found = oracle.matches(query)
    assert 0 in found
    texts = [truth.searchable_text(item) for item in corpus.documents(1, 0, 50)]
    assert set(found) == {index for index, text in enumerate(texts) if analysis.normalize(query.text) in text}
    assert set(oracle.matches(digits)) == {index for index, text in enumerate(texts) if "0350-" in text}
    assert oracle.matches(partial) == []


def test_truth_answers_newest_first():
    query = queries.BenchQuery("test", "公开")
    oracle = truth.Truth([query])
    documents = list(corpus.documents(1, 0, 60))
    oracle.add(documents)
    order = [(documents[index].published_on, index) for index in oracle.matches(query)]
    assert order == sorted(order, reverse=True)


def test_percentiles_interpolate_between_ranks():
    assert report.percentile([1, 2, 3, 4], 0.5) == 2.5
    assert report.percentile([10.0], 0.95) == 10.0
    values = list(range(1, 101))
    assert report.percentile(values, 0.95) == pytest.approx(95.05)
    assert report.percentile(values, 0.99) == pytest.approx(99.01)
    assert report.percentile(list(reversed(values)), 0.5) == 50.5


def test_ratios_say_how_many_times_slower_the_baseline_is():
    assert report.ratio(200.0, 2.0) == 100.0
    assert report.ratio(1.0, 4.0) == 0.25
    assert report.ratio(1.0, 0.0) == float("inf")


def test_families_are_left_out_for_a_run_of_another_query_set():
    run = {"seed": 1, "queries": ["政务公开"], "ours": {"relevance": [12.0]}}
    assert report.family_rows(run) == []


def test_deep_page_is_in_the_middle_of_the_reachable_pages():
    assert truth.deep_page(0, 20, 10_000) == 1
    assert truth.deep_page(20, 20, 10_000) == 1
    assert truth.deep_page(100, 20, 10_000) == 3
    assert truth.deep_page(1_000_000, 20, 10_000) == 250


@pytest.mark.django_db(transaction=True)
def test_a_tiny_run_finds_every_true_document_on_sqlite(tmp_path: Path):
    if store.connection().vendor != "sqlite":
        pytest.skip("the tiny run is specified on SQLite (the embedded default, or the index file beside PostgreSQL)")
    output = tmp_path / "results.json"
    call_command(
        "bench_search",
        backend="current",
        sizes="300",
        seed=1,
        baselines="icontains",
        bench_dir=str(tmp_path),
        json=str(output),
    )
    (run,) = json.loads(output.read_text())
    assert run["size"] == 300
    assert run["recall"]["page_recall"] == 1.0
    assert run["recall"]["count_recall"] == 1.0
    assert run["recall"]["exact_counts"] == run["recall"]["queries_under_cap"]
    assert run["recall"]["precision"] == 1.0
    assert len(run["ours"]["relevance"]) == len(run["queries"]) >= 200
    table = report.render([run])
    assert f"ours, {runner.backend_label()}" in table
    assert "icontains" in table
    families = report.family_rows(run)
    assert {row[0] for row in families} >= {"common", "organ short name", "文号 field", "filtered"}
    assert sum(int(row[1]) for row in families) == len(run["queries"])
    assert [float(row[3].replace(",", "")) for row in families] == sorted(
        (float(row[3].replace(",", "")) for row in families), reverse=True
    )
    assert f"Our relevance page on {runner.backend_label()} by query family" in table
