"""Where an event happened: place names of a document, resolved in the document's country.

Names are looked up in our gazetteer (``gazetteer.py``): countries, demonyms, admin1 units as ACLED
spells them, GeoNames' cities and our own small places. A name may have several readings
("Punjab": India or Pakistan; "Mexico": a country, a state, a town in the Philippines); the
document's country decides, chosen by votes of every name of the document and of the countries of
the actors the engine found.

ACLED's notes give a place with its hierarchy: "in Multan city (Multan, Punjab)", "in Nova Iguacu,
Rio de Janeiro", "in Sirwah (Marib)": the names in the parentheses or after the comma are the
admin2 and the admin1 of the first, which may itself be a village no gazetteer holds.
geo_precision follows ACLED: 1 a town, 2 near a town or a small area, 3 a region.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from coder.frontends.keys import match_key
from coder.incidents.gazetteer import (
    ABBREV,
    ADMIN1,
    CITY,
    COUNTRY,
    DEMONYM,
    OWN,
    Entry,
    Tables,
    fold,
    load_tables,
)
from coder.memo import WORD_MEMO_LIMIT
from coder.model import Sentence

TOWN, NEAR, REGION = 1, 2, 3


class Place(NamedTuple):
    location: str
    country: str
    iso3: str
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    precision: int


class PlaceMention(NamedTuple):
    place: Place
    start: int  # token index
    end: int


class Hit(NamedTuple):
    """A place name in a sentence: raw character span and every reading of the name."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


