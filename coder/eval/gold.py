"""Gold files -> frozen gold cases, whatever their format (see coder/eval/FORMAT.md).

Formats, detected from the file itself:

- ``petrarch``: UniversalPetrarch validation JSONL (``parse``, ``events: [{source, target, code}]``);
- ``gsr``: the Arabic protest/assault JSONL (``events: [{source: "CTY AGT", target, plover}]``);
- ``plover``: PLOVER example JSONL (``event``/``plover_2021``, ``source: [{actorText, code}]``);
- ``acled``: an ACLED CSV export (``notes`` coded with ``event_date`` as the document date);
- ``seed``: a ``*.gold.json`` object with ``doc``, ``required``, ``optional``, ``forbidden``;
- ``coder``: our own JSONL, whose first line is ``{"format": "coder-gold/1", ...}``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coder.errors import InputError
from coder.io.readers import parse_date

FORMATS = ("petrarch", "gsr", "plover", "acled", "seed", "coder")
OWN_FORMAT = "coder-gold/1"

# Old CAMEO country codes the PLOVER examples use, and CAMEO codes that differ from ISO 3166 alpha-3.
OLD_COUNTRY_CODES: Mapping[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU",
                                        "ZAR": "COD", "TMP": "TLS"}
# Source codes of the PLOVER examples that are no country (organisations, movements).
NON_COUNTRY_CODES = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "INT"})
# Fields an event of our own format may check on the produced row, beside source, target, code.
EVENT_ATTRIBUTES = ("event_date", "time_precision", "fatalities", "event_type", "sub_event_type",
                    "plover", "source_country", "target_country", "country", "admin1", "is_primary")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}


@dataclass(frozen=True, slots=True, order=True)
class Triple:
    """Who did what to whom: CAMEO actor codes (None when absent) and a zero-padded CAMEO code."""

    source: str | None
    target: str | None
    code: str

    def root(self) -> Triple:
        return Triple(self.source, self.target, self.code[:2])

    def __str__(self) -> str:
        return f"{self.source or '-'} {self.code} {self.target or '-'}"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An expected event: its triple, and optional fields checked on the produced row of that triple."""

    triple: Triple
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class TripleGold:
    """The events a sentence must give (petrarch and coder formats); none when ``events`` is empty."""

    events: tuple[GoldEvent, ...]
    ordered: bool = False

    @property
    def triples(self) -> tuple[Triple, ...]:
        return tuple(e.triple for e in self.events)


@dataclass(frozen=True, slots=True)
class ActorSpec:
    """A gold actor as 'CTY AGT': a country and a role code, None for the part the gold leaves open."""

    country: str | None
    role: str | None

    def __str__(self) -> str:
        return f"{self.country or 'None'} {self.role or 'None'}"


@dataclass(frozen=True, slots=True)
class ClassGold:
    """The PLOVER type of a sentence and its actors (gsr and plover formats); None: not checked."""

    plover: str
    source: ActorSpec | None = None
    target: ActorSpec | None = None


@dataclass(frozen=True, slots=True)
class AcledGold:
    """The fields of one ACLED record that the primary event of its coded notes must match."""

    event_type: str
    sub_event_type: str
    fatalities: int | None
    inter1: int | None
    inter2: int | None
    admin1: str
    country: str
    event_date: dt.date | None


@dataclass(frozen=True, slots=True)
class SeedItem:
    """One expectation of a seed gold file; every constraint left None or empty is not checked."""

    kind: str  # required | optional | forbidden
    id: str
    sentence_contains: str | None = None
    source_country: str | None = None
    cameo_root_in: tuple[str, ...] = ()
    cameo_code_in: tuple[str, ...] = ()
    event_date: dt.date | None = None
    time_precision: int | None = None
    event_type: str | None = None
    sub_event_type_in: tuple[str, ...] = ()
    fatalities: int | None = None
    location_contains_any: tuple[str, ...] = ()
    country: str | None = None
    rule: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class SeedGold:
    items: tuple[SeedItem, ...]


Expected = TripleGold | ClassGold | AcledGold | SeedGold


@dataclass(frozen=True, slots=True)
class GoldCase:
    """One document to code and what must come out of it. ``position`` is the 1-based line or row."""

    id: str
    position: int
    text: str
    date: dt.date | None
    language: str | None
    expected: Expected
    category: str | None = None
    parse: str | None = None
    require_dyad: bool | None = None
    evaluate: bool = True
    note: str | None = None

    @property
    def key(self) -> str:
        """Identifies the case across runs even where ids repeat."""
        return f"{self.position}:{self.id}"


