"""UniversalPetrarch's English validation suite, coded with its own dictionaries and parses.

Imports ../shared/dictionaries/validate_2_02 into a temporary codebook, codes every case that
is evaluated and expects no error (its CoNLL-U parse as input, ``--parser conllu``, the case's
``require_dyad`` honoured), and prints the share of sentences whose set of (source, target, code)
triples equals the expected set, triple precision/recall/F1, and both per category.

    .venv/bin/python benchmarks/bench_validation.py [--show FAILED|ALL] [--category DEMO]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from coder.codebook.petrarch import import_petrarch
from coder.engine.coder import code_sentence
from coder.frontends.conllu import parse_conllu
from coder.model import Document
from coder.pipeline import Coder, code_documents

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold" / "petrarch" / "en_udp_validate_2_02.jsonl"
DICTIONARIES = SHARED / "dictionaries" / "validate_2_02"

Triple = tuple[str | None, str | None, str]
# Rows the incident layer adds from its own cue words (no codebook entry made them): not the
# rule engine's, and not PETRARCH's either, so they are counted apart.
CUE_RULES = ("incidents/",)


def import_validation(out: Path) -> None:
    import_petrarch(verbs=DICTIONARIES / "PETR_Validate_verbs_2_02.txt",
                    actors=[DICTIONARIES / "PETR_Validate_actors_2_02.txt"],
                    agents=DICTIONARIES / "PETR_Validate_agents_2_02.txt",
                    discards=DICTIONARIES / "PETR_Validate_discards_2_02.txt", out_dir=out)


def cases() -> list[dict]:
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if r.get("evaluate") and not r.get("error")]


def require_dyad(case: dict) -> bool | None:
    value = (case.get("config") or {}).get("require_dyad")
    return None if value is None else str(value).lower() == "true"


def day(text: str) -> dt.date | None:
    text = text.replace("-", "")
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])) if len(text) == 8 else None


def code_case(case: dict, coders: dict[bool | None, Coder], via: str) -> tuple[Counter, list]:
    """The triples of one case: from the rule engine's mentions (``via="engine"``) or from the
    Parquet rows of the whole pipeline (``via="rows"``, the incident layer included)."""
    coder = coders[require_dyad(case)]
    date = day(case["date"])
    if via == "engine":
        mentions = [m for s in parse_conllu(case["parse"], "en")
                    for m in code_sentence(s, coder.compiled, date, coder.settings)]
        shown = [(m.code, m.source.code if m.source else None, m.source.text if m.source else None,
                  m.target.code if m.target else None, m.target.text if m.target else None, m.rule_id)
                 for m in mentions]
        return Counter((x[1], x[3], x[0]) for x in shown), shown
    doc = Document(id=case["id"], text=case["text"], date=date, language="en", conllu=case["parse"])
    rows = [r for r in code_documents([doc], coder).rows if not r.rule_id.startswith(CUE_RULES)]
    shown = [(r.cameo_code, r.source_actor, r.source_text, r.target_actor, r.target_text, r.rule_id)
             for r in rows]
    return Counter((x[1], x[3], x[0]) for x in shown), shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--codebook", type=Path, help="an imported codebook (default: import afresh)")
    parser.add_argument("--show", choices=("failed", "all"), help="print cases")
    parser.add_argument("--category", help="only this category")
    parser.add_argument("--via", choices=("engine", "rows"), default="engine",
                        help="score the rule engine's mentions (default) or the pipeline's rows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.codebook
        if folder is None:
            folder = Path(tmp) / "validate_2_02"
            import_validation(folder)
        base = Coder(codebook_path=folder, parser="conllu")
        coders = {None: base, True: dataclasses.replace(base, require_dyad=True),
                  False: dataclasses.replace(base, require_dyad=False)}
        selected = [c for c in cases() if args.category in (None, c["category"])]
        exact: Counter[str] = Counter()
        total: Counter[str] = Counter()
        tp: Counter[str] = Counter()
        fp: Counter[str] = Counter()
        fn: Counter[str] = Counter()
        failures: dict[str, list[str]] = defaultdict(list)
        start = time.perf_counter()
        for case in selected:
            category = case["category"]
            expected = Counter((e["source"], e["target"], e["code"]) for e in case["events"])
            got, rows = code_case(case, coders, args.via)
            ok = set(got) == set(expected)
            total[category] += 1
            exact[category] += ok
            tp[category] += sum((got & expected).values())
            fp[category] += sum((got - expected).values())
            fn[category] += sum((expected - got).values())
            if not ok:
                failures[category].append(case["id"])
            if args.show == "all" or (args.show == "failed" and not ok):
                print(f"{'ok ' if ok else 'BAD'} {case['id']} dyad={require_dyad(case)} {case['text']}")
                print(f"     expected {sorted(expected, key=str)}")
                print(f"     got      {sorted(got, key=str)}")
                for code, source, source_text, target, target_text, rule in rows:
                    print(f"       {code} {source}<{source_text}> {target}<{target_text}> {rule}")
        seconds = time.perf_counter() - start
    print(f"{'category':10} {'cases':>5} {'exact':>7} {'P':>6} {'R':>6} {'F1':>6}")
    for category in sorted(total, key=lambda c: -total[c]) + ["ALL"]:
        if category == "ALL":
            n, e = sum(total.values()), sum(exact.values())
            t, p, f = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            n, e, t, p, f = total[category], exact[category], tp[category], fp[category], fn[category]
        precision = t / (t + p) if t + p else 1.0
        recall = t / (t + f) if t + f else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{category:10} {n:5d} {100 * e / n:6.1f}% {precision:6.3f} {recall:6.3f} {f1:6.3f}")
    print(f"{sum(total.values())} cases in {seconds:.2f}s (scored: {args.via})")
    if args.show is None:
        for category, ids in sorted(failures.items()):
            print(f"  failed {category}: {' '.join(ids)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
