"""Narrow entries: the analysed text moves to search_text, the id becomes SQLite's rowid, and the
full-text rows gain the filter tokens. The full text is rebuilt from the stored run text, so no
record is reread and search keeps working without a separate rebuild.
"""

import django.db.models.deletion
from django.db import migrations, models

import gongkai.search.models

_MOVED = ("title_text", "code_text", "tag_text", "body_text", "fingerprint")


def drop_full_text(apps, schema_editor):
    from gongkai.search.backends import backend_for

    with schema_editor.connection.cursor() as cursor:
        backend_for(schema_editor.connection).drop(cursor)


def copy_text(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_text (id, title_text, code_text, tag_text, body_text, filter_text, fingerprint) "
            "SELECT id, title_text, code_text, tag_text, body_text, '', fingerprint FROM search_entry"
        )


def fill_full_text(apps, schema_editor):
    from gongkai.search.backends import IndexRow, backend_for
    from gongkai.search.documents import AnalysedText, filter_tokens
    from gongkai.search.sources import code_of

    backend = backend_for(schema_editor.connection)
    with schema_editor.connection.cursor() as cursor:
        backend.create(cursor)
        cursor.execute(
            "SELECT e.id, e.source, e.organ_id, e.published_year, e.kind, e.topic_id, e.topic_parent_id, "
            "t.title_text, t.code_text, t.tag_text, t.body_text FROM search_entry e JOIN search_text t ON t.id = e.id"
        )
        rows = []
        for entry_id, source, organ_id, year, kind, topic_id, parent_id, *columns in cursor.fetchall():
            text = AnalysedText(*columns)
            filters = filter_tokens(
                source_code=code_of(source), organ_id=organ_id, year=year, kind=kind, topic_ids=(topic_id, parent_id)
            )
            rows.append(IndexRow(entry_id, text, filters, backend.tokens(text)))
        cursor.executemany("UPDATE search_text SET filter_text = %s WHERE id = %s", [(r.filters, r.entry_id) for r in rows])
        backend.add(cursor, rows)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(drop_full_text, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="searchentry",
            name="id",
            field=gongkai.search.models.SortKeyField(primary_key=True, serialize=False),
        ),
        migrations.CreateModel(
            name="SearchText",
            fields=[
                (
                    "entry",
                    models.OneToOneField(
                        db_column="id",
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="text",
                        serialize=False,
                        to="search.searchentry",
                    ),
                ),
                ("title_text", models.TextField()),
                ("code_text", models.TextField()),
                ("tag_text", models.TextField()),
                ("body_text", models.TextField()),
                ("filter_text", models.CharField(max_length=200)),
                ("fingerprint", models.CharField(max_length=64)),
            ],
            options={
                "db_table": "search_text",
            },
        ),
        migrations.RunPython(copy_text, migrations.RunPython.noop),
        *(migrations.RemoveField(model_name="searchentry", name=name) for name in _MOVED),
        migrations.RunPython(fill_full_text, migrations.RunPython.noop),
    ]