@dataclass(frozen=True, slots=True)
class GoldSuite:
    path: Path
    format: str
    name: str
    cases: tuple[GoldCase, ...]


def read_gold(path: Path, fmt: str | None = None) -> GoldSuite:
    """Read a gold file of any known format (detected when ``fmt`` is None). InputError when unusable."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"gold file {path} does not exist")
    fmt = fmt or detect_format(path)
    readers = {"petrarch": _read_petrarch, "gsr": _read_gsr, "plover": _read_plover,
               "acled": _read_acled, "seed": _read_seed, "coder": _read_coder}
    if fmt not in readers:
        raise InputError(f"unknown gold format {fmt!r} (choose {', '.join(FORMATS)})")
    name, cases = readers[fmt](path)
    return GoldSuite(path, fmt, name, tuple(cases))


def detect_format(path: Path) -> str:
    """The format of a gold file, from its suffix and its first records."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
        if {"notes", "event_type", "event_date"} <= set(header):
            return "acled"
        raise InputError(f"{path}: a CSV gold file must be an ACLED export (notes, event_type, event_date)")
    records = list(_first_records(path, 50))
    if not records:
        raise InputError(f"{path}: the gold file is empty")
    first = records[0]
    if str(first.get("format", "")).startswith("coder-gold"):
        return "coder"
    if "doc" in first and "required" in first:
        return "seed"
    if "plover_2021" in first or "textInfo" in first:
        return "plover"
    if "events" in first and "text" in first:
        events = [e for r in records for e in (r.get("events") or []) if isinstance(e, dict)]
        with_plover = any("plover" in e for e in events)
        return "gsr" if with_plover else "petrarch"
    raise InputError(f"{path}: cannot tell the gold format (known: {', '.join(FORMATS)}); "
                     f"see coder/eval/FORMAT.md")


def _first_records(path: Path, limit: int) -> Iterator[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("{") and path.suffix.lower() == ".json":
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            whole = None
        if isinstance(whole, dict):
            yield whole
            return
    count = 0
    for _number, record in _jsonl(path):
        yield record
        count += 1
        if count >= limit:
            return


def _jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path.name}:{number}: malformed JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise InputError(f"{path.name}:{number}: a gold line must be a JSON object")
            yield number, record


