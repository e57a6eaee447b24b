"""Gold case + produced events -> a case result; case results of a suite -> its figures and tables."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from coder.eval.gold import (
    OLD_COUNTRY_CODES,
    AcledGold,
    ClassGold,
    GoldCase,
    SeedGold,
    SeedItem,
    Triple,
    TripleGold,
    number_word,
)
from coder.eval.metrics import (
    NONE_LABEL,
    PRF,
    Ratio,
    actor_agrees,
    confusion,
    exact_set,
    first_substantive,
    in_order,
    mean_absolute_error,
    pair_roots,
    ratio,
    roots,
    total_prf,
    triple_prf,
)
from coder.eval.results import CaseResult, Check, Figure, ProducedEvent, Table

NO_EVENT = "(no event)"


def score_case(case: GoldCase, produced: Sequence[ProducedEvent], note: str | None = None) -> CaseResult:
    """Compare what was coded from one gold case with what the gold expects."""
    gold = case.expected
    if isinstance(gold, TripleGold):
        checks, expected = _triple_checks(gold, produced), _triples_text(gold.triples)
        ok = all(c.ok is not False for c in checks)
    elif isinstance(gold, ClassGold):
        checks, expected = _class_checks(gold, produced), _class_text(gold)
        ok = all(c.ok is not False for c in checks)
    elif isinstance(gold, AcledGold):
        checks, expected = _acled_checks(gold, produced), _acled_text(gold)
        ok = all(c.ok is not False for c in checks)
    else:
        checks = tuple(_seed_check(item, produced) for item in gold.items)
        expected = ", ".join(f"{sum(1 for i in gold.items if i.kind == k)} {k}"
                             for k in ("required", "optional", "forbidden"))
        ok = all(c.ok is not False
                 for c, item in zip(checks, gold.items, strict=True) if item.kind != "optional")
    return CaseResult(case.key, case.id, case.position, case.category, case.text, ok, tuple(checks),
                      tuple(produced), expected, note or case.note)


# --- triples (petrarch, coder) ------------------------------------------------------------------

def _triples_text(triples: Sequence[Triple]) -> str:
    return "; ".join(str(t) for t in triples) if triples else NO_EVENT


def _triple_checks(gold: TripleGold, produced: Sequence[ProducedEvent]) -> tuple[Check, ...]:
    got = [p.triple for p in produced]
    checks = [Check("events", _triples_text(sorted(set(gold.triples), key=str)),
                    _triples_text(sorted(set(got), key=str)), exact_set(gold.triples, got))]
    for event in gold.events:
        row = matching_row(event.triple, produced)
        for name, value in event.attributes:
            found = row.attribute(name) if row is not None else "(no event of that code)"
            checks.append(Check(f"{name} of {event.triple}", value, found, found == value))
    if gold.ordered:
        codes = [t.code for t in gold.triples]
        got_codes = [p.code for p in produced]
        checks.append(Check("order", " then ".join(codes), " then ".join(got_codes) or NO_EVENT,
                            in_order(codes, got_codes)))
    return tuple(checks)


def matching_row(triple: Triple, produced: Sequence[ProducedEvent]) -> ProducedEvent | None:
    """The produced row an expected event's attributes are checked on: the same triple, else the same
    code and source, else the same code, else the same root; so a wrong actor does not also count
    against the date or the fatalities."""
    tests = (lambda p: p.triple == triple, lambda p: (p.code, p.source) == (triple.code, triple.source),
             lambda p: p.code == triple.code, lambda p: p.code[:2] == triple.code[:2])
    for test in tests:
        row = next((p for p in produced if test(p)), None)
        if row is not None:
            return row
    return None


def _triple_pairs(pairs: Sequence[tuple[GoldCase, CaseResult]]) -> list[tuple[list[Triple], list[Triple]]]:
    out = []
    for case, result in pairs:
        assert isinstance(case.expected, TripleGold)
        out.append((list(case.expected.triples), [p.triple for p in result.produced]))
    return out


def _rate(key: str, label: str, value: Ratio) -> Figure:
    return Figure(key, label, value.value, f"{value.hits}/{value.total}")


def _prf_figures(prefix: str, label: str, prf: PRF) -> list[Figure]:
    detail = f"tp {prf.tp}, fp {prf.fp}, fn {prf.fn}"
    return [Figure(f"{prefix}precision", f"precision ({label})", prf.precision, detail),
            Figure(f"{prefix}recall", f"recall ({label})", prf.recall, detail),
            Figure(f"{prefix}f1", f"F1 ({label})", prf.f1, detail)]


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def triple_figures(pairs: Sequence[tuple[GoldCase, CaseResult]]) -> tuple[list[Figure], list[Table]]:
    triples = _triple_pairs(pairs)
    full = [(e, p) for e, p in triples]
    root = [(list(roots(e)), list(roots(p))) for e, p in triples]
    figures = [
        _rate("exact_set_rate", "exact-set rate (full code)", ratio(exact_set(e, p) for e, p in full)),
        _rate("root_exact_set_rate", "exact-set rate (root)", ratio(exact_set(e, p) for e, p in root)),
        *_prf_figures("", "full code", total_prf(triple_prf(e, p) for e, p in full)),
        *_prf_figures("root_", "root", total_prf(triple_prf(e, p) for e, p in root)),
    ]
    attribute_checks = [c for _, r in pairs for c in r.checks if " of " in c.name]
    if attribute_checks:
        figures.append(_rate("attribute_accuracy", "event attributes right (date, fatalities, ACLED type...)",
                             ratio(c.ok for c in attribute_checks)))
        by_name: dict[str, list[bool | None]] = defaultdict(list)
        for check in attribute_checks:
            by_name[check.name.split(" of ")[0]].append(check.ok)
        for name in sorted(by_name):
            figures.append(_rate(f"{name}_accuracy", f"{name} right", ratio(by_name[name])))
    order_checks = [c.ok for _, r in pairs for c in r.checks if c.name == "order"]
    if order_checks:
        figures.append(_rate("order_accuracy", "events in the expected order", ratio(order_checks)))
    figures.append(_rate("case_accuracy", "cases entirely right", ratio(r.ok for _, r in pairs)))

    rows = []
    for category, group in _by_category(pairs).items():
        sub = _triple_pairs(group)
        prf = total_prf(triple_prf(e, p) for e, p in sub)
        rows.append((category, str(len(group)), _fmt(ratio(exact_set(e, p) for e, p in sub).value),
                     _fmt(ratio(exact_set(roots(e), roots(p)) for e, p in sub).value),
                     _fmt(prf.precision), _fmt(prf.recall), _fmt(prf.f1)))
    tables = [Table("By category", ("category", "cases", "exact set", "exact set (root)", "precision",
                                    "recall", "F1"), tuple(rows))]
    tables.append(_confusion_table("Confusion of CAMEO roots (gold down, produced across)",
                                   [pair for e, p in triples for pair in pair_roots(e, p)],
                                   "expected triples pair with a produced triple of the same actors, "
                                   "else with any left over; (none): missing or spurious"))
    return figures, tables


Pairs = Sequence[tuple[GoldCase, CaseResult]]


def _by_category(pairs: Pairs) -> dict[str, list[tuple[GoldCase, CaseResult]]]:
    groups: dict[str, list[tuple[GoldCase, CaseResult]]] = defaultdict(list)
    for case, result in pairs:
        groups[case.category or "(none)"].append((case, result))
    return dict(sorted(groups.items()))


def _confusion_table(title: str, pairs: Sequence[tuple[str | None, str | None]], note: str = "") -> Table:
    table = confusion(pairs)
    rows = tuple((g, *(str(table.counts.get((g, p), "")) for p in table.columns)) for g in table.rows)
    return Table(title, ("gold \\ produced", *table.columns), rows, note)


# --- PLOVER class (gsr, plover) -----------------------------------------------------------------

def _class_text(gold: ClassGold) -> str:
    parts = [gold.plover]
    if gold.source:
        parts.append(f"source {gold.source}")
    if gold.target:
        parts.append(f"target {gold.target}")
    return ", ".join(parts)


def normalise_country(code: str | None) -> str | None:
    """Our actor code with an old CAMEO country prefix replaced by its ISO code (ROMGOV -> ROUGOV)."""
    if not code:
        return code
    return OLD_COUNTRY_CODES.get(code[:3], code[:3]) + code[3:]


def main_mention(produced: Sequence[ProducedEvent]) -> ProducedEvent | None:
    """The first mention that is not a statement or an appeal (CAMEO roots 01-02)."""
    index = first_substantive([p.code for p in produced])
    return produced[index] if index is not None else None


def _class_checks(gold: ClassGold, produced: Sequence[ProducedEvent]) -> tuple[Check, ...]:
    row = main_mention(produced)
    found = (row.plover or NONE_LABEL) if row else NO_EVENT
    checks = [Check("type", gold.plover, found, found == gold.plover)]
    for name, spec in (("source", gold.source), ("target", gold.target)):
        if spec is None:
            continue
        code = normalise_country(getattr(row, name)) if row else None
        checks.append(Check(name, str(spec), code or NONE_LABEL, actor_agrees(spec, code) if row else False))
    return tuple(checks)


def class_figures(pairs: Sequence[tuple[GoldCase, CaseResult]], fmt: str) -> tuple[list[Figure], list[Table]]:
    def check(result: CaseResult, name: str) -> bool | None:
        return next((c.ok for c in result.checks if c.name == name), None)

    source_label = ("source country right (first gold source a country)" if fmt == "plover"
                    else "source country+role agree (where the gold names one)")
    figures = [
        _rate("type_accuracy", "PLOVER type of the first non-statement mention", ratio(
            check(r, "type") for _, r in pairs)),
        _rate("source_agreement", source_label, ratio(check(r, "source") for _, r in pairs)),
    ]
    if fmt != "plover":
        figures.append(_rate("target_agreement", "target country+role agree (where the gold names one)",
                             ratio(check(r, "target") for _, r in pairs)))
        figures.append(_rate("full_agreement", "type, source and target all right",
                             ratio(r.ok for _, r in pairs)))
    figures.append(_rate("type_any", "gold type among any of our mentions", ratio(
        any(p.plover == _plover(c) for p in r.produced) for c, r in pairs)))
    figures.append(_rate("coverage", "sentences with a non-statement mention", ratio(
        main_mention(r.produced) is not None for _, r in pairs)))
    rows = []
    for category, group in _by_category(pairs).items():
        rows.append((category, str(len(group)), _fmt(ratio(check(r, "type") for _, r in group).value),
                     _fmt(ratio(check(r, "source") for _, r in group).value),
                     _fmt(ratio(check(r, "target") for _, r in group).value)))
    tables = [Table("By category", ("category", "cases", "type", "source", "target"), tuple(rows))]
    tables.append(_confusion_table(
        "Confusion of PLOVER types (gold down, produced across)",
        [(_plover(c), _produced_type(r)) for c, r in pairs],
        "produced: the type of the first mention that is not a statement or appeal; (none): no such mention"))
    return figures, tables


def _plover(case: GoldCase) -> str:
    assert isinstance(case.expected, ClassGold)
    return case.expected.plover


def _produced_type(result: CaseResult) -> str | None:
    row = main_mention(result.produced)
    return row.plover if row else None


# --- ACLED ----------------------------------------------------------------------------------------

def _acled_text(gold: AcledGold) -> str:
    return (f"{gold.event_type} / {gold.sub_event_type}, fatalities {gold.fatalities}, "
            f"inter {gold.inter1}/{gold.inter2}, {gold.admin1}, {gold.country}, {gold.event_date}")


def primary_event(produced: Sequence[ProducedEvent]) -> ProducedEvent | None:
    """The first primary row: the merged ACLED record of the document's first incident."""
    return next((p for p in produced if p.is_primary), None)


