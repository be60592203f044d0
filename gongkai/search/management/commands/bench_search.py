"""manage.py bench_search: the search benchmark of issue 7, on dedicated databases, with baselines.

    manage.py bench_search --sizes 10000,100000 --seed 1 --backend both

``--backend sqlite|postgresql|postgresql-file|both`` never touches the configured database: for
each backend it creates a fresh benchmark database (var/bench/bench.sqlite3, or the PostgreSQL
database ``gongkai_bench``, with the index in var/bench/bench-index.sqlite3 for postgresql-file:
the layout GONGKAI_SEARCH_INDEX gives a PostgreSQL deployment), runs this command again in a child process pointed at it with
``--backend current``, then prints one table for all and drops the databases unless ``--keep``.
``--backend current`` runs in this process against the configured database and refuses any
database whose name does not say bench or test.
"""

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from gongkai.search import store
from gongkai.search.bench import report, runner

BASELINES = ("icontains", "ts_rank", "tantivy")
INDEX_FILE = "bench-index.sqlite3"  # the search index file of a postgresql-file run


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise CommandError(f"--sizes takes numbers separated by commas, not {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise CommandError("--sizes needs at least one positive size")
    return sizes


class Command(BaseCommand):
    help = "Benchmark search (ours on SQLite and PostgreSQL, icontains, ts_rank, tantivy) on a synthetic corpus."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sizes", default="10000", help="corpus sizes, e.g. 10000,100000,1000000")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--backend", choices=["sqlite", "postgresql", "postgresql-file", "both", "current"], default="both"
        )
        parser.add_argument("--baselines", default=",".join(BASELINES), help="any of icontains,ts_rank,tantivy")
        parser.add_argument("--bench-dir", default=str(Path(settings.BASE_DIR) / "var" / "bench"))
        parser.add_argument("--postgres-server", default="postgres://postgres@127.0.0.1:5432")
        parser.add_argument("--postgres-database", default="gongkai_bench")
        parser.add_argument("--keep", action="store_true", help="keep the benchmark databases afterwards")
        parser.add_argument("--migrate", action="store_true", help="(current) migrate the database first")
        parser.add_argument("--json", default="", help="(current) write the results here as they come")
        parser.add_argument("--render", default="", help="only print the table of these result files (comma-separated)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["render"]:
            results = [run for path in options["render"].split(",") for run in json.loads(Path(path).read_text())]
            self.stdout.write(report.render(results))
            return
        wanted = frozenset(name for name in options["baselines"].split(",") if name)
        if unknown := wanted - set(BASELINES):
            raise CommandError(f"unknown baselines: {', '.join(sorted(unknown))}")
        bench_dir = Path(options["bench_dir"])
        bench_dir.mkdir(parents=True, exist_ok=True)
        if options["backend"] == "current":
            self._run_here(options, wanted, bench_dir)
            return
        backends = ["sqlite", "postgresql"] if options["backend"] == "both" else [options["backend"]]
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # noqa: DTZ005 (a file name)
        files: list[Path] = []
        for backend in backends:
            # tantivy does not depend on the database: build it once per size, in the first run.
            chosen = wanted - {"tantivy"} if backend != backends[0] else wanted
            output = bench_dir / f"results-{stamp}-{backend}.json"
            files.append(output)
            self._run_child(backend, options, chosen, bench_dir, output)
        results = [run for path in files if path.exists() for run in json.loads(path.read_text())]
        table = report.render(results)
        (bench_dir / f"report-{stamp}.md").write_text(table + "\n")
        self.stdout.write(table)

    def _database_url(self, backend: str, options: dict[str, Any], bench_dir: Path) -> str:
        if backend == "sqlite":
            return f"sqlite:///{(bench_dir / 'bench.sqlite3').resolve()}"
        return f"{options['postgres_server']}/{options['postgres_database']}"

    def _reset(self, backend: str, options: dict[str, Any], bench_dir: Path, *, create: bool) -> None:
        files = {"sqlite": "bench.sqlite3", "postgresql-file": INDEX_FILE}
        if backend in files:
            for suffix in ("", "-wal", "-shm"):
                (bench_dir / f"{files[backend]}{suffix}").unlink(missing_ok=True)
        if backend == "sqlite":
            return
        name = options["postgres_database"]
        if "bench" not in name:
            raise CommandError("the PostgreSQL benchmark database's name must contain 'bench'")
        with psycopg.connect(f"{options['postgres_server']}/postgres", autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if create:
                server.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")

    def _run_child(
        self, backend: str, options: dict[str, Any], baselines: frozenset[str], bench_dir: Path, output: Path
    ) -> None:
        self._reset(backend, options, bench_dir, create=True)
        environment = {
            **os.environ,
            "DATABASE_URL": self._database_url(backend, options, bench_dir),
            "GONGKAI_VAR_DIR": str((bench_dir / "var").resolve()),
        }
        environment.pop("GONGKAI_SEARCH_INDEX", None)
        if backend == "postgresql-file":
            environment["GONGKAI_SEARCH_INDEX"] = str((bench_dir / INDEX_FILE).resolve())
        command = [
            sys.executable,
            str(Path(settings.BASE_DIR) / "manage.py"),
            "bench_search",
            "--backend=current",
            "--migrate",
            f"--sizes={options['sizes']}",
            f"--seed={options['seed']}",
            f"--baselines={','.join(sorted(baselines)) or ','}",
            f"--bench-dir={bench_dir}",
            f"--json={output}",
        ]
        self.stderr.write(f"== {backend}: {' '.join(command[2:])}")
        try:
            finished = subprocess.run(command, env=environment, check=False)  # noqa: S603 (our own interpreter and script)
            if finished.returncode:
                self.stderr.write(f"the {backend} run failed (exit {finished.returncode}); its finished sizes are kept")
        finally:
            if not options["keep"]:
                self._reset(backend, options, bench_dir, create=False)
                shutil.rmtree(bench_dir / f"tantivy-{backend}", ignore_errors=True)

    def _run_here(self, options: dict[str, Any], baselines: frozenset[str], bench_dir: Path) -> None:
        name = str(connection.settings_dict["NAME"])
        if not any(word in name for word in ("bench", "test", "memory")):
            raise CommandError(f"refusing to benchmark {name!r}: use --backend sqlite|postgresql|both")
        if options["migrate"]:
            call_command("migrate", verbosity=0, interactive=False)
            if store.sidecar():
                call_command("migrate", database=store.INDEX_ALIAS, verbosity=0, interactive=False)
        output = Path(options["json"]) if options["json"] else None
        results: list[dict[str, Any]] = []

        def log(message: str) -> None:
            self.stderr.write(f"{datetime.now():%H:%M:%S} {message}")  # noqa: DTZ005 (a log line)

        def keep(result: dict[str, Any]) -> None:
            # The same size comes again as its baselines finish: replace it, print it once, finished.
            if not any(kept is result for kept in results):
                results.append(result)
            if output is not None:
                output.write_text(json.dumps(results, ensure_ascii=False))
            if "finished" in result:
                self.stdout.write(report.render([result]))

        runner.run(
            runner.Options(
                seed=options["seed"],
                sizes=_sizes(options["sizes"]),
                baselines=baselines,
                var_dir=bench_dir,
                log=log,
                on_result=keep,
            )
        )
