"""Region harmonisation: a name or alias as written → a Kemendagri code.

A name is read without case, a level prefix ("Kab.", "Pemko", "Provinsi" …), opening
abbreviations ("Kep.", "DKI", "DIY"), spaces and hyphens ("Labuhan Batu" = Labuhanbatu),
then looked up among the official names and ``data/raw/region_aliases.csv``. An unknown
or ambiguous name fails loudly, listing the candidates and the file to edit. Never join
on BPS codes: they differ from Kemendagri's for 195 of 514 kabupaten/kota.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ucjlib.errors import RegionError
from ucjlib.files import file_stamp, read_table
from ucjlib.paths import raw_file, shown_path

LEVELS = ("national", "province", "regency", "city")

# Prefixes that name a level ("Kab. Labuhanbatu", "Pemko Binjai", "Provinsi Lampung"); the
# master list's "Kota Administrasi Jakarta Pusat" and "Kabupaten Administrasi Kepulauan
# Seribu" have one too.
_PREFIXES = [
    (r"pemerintah kabupaten|kabupaten administrasi|kabupaten|kab\.|kab|pemkab", "regency"),
    (r"pemerintah kota|kota administrasi|kota|pemkot|pemko", "city"),
    (r"pemerintah provinsi|provinsi|propinsi|prov\.|prov|pemprov", "province"),
]
_PREFIX_RE = [(re.compile(rf"^(?:{pattern})(?:\s+|(?<=\.))"), level) for pattern, level in _PREFIXES]

# Abbreviations that open a name, written out as the master list spells them.
_EXPANSIONS = [
    (re.compile(r"^kep(?:\.\s*|\s+)"), "kepulauan "),  # "Kep. Riau", "Kab. Kep. Meranti"
    (re.compile(r"^d\.?k\.?i\.?(?:\s+|$)"), "daerah khusus ibukota "),  # "DKI Jakarta"
    (re.compile(r"^d\.?i\.?y\.?$"), "daerah istimewa yogyakarta"),  # "DIY"
    (re.compile(r"^d\.?i\.?\s+"), "daerah istimewa "),  # "DI Yogyakarta", "D.I. Yogyakarta"
]
_STRAY = " \"'()[],;:"


def _bare(name: str) -> tuple[str, str | None]:
    """Lower-case name without its level prefix, abbreviations written out, and the
    level the prefix names.

    >>> _bare("Kab. Kep. Meranti"), _bare("Pemprov DKI Jakarta")
    (('kepulauan meranti', 'regency'), ('daerah khusus ibukota jakarta', 'province'))
    >>> _bare("DIY")
    ('daerah istimewa yogyakarta', None)
    """
    text = " ".join(str(name).split()).lower().strip(_STRAY)
    level = None
    for pattern, prefix_level in _PREFIX_RE:
        if match := pattern.match(text):
            text, level = text[match.end() :], prefix_level
            break
    for pattern, replacement in _EXPANSIONS:
        text = pattern.sub(replacement, text, count=1)
    return text.strip(), level


def _key(bare: str) -> str:
    """A bare name without spaces, hyphens and punctuation, so that "Labuhan Batu",
    "Labuhan-Batu" and "Labuhanbatu" (or "Bau Bau" and "Baubau") meet.

    >>> _key("labuhan batu") == _key("labuhanbatu") == _key("labuhan-batu")
    True
    """
    return re.sub(r"[\s\-.'’,()/]", "", bare)


def province_of(code: str) -> str:
    """The code of the province a Kemendagri code belongs to (a province's is its own).

    >>> province_of("12.10"), province_of("12")
    ('12', '12')
    """
    return code.split(".")[0]


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str
    province_code: str
    province_name: str


class RegionTable:
    """The master list plus aliases, with :meth:`resolve`.

    Examples
    --------
    >>> regions = RegionTable.load()
    >>> regions.resolve("Muba").code
    '16.06'
    >>> regions.resolve("Binjai").name
    'Kota Binjai'
    >>> regions.resolve("Jambi")
    Traceback (most recent call last):
    ...
    ucjlib.errors.RegionError: region 'Jambi' is ambiguous: it matches Jambi (15, province), Kota Jambi (15.71, ...
    """

    def __init__(self, regions: pd.DataFrame, aliases: pd.DataFrame, alias_file: str = "data/raw/region_aliases.csv"):
        self.alias_file = alias_file
        self.by_code = {
            row.code: Region(row.code, row.name, row.level, row.province_code, row.province_name)
            for row in regions.itertuples(index=False)
        }
        self._by_key: dict[str, list[Region]] = {}
        for region in self.by_code.values():
            self._by_key.setdefault(_key(_bare(region.name)[0]), []).append(region)
        self._aliases: dict[str, list[str]] = {}
        # index + 2: the line in the file (its header is line 1)
        for line, row in zip(aliases.index + 2, aliases.itertuples(index=False), strict=True):
            try:
                target = self._resolve_name(row.name, None, None, allow_alias=False)
            except RegionError as err:
                raise RegionError(str(err), int(line), "name", row.name) from None
            key = _key(_bare(row.alias)[0])
            # An alias spelled like an official name of another region would make that name mean two,
            # except a province named by its namesake city ("Yogyakarta" for DIY beside Kota Yogyakarta):
            # the bare name stays ambiguous, and a level or prefix settles it.
            shadowed = [
                r
                for r in self._by_key.get(key, [])
                if r != target and not (target.level == "province" and r.province_code == target.code)
            ]
            if shadowed and target not in self._by_key.get(key, []):
                named = ", ".join(f"{r.name} ({r.code})" for r in shadowed)
                raise RegionError(
                    f"is the official name of {named}: as an alias it cannot also name "
                    f"{target.name} ({target.code}); remove it from {self.alias_file}",
                    int(line),
                    "alias",
                    row.alias,
                )
            codes = self._aliases.setdefault(key, [])
            if target.code not in codes:
                codes.append(target.code)

    @classmethod
    def load(cls, regions_path: Path | None = None, aliases_path: Path | None = None) -> RegionTable:
        regions_path = regions_path or raw_file("regions")
        aliases_path = aliases_path or raw_file("aliases")
        return cls(read_table(regions_path), read_table(aliases_path), alias_file=shown_path(aliases_path))

    @classmethod
    def current(cls) -> RegionTable:
        """The table of ``data/raw/``, read once per process for as long as its files are unchanged
        (a warm kernel resolves many regions from one read)."""
        return _table_of(file_stamp(raw_file("regions")), file_stamp(raw_file("aliases")))

    def resolve(self, name: str, level: str | None = None, province: str | None = None) -> Region:
        """The region a name (or alias, or code) refers to, narrowed by level and province."""
        if level and level not in LEVELS:
            raise RegionError(f"level {level!r} is not one of {', '.join(LEVELS)}")
        return self._resolve_name(name, level or None, province or None, allow_alias=True)

    def _resolve_name(self, name: str, level: str | None, province: str | None, allow_alias: bool) -> Region:
        text = " ".join(str(name).split())
        if text in self.by_code:
            return self._check(self.by_code[text], text, level)
        bare, prefix_level = _bare(text)
        if prefix_level and level and prefix_level != level:
            raise RegionError(f"region {name!r} says '{prefix_level}' by its prefix but its level is {level!r}")
        candidates = self._lookup(_key(bare), allow_alias)
        if candidates or not prefix_level:
            level = level or prefix_level
        else:  # "Kota Baru" is Kabupaten Kotabaru, not a city named Baru: the word belongs to the name
            candidates = self._lookup(_key(text.lower()), allow_alias)
        if level:
            candidates = [c for c in candidates if c.level == level]
        if province:
            wanted = self._resolve_name(province, "province", None, allow_alias).code
            candidates = [c for c in candidates if c.province_code == wanted]
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            close = difflib.get_close_matches(_key(bare), list(self._by_key) + list(self._aliases), n=5, cutoff=0.75)
            shown = sorted({self._describe(r) for key in close for r in self._lookup(key, True)})
            hint = f" Close matches: {'; '.join(shown)}." if shown else ""
            narrowing = "".join(f" with {k} {v!r}" for k, v in (("level", level), ("province", province)) if v)
            raise RegionError(
                f"region {name!r}{narrowing} is unknown.{hint} Fix the spelling, or add an alias to {self.alias_file}."
            )
        listed = ", ".join(self._describe(c) for c in sorted(candidates, key=lambda r: r.code))
        raise RegionError(
            f"region {name!r} is ambiguous: it matches {listed}. Give its level (or a prefix such as 'Kota' or "
            f"'Provinsi'), or add an alias to {self.alias_file}."
        )

    def _lookup(self, key: str, allow_alias: bool) -> list[Region]:
        """Regions whose name (or, when allowed, alias) has this key, each once."""
        found = list(self._by_key.get(key, []))
        if allow_alias:
            found += [self.by_code[c] for c in self._aliases.get(key, []) if self.by_code[c] not in found]
        return found

    @staticmethod
    def _describe(region: Region) -> str:
        parent = f", {region.province_name}" if region.level in ("regency", "city") else ""
        return f"{region.name} ({region.code}, {region.level}{parent})"

    @staticmethod
    def _check(region: Region, name: str, level: str | None) -> Region:
        if level and region.level != level:
            raise RegionError(f"region code {name!r} is a {region.level}, not a {level}")
        return region


@functools.lru_cache(maxsize=1)
def _table_of(regions_stamp: tuple, aliases_stamp: tuple) -> RegionTable:
    return RegionTable.load(Path(regions_stamp[0]), Path(aliases_stamp[0]))
