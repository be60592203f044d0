"""manage.py drain_search_index: apply what waits in the outbox to this host's index file.

Only where the index is a file of its own (GONGKAI_SEARCH_INDEX). Run it from cron on hosts
without the task worker, so their file keeps up between searches; it also prunes outbox rows
older than SEARCH_OUTBOX_RETENTION_DAYS.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from gongkai.search import index_file, outbox, store


class Command(BaseCommand):
    help = "Apply the search outbox to this host's index file."

    def handle(self, *args: Any, **options: Any) -> None:
        if not store.sidecar():
            raise CommandError("the search index is in the main database: there is no outbox to apply")
        try:
            drained = index_file.drain()
        except index_file.IndexFileError as error:
            raise CommandError(str(error)) from error
        pruned = outbox.prune()
        self.stdout.write(f"applied {drained.applied} changes; pruned {pruned} outbox rows")
