"""Where an event happened: place names of the sentence looked up in our gazetteer."""

from __future__ import annotations

import csv
import importlib.resources
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coder.codebook.compile import PhraseIndex, compile_phrase
from coder.model import Sentence


@dataclass(frozen=True, slots=True)
class Place:
    location: str
    country: str
    iso3: str
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    precision: int


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place: Place
    start: int  # token index
    end: int


@dataclass(frozen=True)
class Gazetteer:
    places: tuple[Place, ...]
    indexes: dict[str, PhraseIndex[int]]

    def vocabulary(self, language: str) -> frozenset[str]:
        """Keys of the place names, so clitic segmentation can split «بمصراتة» into ب + مصراتة."""
        index = self.indexes.get(language)
        return index.keys() if index is not None else frozenset()

    def find(self, sentence: Sentence) -> list[PlaceMention]:
        index = self.indexes.get(sentence.language)
        if index is None:
            return []
        keys = [t.key for t in sentence.tokens]
        return [PlaceMention(self.places[m.payload], m.start, m.end) for m in index.scan(keys)]


def default_places_path() -> Path:
    packaged = Path(str(importlib.resources.files("coder.codebooks"))) / "places" / "places.tsv"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "codebooks" / "places" / "places.tsv"


def read_places(path: Path) -> Gazetteer:
    places: list[Place] = []
    names: dict[str, list] = {}
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            place = Place(row["location"], row["country"], row["iso3"], row["admin1"] or None,
                          row["admin2"] or None, float(row["latitude"]), float(row["longitude"]),
                          int(row["precision"]))
            places.append(place)
            for language in ("en", "ar"):
                for name in filter(None, (row.get(language) or "").split("|")):
                    names.setdefault(language, []).append((compile_phrase(name, language), len(places) - 1))
    return Gazetteer(tuple(places), {lang: PhraseIndex(entries) for lang, entries in names.items()})


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    return read_places(path or default_places_path())


def place_of(mentions: Sequence[PlaceMention], anchor: int) -> PlaceMention | None:
    """The place an event happened at: the first place named after the anchor, else the last
    one before it (Arabic and English both name the place after the verb: 'clashed in X')."""
    after = [m for m in mentions if m.start >= anchor]
    if after:
        return after[0]
    return mentions[-1] if mentions else None