def inter_pair(a: int | None, b: int | None) -> tuple[int, int] | None:
    """The unordered {inter1, inter2} pair (ACLED may list the two actors either way round)."""
    if a is None:
        return None
    first, second = sorted((a, b or 0))
    return (first, second)


def _acled_checks(gold: AcledGold, produced: Sequence[ProducedEvent]) -> tuple[Check, ...]:
    row = primary_event(produced)

    def compare(name: str, want: object, get: Callable[[ProducedEvent], object]) -> Check:
        if row is None:
            return Check(name, str(want), NO_EVENT, False)
        found = get(row)
        return Check(name, str(want), str(found), found == want)

    return (
        compare("event_type", gold.event_type, lambda r: r.event_type),
        compare("sub_event_type", gold.sub_event_type, lambda r: r.sub_event_type),
        compare("fatalities", gold.fatalities, lambda r: r.fatalities),
        compare("inter", inter_pair(gold.inter1, gold.inter2), lambda r: inter_pair(r.inter1, r.inter2)),
        compare("admin1", gold.admin1, lambda r: r.admin1 or ""),
        compare("country", gold.country, lambda r: r.country or ""),
        compare("event_date", gold.event_date.isoformat() if gold.event_date else None,
                lambda r: r.event_date),
    )


def incidents(produced: Sequence[ProducedEvent]) -> int:
    return len({p.incident_id for p in produced if p.incident_id})


