"""Import PETRARCH-2 / UniversalPetrarch dictionaries into the native codebook format.

``import_petrarch`` reads a verb dictionary (synsets and verb blocks), actor dictionaries,
an agent dictionary and a discard list, and writes a codebook folder (see
``codebooks/FORMAT.md``). The importer follows UniversalPetrarch's readers, which produced the
expectations of the validation suite, with these deliberate choices:

- Words are written lower case, ``_`` joins become spaces and a trailing ``_`` ("do not stem")
  is dropped: the native format matches on lemma keys, so PETRARCH's generated plurals and
  regular verb forms are not written either (the listed irregular forms are).
- Comments: a line starting with ``#`` or ``<!``, ``<!-- ... -->`` (also over several lines),
  everything after ``#``; in verb files a TABARI ``;`` comment is cut with a warning.
- A verb whose line carries its own code (``ASK [020]`` in a ``[---]`` block) goes to a block of
  its own, ``NAME:CODE``, with a copy of the block's patterns: PETRARCH applies a block's patterns
  to every verb of the block but codes a lone verb with the verb's code.
- A pattern coded ``[---]`` (match -> no event) becomes ``; negate`` with the block's code; in a
  block that codes nothing itself it changes nothing and is left out.
- Paired codes ``[042:043]`` become the code and ``reverse 043`` (a block field, or the pattern
  option ``; reverse 043``): the target does the reverse event to the source. ``[:173]`` codes
  only the reverse event (``pattern --- ... ; reverse 173``).
- ``%`` (a compound source coded pairwise, both ways) becomes the pattern option ``; pairwise``;
  ``^`` (skip a word) is kept as the pattern item ``^``; a noun phrase ``{A B}``, a
  prepositional phrase ``(IN A)`` and words joined by ``_`` become a group ``{a b}`` (words next
  to each other); a group holding a slot (``(IN ^)``, ``(WITH +)``) is written as loose words.
- Agents coded ``[NGO~]`` (the role goes before the actor's code) get ``position before``.
- Actor codes are upper-cased, as PETRARCH reads them.
- Actor dates: ``yymmdd`` years up to 30 are 20yy, others 19yy (PETRARCH's and TABARI's pivot);
  ``<D`` is ``..D``, ``>D`` is ``D..``, ``A-B`` is ``A..B``, all inclusive. As in
  UniversalPetrarch, a range that ends on the day another code of the actor starts is cut back
  one day. Inverted ranges are skipped with a warning.

Every problem is a warning ``FILE:LINE: reason``; with ``strict=True`` any warning raises a
:class:`~coder.errors.CodebookError` listing them all, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from coder.errors import CodebookError

YEAR_PIVOT = 30  # yymmdd: yy <= 30 -> 20yy, else 19yy (PETRARCH, TABARI, KEDS)
NO_CODE = "---"

_ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3})+$")
_EVENT_CODE = re.compile(r"^\d{2,4}$")
_SYNSET_NAME = re.compile(r"^\w+$")
_UNSAFE = ("|", "#", ";")
_WRAP = 96  # phrase lists longer than this are continued on another line of the same field


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import read and left out; ``warnings`` are 'FILE:LINE: reason'."""

    counts: Mapping[str, int]
    rejected: Mapping[str, int]
    warnings: tuple[str, ...]


