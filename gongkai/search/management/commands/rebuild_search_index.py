"""manage.py rebuild_search_index: empty the search index and fill it from every public selector."""

import os
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gongkai.search import indexing


class Command(BaseCommand):
    help = "Rebuild the search index from scratch from what the public may see."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=indexing.BATCH_SIZE)
        parser.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="processes that analyse text while this one writes (0: analyse in this process)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        count = indexing.rebuild(batch_size=options["batch_size"], workers=options["workers"])
        elapsed = time.monotonic() - started
        self.stdout.write(f"indexed {count} records in {elapsed:.1f} s")
