"""Every word a reader sees, from gettext message catalogs (``ucjlib/locale/<lang>/LC_MESSAGES``).

Message ids are English; ``id`` and ``en`` each have a catalog, so a missing translation is
visible in either (``tests/test_i18n.py``). The ``.po`` files are the only source: they are
compiled in memory with Babel when first used, so no binary catalog is kept in the tree.
Update them with ``python scripts/update_catalogs.py`` after adding or changing a message.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from ucjlib.paths import PACKAGE_DIR

LANGUAGES = ("id", "en")
DOMAIN = "ucjlib"
LOCALE_DIR = PACKAGE_DIR / "locale"
# Where messages are extracted from: (glob under ucjlib/, Babel extraction method).
SOURCES = (("**.py", "python"), ("templates/**.html", "jinja2"))
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}


def N_(message: str) -> str:
    """Mark a message for the catalogs where it is defined; translate it where it is shown."""
    return message


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(language: str) -> Translations:
    """The compiled catalog of ``language`` (read once per process)."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    with catalog_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext_for(language: str):
    """The ``_`` function of ``language``: ``_("Yardstick")`` is ``"Tolok ukur"`` in ``id``.

    Examples
    --------
    >>> gettext_for("id")("Yardstick"), gettext_for("en")("Yardstick")
    ('Tolok ukur', 'Yardstick')
    """
    return translations(language).gettext


def extract_messages():
    """Every message the code, the templates and the indicator vocabulary show, as a Babel
    catalog template (what ``pybabel extract`` would write, plus the indicator titles)."""
    import csv

    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(domain=DOMAIN, project="ucjlib", msgid_bugs_address="", copyright_holder="", fuzzy=False)
    for pattern, method in SOURCES:
        options = {pattern: {"extensions": "jinja2.ext.i18n", "trimmed": "true"}} if method == "jinja2" else {}
        for filename, lineno, message, comments, context in extract_from_dir(
            PACKAGE_DIR, [(pattern, method)], options_map=options, keywords=KEYWORDS
        ):
            template.add(message, locations=[(f"ucjlib/{filename}", lineno)], auto_comments=comments, context=context)
    with (PACKAGE_DIR / "indicators.csv").open(encoding="utf-8") as vocabulary:
        for row in csv.DictReader(vocabulary):
            template.add(
                row["title"], locations=[("ucjlib/indicators.csv", 0)], auto_comments=[f"indicator {row['indicator']}"]
            )
    return template