class _Log:
    """Counts and warnings of one import."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.rejected: Counter[str] = Counter()
        self.warnings: list[str] = []

    def warn(self, where: str, reason: str) -> None:
        self.warnings.append(f"{where}: {reason}")

    def reject(self, kind: str, where: str, reason: str) -> None:
        self.rejected[kind] += 1
        self.warn(where, reason)


# ---------------------------------------------------------------------------------------------
# Lines and words


def _read_text(path: Path, log: _Log) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        log.warn(f"{path.name}:1", f"not UTF-8 ({exc.reason} at byte {exc.start}); read as Latin-1")
        return data.decode("latin-1")


def _lines(path: Path, log: _Log) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines that carry content: comments removed, stripped."""
    in_comment = False
    for number, raw in enumerate(_read_text(path, log).splitlines(), start=1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            in_comment = False
            line = line[end + 3:]
        stripped = line.lstrip()
        if not stripped or stripped[0] == "#":
            continue
        if stripped.startswith("<!"):
            if "-->" not in stripped and stripped.startswith("<!--"):
                in_comment = True
            continue
        while "<!--" in line:
            head, _, rest = line.partition("<!--")
            end = rest.find("-->")
            if end < 0:
                in_comment = True
                line = head
                break
            line = head + " " + rest[end + 3:]
        cut = line.find("#")
        if cut >= 0:
            line = line[:cut]
        line = line.strip()
        if line:
            yield number, line


def _phrase(text: str) -> str:
    """``KHALIFA_HAFTAR_`` -> ``khalifa haftar``: lower case, ``_`` joins become spaces."""
    return " ".join(text.replace("_", " ").split()).lower()


def _unsafe(text: str) -> str | None:
    """The character that cannot go into a native phrase (a separator, a comment, or a final
    ``*``, which would make the word a prefix wildcard), or None."""
    for char in _UNSAFE:
        if char in text:
            return char
    if any(word.endswith("*") for word in text.replace("_", " ").split()):
        return "*"
    return None


def _cut_tabari_comment(line: str, where: str, log: _Log) -> str:
    if ";" in line:
        log.warn(where, f"TABARI ';' comment removed: {line[line.find(';'):].strip()!r}")
        line = line[:line.find(";")].rstrip()
    return line


def _wrap(field_name: str, phrases: Sequence[str], indent: str = "  ") -> list[str]:
    """``  en  a | b | c`` lines, continued on more lines of the same field when long."""
    lines: list[str] = []
    current: list[str] = []
    width = 0
    for phrase in phrases:
        if current and width + len(phrase) + 3 > _WRAP:
            lines.append(f"{indent}{field_name:<8} " + " | ".join(current))
            current, width = [], 0
        current.append(phrase)
        width += len(phrase) + 3
    if current:
        lines.append(f"{indent}{field_name:<8} " + " | ".join(current))
    return lines


def _unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------------------------------------
# Event codes


_NONE = ""  # a parsed event code meaning "no event" ([---])


def _event_code(raw: str, where: str, log: _Log, is_cameo: Callable[[str], bool]) -> str | None:
    """``[...]`` contents -> a code, ``_NONE`` for ``---``, or None when unusable (warned)."""
    code = raw.strip()
    if code in ("", NO_CODE):
        return _NONE
    if ":" in code:
        # [042:043]: the event source -> target, and the reverse event target -> source
        first, _, second = (part.strip() for part in code.partition(":"))
        first = _event_code(first, where, log, is_cameo) if first else _NONE
        second = _event_code(second, where, log, is_cameo) if second else _NONE
        if first is None or second is None:
            return None
        return f"{first}:{second}" if second else first
    if not (code.isascii() and code.isalnum()):
        log.warn(where, f"event code [{code}] is not a code; skipped")
        return None
    if not is_cameo(code):
        log.warn(where, f"unknown CAMEO event code {code!r} (kept)")
    return code


def _lost_code(raw: str) -> str:
    """What a code loses in the native format: nothing since ``; reverse`` exists."""
    return ""


def _split_pair(code: str) -> tuple[str, str]:
    """'042:043' -> ('042', '043'); '042' -> ('042', ''); ':173' -> ('', '173')."""
    forward, _, reverse = code.partition(":")
    return forward, reverse


def _shape_is_cameo(code: str) -> bool:
    return bool(_EVENT_CODE.match(code))


# ---------------------------------------------------------------------------------------------
# Verb dictionaries: synsets, verb blocks, patterns


@dataclass(slots=True)
class _Synset:
    name: str
    where: str
    members: list[str] = field(default_factory=list)  # phrases or '&NAME' references


@dataclass(slots=True)
class _Pattern:
    code: str  # _NONE for a non-event pattern; 'A:B' for a paired code
    items: tuple[str, ...]
    where: str
    lost: str = ""  # what PETRARCH meant that the native line cannot say
    pairwise: bool = False  # '%': a compound source coded pairwise in both directions


@dataclass(slots=True)
class _Block:
    name: str
    where: str
    code: str
    lost: str = ""
    verbs: list[tuple[str, str, str, str]] = field(default_factory=list)  # phrase, code, where, lost
    patterns: list[_Pattern] = field(default_factory=list)


@dataclass(slots=True)
class _VerbFile:
    synsets: dict[str, _Synset] = field(default_factory=dict)
    blocks: dict[str, _Block] = field(default_factory=dict)
    expanded: dict[str, list[str]] = field(default_factory=dict)  # synset -> phrases, nesting resolved


def _read_verbs(path: Path, log: _Log, is_cameo: Callable[[str], bool]) -> _VerbFile:
    result = _VerbFile()
    name = path.name
    synset: _Synset | None = None
    block: _Block | None = None
    block_code = _NONE
    pending_refs: list[tuple[_Pattern, _Block]] = []
    for number, line in _lines(path, log):
        where = f"{name}:{number}"
        first = line[0]
        if first == "&":
            label = line.split()[0][1:]
            block = None
            log.counts["synsets"] += 1
            if not _SYNSET_NAME.match(label):
                log.reject("synsets", where, f"synset name {label!r} is not a word; skipped")
                synset = None
                continue
            if label in result.synsets:
                log.warn(where, f"synset &{label} defined again (first at {result.synsets[label].where});"
                         " members merged")
                synset = result.synsets[label]
            else:
                synset = result.synsets[label] = _Synset(label, where)
            continue
        if synset is not None and first not in "&-~":
            if first == "+":
                _synset_member(synset, line[1:], where, log)
            elif line[-1] == "+":
                log.warn(where, f"synset member {line!r} has its '+' at the end (typed right to "
                         "left?); read as a member")
                _synset_member(synset, line[:-1], where, log)
            else:
                log.warn(where, f"line {line!r} inside synset &{synset.name} lacks the leading '+'; "
                         "skipped")
            continue
        if line.startswith("---"):
            synset = None
            block, block_code = _block_header(line, where, log, is_cameo, result)
            continue
        synset = None
        if first == "-":
            log.counts["patterns"] += 1
            if block is None:
                log.reject("patterns", where, "pattern outside any verb block; skipped")
                continue
            pattern = _pattern(line[1:], where, log, is_cameo)
            if pattern is None:
                log.rejected["patterns"] += 1
                continue
            block.patterns.append(pattern)
            pending_refs.append((pattern, block))
            continue
        if first == "~":
            log.counts["transformations"] += 1
            log.reject("transformations", where, "verb transformation (event of a reported event) "
                       "is not representable; skipped")
            continue
        log.counts["verbs"] += 1
        if block is None:
            log.reject("verbs", where, "verb line outside any verb block; skipped")
            continue
        if first in "*$(":
            log.reject("verbs", where, "looks like a pattern without its leading '-'; skipped")
            continue
        _verb_line(line, where, block, block_code, log, is_cameo)
    _check_references(result, pending_refs, log)
    return result


def _synset_member(synset: _Synset, text: str, where: str, log: _Log) -> None:
    text = text.strip()
    words = [w.strip("{}()") for w in text.split()]
    words = [w for w in words if w]
    if not words:
        log.warn(where, f"empty member of synset &{synset.name}; skipped")
        return
    if len(words) == 1 and words[0].startswith("&"):
        synset.members.append(words[0])
        return
    bad = _unsafe(text)
    if bad or any(w.startswith("&") for w in words):
        log.warn(where, f"synset member {text!r} holds {bad or 'a synset inside a phrase'!r}; skipped")
        return
    phrase = _phrase(" ".join(words))
    if phrase:
        synset.members.append(phrase)


def _block_header(line: str, where: str, log: _Log, is_cameo: Callable[[str], bool],
                  result: _VerbFile) -> tuple[_Block | None, str]:
    log.counts["verb_blocks"] += 1
    text = line.strip("-")
    names = text.partition("[")[0].split()
    if not names:
        log.reject("verb_blocks", where, "verb block header without a name; block skipped")
        return None, _NONE
    label = names[0]
    code = _NONE
    lost = ""
    if "[" in text:
        raw = text.partition("[")[2].partition("]")[0]
        parsed = _event_code(raw, where, log, is_cameo)
        code = _NONE if parsed is None else parsed
        lost = _lost_code(raw)
    if label in result.blocks:
        block = result.blocks[label]
        if block.code != code:
            log.warn(where, f"verb block {label} opened again with code {code or NO_CODE} "
                     f"(first at {block.where} with {block.code or NO_CODE}); its verbs keep this code")
        return block, code
    block = result.blocks[label] = _Block(label, where, code, lost)
    return block, code


def _verb_line(line: str, where: str, block: _Block, block_code: str, log: _Log,
               is_cameo: Callable[[str], bool]) -> None:
    line = _cut_tabari_comment(line, where, log)
    code = block_code
    lost = block.lost if block_code == block.code else ""
    if "[" in line:
        words_text, _, rest = line.partition("[")
        raw = rest.partition("]")[0]
        own = _event_code(raw, where, log, is_cameo)
        if own is None:
            log.rejected["verbs"] += 1
            return
        code, lost = own, _lost_code(raw)
    else:
        words_text = line
    words = words_text.replace("{", " ").replace("}", " ").split()
    if not words:
        log.reject("verbs", where, "verb line without a verb; skipped")
        return
    for word in words:
        bad = _unsafe(word) or next((c for c in "*$()&" if c in word), None)
        if bad:
            log.reject("verbs", where, f"verb form {word!r} holds {bad!r}; line skipped")
            return
    for word in words:
        # '+' marks the word the parser sees as the verb in a compound (+GO_BY, WIRE_+TAP)
        phrase = _phrase(word.replace("+", "_"))
        if phrase:
            block.verbs.append((phrase, code, where, lost))


def _pattern(text: str, where: str, log: _Log, is_cameo: Callable[[str], bool]) -> _Pattern | None:
    text = _cut_tabari_comment(text, where, log)
    text = text.rstrip()
    bracket = text.rfind("[")
    if bracket < 0 or not text.endswith("]"):
        log.warn(where, "pattern without a [CODE] at its end; skipped")
        return None
    raw = text[bracket + 1:-1]
    code = _event_code(raw, where, log, is_cameo)
    if code is None:
        return None
    body = text[:bracket]
    if body and not body[-1].isspace():
        log.warn(where, f"code glued to the word before it ({body.split()[-1]!r}); read as a word")
    if body.count("*") != 1:
        log.warn(where, f"pattern needs exactly one '*' (the verb), has {body.count('*')}; skipped")
        return None
    before, _, after = body.partition("*")
    items: list[str] = []
    pairwise = False
    for part in (before, None, after):
        if part is None:
            items.append("*")
            continue
        for group in _groups(part):
            words: list[str] = []
            for word in group:
                if word == "%":
                    pairwise = True
                    continue
                if word in ("$", "+", "^") or word.startswith("&"):
                    words.append(word)
                    continue
                bad = _unsafe(word)
                if bad:
                    log.warn(where, f"pattern word {word!r} holds {bad!r}; pattern skipped")
                    return None
                words.extend(_phrase(word).split())
            if len(words) > 1 and not any(w in ("$", "+", "^") for w in words):
                # a noun or prepositional phrase, or words joined by '_': next to each other
                items.extend(["{", *words, "}"])
            else:
                items.extend(words)
    return _Pattern(code, tuple(_tidy_groups(items)), where, pairwise=pairwise)


def _groups(text: str) -> list[list[str]]:
    """``{A B} C (D {E F})`` -> [['A', 'B'], ['C'], ['D', 'E', 'F']]: PETRARCH's noun phrases
    ``{}`` and prepositional phrases ``()`` (nested ones flattened) and loose words."""
    for mark in "{}()":
        text = text.replace(mark, f" {mark} ")
    groups: list[list[str]] = []
    depth = 0
    for token in text.split():
        if token in "{(":
            if depth == 0:
                groups.append([])
            depth += 1
        elif token in "})":
            depth = max(depth - 1, 0)
        elif depth:
            groups[-1].append(token)
        else:
            groups.append([token])
    return [g for g in groups if g]


def _tidy_groups(items: list[str]) -> list[str]:
    """A group of one word after synonyms are expanded is just the word."""
    out: list[str] = []
    i = 0
    while i < len(items):
        if items[i] == "{" and i + 2 < len(items) and items[i + 2] == "}":
            out.append(items[i + 1])
            i += 3
            continue
        out.append(items[i])
        i += 1
    return out


def _check_references(result: _VerbFile, refs: list[tuple[_Pattern, _Block]], log: _Log) -> None:
    """Patterns naming an undefined or empty synset never match in PETRARCH: leave them out."""
    expanded = result.expanded = _expand_synsets(result.synsets, log)
    for pattern, block in refs:
        for item in pattern.items:
            if item.startswith("&") and not expanded.get(item[1:]):
                reason = "undefined" if item[1:] not in result.synsets else "empty"
                log.reject("patterns", pattern.where, f"synset {item} is {reason}; pattern skipped")
                block.patterns.remove(pattern)
                break


def _expand_synsets(synsets: dict[str, _Synset], log: _Log) -> dict[str, list[str]]:
    """Members of every synset with nested ``&NAME`` members replaced by their phrases."""
    done: dict[str, list[str]] = {}

    def expand(name: str, trail: tuple[str, ...]) -> list[str]:
        if name in done:
            return done[name]
        synset = synsets.get(name)
        if synset is None:
            return []
        phrases: list[str] = []
        for member in synset.members:
            if member.startswith("&"):
                inner = member[1:]
                if inner in trail:
                    log.warn(synset.where, f"synset &{name} contains itself through &{inner}; "
                             "that member skipped")
                    continue
                if inner not in synsets:
                    log.warn(synset.where, f"synset &{name} names undefined synset {member}; "
                             "that member skipped")
                    continue
                phrases.extend(expand(inner, (*trail, inner)))
            else:
                phrases.append(member)
        done[name] = _unique(phrases)
        return done[name]

    for name in synsets:
        expand(name, (name,))
    return done


def _render_verbs(result: _VerbFile, source: str, language: str, log: _Log) -> tuple[str, str]:
    """The texts of verbs.txt and synsets.txt."""
    expanded = result.expanded
    lines = [f"# Imported from {source} (PETRARCH verb dictionary) by coder.codebook.petrarch", ""]
    synset_lines = [f"# Imported from {source} (PETRARCH synsets) by coder.codebook.petrarch", ""]
    for synset in result.synsets.values():
        phrases = expanded.get(synset.name, [])
        if not phrases:
            log.reject("synsets", synset.where, f"synset &{synset.name} has no members; skipped")
            continue
        synset_lines.append(f"synset {synset.name}".ljust(58) + f" # {synset.where}")
        synset_lines.extend(_wrap(language, phrases))
        synset_lines.append("")
    seen: dict[str, str] = {}
    for block in result.blocks.values():
        groups: dict[str, list[tuple[str, str, str]]] = {}
        if any(code == block.code for _, code, _, _ in block.verbs):
            groups[block.code] = []
        for phrase, code, where, lost in block.verbs:
            groups.setdefault(code, []).append((phrase, where, lost))
        if not groups:
            log.warn(block.where, f"verb block {block.name} has no verbs; its "
                     f"{len(block.patterns)} patterns are left out")
            log.rejected["patterns"] += len(block.patterns)
            continue
        for code, members in groups.items():
            name = block.name if code == block.code else f"{block.name}:{code or NO_CODE}"
            anchors: list[str] = []
            for phrase, where, _lost in members:
                other = seen.get(phrase)
                if other is not None and other != name:
                    log.warn(where, f"verb {phrase!r} also anchors verb block {other}; both kept")
                seen.setdefault(phrase, name)
                anchors.append(phrase)
            lost = next((m[2] for m in members if m[2]), "")
            forward, reverse = _split_pair(code)
            header = f"verb {name} {forward or NO_CODE}".ljust(58)
            lines.append(header + f" # {members[0][1]} {lost}".rstrip())
            if reverse:
                lines.append(f"  reverse  {reverse}")
            lines.extend(_wrap(language, _unique(anchors)))
            for pattern in block.patterns:
                lines.extend(_pattern_lines(pattern, forward, language))
            lines.append("")
    return "\n".join(lines) + "\n", "\n".join(synset_lines) + "\n"


def _pattern_lines(pattern: _Pattern, block_code: str, language: str) -> list[str]:
    """One native pattern line: ``[---]`` -> ``; negate``, ``[A:B]`` -> ``A ... ; reverse B``,
    ``%`` -> ``; pairwise``."""
    items = " ".join(pattern.items).replace("{ ", "{").replace(" }", "}")
    forward, reverse = _split_pair(pattern.code)
    options = ""
    if not forward and not reverse:
        if block_code == _NONE:
            return []  # no event either way
        forward, options = block_code, " ; negate"
    else:
        if reverse:
            options += f" ; reverse {reverse}"
        if pattern.pairwise:
            options += " ; pairwise"
    line = f"  pattern  {forward or NO_CODE} {language}  {items}{options}"
    return [line.ljust(60) + f" # {pattern.where} {pattern.lost}".rstrip()]


# ---------------------------------------------------------------------------------------------
# Actor dictionaries


@dataclass(slots=True)
class _Actor:
    name: str
    where: str
    phrases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str, str]] = field(default_factory=list)  # code, kind, dates, where


