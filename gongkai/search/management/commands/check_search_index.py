"""manage.py check_search_index: report records missing from, stale in or extra to the search index.

An index file (GONGKAI_SEARCH_INDEX) first applies what waits in the outbox. Exits 1 on any drift, so a cron job or CI can alert; ``rebuild_search_index`` repairs it.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.search import drift
from gongkai.search.index_file import IndexFileError


class Command(BaseCommand):
    help = "Compare the search index with what the public may see; exit 1 on drift."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--show", type=int, default=20, help="How many records of each kind to list.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            found = drift.check()
        except IndexFileError as error:
            raise CommandError(str(error)) from error
        for label, records in (("missing", found.missing), ("stale", found.stale), ("extra", found.extra)):
            self.stdout.write(f"{label}: {len(records)}")
            for record in records[: options["show"]]:
                self.stdout.write(f"  {record}")
        if found:
            raise CommandError("the search index has drifted: run rebuild_search_index")
        self.stdout.write(f"in step: {found.checked} public records")
