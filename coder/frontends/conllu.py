"""The ``conllu`` front-end: sentences from CoNLL-U given with the input (any UD parser's output).

Reads UD v1 and v2. Relations are normalised to UD v2 names (``dobj`` -> ``obj``,
``nsubjpass`` -> ``nsubj:pass``, ``auxpass`` -> ``aux:pass``, ``nmod`` under a predicate ->
``obl``) so the rule engine sees one label set whichever parser produced the file; subtypes
such as ``nmod:poss`` and ``obl:tmod`` are kept.

Multi-word tokens (``1-2 وقصفت``) keep their words as tokens; every word of one surface token
gets the surface token's character span. Empty nodes (``5.1``) are skipped.

Speed matters here (millions of sentences per batch). A well-formed sentence is read column by
column: each word line is cut with ``str.split``, ``zip`` turns the rows into columns, and the
work per token runs in C (``map`` over slot descriptors builds the frozen tokens, equal to what
their constructor gives, at about half its cost). Anything unusual (multi-word tokens, empty
nodes, comments between words, a malformed line) takes the line-by-line path, which also finds
and reports the exact problem. No regular expression runs per line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from itertools import accumulate, compress, repeat
from operator import add, eq

from coder.errors import FrontendError, InputError
from coder.model import Sentence, Token

KeyFunction = Callable[[str, str, str], str]

COLUMNS = "ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC"

# UD v1 relation -> UD v2 relation (exact labels; `neg` and `nmod` depend on context).
_V1_RELATIONS = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "mwe": "fixed",
    "name": "flat",
    "foreign": "flat:foreign",
    "remnant": "orphan",
}
# Heads under which a UD v1 nominal modifier is an oblique in UD v2 (v2 keeps `nmod` for nominals).
_PREDICATES = frozenset(("VERB", "AUX", "ADJ", "ADV"))
# Labels that exist only in UD v2: a sentence using one is v2 and its `nmod` is left alone.
_V2_ONLY = frozenset(("obj", "obl", "fixed", "flat", "orphan", "nsubj:pass", "csubj:pass", "aux:pass",
                      "obl:tmod", "obl:npmod", "obl:agent", "obl:arg", "flat:name", "flat:foreign",
                      "compound:lvc", "compound:svc", "det:poss"))

# Tokens straight from their columns, in C: a Token is a named tuple
_token_from = functools.partial(tuple.__new__, Token)
# "1", "2", ... compared against a sentence's ID column in one go.
_IDS = tuple(str(i) for i in range(1, 513))
# head column text -> int for the usual range; anything else (``_``, junk) is checked word by word
_HEADS = {str(i): i for i in range(0, 513)}
_BLANK_LINE = re.compile(r"^[ \t]+$", re.MULTILINE)


def _default_key() -> KeyFunction:
    try:
        from coder.frontends.keys import match_key
    except ImportError as exc:  # pragma: no cover - only while the package is incomplete
        raise FrontendError(
            "coder.frontends.keys.match_key is not available; reinstall the package "
            "(or pass key=... to parse_conllu)") from exc
    return match_key


def _fail(sentence: int, line: int, what: str, raw: str | None = None) -> InputError:
    shown = f": {raw[:80]!r}" if raw is not None else ""
    return InputError(f"CoNLL-U sentence {sentence}, line {line}: {what}{shown}")


def _normalise_relation(deprel: str, head_upos: str | None, upos: str) -> str:
    """A UD v1 relation under its v2 name (called for sentences without v2-only labels)."""
    mapped = _V1_RELATIONS.get(deprel)
    if mapped is not None:
        return mapped
    if deprel == "neg":
        return "det" if upos == "DET" else "advmod"
    if deprel.startswith("nmod") and head_upos in _PREDICATES:
        base, _, subtype = deprel.partition(":")
        if base == "nmod" and subtype != "poss":
            return "obl:" + subtype if subtype else "obl"
    return deprel


# Folding used only to place tokens that a parser normalised (Arabic hamza forms, dropped
# diacritics, PTB bracket and quote tokens): applied to the text character by character so every
# folded position maps back to an original offset.
_FOLD_CHARS = {
    **{chr(c): "" for c in range(0x064B, 0x0653)}, "\u0670": "", "\u0640": "",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
    "،": ",", "؛": ";", "؟": "?", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "‘": "'", "’": "'", "–": "-", "—": "-",
}
# characters a token's span extends over when they follow it (marks a parser dropped)
_MARKS = frozenset(c for c, folded in _FOLD_CHARS.items() if not folded)
_FOLD_TOKENS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
                "``": '"', "''": '"'}


def _fold_char(char: str) -> str:
    folded = _FOLD_CHARS.get(char)
    if folded is not None:
        return folded
    lower = char.lower()
    return lower if len(lower) == 1 else char


def _fold(surface: str) -> str:
    surface = _FOLD_TOKENS.get(surface, surface)
    return "".join(_fold_char(c) for c in surface)


def _locate(text: str, surfaces: list[str]) -> list[tuple[int, int]]:
    """Character spans of the surface tokens in ``text``, found in order; (-1, -1) when absent.

    A match may skip over text only as far as the words that could not be found before it
    explain (plus one), so a parser's normalised form (``-LRB-``, «اجل» for «أجل») costs its
    own span, not the spans of every later token. Tokens not found literally are looked for
    again, between their found neighbours, in a folded copy of the text (no diacritics, one
    alef, PTB brackets and quotes as characters, lower case).
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    pending = 0
    find = text.find
    for surface in surfaces:
        pos = find(surface, cursor) if surface else -1
        if pos >= 0 and pos != cursor:
            gap = text[cursor:pos]
            if not gap.isspace() and len(gap.split()) > pending + 1:
                pos = -1
        if pos < 0:
            spans.append((-1, -1))
            pending += 1
            continue
        end = pos + len(surface)
        while end < len(text) and text[end] in _MARKS:
            end += 1
        spans.append((pos, end))
        cursor = end
        pending = 0
    if (-1, -1) in spans:
        _locate_folded(text, surfaces, spans)
    return spans