def acled_figures(pairs: Sequence[tuple[GoldCase, CaseResult]]) -> tuple[list[Figure], list[Table]]:
    def check(result: CaseResult, name: str) -> bool | None:
        return next((c.ok for c in result.checks if c.name == name), None)

    figures = [_rate("coverage", "records with a primary event", ratio(
        primary_event(r.produced) is not None for _, r in pairs))]
    for key, label in (("event_type", "event_type"), ("sub_event_type", "sub_event_type"),
                       ("fatalities", "fatalities exact"), ("inter", "{inter1, inter2} pair"),
                       ("admin1", "admin1"), ("country", "country"), ("event_date", "event_date")):
        figures.append(_rate(f"{key}_accuracy", label, ratio(check(r, key) for _, r in pairs)))
    errors = []
    for case, result in pairs:
        row = primary_event(result.produced)
        assert isinstance(case.expected, AcledGold)
        if row is not None and case.expected.fatalities is not None:
            errors.append((row.fatalities or 0, case.expected.fatalities))
    figures.append(Figure("fatalities_mae", "fatalities mean absolute error (records with a primary event)",
                          mean_absolute_error(errors), f"{len(errors)} records"))
    figures.append(_rate("split_rate", "records split into more than one incident", ratio(
        incidents(r.produced) > 1 for _, r in pairs)))
    figures.append(_rate("case_accuracy", "records entirely right", ratio(r.ok for _, r in pairs)))
    rows = []
    for category, group in _by_category(pairs).items():
        rows.append((category, str(len(group)),
                     _fmt(ratio(primary_event(r.produced) is not None for _, r in group).value),
                     *(_fmt(ratio(check(r, k) for _, r in group).value)
                       for k in ("event_type", "sub_event_type", "fatalities", "admin1"))))
    header = ("event_type", "records", "coverage", "event_type", "sub_event_type", "fatalities", "admin1")
    tables = [Table("By gold event type", header, tuple(rows))]
    tables.append(_confusion_table(
        "Confusion of ACLED event types (gold down, produced across)",
        [(_gold_type(c), (primary_event(r.produced) or _NO_ROW).event_type) for c, r in pairs],
        "produced: the event type of the document's first primary row; (none): no primary row"))
    return figures, tables


