"""Raw blocks -> validated codebook entries (actors, agents, verbs, synsets, discards)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from coder.codebook.syntax import RawBlock, RawField, split_phrases

LANGUAGE_FIELD = re.compile(r"^[a-z]{2}$")
ACTOR_CODE = re.compile(r"^[A-Z0-9]{3}([A-Z0-9]{3})*$")
ROLE_CODE = re.compile(r"^([A-Z0-9]{3})+$")
CAMEO_CODE = re.compile(r"^\d{2,4}$")
NO_CODE = "---"


@dataclass(frozen=True, slots=True)
class DatedCode:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    codes: tuple[DatedCode, ...]
    country: str | None
    acled: str | None
    inter: int | None
    phrases: tuple[tuple[str, str], ...]  # (language, phrase)
    demonyms: tuple[tuple[str, str], ...]
    where: str

    def code_on(self, day: dt.date | None) -> str:
        """The code in force on ``day``; undated or the latest range when no range covers it."""
        for dated in self.codes:
            if day is not None and (dated.start or dated.end) and dated.covers(day):
                return dated.code
        undated = [c for c in self.codes if c.start is None and c.end is None]
        if undated:
            return undated[0].code
        return max(self.codes, key=lambda c: c.start or dt.date.min).code


@dataclass(frozen=True, slots=True)
class AgentEntry:
    code: str
    label: str
    acled: str | None
    inter: int | None
    phrases: tuple[tuple[str, str], ...]
    where: str


@dataclass(frozen=True, slots=True)
class PatternEntry:
    code: str
    language: str
    items: tuple[str, ...]
    acled: str | None
    negate: bool
    where: str

    @property
    def text(self) -> str:
        return " ".join(self.items)


@dataclass(frozen=True, slots=True)
class VerbEntry:
    name: str
    code: str | None
    anchors: tuple[tuple[str, str], ...]
    patterns: tuple[PatternEntry, ...]
    acled: str | None
    where: str


@dataclass(frozen=True, slots=True)
class SynsetEntry:
    name: str
    phrases: tuple[tuple[str, str], ...]
    where: str


@dataclass(frozen=True, slots=True)
class DiscardEntry:
    phrases: tuple[tuple[str, str], ...]
    story_phrases: tuple[tuple[str, str], ...]
    where: str


@dataclass(slots=True)
class Problems:
    """Collects 'FILE:LINE: reason' messages; ``errors`` refuse the codebook, ``warnings`` do not."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, where: str, reason: str, *, warning: bool = False) -> None:
        (self.warnings if warning else self.errors).append(f"{where}: {reason}")


def _where(block: RawBlock, item: RawField | None = None) -> str:
    return f"{block.file}:{item.line if item else block.line}"


def parse_date_range(text: str) -> tuple[dt.date | None, dt.date | None]:
    """'2014-05-16..', '..2014-05-15', 'A..B' -> (start, end); ValueError when malformed."""
    if ".." not in text:
        raise ValueError(f"date range {text!r} needs '..' (FROM.., ..UNTIL or FROM..UNTIL)")
    first, _, second = text.partition("..")
    start = dt.date.fromisoformat(first) if first else None
    end = dt.date.fromisoformat(second) if second else None
    if start is None and end is None:
        raise ValueError("empty date range '..'")
    if start and end and start > end:
        raise ValueError(f"inverted date range {text} (start after end)")
    return start, end


def _inter(block: RawBlock, item: RawField, problems: Problems) -> int | None:
    if item.value.isdigit() and 1 <= int(item.value) <= 8:
        return int(item.value)
    problems.add(_where(block, item), f"inter must be an ACLED actor type 1-8, not {item.value!r}")
    return None


def _phrase_field(block: RawBlock, item: RawField, out: list[tuple[str, str]], problems: Problems) -> bool:
    if not LANGUAGE_FIELD.match(item.name):
        return False
    phrases = split_phrases(item.value)
    if not phrases:
        problems.add(_where(block, item), f"empty phrase list for language {item.name!r}")
    out.extend((item.name, p) for p in phrases)
    return True


def read_actor(block: RawBlock, problems: Problems, strict: bool) -> ActorEntry | None:
    codes: list[DatedCode] = []
    phrases: list[tuple[str, str]] = []
    demonyms: list[tuple[str, str]] = []
    country = acled = None
    inter = None
    for item in block.fields:
        if item.name == "code":
            parts = item.value.split()
            if not parts or not ACTOR_CODE.match(parts[0]):
                problems.add(_where(block, item), f"bad actor code {item.value!r}", warning=not strict)
                continue
            start = end = None
            if len(parts) > 1:
                try:
                    start, end = parse_date_range(parts[1])
                except ValueError as exc:
                    problems.add(_where(block, item), str(exc), warning=not strict)
                    continue
            codes.append(DatedCode(parts[0], start, end))
        elif item.name == "country":
            country = item.value
        elif item.name == "acled":
            acled = item.value
        elif item.name == "inter":
            inter = _inter(block, item, problems)
        elif item.name == "demonym":
            lang, _, value = item.value.partition(" ")
            demonyms.extend((lang, p) for p in split_phrases(value))
        elif not _phrase_field(block, item, phrases, problems):
            problems.add(_where(block, item), f"unknown field {item.name!r} in actor block")
    if not codes:
        problems.add(_where(block), f"actor {block.args!r} has no usable code", warning=not strict)
        return None
    if not phrases and not demonyms:
        problems.add(_where(block), f"actor {block.args!r} has no phrases", warning=not strict)
        return None
    if country is None and not codes[0].code.startswith("IGO"):
        country = codes[0].code[:3]
    return ActorEntry(block.args, tuple(codes), country, acled, inter, tuple(phrases), tuple(demonyms),
                      _where(block))


