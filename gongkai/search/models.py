"""The search index's own table: one row per public record, with the facts filters and facets need.

The full-text structure beside it depends on the database (see ``backends``): an FTS5 table on
SQLite, a tsvector column with a GIN index on PostgreSQL. Both are keyed by ``SearchEntry.id``.
"""

from django.db import models


class SearchEntry(models.Model):
    """A public record as the index knows it. Written only by ``indexing``; never shown as such."""

    # The sort key (documents.sort_key): grows with the publication date; the FTS5 rowid on SQLite.
    id = models.BigIntegerField(primary_key=True)
    source = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    organ = models.ForeignKey("organs.Organ", on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey("policies.Topic", on_delete=models.SET_NULL, null=True, related_name="+")
    topic_parent_id = models.BigIntegerField(null=True)
    kind = models.CharField(max_length=30)
    document_number_key = models.CharField(max_length=80, db_index=True)
    written_on = models.DateField(null=True)
    published_on = models.DateField()
    published_year = models.PositiveSmallIntegerField()
    declared_validity = models.CharField(max_length=20)
    expires_on = models.DateField(null=True)
    repealed_on = models.DateField(null=True)
    # The analysed text (analysis.run_text): regenerates the old tokens for FTS5's delete and is
    # what PostgreSQL's exact phrase check reads.
    title_text = models.TextField()
    code_text = models.TextField()
    tag_text = models.TextField()
    body_text = models.TextField()
    fingerprint = models.CharField(max_length=64)

    class Meta:
        db_table = "search_entry"  # named in the backends' raw SQL
        constraints = [models.UniqueConstraint(fields=["source", "object_id"], name="search_entry_one_per_record")]

    def __str__(self) -> str:
        return f"{self.source}:{self.object_id}"
