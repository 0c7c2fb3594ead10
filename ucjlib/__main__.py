"""``python -m ucjlib``: the command line (:mod:`ucjlib.cli`)."""

import sys

# jsonschema, which nbformat imports, imports rfc3987_syntax when it is installed (jupyterlab asks
# for it) to check "iri" formats, which no notebook tool here checks, and builds its grammars as it
# does: most of a run with nothing to render. Marked absent, it is left out (python-jsonschema/jsonschema#1428).
sys.modules.setdefault("rfc3987_syntax", None)

from ucjlib.cli import main  # noqa: E402  (after the line above, which must come first)

sys.exit(main())
