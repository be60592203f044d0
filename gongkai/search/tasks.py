"""Background tasks of search: bring this host's index file up to date from the outbox."""

from django_tasks import task

from gongkai.search import index_file, outbox


@task()
def drain_search_index() -> int:
    """Queued after every transaction that wrote to the outbox; returns how many changes it applied."""
    drained = index_file.drain()
    outbox.prune()
    return drained.applied
