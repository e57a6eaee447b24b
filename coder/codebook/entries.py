"""Raw blocks -> validated codebook entries (actors, agents, verbs, synsets, discards)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from coder.codebook.syntax import RawBlock, RawField, split_phrases

LANGUAGE_FIELD = re.compile(r"^[a-z]{2}$")
# CAMEO's shape, or '---': a phrase recognised but coded as nobody ("the international community")
ACTOR_CODE = re.compile(r"^(?:---|[A-Z0-9]{3}(?:[A-Z0-9]{3})*)$")
# Imported dictionaries (non-strict codebooks) also use codes outside the CAMEO shape that their
# gold files expect verbatim: 'YEMNO', '+++', 'FRO/BIL/SAM', and '---' (named, but coded as nobody).
LOOSE_ACTOR_CODE = re.compile(r"^[A-Za-z0-9+/-]+$")
ROLE_CODE = re.compile(r"^([A-Z0-9]{3})+$")
CAMEO_CODE = re.compile(r"^\d{2,4}$")
NO_CODE = "---"
POSITIONS = ("after", "before")


@cache
def _setters(cls: type) -> tuple:
    return tuple(cls.__dict__[name].__set__ for name in cls.__slots__)


def restore(cls: type, values: tuple) -> object:
    """Rebuild a frozen slotted record from its field values (what its ``__reduce__`` gives)."""
    obj = object.__new__(cls)
    for setter, value in zip(_setters(cls), values, strict=True):
        setter(obj, value)
    return obj


def record_reduce(self: object) -> tuple:
    """A ``__reduce__`` for frozen slotted records: the compiled-codebook cache holds tens of
    thousands of them, and this rebuilds each in a few C calls instead of one per field."""
    return restore, (type(self), tuple(getattr(self, name) for name in type(self).__slots__))


@dataclass(frozen=True, slots=True)
class DatedCode:
    __reduce__ = record_reduce

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@cache
def _dated(code: str, start: dt.date | None, end: dt.date | None) -> DatedCode:
    """One object per distinct code and range (the compiled-codebook cache then stores it once)."""
    return DatedCode(code, start, end)


def _span(dated: DatedCode) -> int:
    start = dated.start or dt.date.min
    end = dated.end or dt.date.max
    return (end - start).days


@dataclass(frozen=True, slots=True)
class ActorEntry:
    __reduce__ = record_reduce

    name: str
    codes: tuple[DatedCode, ...]
    country: str | None
    acled: str | None
    inter: int | None
    phrases: tuple[tuple[str, str], ...]  # (language, phrase)
    demonyms: tuple[tuple[str, str], ...]
    where: str

    def code_on(self, day: dt.date | None) -> str:
        """The code in force on ``day``: of the ranges that cover it the narrowest (an exception
        inside a longer period), else the undated code, else the latest range. A code of ``---``
        means the actor is named but codes nobody."""
        if len(self.codes) == 1:  # most actors: whatever the day, their one code
            return self.codes[0].code
        best: DatedCode | None = None
        if day is not None:
            for dated in self.codes:
                if (dated.start or dated.end) and dated.covers(day) and (
                        best is None or _span(dated) < _span(best)):
                    best = dated
        if best is not None:
            return best.code
        undated = [c for c in self.codes if c.start is None and c.end is None]
        if undated:
            return undated[0].code
        return max(self.codes, key=lambda c: c.start or dt.date.min).code


@dataclass(frozen=True, slots=True)
class AgentEntry:
    __reduce__ = record_reduce

    code: str
    label: str
    acled: str | None
    inter: int | None
    phrases: tuple[tuple[str, str], ...]
    where: str
    before: bool = False  # the role code goes before the actor's code (NGO + GBR -> NGOGBR)


@dataclass(frozen=True, slots=True)
class PatternEntry:
    __reduce__ = record_reduce

    code: str  # '---' only with ``reverse``: the pattern codes the reverse event alone
    language: str
    items: tuple[str, ...]
    acled: str | None
    negate: bool
    where: str
    reverse: str | None = None  # the code of the event the target does to the source
    pairwise: bool = False  # several sources and no target: each pair, both ways

    @property
    def text(self) -> str:
        return " ".join(self.items)


@dataclass(frozen=True, slots=True)
class VerbEntry:
    __reduce__ = record_reduce

    name: str
    code: str | None
    anchors: tuple[tuple[str, str], ...]
    patterns: tuple[PatternEntry, ...]
    acled: str | None
    where: str
    reverse: str | None = None  # the code of the reverse event (target -> source), e.g. 043 for 042
    # anchors (nouns) whose genitive is whom the event befalls: «مقتل ثلاثة جنود», «اعتقال الناشطين»
    patients: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class SynsetEntry:
    __reduce__ = record_reduce

    name: str
    phrases: tuple[tuple[str, str], ...]
    where: str


@dataclass(frozen=True, slots=True)
class DiscardEntry:
    __reduce__ = record_reduce

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
                loose = bool(parts) and LOOSE_ACTOR_CODE.match(parts[0]) is not None
                problems.add(_where(block, item), f"bad actor code {item.value!r}", warning=not strict)
                if strict or not loose:
                    continue
            start = end = None
            if len(parts) > 1:
                try:
                    start, end = parse_date_range(parts[1])
                except ValueError as exc:
                    problems.add(_where(block, item), str(exc), warning=not strict)
                    continue
            codes.append(_dated(parts[0], start, end))
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
    first = codes[0].code[:3]
    if country is None and first != "IGO" and first.isalpha() and first.isupper():
        country = first
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
    before = False
    for item in block.fields:
        if item.name == "acled":
            acled = item.value
        elif item.name == "inter":
            inter = _inter(block, item, problems)
        elif item.name == "position":
            if item.value not in POSITIONS:
                problems.add(_where(block, item), f"position must be 'after' or 'before', not {item.value!r}")
            before = item.value == "before"
        elif not _phrase_field(block, item, phrases, problems):
            problems.add(_where(block, item), f"unknown field {item.name!r} in agent block")
    return AgentEntry(code, label.strip() or code, acled, inter, tuple(phrases), _where(block), before)


def _check_cameo(code: str, where: str, problems: Problems, is_cameo: Callable[[str], bool],
                 strict: bool) -> bool:
    """Whether ``code`` may be used. Outside strict mode a code of CAMEO's shape that CAMEO does
    not define (imported dictionaries carry older WEIS codes their gold files expect) is kept."""
    if CAMEO_CODE.match(code) and is_cameo(code):
        return True
    keep = not strict and CAMEO_CODE.match(code) is not None
    problems.add(where, f"unknown CAMEO event code {code!r}", warning=not strict)
    return keep


def read_pattern(block: RawBlock, item: RawField, problems: Problems, is_cameo: Callable[[str], bool],
                 strict: bool, synsets: set[str]) -> PatternEntry | None:
    body, _, options = item.value.partition(";")
    parts = body.replace("{", " { ").replace("}", " } ").split()
    where = _where(block, item)
    if len(parts) < 3:
        problems.add(where, "a pattern needs a code, a language and its items")
        return None
    code, language, items = parts[0], parts[1], tuple(parts[2:])
    if code != NO_CODE and not _check_cameo(code, where, problems, is_cameo, strict):
        return None
    if "*" not in items:
        problems.add(where, "a pattern needs '*' (the anchor's place)")
        return None
    group_problem = _check_groups(items)
    if group_problem:
        problems.add(where, group_problem)
        return None
    for token in items:
        if token.startswith("&") and token[1:] not in synsets:
            problems.add(where, f"unknown synset {token!r}", warning=not strict)
            return None
    acled = None
    negate = pairwise = False
    reverse = None
    for option in filter(None, (o.strip() for o in options.split(";"))):
        key, _, value = option.partition(" ")
        value = value.strip()
        if key == "acled" and value:
            acled = value
        elif key == "negate":
            negate = True
        elif key == "pairwise":
            pairwise = True
        elif key == "reverse" and value:
            if _check_cameo(value, where, problems, is_cameo, strict):
                reverse = value
        else:
            problems.add(where, f"unknown pattern option {option!r}")
    if code == NO_CODE and reverse is None and not negate:
        problems.add(where, "a pattern coded '---' needs '; reverse CODE' (or '; negate')")
        return None
    return PatternEntry(code, language, items, acled, negate, where, reverse, pairwise)


def _check_groups(items: tuple[str, ...]) -> str | None:
    """Groups ``{a b}`` hold two or more words or synsets, are closed and not nested."""
    inside: list[str] | None = None
    for token in items:
        if token == "{":
            if inside is not None:
                return "groups '{...}' cannot be nested"
            inside = []
        elif token == "}":
            if inside is None:
                return "'}' without its '{'"
            if len(inside) < 2:
                return "a group '{...}' needs two or more words"
            inside = None
        elif inside is not None:
            if token in ("*", "$", "+", "^"):
                return f"a group '{{...}}' holds words only, not {token!r}"
            inside.append(token)
    if inside is not None:
        return "'{' without its '}'"
    return None


def read_verb(block: RawBlock, problems: Problems, is_cameo: Callable[[str], bool], strict: bool,
              synsets: set[str]) -> VerbEntry | None:
    name, _, code_text = block.args.partition(" ")
    code_text = code_text.strip() or NO_CODE
    code: str | None = None
    if code_text != NO_CODE and _check_cameo(code_text, _where(block), problems, is_cameo, strict):
        code = code_text
    anchors: list[tuple[str, str]] = []
    patients: list[tuple[str, str]] = []
    patterns: list[PatternEntry] = []
    acled = reverse = None
    for item in block.fields:
        if item.name == "pattern":
            pattern = read_pattern(block, item, problems, is_cameo, strict, synsets)
            if pattern is not None:
                patterns.append(pattern)
        elif item.name == "acled":
            acled = item.value
        elif item.name == "reverse":
            if _check_cameo(item.value, _where(block, item), problems, is_cameo, strict):
                reverse = item.value
        elif item.name == "patient":
            lang, _, value = item.value.partition(" ")
            found = [(lang, p) for p in split_phrases(value)]
            if not LANGUAGE_FIELD.match(lang) or not found:
                problems.add(_where(block, item), "patient needs a language and phrases: 'patient  ar  مقتل | اغتيال'")
                continue
            patients.extend(found)
            anchors.extend(found)
        elif not _phrase_field(block, item, anchors, problems):
            problems.add(_where(block, item), f"unknown field {item.name!r} in verb block")
    if not anchors:
        problems.add(_where(block), f"verb {name!r} has no anchors", warning=not strict)
        return None
    return VerbEntry(name, code, tuple(anchors), tuple(patterns), acled, _where(block), reverse, tuple(patients))


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