def _parse_date(text: str, where: str, log: _Log) -> dt.date:
    """``yymmdd`` or ``yyyymmdd``; like PETRARCH, a longer string is read by its first eight
    digits and a shorter one by its first six (with a warning: these are usually typos)."""
    if not text.isdigit() or len(text) < 6:
        raise ValueError(f"date {text!r} is not yymmdd or yyyymmdd")
    if len(text) not in (6, 8):
        used = text[:8] if len(text) > 7 else text[:6]
        log.warn(where, f"date {text!r} has {len(text)} digits; read as {used!r} as PETRARCH does")
        text = used
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= YEAR_PIVOT else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return dt.date(year, month, day)


def _code_items(text: str) -> list[str]:
    """``[A 1-2][B]`` -> ['A 1-2', 'B']."""
    items = []
    for chunk in text.split("]"):
        if "[" in chunk:
            items.append(chunk[chunk.find("[") + 1:].strip())
    return items


def _read_actors(path: Path, log: _Log, actors: list[_Actor]) -> None:
    name = path.name
    current: _Actor | None = None
    for number, line in _lines(path, log):
        where = f"{name}:{number}"
        if line[0] == "[":
            if current is None:
                log.warn(where, "actor code before any actor; skipped")
                continue
            for item in _code_items(line):
                current.codes.append((*_split_code(item), where))
            continue
        if line[0] == "+":
            if current is None:
                log.warn(where, "synonym before any actor; skipped")
                continue
            text, _, codes = line[1:].partition("[")
            _actor_phrase(current, text, where, log)
            if codes:
                for item in _code_items("[" + codes):
                    current.codes.append((*_split_code(item), where))
            continue
        log.counts["actors"] += 1
        text, _, codes = line.partition("[")
        current = _Actor(_display_name(text), where)
        actors.append(current)
        _actor_phrase(current, text, where, log)
        if codes:
            for item in _code_items("[" + codes):
                current.codes.append((*_split_code(item), where))