def _gold_type(case: GoldCase) -> str:
    assert isinstance(case.expected, AcledGold)
    return case.expected.event_type


_NO_ROW = ProducedEvent(0, "", None, None, "", None, None, None, None, None, None, None, None, None, None,
                        None, None, None, False, None, "")


# --- seed -----------------------------------------------------------------------------------------

_FATALITIES_RULE = re.compile(r"no event with fatalities (\d+) at day precision", re.I)
_AT_MOST_RULE = re.compile(r"at most (\w+) primary ([\w/ ]+?) incidents", re.I)


def _describe(item: SeedItem) -> str:
    parts = []
    if item.sentence_contains:
        parts.append(f"in «{item.sentence_contains}»")
    if item.source_country:
        parts.append(f"source {item.source_country}")
    if item.cameo_code_in:
        parts.append(f"code in {'/'.join(item.cameo_code_in)}")
    if item.cameo_root_in:
        parts.append(f"root in {'/'.join(item.cameo_root_in)}")
    if item.event_date:
        parts.append(f"date {item.event_date}")
    if item.time_precision:
        parts.append(f"precision {item.time_precision}")
    if item.event_type:
        parts.append(f"{item.event_type} / {'|'.join(item.sub_event_type_in) or '*'}")
    if item.fatalities is not None:
        parts.append(f"fatalities {item.fatalities}")
    if item.rule:
        parts.append(item.rule)
    return ", ".join(parts) or item.id