def parse_flag(value: object) -> bool | None:
    """PETRARCH's config values: 'TRUE', 'True', 'false', booleans; None when absent or unreadable."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def parse_actor_spec(text: object) -> ActorSpec | None:
    """'ISR MIL', 'None CVL', 'LBN None' -> ActorSpec; None when both parts are None."""
    parts = str(text or "").split()
    parts = (parts + ["None", "None"])[:2]
    country, role = (None if p in ("None", "", "---") else p for p in parts)
    if country is None and role is None:
        return None
    return ActorSpec(country, role)


def country_code(code: str | None) -> str | None:
    """The ISO-style country of a PLOVER example code; None for organisations and empty codes."""
    if not code:
        return None
    code = code.strip().upper()[:3]
    if code in NON_COUNTRY_CODES:
        return None
    return OLD_COUNTRY_CODES.get(code, code)


def _date(value: object, where: str) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None


def _read_petrarch(path: Path) -> tuple[str, list[GoldCase]]:
    cases: list[GoldCase] = []
    suite = path.stem
    for number, r in _jsonl(path):
        where = f"{path.name}:{number}"
        suite = str(r.get("suite") or suite)
        events = tuple(GoldEvent(Triple(_code(e.get("source")), _code(e.get("target")),
                                        str(e.get("code", "")))) for e in (r.get("events") or []))
        if r.get("noevents"):
            events = ()
        config = r.get("config") or {}
        cases.append(GoldCase(
            id=str(r.get("id") or where), position=number, text=str(r.get("text") or ""),
            date=_date(r.get("date"), where), language=r.get("language") or "en",
            expected=TripleGold(events), category=r.get("category"), parse=r.get("parse"),
            require_dyad=parse_flag(config.get("require_dyad")),
            # a case whose expected outcome is an error of PETRARCH's own is not an event to score
            evaluate=bool(r.get("evaluate", True)) and not r.get("error"),
            note=r.get("error")))
    return suite, cases


def _code(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _read_gsr(path: Path) -> tuple[str, list[GoldCase]]:
    cases: list[GoldCase] = []
    suite = path.stem
    for number, r in _jsonl(path):
        where = f"{path.name}:{number}"
        suite = str(r.get("suite") or suite)
        events = r.get("events") or []
        if not events or not events[0].get("plover"):
            raise InputError(f"{where}: a gsr gold record needs events[0].plover")
        first = events[0]
        cases.append(GoldCase(
            id=str(r.get("id") or where), position=number, text=str(r.get("text") or ""),
            date=_date(r.get("date"), where), language=r.get("language") or "ar",
            expected=ClassGold(str(first["plover"]).upper(), parse_actor_spec(first.get("source")),
                               parse_actor_spec(first.get("target"))),
            category=r.get("category"), parse=r.get("parse"),
            require_dyad=parse_flag((r.get("config") or {}).get("require_dyad")),
            evaluate=bool(r.get("evaluate", True))))
    return suite, cases


def _read_plover(path: Path) -> tuple[str, list[GoldCase]]:
    cases: list[GoldCase] = []
    for number, r in _jsonl(path):
        where = f"{path.name}:{number}"
        plover = r.get("plover_2021") or r.get("event")
        if not plover:
            raise InputError(f"{where}: a PLOVER example needs plover_2021 or event")
        sources = r.get("source") if isinstance(r.get("source"), list) else []
        country = country_code(sources[0].get("code")) if sources else None
        cases.append(GoldCase(
            id=str(r.get("id") or where), position=number, text=str(r.get("text") or ""),
            date=_date(r.get("date"), where), language=r.get("language") or "en",
            expected=ClassGold(str(plover).upper(), ActorSpec(country, None) if country else None, None),
            category=str(plover).upper(), note=r.get("comment")))
    return path.stem, cases


def parse_acled_date(text: str) -> dt.date | None:
    """ACLED's export dates: '9-May-20', '09 May 2020', '2020-05-09'; None when empty or unreadable."""
    text = text.strip()
    if not text:
        return None
    for pattern in ("%d-%b-%y", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _int(value: object) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _read_acled(path: Path) -> tuple[str, list[GoldCase]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    cases: list[GoldCase] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):  # line 1 is the header
            where = f"{path.name}:{number}"
            day = parse_acled_date(row.get("event_date") or "")
            if day is None:
                raise InputError(f"{where}: event_date {row.get('event_date')!r} is no ACLED date")
            gold = AcledGold(
                event_type=row.get("event_type", "").strip(),
                sub_event_type=row.get("sub_event_type", "").strip(),
                fatalities=_int(row.get("fatalities", "")), inter1=_int(row.get("inter1", "")),
                inter2=_int(row.get("inter2", "")), admin1=row.get("admin1", "").strip(),
                country=row.get("country", "").strip(), event_date=day)
            doc_id = row.get("event_id_cnty") or row.get("data_id") or where
            cases.append(GoldCase(id=doc_id, position=number, text=row.get("notes") or "", date=day,
                                  language="en", expected=gold, category=gold.event_type))
    return path.stem, cases


def _strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return (str(value),)


def _seed_item(kind: str, raw: Mapping[str, Any], where: str) -> SeedItem:
    acled = raw.get("acled") or {}
    precision = raw.get("time_precision")
    return SeedItem(
        kind=kind, id=str(raw.get("id") or f"{kind}-{where}"), sentence_contains=raw.get("sentence_contains"),
        source_country=raw.get("source_country"), cameo_root_in=_strings(raw.get("cameo_root_in")),
        cameo_code_in=_strings(raw.get("cameo_code_in")), event_date=_date(raw.get("event_date"), where),
        time_precision=int(precision) if precision is not None else None,
        event_type=acled.get("event_type"),
        sub_event_type_in=_strings(acled.get("sub_event_type_in") or acled.get("sub_event_type")),
        fatalities=acled.get("fatalities"),
        location_contains_any=_strings(acled.get("location_contains_any")),
        country=acled.get("country"), rule=raw.get("rule"), note=raw.get("note"))


def _read_seed(path: Path) -> tuple[str, list[GoldCase]]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path.name}:{exc.lineno}: malformed JSON ({exc.msg})") from None
    doc = gold.get("doc") or {}
    if not doc.get("file"):
        raise InputError(f"{path.name}: doc.file (the article, relative to the gold file) is missing")
    text_path = (path.parent / doc["file"]).resolve()
    if not text_path.is_file():
        raise InputError(f"{path.name}: the article {text_path} does not exist")
    items = tuple(_seed_item(kind, raw, f"{path.name}:{kind}[{i}]")
                  for kind in ("required", "optional", "forbidden")
                  for i, raw in enumerate(gold.get(kind) or []))
    text = text_path.read_text(encoding="utf-8")
    case = GoldCase(id=str(doc.get("id") or path.stem), position=1, text=text,
                    date=_date(doc.get("date"), f"{path.name}:doc.date"), language=doc.get("lang"),
                    expected=SeedGold(items), category="seed", note=doc.get("date_note"))
    return path.name.removesuffix(".gold.json"), [case]