def _locate_folded(text: str, surfaces: list[str], spans: list[tuple[int, int]]) -> None:
    folded_chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        for piece in folded:
            folded_chars.append(piece)
            origin.append(index)
    folded_text = "".join(folded_chars)
    # folded position of an original offset (first folded char at or after it)
    folded_at = [len(origin)] * (len(text) + 1)
    for position in range(len(origin) - 1, -1, -1):
        folded_at[origin[position]] = position
    for index in range(len(text) - 1, -1, -1):
        if folded_at[index] == len(origin):
            folded_at[index] = folded_at[index + 1]
    cursor = 0
    for index, surface in enumerate(surfaces):
        start, end = spans[index]
        if start >= 0:
            cursor = folded_at[end]
            continue
        limit = len(folded_text)
        for later in spans[index + 1:]:
            if later[0] >= 0:
                limit = folded_at[later[0]]
                break
        target = _fold(surface)
        if not target:
            continue
        pos = folded_text.find(target, cursor, limit)
        if pos < 0 or folded_text[cursor:pos].strip():
            continue
        last = pos + len(target) - 1
        end = origin[last] + 1
        while end < len(text) and text[end] in _MARKS:
            end += 1
        spans[index] = (origin[pos], end)
        cursor = last + 1



class _Columns:
    """The word columns of one sentence plus its multi-word tokens and where its lines are."""

    __slots__ = ("forms", "lemmas", "upos", "feats", "heads", "deprels", "misc", "ranges", "lines",
                 "first_line")
    forms: Sequence[str]
    lemmas: Sequence[str]
    upos: Sequence[str]
    feats: Sequence[str]
    heads: Sequence[str]
    deprels: Sequence[str]
    misc: Sequence[str]

    def __init__(self, columns: list[tuple[str, ...]] | None, first_line: int) -> None:
        self.first_line = first_line
        self.ranges: dict[int, tuple[int, str, str, int]] = {}
        self.lines: list[int] | None = None
        if columns is not None:
            _ids, self.forms, self.lemmas, self.upos, _xpos, self.feats, self.heads, self.deprels, \
                _deps, self.misc = columns

    def line_of(self, position: int) -> int:
        """Line number of word ``position`` (counting from 1)."""
        if self.lines is not None:
            return self.lines[position - 1]
        return self.first_line + position - 1


