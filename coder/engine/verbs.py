"""Find verb anchors and the most specific pattern of each: what was done, and its CAMEO code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coder.codebook.compile import CompiledCodebook, CompiledPattern, PhraseItem
from coder.model import Sentence

# Literal words of a pattern must follow each other within this many tokens (lite word order).
WINDOW = 6
# Words that negate an anchor when they stand just before it.
NEGATORS = {
    "en": frozenset({"not", "n't", "never", "no", "neither", "nor", "fail", "refuse", "any"}),
    # «لأي هجوم» (any attack) is hypothetical, not an event
    "ar": frozenset({"لم", "لن", "لا", "عدم", "ليس", "دون", "اي"}),
}
NEGATION_REACH = 3


@dataclass(frozen=True, slots=True)
class VerbHit:
    verb: int
    start: int
    end: int
    code: str
    rule_id: str
    acled: str | None
    source_slot: int | None
    target_slot: int | None
    negated: bool
    last: int  # the last token the pattern used (actors beyond it are less likely its roles)


@dataclass(frozen=True, slots=True)
class PatternFit:
    pattern: CompiledPattern
    source_slot: int | None
    target_slot: int | None
    last: int


def _find_item(item: tuple[PhraseItem, ...], keys: Sequence[str], start: int, stop: int) -> int | None:
    """First position in [start, stop) where the (one- or more-word) item matches; its end."""
    for pos in range(max(start, 0), min(stop, len(keys))):
        end = pos + len(item)
        if end <= len(keys) and all(it.matches(keys[pos + j]) for j, it in enumerate(item)):
            return end
    return None


def _fit_after(items, keys, start: int, cb: CompiledCodebook, language: str):
    pos = start
    slots: dict[str, int] = {}
    for item in items:
        if isinstance(item, str) and item in ("$", "+"):
            slots[item] = pos
            continue
        if isinstance(item, str):  # &SYNSET
            index = cb.synsets.get((item[1:], language))
            found = None
            if index is not None:
                for p in range(pos, min(pos + WINDOW, len(keys))):
                    match = index.longest_at(keys, p)
                    if match is not None:
                        found = match.end
                        break
        else:
            found = _find_item(item, keys, pos, pos + WINDOW)
        if found is None:
            return None
        pos = found
    return slots, pos


def _fit_before(items, keys, end: int, cb: CompiledCodebook, language: str):
    """Items before the anchor, matched right to left."""
    pos = end
    slots: dict[str, int] = {}
    for item in reversed(items):
        if isinstance(item, str) and item in ("$", "+"):
            slots[item] = pos - 1
            continue
        found = None
        for p in range(pos - 1, max(pos - 1 - WINDOW, -1), -1):
            if isinstance(item, str):
                index = cb.synsets.get((item[1:], language))
                match = index.longest_at(keys, p) if index is not None else None
                hit = match is not None and match.end <= pos
            else:
                hit = _find_item(item, keys, p, p + 1) is not None and p + len(item) <= pos
            if hit:
                found = p
                break
        if found is None:
            return None
        pos = found
    return slots, pos


def best_pattern(keys: Sequence[str], start: int, end: int, patterns: Sequence[CompiledPattern],
                 cb: CompiledCodebook, language: str) -> PatternFit | None:
    """The pattern with the most literal words that fits around the anchor (sorted already)."""
    for pattern in patterns:
        after = _fit_after(pattern.after, keys, end, cb, language)
        if after is None:
            continue
        before = _fit_before(pattern.before, keys, start, cb, language)
        if before is None:
            continue
        slots = {**before[0], **after[0]}
        return PatternFit(pattern, slots.get("$"), slots.get("+"), after[1])
    return None


def _negated(sentence: Sentence, start: int) -> bool:
    negators = NEGATORS.get(sentence.language, frozenset())
    return any(t.key in negators for t in sentence.tokens[max(0, start - NEGATION_REACH):start])


def find_verbs(sentence: Sentence, cb: CompiledCodebook) -> list[VerbHit]:
    """Anchors left to right, each with its code (from the best pattern or the block default)."""
    keys = [t.key for t in sentence.tokens]
    language = sentence.language
    hits: list[VerbHit] = []
    for match in cb.verb_index(language).scan(keys):
        verb = cb.codebook.verbs[match.payload]
        fit = best_pattern(keys, match.start, match.end, cb.patterns.get((match.payload, language), ()),
                           cb, language)
        if fit is not None:
            entry = verb.patterns[fit.pattern.pattern]
            code, rule, acled = entry.code, entry.where, entry.acled or verb.acled
            negated = entry.negate or _negated(sentence, match.start)
            hits.append(VerbHit(match.payload, match.start, match.end, code, rule, acled,
                                fit.source_slot, fit.target_slot, negated, max(fit.last, match.end)))
        elif verb.code is not None:
            hits.append(VerbHit(match.payload, match.start, match.end, verb.code, verb.where, verb.acled,
                                None, None, _negated(sentence, match.start), match.end))
    return hits