def _own_event(raw: object, where: str) -> GoldEvent:
    if not isinstance(raw, dict) or "code" not in raw:
        raise InputError(f"{where}: an event needs at least a code: {{\"source\", \"target\", \"code\"}}")
    unknown = set(raw) - {"source", "target", "code", *EVENT_ATTRIBUTES}
    if unknown:
        raise InputError(f"{where}: unknown event field(s) {', '.join(sorted(unknown))} "
                         f"(known: source, target, code, {', '.join(EVENT_ATTRIBUTES)})")
    attributes = tuple((name, _attribute_text(raw[name])) for name in EVENT_ATTRIBUTES if name in raw)
    return GoldEvent(Triple(_code(raw.get("source")), _code(raw.get("target")), str(raw["code"])), attributes)


def _attribute_text(value: object) -> str:
    """Expected attribute values are compared as text: 5 -> '5', true -> 'True', null -> 'None'."""
    return str(value)


_OWN_CASE_FIELDS = {"id", "text", "date", "lang", "language", "category", "events", "noevents", "ordered",
                    "require_dyad", "conllu", "parse", "note", "evaluate"}


def _read_coder(path: Path) -> tuple[str, list[GoldCase]]:
    records = _jsonl(path)
    try:
        _, header = next(records)
    except StopIteration:
        raise InputError(f"{path}: the gold file is empty") from None
    if header.get("format") != OWN_FORMAT:
        raise InputError(f"{path.name}:1: the first line must be {{\"format\": \"{OWN_FORMAT}\", ...}}")
    default_language = header.get("language") or header.get("lang")
    default_date = _date(header.get("date"), f"{path.name}:1")
    default_dyad = parse_flag(header.get("require_dyad"))
    cases: list[GoldCase] = []
    seen: set[str] = set()
    for number, r in records:
        where = f"{path.name}:{number}"
        unknown = set(r) - _OWN_CASE_FIELDS
        if unknown:
            raise InputError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        if not r.get("id") or not isinstance(r.get("text"), str):
            raise InputError(f"{where}: a case needs an id and a text")
        if r["id"] in seen:
            raise InputError(f"{where}: case id {r['id']!r} is used twice")
        seen.add(r["id"])
        raw_events = r.get("events") or []
        if r.get("noevents") and raw_events:
            raise InputError(f"{where}: noevents and events contradict each other")
        events = tuple(_own_event(e, f"{where} events[{i}]") for i, e in enumerate(raw_events))
        date = _date(r["date"], where) if "date" in r else default_date
        dyad = parse_flag(r["require_dyad"]) if "require_dyad" in r else default_dyad
        cases.append(GoldCase(
            id=str(r["id"]), position=number, text=r["text"], date=date,
            language=r.get("lang") or r.get("language") or default_language,
            expected=TripleGold(events, ordered=bool(r.get("ordered", False))), category=r.get("category"),
            parse=r.get("conllu") or r.get("parse"), require_dyad=dyad,
            evaluate=bool(r.get("evaluate", True)), note=r.get("note")))
    return str(header.get("suite") or path.stem), cases


def limit_cases(suite: GoldSuite, limit: int | None) -> GoldSuite:
    """The suite's first ``limit`` cases (all when None)."""
    if limit is None:
        return suite
    return GoldSuite(suite.path, suite.format, suite.name, suite.cases[:limit])


def number_word(text: str) -> int | None:
    """'two' -> 2, '3' -> 3 (for seed rules written in prose); None otherwise."""
    text = text.strip().lower()
    return int(text) if text.isdigit() else _NUMBER_WORDS.get(text)