# Capitalised words that are names of towns somewhere but mostly something else in news.
_NOT_PLACES = frozenset(
    fold(w)
    for w in """
On In At The A An Around About Near Between During After Before Since Police Army Military Forces Security
Government State States National Islamic Republic Democratic People Popular Union Party Congress Council
University Hospital Street Road Square Market Bridge Airport Border Center Centre North South East West
Central Northern Southern Eastern Western Upper Lower New Old Great Saint San Santa Santo Mount Lake River
Valley Province District City Town Village County Region Area Zone Camp Prison Court Supreme Federal
Liberation Front Movement Alliance Coalition Brigade Battalion Division Unit Militia Forces Group Members
Health Workers Teachers Farmers Students Women Men Youth Residents Villagers Civilians Protesters Rioters
Media Press Justice Freedom Unity Peace Victory Independence Progress Reform Reforma Progreso Libertad
Paz Union Esperanza Concordia Providence Hope Mercy Trinidad Columbia Victoria Christ Jesus God Allah May
March August June July Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February April
September October November December Coronavirus Covid Lockdown Ramadan Eid Day Night Home Mine Mines Bar
Of And Or But For With From To By As It He She They We This That These Those His Her Their Its One Two
Three Four Five Six Seven Eight Nine Ten Some Many Several Unknown Unidentified Suspected Alleged Armed
Gunmen Soldiers Troops Officers Police Man Woman Boy Girl Child Children Family Families Source Sources
Reports Reported According Local Chief Commander Minister President Governor Mayor Deputy General Colonel
Major Captain Sheikh Imam Bishop Doctor Doctors Nurses Medical Social Public Private Civil Human Rights
Labour Labor Trade Workers Employees Staff Drivers Traders Vendors Lawyers Journalists Activists Members
Supporters Followers Fighters Militants Rebels Insurgents Jihadists Terrorists Bandits Gang Gangs Cartel
Jalisco Sinaloa Gulf Golfo Nueva Familia Zetas Movement Organization Committee Association Federation
Aid Red Cross Crescent Nations United Mission Observer Observers Monitoring Special Team Operation Operations
Station Base Post Checkpoint Headquarters Office Ministry Department Palace House Parliament Assembly
""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’&.-]*[^\W_.]|[^\W\d_]")
_JOIN = re.compile(r"^[\s-]*$")
# Between a place and the next name of its hierarchy: "X (A, B)", "X city (A, B)", "X, B".
_TYPE_WORDS = (
    r"(?:city|town|village|district|municipality|province|governorate|state|county|region|area"
    r"|LGA|countryside|neighbou?rhood|sub-district|subdistrict|tehsil|commune|department|camp)"
)
_TO_HIERARCHY = re.compile(rf"^\s*(?:{_TYPE_WORDS}\s*)?(?:\(|,)\s*$", re.I)
_IN_HIERARCHY = re.compile(r"^\s*,\s*$")
_NEAR = re.compile(
    r"\b(?:near|outskirts|area|areas|around|vicinity|countryside|between|frontlines?|"
    r"surroundings|close\s+to|west|east|north|south)\s+(?:of\s+)?(?:the\s+)?$",
    re.I,
)
# A letter that an IGNORECASE pattern of ASCII letters can match (the ASCII ones, and the few other
# letters that fold onto them): without one, no English phrase above can be in a text. An Arabic
# sentence has none, and searching for one is a plain scan where _NEAR tried every position.
_LATIN = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")
_REGION_AFTER = re.compile(rf"^\s*(?:{_TYPE_WORDS}|frontlines?)\b", re.I)
_ADMIN_AFTER = re.compile(r"^\s*(?:province|governorate|state|region|oblast|department)\b", re.I)
_CITY_AFTER = re.compile(r"^\s*(?:city|town|village)\b", re.I)
_HEAD_BEFORE = re.compile(
    r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)"
    rf"(?:\s+{_TYPE_WORDS})?\s*$"
)


def english_hits(text: str, tables: Tables) -> list[Hit]:
    """Every place name of an English sentence: longest names first, left to right."""
    words = [m.span() for m in _WORD.finditer(text)]
    hits: list[Hit] = []
    i = 0
    while i < len(words):
        start = words[i][0]
        if not text[start].isupper():
            i += 1
            continue
        found = None
        for n in range(_reach(text, words, i, tables), 0, -1):
            last = i + n - 1
            end = words[last][1]
            raw = text[start:end]
            if raw.endswith(("'s", "’s")):
                raw, end = raw[:-2], end - 2
            key = fold(raw)
            entries = tables.english.get(key)
            if n == 1:
                if key in _NOT_PLACES:
                    entries = None
                if entries is None and raw.isupper() or "&" in raw:
                    entries = tables.english.get("#" + raw) if _in_hierarchy(text, start) else None
            if entries and _inside_longer_name(text, start, end):
                entries = None
            if entries:
                found = Hit(start, end, raw, tuple(entries))
                i = last + 1
                break
        if found is None:
            i += 1
        else:
            hits.append(found)
    return hits


def _reach(text: str, words: list[tuple[int, int]], i: int, tables: Tables) -> int:
    """How many words from ``words[i]`` on a name could span: joined by spaces or hyphens only,
    each shorter run the start of some longer name."""
    limit = min(tables.longest, len(words) - i)
    start, reach = words[i][0], 1
    while reach < limit:
        gap = text[words[i + reach - 1][1] : words[i + reach][0]]
        if gap != " " and not _JOIN.match(gap):  # one space, by far the most common join, matches
            break
        if gap and fold(text[start : words[i + reach - 1][1]]) not in tables.english_prefixes:
            break
        reach += 1
    return reach


_NEXT_WORD = re.compile(r" ([A-Z][\w'’-]*)")  # used with match(text, pos): anchored at pos
_PREV_WORD = re.compile(r"(?:^|[^\w,(;:.]) ?([A-Z][\w'’-]*) $")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """ "San Pedro Claver hospital", "Kirov Plant": a town's name inside a longer proper name."""
    nxt = _NEXT_WORD.match(text, end)
    if nxt:
        word = fold(nxt.group(1))  # two look-ups, not a union of the two sets built every call
        if word not in _NOT_PLACES and word not in _HIERARCHY_WORDS:
            return True
    prev = _PREV_WORD.search(text, max(0, start - 30), start)
    return bool(prev and prev.start(1) > 0 and fold(prev.group(1)) not in _NOT_PLACES)


_HIERARCHY_WORDS = frozenset(
    {
        "city",
        "town",
        "village",
        "district",
        "province",
        "governorate",
        "state",
        "county",
        "region",
        "area",
        "countryside",
        "municipality",
        "lga",
    }
)


def _in_hierarchy(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return "(" in before or "," in before


# GeoNames' Arabic names of small towns that are also common words: «ان» (Ans), «كان» (Caen),
# «ما», «خرج» (Al Kharj), «أدى», «مدينة», «الأمن», days and months. A one-word GeoNames town read
# on one of them, or on a word the parser tags as a function word or a verb, is no place.
_ARABIC_NOT_TOWNS = frozenset(match_key(w, None, "ar") for w in (
    "ان", "أن", "إن", "ما", "كان", "أدى", "ادى", "خرج", "دون", "ليس", "سار", "الآن", "وقف", "بيان",
    "الأمن", "السلطات", "الدولة", "زعيم", "طراز", "يد", "أب", "السيدة", "الحرية", "الشهداء", "جامعة",
    "بنك", "مدينة", "المدينة", "حي", "ميدان", "ألفا", "بي", "الإسلامية", "من", "في", "على", "عن",
    "قد", "لا", "هو", "هي", "بعد", "قبل", "بين", "كل", "يوم", "عام", "السبت", "الأحد", "الاثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "مايو", "يونيو", "يوليو", "مارس", "أبريل", "آر"))
_FUNCTION_TAGS = frozenset({"CCONJ", "SCONJ", "DET", "PRON", "ADP", "AUX", "PART", "VERB"})


def _not_a_town(sentence: Sentence, start: int, end: int, entries: tuple[Entry, ...]) -> bool:
    if end - start != 1 or any(e.kind != CITY for e in entries):
        return False
    token = sentence.tokens[start]
    return token.key in _ARABIC_NOT_TOWNS or token.upos in _FUNCTION_TAGS


def arabic_hits(sentence: Sentence, tables: Tables) -> list[Hit]:
    """Every place name of an Arabic sentence: the longest name at a word, then on after it."""
    names = tables.arabic_keys
    if names is None:
        return _indexed_hits(sentence, tables)
    by_keys, reach, pairs = names
    keys = sentence.keys  # a tuple: its slices are the names' keys as they are
    hits: list[Hit] = []
    count = len(keys)
    after = 0  # the first word not inside a name found so far
    # only the words a name starts with are tried (a quarter of a sentence's words), not every word
    for i in [k for k, key in enumerate(keys) if key in reach]:
        if i < after:
            continue
        key = keys[i]
        top = min(i + reach[key], count)
        if top > i + 1 and (key, keys[i + 1]) in pairs:
            entries = None
            for longest in range(top, i, -1):
                entries = by_keys.get(keys[i:longest])
                if entries is not None:
                    break
        else:  # no name of two words or more starts here (most words): no slice of the keys to make
            longest = i + 1
            entries = by_keys.get((key,))
        if entries is None:
            continue
        after = longest
        if _not_a_town(sentence, i, longest, entries):
            continue
        start, end = _char_span(sentence, i, longest)
        hits.append(Hit(start, end, sentence.text[start:end], entries))
    return hits


def _indexed_hits(sentence: Sentence, tables: Tables) -> list[Hit]:
    """``arabic_hits`` by the phrase index, for tables with names the keys alone cannot match."""
    index = tables.arabic()
    keys = sentence.keys
    hits: list[Hit] = []
    i = 0
    while i < len(keys):
        matches = index.all_at(keys, i)
        if not matches:
            i += 1
            continue
        longest = matches[0].end
        entries = tuple(m.payload for m in matches if m.end == longest)
        if _not_a_town(sentence, i, longest, entries):
            i = longest
            continue
        start, end = _char_span(sentence, i, longest)
        hits.append(Hit(start, end, sentence.text[start:end], entries))
        i = longest
    return hits


def _char_span(sentence: Sentence, first: int, end: int) -> tuple[int, int]:
    a, b = sentence.tokens[first].start, sentence.tokens[end - 1].end
    return (a, b) if a >= 0 and b >= 0 else (0, 0)


def sentence_hits(sentence: Sentence, tables: Tables | None = None) -> list[Hit]:
    tables = tables or load_tables()
    if sentence.language == "ar":
        return arabic_hits(sentence, tables)
    if sentence.language == "en":
        return english_hits(sentence.text, tables)
    return []


# Place names outvote country names, which outvote demonyms and actors' countries: "Saudi forces
# shelled Baqim (Sadah)" is in Yemen.
_KIND_WEIGHT = {COUNTRY: 2.0, DEMONYM: 0.5, ADMIN1: 2.0, ABBREV: 2.0, OWN: 2.5}


def _weight(entry: Entry, tables: Tables) -> float:
    if entry.kind == CITY:
        population = int(tables.city_rows[entry.index][5])
        return 1.5 if population >= 100_000 else 1.0
    return _KIND_WEIGHT[entry.kind]


def document_country(hits: Iterable[Hit], actor_countries: Iterable[str], tables: Tables) -> str | None:
    """The ISO alpha-2 code of the country a document is about: the most votes of its place names
    (a name read in several countries gives its strongest reading a full vote and the others half)
    and of the countries of its actors (half a vote each)."""
    votes: dict[str, float] = {}
    order: dict[str, int] = {}
    for n, hit in enumerate(hits):
        for iso2, value in _name_votes(hit.entries, tables):
            votes[iso2] = votes.get(iso2, 0.0) + value
            order.setdefault(iso2, n)
    for iso3 in actor_countries:
        iso2 = tables.iso2_of(iso3)
        if iso2:
            votes[iso2] = votes.get(iso2, 0.0) + 0.5
            order.setdefault(iso2, len(order) + 1000)
    if not votes:
        return None
    return max(votes, key=lambda c: (votes[c], -order[c]))


@lru_cache(maxsize=WORD_MEMO_LIMIT)  # a name's readings are one tuple of the tables: votes worked out once
def _name_votes(entries: tuple[Entry, ...], tables: Tables) -> tuple[tuple[str, float], ...]:
    """The votes of a name's readings, by country in the order they first appear: a full vote
    (shared by the strongest readings' countries) and half a vote for the others'."""
    best: dict[str, float] = {}
    for entry in entries:
        best[entry.iso2] = max(best.get(entry.iso2, 0.0), _weight(entry, tables))
    top = max(best.values())
    leaders = sum(1 for v in best.values() if v == top)
    return tuple((iso2, value / leaders if value == top else value / 2) for iso2, value in best.items())


class _Reading(NamedTuple):
    hit: Hit
    entry: Entry


def _reading(
    hit: Hit, iso2: str | None, tables: Tables, prefer_admin: bool, named: frozenset[str] = frozenset()
) -> _Reading | None:
    """The reading of a name in the document's country: our own place first, then a city (in an
    admin1 unit the document names, then the most populous) or an admin1 unit, whichever the text
    points to."""
    entries = [e for e in hit.entries if iso2 is None or e.iso2 == iso2]
    places = [e for e in entries if e.kind in (OWN, CITY, ADMIN1, ABBREV)]
    if not places:
        return None
    own = [e for e in places if e.kind == OWN]
    admins = [e for e in places if e.kind in (ADMIN1, ABBREV)]
    cities = sorted(
        (e for e in places if e.kind == CITY),
        key=lambda e: (tables.city_rows[e.index][2] not in named, -int(tables.city_rows[e.index][5])),
    )
    if admins and prefer_admin:
        return _Reading(hit, admins[0])
    if own:
        return _Reading(hit, own[0])
    if admins and not cities:
        return _Reading(hit, admins[0])
    return _Reading(hit, cities[0]) if cities else _Reading(hit, admins[0])


def locate(
    text: str, hits: Sequence[Hit], iso2: str | None, tables: Tables, named: frozenset[str] = frozenset()
) -> list[tuple[int, int, Place]]:
    """The places of one sentence in the document's country, each with its admin1 and precision,
    as (start, end, place) character spans; a place and the hierarchy after it are one span."""
    if not hits:
        return []  # most sentences: no country to look up
    country = tables.country(iso2) if iso2 else None
    out: list[tuple[int, int, Place]] = []
    i = 0
    while i < len(hits):
        head = hits[i]
        after = text[head.end : head.end + 30]
        unnamed = _unnamed_head(text, head.start)
        reading = _reading(
            head,
            iso2,
            tables,
            prefer_admin=unnamed is not None
            or (bool(_ADMIN_AFTER.match(after)) and not _CITY_AFTER.match(after)),
            named=named,
        )
        if reading is None:
            i += 1
            continue
        chain = [reading]
        j = i + 1
        while j < len(hits):
            gap = text[hits[j - 1].end : hits[j].start]
            if not (_TO_HIERARCHY if j == i + 1 else _IN_HIERARCHY).match(gap):
                break
            follower = _reading(hits[j], iso2 or reading.entry.iso2, tables, prefer_admin=True)
            if follower is None:
                break
            chain.append(follower)
            j += 1
        place = _place(text, chain, country, tables)
        if place is not None and unnamed is not None:
            # "in Sirwah (Marib)": a village no gazetteer holds, placed by the hierarchy after it
            place = Place(
                unnamed[2],
                place.country,
                place.iso3,
                place.admin1,
                head.text if len(chain) > 1 else None,
                place.latitude,
                place.longitude,
                NEAR,
            )
            out.append((unnamed[0], hits[j - 1].end, place))
        elif place is not None:
            out.append((head.start, hits[j - 1].end, place))
        i = j
    return out


def _unnamed_head(text: str, start: int) -> tuple[int, int, str] | None:
    """The capitalised words before "(" when a place name opens the parentheses: "Sirwah (Marib)"."""
    before = text[max(0, start - 60) : start]
    if not before.rstrip().endswith("("):
        return None
    m = _HEAD_BEFORE.search(before.rstrip()[:-1].rstrip())
    if m is None or fold(m.group(1)) in _NOT_PLACES:
        return None
    offset = max(0, start - 60)
    return offset + m.start(1), offset + m.end(1), m.group(1)


def _place(text: str, chain: list[_Reading], country, tables: Tables) -> Place | None:
    head = chain[0]
    iso2 = head.entry.iso2
    country = country or tables.country(iso2)
    if country is None:
        return None
    admin1 = admin2 = None
    for reading in reversed(chain[1:]):
        if reading.entry.kind in (ADMIN1, ABBREV):
            admin1 = tables.admin1[reading.entry.index]
            break
    if len(chain) > 2:
        admin2 = chain[1].hit.text
    entry = head.entry
    before = text[max(0, head.hit.start - 40) : head.hit.start]
    after = text[head.hit.end : head.hit.end + 25]
    if entry.kind in (CITY, OWN):
        city = tables.city(entry)
        admin1 = admin1 or tables.admin1_of(city.admin1)
        precision = (
            NEAR
            if (_LATIN.search(before) and _NEAR.search(before))
            or (_REGION_AFTER.match(after) and not _CITY_AFTER.match(after))
            else city.precision
        )
        return Place(
            city.name,
            country.name,
            country.iso3,
            admin1.name if admin1 else None,
            admin2 or city.admin2,
            city.latitude,
            city.longitude,
            precision,
        )
    unit = tables.admin1[entry.index]
    if len(chain) > 1 and admin1 is not None and admin1 is not unit:
        unit = admin1  # "in Sirwah (Marib)": the first name was read as an admin1 by mistake
    return Place(
        unit.name, country.name, country.iso3, unit.name, None, unit.latitude, unit.longitude, REGION
    )


def _token_index(starts: list[int], char: int) -> int:
    """The token at ``char``, by the tokens' ``starts`` (made once per sentence with places)."""
    if not starts or starts[0] < 0:
        return 0
    return max(0, bisect.bisect_right(starts, char) - 1)


@dataclass(frozen=True)
class DocumentPlaces:
    """The places of each sentence of a document, resolved in the document's country."""

    iso2: str | None
    by_sentence: dict[int, tuple[PlaceMention, ...]]
    country: Place | None  # the country alone (precision 3 at its first region), when no place is named

    def find(self, sentence: Sentence) -> tuple[PlaceMention, ...]:
        return self.by_sentence.get(sentence.index, ())


def resolve_places(
    sentences: Sequence[Sentence], actor_countries: Iterable[str], tables: Tables | None = None
) -> DocumentPlaces:
    """Place names of every sentence, read in the document's country."""
    tables = tables or load_tables()
    hits = {s.index: sentence_hits(s, tables) for s in sentences}
    iso2 = document_country((h for hs in hits.values() for h in hs), actor_countries, tables)
    named = frozenset(
        tables.admin1[e.index].code
        for hs in hits.values()
        for h in hs
        for e in h.entries
        if e.kind in (ADMIN1, ABBREV) and e.iso2 == iso2
    )
    by_sentence: dict[int, tuple[PlaceMention, ...]] = {}
    for sentence in sentences:
        located = locate(sentence.text, hits[sentence.index], iso2, tables, named)
        if not located:
            by_sentence[sentence.index] = ()
            continue
        starts = [t.start for t in sentence.tokens]
        by_sentence[sentence.index] = tuple(
            PlaceMention(place, _token_index(starts, a), _token_index(starts, max(a, b - 1)) + 1)
            for a, b, place in located
        )
    country = tables.country(iso2) if iso2 else None
    fallback = (
        Place(country.name, country.name, country.iso3, None, None, None, None, REGION) if country else None
    )
    return DocumentPlaces(iso2, by_sentence, fallback)


def place_of(mentions: Sequence[PlaceMention], anchor: int) -> PlaceMention | None:
    """The place an event happened at: the first place named after the anchor, else the last
    one before it (Arabic and English both name the place after the verb: 'clashed in X')."""
    after = [m for m in mentions if m.start >= anchor]
    if after:
        return after[0]
    return mentions[-1] if mentions else None


def load_gazetteer():
    """The gazetteer tables (kept for callers that only need the Arabic vocabulary)."""
    return load_tables()