def _split_code(item: str) -> tuple[str, str, str]:
    """'HOBGOV 19950601 - 19990815' -> ('HOBGOV', 'range', '19950601-19990815')."""
    code, _, dates = item.partition(" ")
    dates = "".join(dates.split())
    if not dates:
        return code, "", ""
    if dates[0] in "<>":
        return code, dates[0], dates[1:]
    return code, "range" if "-" in dates else "?", dates


_SMALL_WORDS = frozenset(("of", "the", "and", "for", "in", "on", "at", "to", "by", "de", "du", "des",
                          "la", "le", "el", "al", "bin", "ibn"))


def _display_name(text: str) -> str:
    """``PRESIDENT_GEORGE_W._BUSH`` -> ``President George W. Bush`` (the block header).

    Upper-case words are capitalised (each part of a hyphenated word), small function words
    inside a name are lower case; words with a dot or a digit and one-word names of up to three
    letters (``UN``, ``PLO``) stay as written, as do words already in mixed case or in scripts
    without case.
    """
    words = text.replace("_", " ").split()
    if len(words) == 1 and len(words[0]) <= 3:
        return words[0]
    shown = []
    for position, word in enumerate(words):
        lower = word.lower()
        if word != word.upper() or lower == word or "." in word or any(c.isdigit() for c in word):
            shown.append(word)
        elif position and lower in _SMALL_WORDS:
            shown.append(lower)
        else:
            shown.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(shown)


