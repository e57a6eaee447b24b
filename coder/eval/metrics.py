"""Pure scoring functions: triples, rates, actor agreement, confusion tables, baseline differences.

Nothing here codes text or reads files; every function takes plain values and returns plain values,
so each figure of a report can be recomputed by hand from the cases it lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from coder.eval.gold import ActorSpec, Triple

STATEMENT_ROOTS = frozenset({"01", "02"})  # statements and appeals: PLOVER does not code them
NONE_LABEL = "(none)"


@dataclass(frozen=True, slots=True)
class Ratio:
    """``hits`` of ``total``; ``value`` is None when there is nothing to count."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)


def ratio(flags: Iterable[bool | None]) -> Ratio:
    """The share of True among the flags that are not None (None: not checked)."""
    checked = [f for f in flags if f is not None]
    return Ratio(sum(1 for f in checked if f), len(checked))


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts of true positives, false positives and false negatives, with the rates they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2·tp / (2·tp + fp + fn): the harmonic mean of precision and recall, 0 when tp is 0."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def triple_prf(expected: Iterable[Triple], produced: Iterable[Triple]) -> PRF:
    """Multiset counts: a triple produced twice but expected once is one hit and one false positive."""
    want, got = Counter(expected), Counter(produced)
    tp = sum((want & got).values())
    return PRF(tp, sum(got.values()) - tp, sum(want.values()) - tp)


def total_prf(items: Iterable[PRF]) -> PRF:
    """Micro-averaged counts over many sentences."""
    out = PRF()
    for item in items:
        out = out + item
    return out


def exact_set(expected: Iterable[Triple], produced: Iterable[Triple]) -> bool:
    """Whether a sentence gives exactly the expected triples (as sets: repeats do not matter)."""
    return set(expected) == set(produced)


def roots(triples: Iterable[Triple]) -> tuple[Triple, ...]:
    """The triples with their codes cut to the CAMEO root ("0874" -> "08")."""
    return tuple(t.root() for t in triples)


def in_order(expected: Sequence[Hashable], produced: Sequence[Hashable]) -> bool:
    """Whether the expected items (codes, triples) appear among the produced ones in the expected order,
    each taken at its first occurrence; produced items not expected are ignored."""
    wanted = set(expected)
    seen: list[Hashable] = []
    for item in produced:
        if item in wanted and item not in seen:
            seen.append(item)
    return seen == list(dict.fromkeys(expected))


def first_substantive(codes: Sequence[str]) -> int | None:
    """Index of the first code that is not a statement or appeal (CAMEO roots 01-02); None if none."""
    for index, code in enumerate(codes):
        if code[:2] not in STATEMENT_ROOTS:
            return index
    return None


def split_actor_code(code: str | None) -> tuple[str | None, str | None]:
    """A CAMEO actor code as (country, role): the first three letters and the next three."""
    if not code:
        return None, None
    return code[:3] or None, code[3:6] or None


def actor_agrees(spec: ActorSpec, code: str | None) -> bool:
    """Whether our actor code has the gold's country and role (a None part of the gold is not checked).

    A three-letter code of ours stands for a country or for a role alone ('MIL' for "the army"), so
    it fits a gold that names just that part ('None MIL').
    """
    country, role = split_actor_code(code)
    if code is not None and len(code) == 3 and spec.country is None:
        return spec.role == code
    if spec.country is not None and country != spec.country:
        return False
    return spec.role is None or role == spec.role


def mean_absolute_error(pairs: Iterable[tuple[int, int]]) -> float | None:
    values = [abs(a - b) for a, b in pairs]
    return sum(values) / len(values) if values else None


@dataclass(frozen=True, slots=True)
class Confusion:
    """Counts of (gold label, produced label); ``rows`` and ``columns`` list the labels in order."""

    counts: Mapping[tuple[str, str], int]
    rows: tuple[str, ...]
    columns: tuple[str, ...]


def confusion(pairs: Iterable[tuple[str | None, str | None]]) -> Confusion:
    """Gold labels down, produced labels across; None becomes '(none)' (missing or spurious)."""
    counts: Counter[tuple[str, str]] = Counter((g or NONE_LABEL, p or NONE_LABEL) for g, p in pairs)
    def order(labels: set[str]) -> tuple[str, ...]:
        return tuple(sorted(labels - {NONE_LABEL})) + ((NONE_LABEL,) if NONE_LABEL in labels else ())
    return Confusion(dict(counts), order({g for g, _ in counts}), order({p for _, p in counts}))


def pair_roots(expected: Sequence[Triple], produced: Sequence[Triple]) -> list[tuple[str | None, str | None]]:
    """(gold root, produced root) pairs of one sentence for the confusion table.

    An expected triple pairs with a produced one of the same actors if there is one, else with any
    produced triple left over; what stays unpaired is paired with None.
    """
    left = list(produced)
    pairs: list[tuple[str | None, str | None]] = []
    unmatched: list[Triple] = []
    for triple in expected:
        same = next((p for p in left if (p.source, p.target) == (triple.source, triple.target)), None)
        if same is None:
            unmatched.append(triple)
            continue
        left.remove(same)
        pairs.append((triple.code[:2], same.code[:2]))
    for triple in unmatched:
        other = left.pop(0) if left else None
        pairs.append((triple.code[:2], other.code[:2] if other else None))
    pairs.extend((None, p.code[:2]) for p in left)
    return pairs


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a baseline diff needs of one case: whether it was right, and what was produced."""

    ok: bool
    signature: str


@dataclass(frozen=True, slots=True)
class BaselineDiff:
    """Cases whose coding changed since the baseline, by key: wrong→right, right→wrong, wrong→other wrong."""

    fixed: tuple[str, ...]
    broken: tuple[str, ...]
    different: tuple[str, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]


def classify_change(old: Snapshot, new: Snapshot) -> str | None:
    """'fixed', 'broken', 'different' (still wrong, other output) or None (unchanged)."""
    if not old.ok and new.ok:
        return "fixed"
    if old.ok and not new.ok:
        return "broken"
    if old.signature != new.signature and not new.ok:
        return "different"
    return None


def diff_snapshots(old: Mapping[str, Snapshot], new: Mapping[str, Snapshot]) -> BaselineDiff:
    """Classify every case present in both runs; list the cases only one run has."""
    found: dict[str, list[str]] = {"fixed": [], "broken": [], "different": []}
    for key, snapshot in new.items():
        if key in old:
            kind = classify_change(old[key], snapshot)
            if kind:
                found[kind].append(key)
    return BaselineDiff(tuple(found["fixed"]), tuple(found["broken"]), tuple(found["different"]),
                        tuple(k for k in new if k not in old), tuple(k for k in old if k not in new))
