"""Organ mentions: each full-text row gains a token per organ its text names in full (search.mentions).

The tokens are found in the stored run text, so no record is reread and search keeps finding
records by an organ's short name without a separate rebuild.
"""

from django.db import migrations, models


def _sync(apps, schema_editor, vocabulary):
    from gongkai.search import indexing
    from gongkai.search.backends import backend_for

    names = tuple(apps.get_model("organs", "Organ").objects.order_by("id").values_list("id", "name"))
    with schema_editor.connection.cursor() as cursor:
        backend = backend_for(schema_editor.connection)
        indexing.sync_mentions(cursor, backend, [organ_id for organ_id, _ in names], vocabulary(names))


def find_mentions(apps, schema_editor):
    _sync(apps, schema_editor, lambda names: names)


def drop_mentions(apps, schema_editor):
    # Before the column goes: a full-text row must hold only tokens its stored text regenerates.
    _sync(apps, schema_editor, lambda names: ())


class Migration(migrations.Migration):

    dependencies = [
        ("organs", "0003_serials"),
        ("search", "0002_narrow_entries"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchtext",
            name="mention_text",
            field=models.TextField(default=""),
        ),
        migrations.RunPython(find_mentions, drop_mentions),
    ]
