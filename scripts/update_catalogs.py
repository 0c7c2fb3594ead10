"""Bring the message catalogs up to date with the code, templates and indicator titles.

    .venv/bin/python scripts/update_catalogs.py

Adds new messages (empty, to be translated), keeps existing translations, and marks
messages no longer used as obsolete. Then translate the empty entries in
``ucjlib/locale/{id,en}/LC_MESSAGES/ucjlib.po``; ``tests/test_i18n.py`` fails while any is empty.
"""

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from ucjlib.i18n import DOMAIN, LANGUAGES, catalog_path, extract_messages


def main() -> None:
    template = extract_messages()
    for language in LANGUAGES:
        path = catalog_path(language)
        if path.exists():
            with path.open("rb") as po:
                catalog = read_po(po, locale=language, domain=DOMAIN)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=language, domain=DOMAIN, project="ucjlib")
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as po:
            write_po(
                po,
                catalog,
                width=100,
                omit_header=False,
                ignore_obsolete=True,
                include_previous=False,
                sort_output=True,
            )
        untranslated = sum(1 for message in catalog if message.id and not message.string)
        print(f"{path}: {len(catalog)} messages, {untranslated} to translate")


if __name__ == "__main__":
    main()