def _actor_phrase(actor: _Actor, text: str, where: str, log: _Log) -> None:
    bad = _unsafe(text)
    if bad:
        log.warn(where, f"actor phrase {text.strip()!r} holds {bad!r}; phrase skipped")
        return
    phrase = _phrase(text)
    if phrase:
        actor.phrases.append(phrase)


def _actor_codes(actor: _Actor, log: _Log) -> list[str]:
    """Native ``code`` values: 'CODE' or 'CODE FROM..UNTIL', in the dictionary's order."""
    parsed: list[tuple[str, dt.date | None, dt.date | None, str, str]] = []
    for code, kind, dates, where in actor.codes:
        log.counts["actor_codes"] += 1
        code = code.upper()  # PETRARCH reads dictionaries upper-cased ('[pse]' is PSE)
        if not code or _unsafe(code) or any(c in code for c in "[]"):
            log.reject("actor_codes", where, f"actor code {code!r} cannot be written; skipped")
            continue
        if not _ACTOR_CODE.match(code):
            log.warn(where, f"actor code {code!r} is not in the CAMEO actor-code shape "
                     "(letters or digits in groups of three) (kept)")
        try:
            if kind == "":
                parsed.append((code, None, None, kind, where))
            elif kind == "<":
                parsed.append((code, None, _parse_date(dates, where, log), kind, where))
            elif kind == ">":
                parsed.append((code, _parse_date(dates, where, log), None, kind, where))
            elif kind == "range":
                first, _, last = dates.partition("-")
                parsed.append((code, _parse_date(first, where, log), _parse_date(last, where, log),
                               kind, where))
            else:
                raise ValueError(f"date restriction {dates!r} is not <DATE, >DATE or DATE-DATE")
        except ValueError as exc:  # also dt.date's "month must be in 1..12" and the like
            log.reject("actor_codes", where, f"bad date in [{code} {dates}]: {exc}; code skipped")
    starts = {start for _, start, _, kind, _ in parsed if start is not None and kind == "range"} | {
        start for _, start, _, kind, _ in parsed if start is not None and kind == ">"}
    values: list[str] = []
    for code, start, end, kind, where in parsed:
        if kind == "range" and end is not None and end in starts and start != end:
            end = end - dt.timedelta(days=1)  # the next code takes over on its first day
        if start is not None and end is not None and start > end:
            log.reject("actor_codes", where, f"inverted date range {start.isoformat()}..{end.isoformat()}"
                       f" for code {code}; code skipped")
            continue
        if start is None and end is None:
            values.append(code)
        else:
            span = f"{start.isoformat() if start else ''}..{end.isoformat() if end else ''}"
            values.append(f"{code:<12} {span}")
    return values


