"""The Chinese catalogue is complete and compiled: every English text the code marks has a
Chinese translation with the same placeholders, and the committed .mo says what the .po says.
(After changing an English text: scripts/texts.sh, translate, scripts/texts.sh again.)"""

from __future__ import annotations

import gettext

import pytest

from tests.text.catalogue import MO, Entry, marked_texts, placeholders, read_po

#: Translations that use a value the English leaves out (the Chinese says the total where
#: the English says how many more).
EXTRA_PLACEHOLDERS = {"{names} and {more} more": {"total"}}


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return read_po()


def test_every_marked_text_is_in_the_catalogue(entries: list[Entry]) -> None:
    in_po = {(e.context, e.msgid) for e in entries} | {(e.context, e.plural) for e in entries}
    missing = {key: where for key, where in marked_texts().items() if key not in in_po}
    assert not missing, f"run scripts/texts.sh and translate: {missing}"


def test_every_entry_has_a_chinese_translation(entries: list[Entry]) -> None:
    untranslated = [e.msgid for e in entries
                    if e.fuzzy or not e.translations or not all(e.translations)]
    assert not untranslated


def test_translations_keep_the_placeholders(entries: list[Entry]) -> None:
    """A translation naming a value the code does not pass would raise KeyError when shown."""
    wrong = {}
    for entry in entries:
        given = placeholders(entry.msgid) | placeholders(entry.plural or "")
        given |= {"n"} if entry.plural else set()
        given |= EXTRA_PLACEHOLDERS.get(entry.msgid, set())
        for translation in entry.translations:
            if not placeholders(translation) <= given:
                wrong[entry.msgid] = translation
    assert not wrong


def test_compiled_catalogue_matches_the_po(entries: list[Entry]) -> None:
    """The .mo the app reads is the .po compiled (not an older one): same messages, same
    translations."""
    with MO.open("rb") as source:
        compiled = gettext.GNUTranslations(source)
    expected = {}
    for e in entries:
        key = e.msgid if e.context is None else f"{e.context}\x04{e.msgid}"
        if e.plural is None:
            expected[key] = e.translations[0]
        else:
            for index, translation in enumerate(e.translations):
                expected[(key, index)] = translation
    actual = {k: v for k, v in compiled._catalog.items() if k != ""}
    assert actual == expected, "run scripts/texts.sh to recompile the .mo"
