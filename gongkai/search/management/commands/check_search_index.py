"""manage.py check_search_index: report records missing from, stale in or extra to the search index.

Exits 1 on any drift, so a cron job or CI can alert; ``rebuild_search_index`` repairs it.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.search import indexing


class Command(BaseCommand):
    help = "Compare the search index with what the public may see; exit 1 on drift."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--show", type=int, default=20, help="How many records of each kind to list.")

    def handle(self, *args: Any, **options: Any) -> None:
        drift = indexing.check()
        for label, records in (("missing", drift.missing), ("stale", drift.stale), ("extra", drift.extra)):
            self.stdout.write(f"{label}: {len(records)}")
            for record in records[: options["show"]]:
                self.stdout.write(f"  {record}")
        if drift:
            raise CommandError("the search index has drifted: run rebuild_search_index")
        self.stdout.write(f"in step: {drift.checked} public records")