def read_agent(block: RawBlock, problems: Problems) -> AgentEntry | None:
    code, _, label = block.args.partition(" ")
    if not ROLE_CODE.match(code):
        problems.add(_where(block), f"agent code must be letters in groups of three, not {code!r}")
        return None
    phrases: list[tuple[str, str]] = []
    acled = None
    inter = None
    for item in block.fields:
        if item.name == "acled":
            acled = item.value
        elif item.name == "inter":
            inter = _inter(block, item, problems)
        elif not _phrase_field(block, item, phrases, problems):
            problems.add(_where(block, item), f"unknown field {item.name!r} in agent block")
    return AgentEntry(code, label.strip() or code, acled, inter, tuple(phrases), _where(block))


def _check_cameo(code: str, where: str, problems: Problems, is_cameo: Callable[[str], bool],
                 strict: bool) -> bool:
    if CAMEO_CODE.match(code) and is_cameo(code):
        return True
    problems.add(where, f"unknown CAMEO event code {code!r}", warning=not strict)
    return False


def read_pattern(block: RawBlock, item: RawField, problems: Problems, is_cameo: Callable[[str], bool],
                 strict: bool, synsets: set[str]) -> PatternEntry | None:
    body, _, options = item.value.partition(";")
    parts = body.split()
    where = _where(block, item)
    if len(parts) < 3:
        problems.add(where, "a pattern needs a code, a language and its items")
        return None
    code, language, items = parts[0], parts[1], tuple(parts[2:])
    if not _check_cameo(code, where, problems, is_cameo, strict):
        return None
    if "*" not in items:
        problems.add(where, "a pattern needs '*' (the anchor's place)")
        return None
    for token in items:
        if token.startswith("&") and token[1:] not in synsets:
            problems.add(where, f"unknown synset {token!r}", warning=not strict)
            return None
    acled = None
    negate = False
    for option in filter(None, (o.strip() for o in options.split(";"))):
        key, _, value = option.partition(" ")
        if key == "acled" and value.strip():
            acled = value.strip()
        elif key == "negate":
            negate = True
        else:
            problems.add(where, f"unknown pattern option {option!r}")
    return PatternEntry(code, language, items, acled, negate, where)


def read_verb(block: RawBlock, problems: Problems, is_cameo: Callable[[str], bool], strict: bool,
              synsets: set[str]) -> VerbEntry | None:
    name, _, code_text = block.args.partition(" ")
    code_text = code_text.strip() or NO_CODE
    code: str | None = None
    if code_text != NO_CODE and _check_cameo(code_text, _where(block), problems, is_cameo, strict):
        code = code_text
    anchors: list[tuple[str, str]] = []
    patterns: list[PatternEntry] = []
    acled = None
    for item in block.fields:
        if item.name == "pattern":
            pattern = read_pattern(block, item, problems, is_cameo, strict, synsets)
            if pattern is not None:
                patterns.append(pattern)
        elif item.name == "acled":
            acled = item.value
        elif not _phrase_field(block, item, anchors, problems):
            problems.add(_where(block, item), f"unknown field {item.name!r} in verb block")
    if not anchors:
        problems.add(_where(block), f"verb {name!r} has no anchors", warning=not strict)
        return None
    return VerbEntry(name, code, tuple(anchors), tuple(patterns), acled, _where(block))


def read_synset(block: RawBlock, problems: Problems) -> SynsetEntry:
    phrases: list[tuple[str, str]] = []
    for item in block.fields:
        if not _phrase_field(block, item, phrases, problems):
            problems.add(_where(block, item), f"unknown field {item.name!r} in synset block")
    return SynsetEntry(block.args.strip().lstrip("&"), tuple(phrases), _where(block))


def read_discard(block: RawBlock, problems: Problems) -> DiscardEntry:
    phrases: list[tuple[str, str]] = []
    story: list[tuple[str, str]] = []
    for item in block.fields:
        if item.name == "story":
            lang, _, value = item.value.partition(" ")
            story.extend((lang, p) for p in split_phrases(value))
        elif not _phrase_field(block, item, phrases, problems):
            problems.add(_where(block, item), f"unknown field {item.name!r} in discard block")
    return DiscardEntry(tuple(phrases), tuple(story), _where(block))


def duplicate_codes(actors: Iterable[ActorEntry], problems: Problems, strict: bool) -> None:
    """A phrase of one language given to two actors with different codes is ambiguous."""
    seen: dict[tuple[str, str], ActorEntry] = {}
    for actor in actors:
        for lang, phrase in actor.phrases:
            key = (lang, phrase.casefold())
            other = seen.get(key)
            if other is None:
                seen[key] = actor
            elif other.codes != actor.codes:
                problems.add(actor.where, f"phrase {phrase!r} ({lang}) also names {other.name!r} "
                             f"({other.where}) with other codes", warning=not strict)
