"""Every word a reader sees comes from the catalogs, and both catalogs translate all of it."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from ucjlib.i18n import DOMAIN, LANGUAGES, catalog_path, extract_messages, gettext_for

PLACEHOLDER = re.compile(r"%\((\w+)\)[sdf]|%%")


def catalog(language: str):
    with catalog_path(language).open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


@pytest.fixture(scope="module")
def extracted():
    return {message.id for message in extract_messages() if message.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_the_code_shows_is_translated(extracted, language):
    messages = {message.id: message for message in catalog(language) if message.id}
    missing = sorted(extracted - set(messages))
    assert not missing, f"not in the {language} catalog (run scripts/update_catalogs.py): {missing}"
    untranslated = sorted(m for m in extracted if not messages[m].string or messages[m].fuzzy)
    assert not untranslated, f"empty or fuzzy in the {language} catalog: {untranslated}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    for message in catalog(language):
        if message.id and message.string:
            assert sorted(PLACEHOLDER.findall(message.id)) == sorted(PLACEHOLDER.findall(message.string)), message.id


def test_catalogs_hold_no_message_the_code_no_longer_shows(extracted):
    for language in LANGUAGES:
        stale = sorted(m.id for m in catalog(language) if m.id and m.id not in extracted)
        assert not stale, f"{language} catalog has messages no longer used: {stale}"


def test_the_two_languages_differ_where_they_should():
    assert gettext_for("id")("Yardstick") == "Tolok ukur" and gettext_for("en")("Yardstick") == "Yardstick"
    # The language link names the other language in the page's own language: an Indonesian page is wholly
    # Indonesian.
    assert gettext_for("id")("Version in the other language") == "Versi bahasa Inggris"
    assert gettext_for("en")("Version in the other language") == "Indonesian version"


def test_a_broken_placeholder_would_be_caught():
    assert PLACEHOLDER.findall("%(coverage)s dari %(workers)s") != PLACEHOLDER.findall("%(coverage)s dari %(worker)s")