def _fits(item: SeedItem, row: ProducedEvent, merged: ProducedEvent) -> bool:
    """Whether a row meets every constraint the item gives (ACLED ones on its incident's merged row)."""
    if item.source_country and row.source_country != item.source_country:
        return False
    if item.cameo_code_in and row.code not in item.cameo_code_in:
        return False
    if item.cameo_root_in and row.code[:2] not in item.cameo_root_in:
        return False
    if item.event_date and row.event_date != item.event_date.isoformat():
        return False
    if item.time_precision is not None and row.time_precision != item.time_precision:
        return False
    if item.event_type and merged.event_type != item.event_type:
        return False
    if item.sub_event_type_in and merged.sub_event_type not in item.sub_event_type_in:
        return False
    if item.fatalities is not None and merged.fatalities != item.fatalities:
        return False
    if item.country and merged.country != item.country:
        return False
    if item.location_contains_any:
        places = " ".join(x or "" for x in (merged.location, merged.admin1)).lower()
        if not any(needle.lower() in places for needle in item.location_contains_any):
            return False
    return True


def _seed_check(item: SeedItem, produced: Sequence[ProducedEvent]) -> Check:
    name = f"{item.kind} {item.id}"
    rows = [p for p in produced if not item.sentence_contains or item.sentence_contains in p.sentence]
    shown = "; ".join(_seed_row(p) for p in rows) or NO_EVENT
    if item.kind in ("required", "optional"):
        primary = {p.incident_id: p for p in produced if p.is_primary and p.incident_id}
        ok = any(_fits(item, p, primary.get(p.incident_id, p) if p.incident_id else p) for p in rows)
        return Check(name, _describe(item), shown, ok)
    rule = item.rule or ""
    fatal = _FATALITIES_RULE.search(rule)
    if fatal and item.sentence_contains:
        count = int(fatal.group(1))
        ok = not any(p.fatalities == count and p.time_precision == 1 for p in rows)
        return Check(name, rule, shown, ok)
    at_most = _AT_MOST_RULE.search(rule)
    if at_most and number_word(at_most.group(1)) is not None:
        kind = at_most.group(2).strip()
        matching = [p for p in produced if p.is_primary and p.event_type == kind]
        limit = number_word(at_most.group(1)) or 0
        return Check(name, rule, f"{len(matching)} primary {kind} incidents", len(matching) <= limit)
    if rule.lower().startswith("no event") and item.sentence_contains:
        return Check(name, rule, shown, not rows)
    return Check(name, rule, "(rule in prose: not checked)", None)


def _seed_row(p: ProducedEvent) -> str:
    acled = f" {p.event_type}/{p.sub_event_type}" if p.event_type else ""
    return (f"{p.source or '-'}({p.source_country or '-'}) {p.code} {p.target or '-'} {p.event_date or ''}"
            f"{acled}{' primary' if p.is_primary else ''}")


def seed_figures(pairs: Sequence[tuple[GoldCase, CaseResult]]) -> tuple[list[Figure], list[Table]]:
    flags: dict[str, list[bool | None]] = defaultdict(list)
    for case, result in pairs:
        assert isinstance(case.expected, SeedGold)
        for item, check in zip(case.expected.items, result.checks, strict=True):
            flags[item.kind].append(check.ok)
    figures = [_rate("required_rate", "required events found", ratio(flags["required"])),
               _rate("optional_rate", "optional events found", ratio(flags["optional"])),
               _rate("forbidden_respected", "forbidden outcomes avoided (rules that can be checked)",
                     ratio(flags["forbidden"])),
               Figure("forbidden_unchecked", "forbidden rules written in prose (not checked)",
                      float(sum(1 for f in flags["forbidden"] if f is None)))]
    rows = tuple((c.name, c.expected, c.produced, {True: "yes", False: "NO", None: "-"}[c.ok])
                 for _, r in pairs for c in r.checks)
    return figures, [Table("Expectations", ("expectation", "expected", "produced", "met"), rows)]


def suite_figures(fmt: str, pairs: Sequence[tuple[GoldCase, CaseResult]]) -> tuple[list[Figure], list[Table]]:
    """The figures and tables of a suite of the given format."""
    if fmt in ("petrarch", "coder"):
        return triple_figures(pairs)
    if fmt in ("gsr", "plover"):
        return class_figures(pairs, fmt)
    if fmt == "acled":
        return acled_figures(pairs)
    return seed_figures(pairs)
