"""The search index's own tables: one narrow row per public record with the facts filters and facets
need, and beside it the record's analysed text.

Beside PostgreSQL these tables may live in a file of their own (``store``); the outbox that feeds
it stays in the main database.

The full-text structure depends on the database (see ``backends``): an FTS5 table on SQLite, a
tsvector column with a GIN index on PostgreSQL. Both are keyed by ``SearchEntry.id``.

Why two tables: a search reads the facet columns of up to ten thousand matches; with the text in
the same row each match cost a page of its own (about 10 KB of body per row), and the count of a
common word took 95 ms at 10k records instead of 39 ms with a narrow row (docs/benchmarks.md).
"""

from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper


class SortKeyField(models.BigIntegerField):  # type: ignore[type-arg]
    """A 64-bit primary key that is SQLite's rowid itself.

    SQLite makes a column the rowid only when its declared type is exactly INTEGER; as BIGINT it
    is a separate unique index, and every FTS5 match costs a lookup in it before the row.
    """

    def db_type(self, connection: BaseDatabaseWrapper) -> Any:
        return "integer" if connection.vendor == "sqlite" else super().db_type(connection)

    def rel_db_type(self, connection: BaseDatabaseWrapper) -> Any:
        return self.db_type(connection)


class SearchEntry(models.Model):
    """A public record as the index knows it. Written only by ``indexing``; never shown as such."""

    # The sort key (documents.sort_key): grows with the publication date; the FTS5 rowid on SQLite.
    id = SortKeyField(primary_key=True)
    source = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    # No constraint and no cascade: beside PostgreSQL the index is a file of its own (``store``), where
    # the organs and topics are not. Every indexed record protects its organ and topic from deletion.
    organ = models.ForeignKey("organs.Organ", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    topic = models.ForeignKey(
        "policies.Topic", on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    topic_parent_id = models.BigIntegerField(null=True)
    kind = models.CharField(max_length=30)
    document_number_key = models.CharField(max_length=80, db_index=True)
    written_on = models.DateField(null=True)
    published_on = models.DateField()
    published_year = models.PositiveSmallIntegerField()
    declared_validity = models.CharField(max_length=20)
    expires_on = models.DateField(null=True)
    repealed_on = models.DateField(null=True)

    class Meta:
        db_table = "search_entry"  # named in the backends' raw SQL
        constraints = [models.UniqueConstraint(fields=["source", "object_id"], name="search_entry_one_per_record")]

    def __str__(self) -> str:
        return f"{self.source}:{self.object_id}"


class SearchText(models.Model):
    """An entry's analysed text (analysis.run_text) and fingerprint.

    The text regenerates the old tokens for FTS5's delete, is what PostgreSQL's exact phrase check
    reads, and scores relevance there; the fingerprint tells the drift check what was indexed.
    """

    entry = models.OneToOneField(
        SearchEntry, primary_key=True, on_delete=models.CASCADE, db_column="id", related_name="text"
    )
    title_text = models.TextField()
    code_text = models.TextField()
    tag_text = models.TextField()
    body_text = models.TextField()
    # The filter tokens given to the full-text row, kept so a delete hands back exactly those.
    filter_text = models.CharField(max_length=200)
    # The organs the text names in full, per column (mentions.to_text), kept for the same reason:
    # they depend on the organs' names at indexing time, which may have changed since.
    mention_text = models.TextField(default="")
    fingerprint = models.CharField(max_length=64)

    class Meta:
        db_table = "search_text"  # named in the backends' raw SQL

    def __str__(self) -> str:
        return f"text of {self.entry_id}"


class OutboxKind(models.TextChoices):
    RECORD = "record"  # refresh one record of a source
    ORGAN = "organ"  # an organ's records follow its name and activity (indexing.refresh_organ)
    MENTIONS = "mentions"  # the rows naming an organ follow its name (indexing.refresh_mentions)


class SearchOutbox(models.Model):
    """A change the index file must apply, written in the transaction that made it (``outbox``).

    Kept in the main database and read by every host's file, each from its own horizon; rows are
    pruned after ``SEARCH_OUTBOX_RETENTION_DAYS``.
    """

    # The writing transaction's PostgreSQL id (pg_current_xact_id): rows are taken by transaction,
    # not by id, because ids are handed out before commit and commits land in any order.
    transaction_id = models.BigIntegerField(db_index=True)
    kind = models.CharField(max_length=10, choices=OutboxKind.choices)
    source = models.CharField(max_length=40, blank=True)
    object_id = models.BigIntegerField()
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "search_outbox"

    def __str__(self) -> str:
        return f"{self.kind} {self.source}:{self.object_id} in transaction {self.transaction_id}"


class IndexHorizon(models.Model):
    """How far an index file has applied the outbox: every transaction below ``transaction_id``, and
    of the transactions at or above it, the rows up to ``applied[transaction]`` (their last row id).

    One row, in the file itself, written in the same transaction as what it applied, so a crash
    leaves the file and its horizon in step (the changes are applied again; they are idempotent).
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    transaction_id = models.BigIntegerField()
    # {transaction id: last row id applied}, for transactions that may not have been whole when read:
    # without it every drain would apply again everything a long-running transaction holds back.
    applied = models.JSONField(default=dict)
    applied_at = models.DateTimeField()

    class Meta:
        db_table = "search_horizon"

    def __str__(self) -> str:
        return f"applied below transaction {self.transaction_id}"
