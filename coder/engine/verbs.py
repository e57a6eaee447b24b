"""Find verb anchors and the most specific pattern of each: what was done, and its CAMEO code."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from coder.codebook.compile import CompiledCodebook, CompiledPattern, Group, PhraseItem, VerbRef
from coder.codebook.entries import NO_CODE
from coder.model import Sentence

# Literal words of a pattern must follow each other within this many tokens (lite word order).
WINDOW = 6
# Within the anchor's own phrase (dependency parses) words may lie further apart.
TREE_WINDOW = 12
# Words that negate an anchor when they stand just before it.
NEGATORS = {
    "en": frozenset({"not", "n't", "never", "no", "neither", "nor", "fail", "refuse", "any"}),
    # «لأي هجوم» (any attack) is hypothetical, not an event
    "ar": frozenset({"لم", "لن", "لا", "عدم", "ليس", "دون", "اي"}),
}
# With a dependency tree only a negation that depends on the anchor itself counts: "did not
# attack" is no attack, "did not try to attack"... is a failed attempt that the codebook decides.
TREE_NEGATORS = {
    "en": frozenset({"not", "n't", "never", "no"}),
    "ar": frozenset({"لم", "لن", "لا", "ليس", "عدم"}),
}
NEGATION_RELATIONS = frozenset({"neg", "advmod", "det", "aux", "part", "mark"})
NEGATION_REACH = 3
SLOTS = ("$", "+")


@dataclass(frozen=True, slots=True)
class VerbHit:
    verb: int
    start: int
    end: int
    code: str | None  # None: the pattern codes the reverse event only
    rule_id: str
    acled: str | None
    source_slot: int | None
    target_slot: int | None
    negated: bool
    last: int  # the last token the pattern used (actors beyond it are less likely its roles)
    reverse: str | None = None  # the code of the event the target does to the source
    pairwise: bool = False  # several sources, no target: every pair, both ways
    used: tuple[int, ...] = ()  # positions of the pattern's literal words


@dataclass(frozen=True, slots=True)
class PatternFit:
    pattern: CompiledPattern
    source_slot: int | None
    target_slot: int | None
    last: int
    used: tuple[int, ...]


Item = str | tuple[PhraseItem, ...] | Group
# words that may stand between the words of a group ("on some programs", "fired two shells")
DETERMINERS = frozenset({"DET", "NUM"})


def _item_at(item: Item, keys: Sequence[str], pos: int, cb: CompiledCodebook, language: str,
             mask: Collection[int] | None, skip: Collection[int] = ()) -> int | None:
    """The end of ``item`` when it matches at ``pos``, else None."""
    if isinstance(item, Group):
        for n, part in enumerate(item.items):
            if n:
                while pos in skip:
                    pos += 1
            end = _item_at(part, keys, pos, cb, language, mask)
            if end is None:
                return None
            pos = end
        return pos
    if isinstance(item, str):  # &SYNSET
        index = cb.synsets.get((item[1:], language))
        match = index.longest_at(keys, pos) if index is not None else None
        if match is None:
            return None
        end = match.end
    else:
        end = pos + len(item)
        if end > len(keys) or not all(it.matches(keys[pos + j]) for j, it in enumerate(item)):
            return None
    if mask is not None and any(p not in mask for p in range(pos, end)):
        return None
    return end


def _fit_after(items: Sequence[Item], keys: Sequence[str], start: int, cb: CompiledCodebook, language: str,
               window: int, mask: Collection[int] | None, skip: Collection[int]):
    pos = start
    slots: dict[str, int] = {}
    used: list[int] = []
    for item in items:
        if item in SLOTS:
            slots[item] = pos  # type: ignore[index]
            continue
        if item == "^":  # any one word
            if pos >= len(keys):
                return None
            pos += 1
            continue
        found = None
        for p in range(pos, min(pos + window, len(keys))):
            end = _item_at(item, keys, p, cb, language, mask, skip)
            if end is not None:
                found = (p, end)
                break
        if found is None:
            return None
        used.extend(range(*found))
        pos = found[1]
    return slots, pos, used


def _fit_before(items: Sequence[Item], keys: Sequence[str], end: int, cb: CompiledCodebook, language: str,
                window: int, skip: Collection[int], barrier: Collection[int]):
    """Items before the anchor, matched right to left, not across a position of ``barrier``."""
    pos = end
    slots: dict[str, int] = {}
    used: list[int] = []
    for item in reversed(items):
        if item in SLOTS:
            slots[item] = pos - 1  # type: ignore[index]
            continue
        if item == "^":
            if pos <= 0:
                return None
            pos -= 1
            continue
        found = None
        for p in range(pos - 1, max(pos - 1 - window, -1), -1):
            stop = _item_at(item, keys, p, cb, language, None, skip)
            if stop is not None and stop <= pos:
                found = (p, stop)
                break
            if p in barrier:
                break
        if found is None:
            return None
        used.extend(range(*found))
        pos = found[0]
    return slots, pos, used


def best_pattern(keys: Sequence[str], start: int, end: int, patterns: Sequence[CompiledPattern],
                 cb: CompiledCodebook, language: str, mask: Collection[int] | None = None,
                 skip: Collection[int] = (), barrier: Collection[int] = ()) -> PatternFit | None:
    """The pattern with the most literal words that fits around the anchor (sorted already).

    ``mask`` (dependency parses) holds the positions the words after the anchor may take: the
    anchor's own phrase, not the next clause. ``skip`` holds the positions that may stand
    between the words of a group (determiners and numbers: "on some programs"); words before
    the anchor are not looked for beyond a position of ``barrier`` (a coordinating conjunction:
    in "Neither Galadriel nor Gollum boycotted", "neither" is not the verb's).
    """
    window = WINDOW if mask is None else TREE_WINDOW
    best: PatternFit | None = None
    for pattern in patterns:
        if best is not None and pattern.literals < best.pattern.literals:
            break  # sorted by literals: none of the rest can cover more words (synsets aside)
        after = _fit_after(pattern.after, keys, end, cb, language, window, mask, skip)
        if after is None:
            continue
        before = _fit_before(pattern.before, keys, start, cb, language, WINDOW, skip, barrier)
        if before is None:
            continue
        slots = {**before[0], **after[0]}
        fit = PatternFit(pattern, slots.get("$"), slots.get("+"), after[1], tuple(before[2] + after[2]))
        # of patterns with as many items, the one that covers more words ("austrian gold florin"
        # in one synset against "florin" in another)
        if best is None or len(fit.used) > len(best.used):
            best = fit
    return best


def negated_by_order(sentence: Sentence, start: int) -> bool:
    negators = NEGATORS.get(sentence.language, frozenset())
    return any(t.key in negators for t in sentence.tokens[max(0, start - NEGATION_REACH):start])


def negated_by_tree(sentence: Sentence, children: Sequence[int], rels: Sequence[str]) -> bool:
    """A negation word that depends on the anchor ("did not attack", "didn't clash")."""
    negators = TREE_NEGATORS.get(sentence.language, frozenset())
    tokens = sentence.tokens
    return any(tokens[c].key in negators and rels[c].partition(":")[0] in NEGATION_RELATIONS
               for c in children)


def _anchors(sentence: Sentence, cb: CompiledCodebook, keys: Sequence[str]):
    """The anchor matches, left to right, not overlapping: the longest at each position; of
    equally long ones, an anchor written as the text's very words ("left", listed apart from
    "leave") before one that matches only by lemma."""
    index = cb.verb_index(sentence.language)
    tokens = sentence.tokens
    i = 0
    count = len(keys)
    while i < count:
        found = index.all_at(keys, i)
        if not found:
            i += 1
            continue
        if len(found) > 1:
            longest = found[0].end
            same = [m for m in found if m.end == longest]
            forms = tuple(t.form.lower() for t in tokens[i:longest])
            match = next((m for m in same if m.payload.forms == forms), same[0])
        else:
            match = found[0]
        yield match
        i = match.end


def find_verbs(sentence: Sentence, cb: CompiledCodebook, masks=None, barrier: Collection[int] = (),
               ) -> list[VerbHit]:
    """Anchors left to right, each with its code (from the best pattern or the block default).

    ``masks`` (dependency parses) maps an anchor's span to the positions its pattern may use;
    words before an anchor are not looked for across a position of ``barrier``.
    """
    keys = [t.key for t in sentence.tokens]
    language = sentence.language
    skip = frozenset(i for i, t in enumerate(sentence.tokens) if t.upos in DETERMINERS)
    hits: list[VerbHit] = []
    for match in _anchors(sentence, cb, keys):
        ref: VerbRef = match.payload
        verb = cb.codebook.verbs[ref.verb]
        mask = masks(match.start, match.end) if masks is not None else None
        fit = best_pattern(keys, match.start, match.end, cb.patterns.get((ref.verb, language), ()),
                           cb, language, mask, skip, barrier)
        negated = negated_by_order(sentence, match.start) if masks is None else False
        if fit is not None:
            entry = verb.patterns[fit.pattern.pattern]
            code = None if entry.code == NO_CODE else entry.code
            hits.append(VerbHit(ref.verb, match.start, match.end, code, entry.where, entry.acled or verb.acled,
                                fit.source_slot, fit.target_slot, entry.negate or negated,
                                max(fit.last, match.end), entry.reverse, entry.pairwise, fit.used))
        elif verb.code is not None or verb.reverse is not None:
            hits.append(VerbHit(ref.verb, match.start, match.end, verb.code, verb.where, verb.acled,
                                None, None, negated, match.end, verb.reverse))
    return hits