def _render_actors(actors: list[_Actor], sources: str, language: str, log: _Log) -> str:
    lines = [f"# Imported from {sources} (PETRARCH actor dictionaries) by coder.codebook.petrarch", ""]
    for actor in actors:
        codes = _actor_codes(actor, log)
        if not actor.phrases:
            log.reject("actors", actor.where, "actor without a phrase; skipped")
            continue
        if not codes:
            log.reject("actors", actor.where, f"actor {actor.name!r} has no usable code; skipped")
            continue
        lines.append(f"actor {actor.name}".ljust(58) + f" # {actor.where}")
        lines.extend(f"  code     {code}" for code in codes)
        lines.extend(_wrap(language, _unique(actor.phrases)))
        lines.append("")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Agents


@dataclass(slots=True)
class _Agent:
    code: str
    where: str
    phrases: list[str] = field(default_factory=list)
    before: bool = False  # PETRARCH's 'NGO~': the role code goes before the actor's


def _expand_markers(text: str, markers: dict[str, list[str]], where: str, log: _Log) -> list[str] | None:
    """``CONGRESS!PERSON!`` -> CONGRESSMAN, CONGRESSMEN, ...; None when a marker is unknown."""
    start = text.find("!")
    if start < 0:
        return [text]
    end = text.find("!", start + 1)
    if end < 0:
        log.warn(where, f"substitution marker in {text.strip()!r} is not closed with '!'; line skipped")
        return None
    marker = text[start + 1:end]
    if marker not in markers:
        log.warn(where, f"substitution marker !{marker}! is not defined; line skipped")
        return None
    results: list[str] = []
    for value in markers[marker]:
        expanded = _expand_markers(text[:start] + value + text[end + 1:], markers, where, log)
        if expanded is None:
            return None
        results.extend(expanded)
    return results


