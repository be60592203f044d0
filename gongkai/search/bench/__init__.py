"""The search benchmark (issue 7): a synthetic corpus, a fixed query set, substring truth, baselines.

Run it with ``./dev bench-search`` or ``manage.py bench_search``; results are in docs/benchmarks.md.
"""