def parse_conllu(text: str, language: str, sentence_texts: Sequence[str] | None = None, *,
                 key: KeyFunction | None = None) -> tuple[Sentence, ...]:
    """Read CoNLL-U text into sentences of UD tokens.

    ``Sentence.text`` is ``sentence_texts[i]`` when given (the sentences exactly as in the input),
    else the ``# text = ...`` comment, else the forms joined with spaces (honouring
    ``SpaceAfter=No``). Token offsets point into that text. ``Token.key`` is
    ``key(form, lemma, language)``, by default :func:`coder.frontends.keys.match_key`.
    An unspecified lemma (``_``) becomes ``""``; an unspecified head or relation ``None``.

    Raises :class:`InputError` naming the sentence (counting from 1), the line and the problem
    for a malformed line: a wrong number of columns, a non-integer id or head, a head outside
    the sentence, word ids out of sequence; and when ``sentence_texts`` does not hold one text
    per sentence.
    """
    if key is None:
        key = _default_key()
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if "\n " in text or "\n\t" in text or text[:1] in (" ", "\t"):
        # lines of blanks and tabs only separate sentences, like empty lines
        text = _BLANK_LINE.sub("", text)
    keys: dict[tuple[str, str], str] = {}
    sentences: list[Sentence] = []
    line_number = 1
    for block in text.split("\n\n"):
        first_line = line_number
        line_number += block.count("\n") + 2
        if not block or block[0] == "\n":
            stripped = block.lstrip("\n")
            first_line += len(block) - len(stripped)
            block = stripped
            if not block:
                continue
        lines = block.split("\n")
        if not lines[-1]:
            lines.pop()
        index = len(sentences)
        comment_text: str | None = None
        skip = 0
        for line in lines:
            if line[0] != "#":
                break
            name, equals, value = line[1:].partition("=")
            if equals and name.strip() == "text":
                comment_text = value.strip()
            skip += 1
        words = lines[skip:] if skip else lines
        if not words:
            continue  # comments only: no sentence
        columns = _fast_columns(words, first_line + skip)
        if columns is None:
            columns = _slow_columns(words, first_line + skip, index + 1)
            if not columns.forms:
                continue
        given = None
        if sentence_texts is not None and index < len(sentence_texts):
            given = sentence_texts[index]
        sentences.append(_build(columns, comment_text if given is None else given, index, language,
                                key, keys))
    if sentence_texts is not None and len(sentence_texts) != len(sentences):
        raise InputError(f"CoNLL-U has {len(sentences)} sentences but {len(sentence_texts)} sentence "
                         "texts were given; give one text per CoNLL-U sentence")
    return tuple(sentences)


def _fast_columns(words: list[str], first_line: int) -> _Columns | None:
    """Columns of a plain sentence (ten columns a line, ids 1..n), or None for the slow path."""
    count = len(words)
    if count > len(_IDS):
        return None
    rows = list(map(str.split, words, repeat("\t", count)))
    if set(map(len, rows)) != {10}:
        return None
    columns = list(zip(*rows, strict=True))
    if columns[0] != _IDS[:count]:
        return None
    return _Columns(columns, first_line)


def _slow_columns(words: list[str], first_line: int, sentence: int) -> _Columns:
    """Columns read line by line: multi-word tokens, empty nodes, stray comments, errors."""
    rows: list[list[str]] = []
    columns = _Columns(None, first_line)
    columns.lines = []
    for offset, line in enumerate(words):
        number = first_line + offset
        if line[0] == "#":
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise _fail(sentence, number,
                        f"expected 10 tab-separated columns ({COLUMNS}), found {len(cols)}", line)
        ident = cols[0]
        if ident.isdecimal():
            if int(ident) != len(rows) + 1:
                raise _fail(sentence, number,
                            f"word id {ident} out of sequence (expected {len(rows) + 1})", line)
            rows.append(cols)
            columns.lines.append(number)
            continue
        if "." in ident:
            whole, _, part = ident.partition(".")
            if not (whole.isdecimal() and part.isdecimal()):
                raise _fail(sentence, number, f"word id {ident!r} is not an integer", line)
            continue  # an empty node (enhanced UD): no surface word
        first, dash, last = ident.partition("-")
        if dash and first.isdecimal() and last.isdecimal():
            start, stop = int(first), int(last)
            if start != len(rows) + 1 or stop < start:
                raise _fail(sentence, number,
                            f"multi-word token range {ident!r} does not start at the next word "
                            f"({len(rows) + 1}) or ends before it starts", line)
            columns.ranges[start] = (stop, cols[1], cols[9], number)
            continue
        raise _fail(sentence, number, f"word id {ident!r} is not an integer", line)
    for start, (stop, _form, _misc, number) in columns.ranges.items():
        if stop > len(rows):
            raise _fail(sentence, number, f"multi-word token {start}-{stop} covers words the "
                        f"sentence lacks (it has {len(rows)})")
    columns.forms = [cols[1] for cols in rows]
    columns.lemmas = [cols[2] for cols in rows]
    columns.upos = [cols[3] for cols in rows]
    columns.feats = [cols[5] for cols in rows]
    columns.heads = [cols[6] for cols in rows]
    columns.deprels = [cols[7] for cols in rows]
    columns.misc = [cols[9] for cols in rows]
    return columns