def _read_agents(path: Path, log: _Log) -> dict[tuple[str, bool], _Agent]:
    agents: dict[tuple[str, bool], _Agent] = {}
    markers: dict[str, list[str]] = {}
    name = path.name
    for number, line in _lines(path, log):
        where = f"{name}:{number}"
        if "!" in line and "=" in line and "[" not in line:
            marker, _, values = line.partition("=")
            marker = marker.strip()
            if len(marker) < 3 or marker[0] != "!" or marker[-1] != "!":
                log.warn(where, f"substitution marker {marker!r} must look like !NAME!; skipped")
                continue
            markers[marker[1:-1]] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        log.counts["agents"] += 1
        if "[" not in line or "]" not in line:
            log.reject("agents", where, "agent without a [~CODE]; skipped")
            continue
        text, _, rest = line.partition("[")
        raw = rest.partition("]")[0].strip()
        code = raw.strip("~").strip()
        before = raw.endswith("~") and not raw.startswith("~")
        if not before and not raw.startswith("~"):
            log.warn(where, f"agent code [{raw}] has no '~'; read as ~{code}")
        if not code or not (code.isascii() and code.isalnum()):
            log.reject("agents", where, f"agent code [{raw}] is not a code; skipped")
            continue
        if not _ACTOR_CODE.match(code):
            log.warn(where, f"agent code {code!r} is not in the CAMEO shape (groups of three) (kept)")
        plural = ""
        if "{" in text:
            if "}" not in text:
                log.reject("agents", where, "agent plural '{' is not closed with '}'; skipped")
                continue
            plural = text[text.find("{") + 1:text.find("}")].strip()
            text = text[:text.find("{")] + text[text.find("}") + 1:]
        forms = _expand_markers(text.strip(), markers, where, log)
        if forms is None:
            log.rejected["agents"] += 1
            continue
        if plural:
            forms.append(plural)
        phrases = []
        for form in forms:
            bad = _unsafe(form)
            if bad:
                log.warn(where, f"agent phrase {form!r} holds {bad!r}; phrase skipped")
                continue
            if _phrase(form):
                phrases.append(_phrase(form))
        if not phrases:
            log.reject("agents", where, "agent without a phrase; skipped")
            continue
        agents.setdefault((code, before), _Agent(code, where, before=before)).phrases.extend(phrases)
    return agents


def _render_agents(agents: dict[tuple[str, bool], _Agent], source: str, language: str) -> str:
    lines = [f"# Imported from {source} (PETRARCH agent dictionary) by coder.codebook.petrarch", ""]
    for agent in agents.values():
        phrases = _unique(agent.phrases)
        lines.append(f"agent {agent.code} {phrases[0]}".ljust(58) + f" # {agent.where}")
        if agent.before:
            lines.append("  position before")
        lines.extend(_wrap(language, phrases))
        lines.append("")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Discards


