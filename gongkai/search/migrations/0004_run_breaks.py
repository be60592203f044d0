"""Run breaks: a token between two CJK runs whose break repeats a character (analysis.RUN_BREAK).

Without it a phrase matched across the break on SQLite (公开发 in 公开。开发), which the exact check
on PostgreSQL never did. The stored run text is unchanged, so the rows that gain a break are
rewritten from it here: no record is reread and the fingerprints stay valid. About four documents
in ten have such a break; the migration reads every row's stored text once.
"""

import re

from django.db import migrations

BATCH = 500


def _rewrite(schema_editor, *, with_breaks):
    from gongkai.search import analysis, mentions
    from gongkai.search.backends import IndexRow, backend_for
    from gongkai.search.documents import AnalysedText

    connection = schema_editor.connection
    backend = backend_for(connection)
    # In run text a break sits between two runs as one space: a CJK character repeated across a
    # space is exactly where a break token goes. The regex skips the other rows without tokenizing.
    repeated_across_a_break = re.compile(f"({analysis.CJK_CLASS}) \\1")

    def without_breaks(tokens):
        if connection.vendor == "sqlite":  # one token string per column; a break always follows a space
            return tuple(column.replace(f" {analysis.RUN_BREAK}", "") for column in tokens)
        return [token for token in tokens if token != analysis.RUN_BREAK]

    last = -1
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT id, title_text, code_text, tag_text, body_text, filter_text, mention_text "
                "FROM search_text WHERE id > %s ORDER BY id LIMIT %s",
                [last, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            last = rows[-1][0]
            before, after = [], []
            for entry_id, title, codes, tags, body, filters, stored in rows:
                if not any(repeated_across_a_break.search(column) for column in (title, codes, tags, body)):
                    continue
                text = AnalysedText(title, codes, tags, body, mentions.from_text(stored))
                tokens = backend.tokens(text)
                stripped = without_breaks(tokens)
                if stripped == tokens:
                    continue
                old, new = (stripped, tokens) if with_breaks else (tokens, stripped)
                before.append(IndexRow(entry_id, text, filters, old))
                after.append(IndexRow(entry_id, text, filters, new))
            if after:
                backend.remove(cursor, before)
                backend.add(cursor, after)


def add_breaks(apps, schema_editor):
    _rewrite(schema_editor, with_breaks=True)


def remove_breaks(apps, schema_editor):
    _rewrite(schema_editor, with_breaks=False)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_organ_mentions"),
    ]

    operations = [
        migrations.RunPython(add_breaks, remove_breaks),
    ]
