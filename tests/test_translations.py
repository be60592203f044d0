"""The Chinese catalogue is complete: every message in the code is translated, none is fuzzy.

The UI is written with English msgids and shown in Simplified Chinese. An untranslated string would
show English to a Chinese civil servant, so the test extracts the messages afresh with
``makemessages`` and compares them with the committed catalogue.
"""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

REPO = Path(__file__).resolve().parents[1]
CATALOGUE = REPO / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")

needs_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext is not installed: apt-get install gettext"
)


def _entries(po: polib.POFile | polib.MOFile) -> dict[tuple[str | None, str], polib._BaseEntry]:
    return {(entry.msgctxt, entry.msgid): entry for entry in po if not entry.obsolete}


def test_the_catalogue_has_no_untranslated_or_fuzzy_entry() -> None:
    catalogue = polib.pofile(str(CATALOGUE))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert untranslated == []
    assert fuzzy == []


def test_the_compiled_catalogue_matches_the_source() -> None:
    source = {key: entry.msgstr for key, entry in _entries(polib.pofile(str(CATALOGUE))).items() if entry.msgid}
    compiled = {key: entry.msgstr for key, entry in _entries(polib.mofile(str(COMPILED))).items() if entry.msgid}

    assert compiled == source


@needs_gettext
def test_every_message_in_the_code_is_in_the_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # makemessages writes beside any locale/ directory under the working directory, so it runs on
    # a copy of the sources to leave the committed catalogue untouched.
    sources = tmp_path / "sources"
    for package in ("gongkai", "config"):
        shutil.copytree(REPO / package, sources / package, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    output = tmp_path / "locale"
    output.mkdir()
    monkeypatch.chdir(sources)
    with override_settings(LOCALE_PATHS=[output]):
        call_command("makemessages", locale=["zh_Hans"], no_location=True, verbosity=0)
    extracted = _entries(polib.pofile(str(output / "zh_Hans" / "LC_MESSAGES" / "django.po")))
    committed = _entries(polib.pofile(str(CATALOGUE)))

    missing = sorted(msgid for (_, msgid) in extracted.keys() - committed.keys() if msgid)

    assert missing == []