def _read_discards(path: Path, log: _Log) -> tuple[list[str], list[str]]:
    sentence: list[str] = []
    story: list[str] = []
    for number, line in _lines(path, log):
        where = f"{path.name}:{number}"
        log.counts["discards"] += 1
        target = story if line[0] == "+" else sentence
        text = line[1:] if line[0] == "+" else line
        bad = _unsafe(text)
        if bad:
            log.reject("discards", where, f"discard phrase {text.strip()!r} holds {bad!r}; skipped")
            continue
        phrase = _phrase(text)
        if not phrase:
            log.reject("discards", where, "empty discard phrase; skipped")
            continue
        target.append(phrase)
    return sentence, story


def _render_discards(sentence: list[str], story: list[str], source: str, language: str) -> str:
    lines = [f"# Imported from {source} (PETRARCH discard list) by coder.codebook.petrarch", ""]
    if sentence or story:
        lines.append("discard")
        lines.extend(_wrap(language, _unique(sentence)))
        lines.extend(_wrap(f"story {language}", _unique(story)))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Entry point


def import_petrarch(verbs: Path | None, actors: Sequence[Path], agents: Path | None,
                    discards: Path | None, out_dir: Path, *, strict: bool = False,
                    language: str = "en",
                    is_cameo_code: Callable[[str], bool] | None = None) -> ImportReport:
    """Convert PETRARCH dictionaries into a native codebook folder ``out_dir``.

    Writes ``codebook.toml`` (``require_dyad = true``, PETRARCH's default; ``cue_events = false``;
    ``strict = false``,
    because imported dictionaries carry known problems), ``verbs.txt``, ``synsets.txt``,
    ``actors.txt``, ``agents.txt`` and ``discards.txt``. ``is_cameo_code`` says whether an event
    code exists (default: two to four digits); an unknown code is kept with a warning. Malformed
    lines are skipped with a warning. With ``strict=True`` any warning raises
    :class:`CodebookError` listing them all and nothing is written.
    """
    if not re.fullmatch(r"[a-z]{2}", language):
        raise CodebookError(f"language must be a two-letter code such as 'en' or 'ar', not {language!r}")
    is_cameo = is_cameo_code or _shape_is_cameo
    log = _Log()
    verb_file = _read_verbs(Path(verbs), log, is_cameo) if verbs is not None else _VerbFile()
    actor_entries: list[_Actor] = []
    for path in actors:
        _read_actors(Path(path), log, actor_entries)
    agent_entries = _read_agents(Path(agents), log) if agents is not None else {}
    sentence, story = _read_discards(Path(discards), log) if discards is not None else ([], [])

    out = Path(out_dir)
    verb_source = Path(verbs).name if verbs is not None else "no verb dictionary"
    actor_source = ", ".join(Path(p).name for p in actors) or "no actor dictionary"
    agent_source = Path(agents).name if agents is not None else "no agent dictionary"
    discard_source = Path(discards).name if discards is not None else "no discard list"
    files: dict[str, str] = {}
    files["verbs.txt"], files["synsets.txt"] = _render_verbs(verb_file, verb_source, language, log)
    files["actors.txt"] = _render_actors(actor_entries, actor_source, language, log)
    files["agents.txt"] = _render_agents(agent_entries, agent_source, language)
    files["discards.txt"] = _render_discards(sentence, story, discard_source, language)
    sources = [Path(p).name for p in (verbs, *actors, agents, discards) if p is not None]
    files["codebook.toml"] = "\n".join([
        f"name = {json.dumps(out.name or 'petrarch')}",
        f"description = {json.dumps('Imported from PETRARCH dictionaries: ' + ', '.join(sources))}",
        "require_dyad = true",
        f"languages = [{json.dumps(language)}]",
        "strict = false",
        "cue_events = false  # only the dictionaries' events, as PETRARCH codes them",
        "",
    ])
    if strict and log.warnings:
        raise CodebookError(f"import of PETRARCH dictionaries found {len(log.warnings)} problems "
                            "(strict): fix them or import without --strict", tuple(log.warnings))
    out.mkdir(parents=True, exist_ok=True)
    for file_name, text in files.items():
        (out / file_name).write_text(text, encoding="utf-8")
    return ImportReport(counts=MappingProxyType(dict(log.counts)),
                        rejected=MappingProxyType(dict(log.rejected)), warnings=tuple(log.warnings))
