"""Find verb anchors and the most specific pattern of each: what was done, and its CAMEO code."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from coder.codebook.compile import CompiledCodebook, CompiledPattern, Group, PatternSieve, PhraseItem, VerbRef
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


class VerbHit(NamedTuple):
    """An anchor and the code its best pattern gives it (a named tuple: a few a sentence, read
    by the engine and the incident layer alike)."""

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
    patient: bool = False  # a noun whose genitive is whom the event befalls («مقتل ثلاثة جنود»)
    # a pattern made an ACLED event's anchor another kind of event ("condemned the attack")
    recoded: bool = False


class PatternFit(NamedTuple):
    pattern: CompiledPattern
    source_slot: int | None
    target_slot: int | None
    last: int
    used: tuple[int, ...]


Item = str | tuple[PhraseItem, ...] | Group
# words that may stand between the words of a group ("on some programs", "fired two shells")
DETERMINERS = frozenset({"DET", "NUM"})


class Matcher:
    """Fits patterns around the anchors of one sentence.

    ``skip`` holds the positions that may stand between the words of a group (determiners and
    numbers: "on some programs"); words before an anchor are not looked for beyond a position of
    ``barrier`` (a coordinating conjunction: in "Neither Galadriel nor Gollum boycotted",
    "neither" is not the verb's). Synset matches are remembered per position.
    """

    __slots__ = ("keys", "present", "cb", "language", "skip", "barrier", "_synsets", "_stems_found", "_where")

    def __init__(self, keys: Sequence[str], cb: CompiledCodebook, language: str,
                 skip: Collection[int] = (), barrier: Collection[int] = ()) -> None:
        self.keys = keys
        self.present = frozenset(keys)
        self.cb = cb
        self.language = language
        self.skip = skip
        self.barrier = barrier
        self._synsets: dict[tuple[str, int], int | None] = {}
        self._stems_found: frozenset[str] | None = None
        where: dict[str, list[int]] = {}
        for position, key in enumerate(keys):
            where.setdefault(key, []).append(position)
        self._where = where  # key -> its positions: a literal word is looked up, not scanned for

    def _stems(self) -> frozenset[str]:
        """The stems of the language's wildcard pattern words that begin some key of the
        sentence (every stem a pattern requires is one of them)."""
        if self._stems_found is None:
            stems = self.cb.stems.get(self.language)
            self._stems_found = stems.in_words(self.present) if stems is not None else frozenset()
        return self._stems_found

    def _synset_end(self, name: str, pos: int) -> int | None:
        key = (name, pos)
        if key in self._synsets:
            return self._synsets[key]
        index = self.cb.synsets.get((name, self.language))
        match = index.longest_at(self.keys, pos) if index is not None and pos < len(self.keys) else None
        end = match.end if match is not None else None
        self._synsets[key] = end
        return end

    def item_at(self, item: Item, pos: int, mask: Collection[int] | None) -> int | None:
        """The end of ``item`` when it matches at ``pos``, else None."""
        keys = self.keys
        if item.__class__ is tuple:  # a literal word (one or more keys; most are one)
            end = pos + len(item)  # type: ignore[arg-type]
            if end > len(keys):
                return None
            if end == pos + 1:
                if not item[0].matches(keys[pos]):  # type: ignore[index]
                    return None
            elif not all(it.matches(keys[pos + j]) for j, it in enumerate(item)):  # type: ignore[arg-type]
                return None
        elif item.__class__ is str:  # &SYNSET
            end = self._synset_end(item[1:], pos)  # type: ignore[index]
            if end is None:
                return None
        else:  # a group: its words next to each other
            skip = self.skip
            for n, part in enumerate(item.items):  # type: ignore[union-attr]
                found = self.item_at(part, pos, mask)
                while found is None and n and pos in skip:
                    pos += 1  # a determiner or a number between two words of the group
                    found = self.item_at(part, pos, mask)
                if found is None:
                    return None
                pos = found
            return pos
        if mask is not None and any(p not in mask for p in range(pos, end)):
            return None
        return end

    def _starts(self, item: Item, low: int, high: int) -> Sequence[int]:
        """Positions in [low, high) where ``item`` may begin: those of its first word's key when
        that is a plain word, those of the keys its stem begins when a wildcard («اعتقل*»), else
        every position."""
        if item.__class__ is tuple:
            first = item[0]  # type: ignore[index]
            if first.wildcard:
                keys, stem = self.keys, first.key
                return [p for p in range(low, high) if keys[p].startswith(stem)]
            found = self._where.get(first.key, ())
            if first.alt is not None:
                found = sorted([*found, *self._where.get(first.alt, ())])
            return [p for p in found if low <= p < high]
        return range(low, high)

    def fit_after(self, items: Sequence[Item], start: int, window: int, mask: Collection[int] | None):
        keys = self.keys
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
            for p in self._starts(item, pos, min(pos + window, len(keys))):
                end = self.item_at(item, p, mask)
                if end is not None:
                    found = (p, end)
                    break
            if found is None:
                return None
            used.extend(range(*found))
            pos = found[1]
        return slots, pos, used

    def fit_before(self, items: Sequence[Item], end: int, window: int, mask: Collection[int] | None):
        """Items before the anchor, matched right to left, not across a barrier."""
        barrier = self.barrier
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
            low = max(pos - window, 0)
            for p in range(pos - 1, low - 1, -1):  # the nearest barrier ends the search
                if p in barrier:
                    low = p
                    break
            for p in reversed(self._starts(item, low, pos)):
                stop = self.item_at(item, p, mask)
                if stop is not None and stop <= pos:
                    found = (p, stop)
                    break
            if found is None:
                return None
            used.extend(range(*found))
            pos = found[0]
        return slots, pos, used

    def best(self, start: int, end: int, sieve: PatternSieve,
             masks: tuple[Collection[int], Collection[int]] | None = None) -> PatternFit | None:
        """The pattern of the block with the most items that fits around the anchor; of
        those with as many, the one covering more words ("austrian gold florin" in one synset
        against "florin" in another). ``masks`` (dependency parses) hold the positions the words
        after the anchor may take (the anchor's own phrase, not the next clause) and those the
        words before it may take (its subject)."""
        after_mask, before_mask = masks if masks is not None else (None, None)
        window = WINDOW if masks is None else TREE_WINDOW
        present = self.present
        best: PatternFit | None = None
        # the sieve rules out most patterns by one word; these tests, inline, the rest
        for pattern in sieve.patterns_for(present, self._stems):
            if best is not None and pattern.literals < best.pattern.literals:
                break  # sorted: the rest have fewer items
            if pattern.required and not pattern.required <= present:
                continue
            if pattern.required_any and not _all_meet(present, pattern.required_any):
                continue
            if pattern.required_stems and not pattern.required_stems <= self._stems():
                continue
            after = self.fit_after(pattern.after, end, window, after_mask)
            if after is None:
                continue
            before = self.fit_before(pattern.before, start, WINDOW, before_mask)
            if before is None:
                continue
            slots = {**before[0], **after[0]}
            fit = PatternFit(pattern, slots.get("$"), slots.get("+"), after[1], tuple(before[2] + after[2]))
            if best is None or len(fit.used) > len(best.used):
                best = fit
        return best


def _all_meet(present: frozenset[str], alternatives: tuple[frozenset[str], ...]) -> bool:
    """Whether ``present`` holds one key of each set."""
    for keys in alternatives:
        if present.isdisjoint(keys):
            return False
    return True


def best_pattern(keys: Sequence[str], start: int, end: int, sieve: PatternSieve,
                 cb: CompiledCodebook, language: str) -> PatternFit | None:
    """The best pattern around one anchor by word order (see ``Matcher.best``)."""
    return Matcher(keys, cb, language).best(start, end, sieve)


def negated_by_order(sentence: Sentence, start: int) -> bool:
    """A negation word among the few words before the anchor."""
    negators = NEGATORS.get(sentence.language, frozenset())
    return not negators.isdisjoint(sentence.keys[max(0, start - NEGATION_REACH):start])


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
    may_start = index.may_start  # one look-up a word where stems of several lengths may start anchors
    while i < count:
        found = index.all_at(keys, i) if may_start(keys[i]) else None
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

    ``masks`` (dependency parses) maps an anchor's span to the positions its pattern's words
    may take after it and before it; words before an anchor are not looked for across a
    position of ``barrier``.
    """
    keys = sentence.keys
    language = sentence.language
    hits: list[VerbHit] = []
    matcher: Matcher | None = None
    for match in _anchors(sentence, cb, keys):
        ref: VerbRef = match.payload
        verb = cb.codebook.verbs[ref.verb]
        sieve = cb.patterns.get((ref.verb, language))
        fit = None
        if sieve is not None:
            if matcher is None:
                skip = frozenset(i for i, t in enumerate(sentence.tokens) if t.upos in DETERMINERS)
                matcher = Matcher(keys, cb, language, skip, barrier)
            fit = matcher.best(match.start, match.end, sieve,
                               masks(match.start, match.end) if masks is not None else None)
        negated = negated_by_order(sentence, match.start) if masks is None else False
        if fit is not None:
            entry = verb.patterns[fit.pattern.pattern]
            code = None if entry.code == NO_CODE else entry.code
            # a pattern that recodes an ACLED event's anchor to another kind of event ("condemned
            # the attack", "threatened to shell") is not the block's ACLED event
            recoded = verb.acled is not None and code is not None and verb.code is not None \
                and code[:2] != verb.code[:2]
            acled = entry.acled or (None if recoded else verb.acled)
            hits.append(VerbHit(ref.verb, match.start, match.end, code, entry.where, acled,
                                fit.source_slot, fit.target_slot, entry.negate or negated,
                                max(fit.last, match.end), entry.reverse, entry.pairwise, fit.used,
                                ref.patient, recoded))
        elif verb.code is not None or verb.reverse is not None:
            hits.append(VerbHit(ref.verb, match.start, match.end, verb.code, verb.where, verb.acled,
                                None, None, negated, match.end, verb.reverse, patient=ref.patient))
    return hits