def _heads(columns: _Columns, sentence: int) -> list[int | None]:
    texts = columns.heads
    count = len(texts)
    heads: list[int | None] = list(map(_HEADS.get, texts))
    if None not in heads and max(heads) <= count:  # type: ignore[type-var]
        if not any(map(eq, heads, range(1, count + 1))):
            return heads
    heads = []
    for position, head_text in enumerate(texts, start=1):
        if head_text == "_":
            heads.append(None)
            continue
        if not head_text.isdecimal():
            raise _fail(sentence, columns.line_of(position), f"head {head_text!r} is not an integer")
        head = int(head_text)
        if head > count:
            raise _fail(sentence, columns.line_of(position),
                        f"head {head} is out of range (the sentence has {count} words)")
        if head == position:
            raise _fail(sentence, columns.line_of(position), f"word {position} is its own head")
        heads.append(head)
    return heads


def _relations(columns: _Columns, heads: list[int | None]) -> list[str | None]:
    deprels: list[str | None] = list(columns.deprels)
    if _V2_ONLY.isdisjoint(deprels):
        # A UD v1 sentence (or one that cannot tell): rename, then place nominal modifiers.
        deprels = list(map(_V1_RELATIONS.get, deprels, deprels))
        contextual = list(map(str.startswith, columns.deprels, repeat(("nmod", "neg"))))
        if any(contextual):
            upos = columns.upos
            for index in compress(range(len(deprels)), contextual):
                head = heads[index]
                deprels[index] = _normalise_relation(
                    columns.deprels[index], upos[head - 1] if head else None, upos[index])
    elif not _V1_RELATIONS.keys().isdisjoint(deprels):
        deprels = list(map(_V1_RELATIONS.get, deprels, deprels))
    if "_" in deprels:
        deprels = [None if d == "_" else d for d in deprels]
    return deprels


def _build(columns: _Columns, given_text: str | None, index: int, language: str, key: KeyFunction,
           keys: dict[tuple[str, str], str]) -> Sentence:
    sentence = index + 1
    forms = columns.forms
    count = len(forms)
    heads = _heads(columns, sentence)
    deprels = _relations(columns, heads)
    lemmas = columns.lemmas
    if "_" in lemmas:
        lemmas = ["" if lemma == "_" and form != "_" else lemma
                  for form, lemma in zip(forms, lemmas, strict=True)]
    pairs = list(zip(forms, lemmas, strict=True))
    token_keys = list(map(keys.get, pairs))
    if None in token_keys:
        for position, pair in enumerate(pairs):
            if token_keys[position] is None:
                found = key(pair[0], pair[1], language)
                keys[pair] = found
                token_keys[position] = found

    # Surface units: a multi-word token or a plain word; words of one unit share its span.
    if columns.ranges:
        surfaces, misc, unit_of = _units(columns)
    else:
        surfaces, misc, unit_of = forms, columns.misc, None
    if "SpaceAfter=No" in "\t".join(misc):
        gaps = [0 if "SpaceAfter=No" in m else 1 for m in misc]
        rebuilt = "".join(s + " " * g for s, g in zip(surfaces, gaps, strict=True)).rstrip(" ")
    else:
        gaps = None
        rebuilt = " ".join(surfaces)
    text = rebuilt if given_text is None else given_text
    if text == rebuilt:
        lengths = list(map(len, surfaces))
        steps = list(map(add, lengths, gaps)) if gaps is not None else [n + 1 for n in lengths]
        starts = [0, *accumulate(steps[:-1])]
        ends = list(map(add, starts, lengths))
    else:
        spans = _locate(text, surfaces)
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
    if unit_of is not None:
        starts = [starts[u] for u in unit_of]
        ends = [ends[u] for u in unit_of]

    tokens = tuple(map(_token_from, zip(range(1, count + 1), forms, lemmas, columns.upos, token_keys,
                                        columns.feats, heads, deprels, starts, ends, strict=True)))
    return Sentence(index=index, text=text, tokens=tokens, language=language)


def _units(columns: _Columns) -> tuple[list[str], list[str], list[int]]:
    surfaces: list[str] = []
    misc: list[str] = []
    unit_of: list[int] = []
    count = len(columns.forms)
    position = 1
    while position <= count:
        span = columns.ranges.get(position)
        if span is not None:
            stop, form, span_misc, _line = span
            surfaces.append(form)
            misc.append(span_misc)
            unit_of.extend([len(surfaces) - 1] * (stop - position + 1))
            position = stop + 1
        else:
            surfaces.append(columns.forms[position - 1])
            misc.append(columns.misc[position - 1])
            unit_of.append(len(surfaces) - 1)
            position += 1
    return surfaces, misc, unit_of
