"""Code the notes of real ACLED records and compare the primary event with each record.

Each record's ``notes`` is one English document dated by its ``event_date`` (ACLED's '9-May-20'
format). The primary event of a document is its first primary row (the merged record of the first
incident the document names), the same rule as ``coder eval``. Figures: event_type, sub_event_type,
fatalities exact, the unordered {inter1, inter2} pair, admin1, country, event_date, and the share of
documents split into more than one incident; each for all records and for the held-out fifth
(``data_id`` divisible by 5), which was never looked at while writing the rules.

    python benchmarks/bench_acled.py [CSV] [--limit N] [--dump FIELD] [--codebook DIR]

``--dump FIELD`` prints the development records (not the held-out ones) where FIELD is wrong.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from coder.eval.gold import parse_acled_date
from coder.model import Document
from coder.pipeline import Coder, code_documents

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared" / "gold" / "acled" / "acled_2020-04-27_2020-05-09_dev.csv"
)
FIELDS = ("event_type", "sub_event_type", "fatalities", "inter", "admin1", "country", "event_date")
FLOORS = {
    "event_type": 0.85,
    "sub_event_type": 0.70,
    "fatalities": 0.90,
    "inter": 0.70,
    "admin1": 0.60,
    "event_date": 0.95,
}


def _pair(a, b):
    if a is None or a == "":
        return None
    return tuple(sorted((int(a), int(b or 0))))


def _expected(record: dict[str, str]) -> dict[str, object]:
    return {
        "event_type": record["event_type"],
        "sub_event_type": record["sub_event_type"],
        "fatalities": int(record["fatalities"]),
        "inter": _pair(record["inter1"], record["inter2"]),
        "admin1": record["admin1"],
        "country": record["country"],
        "event_date": parse_acled_date(record["event_date"]),
    }


def _produced(row) -> dict[str, object]:
    if row is None:
        return dict.fromkeys(FIELDS)
    return {
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type,
        "fatalities": row.fatalities,
        "inter": _pair(row.inter1, row.inter2),
        "admin1": row.admin1 or "",
        "country": row.country or "",
        "event_date": row.event_date,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--dump", choices=FIELDS + ("coverage",))
    parser.add_argument("--codebook", type=Path)
    args = parser.parse_args(argv)
    if not args.csv.is_file():
        print(f"{args.csv}: no such file (../shared/gold/acled is needed)", file=sys.stderr)
        return 2
    with args.csv.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))[: args.limit]
    docs = [
        Document(
            id=r["event_id_cnty"],
            text=r["notes"],
            date=parse_acled_date(r["event_date"]),
            language="en",
            input=args.csv.name,
            position=n,
        )
        for n, r in enumerate(records, start=2)
    ]
    coder = Coder(codebook_path=args.codebook)
    _ = coder.compiled  # the codebook's load and compile are not part of the per-document cost
    start = time.perf_counter()
    batch = code_documents(docs, coder)
    seconds = time.perf_counter() - start
    by_doc: dict[str, list] = {}
    for row in batch.rows:
        by_doc.setdefault(row.doc_id, []).append(row)
    hits = {name: Counter() for name in FIELDS + ("coverage", "split")}
    totals: Counter = Counter()
    for record, doc in zip(records, docs, strict=True):
        rows = by_doc.get(doc.id, [])
        primary = next((r for r in rows if r.is_primary), None)
        want, got = _expected(record), _produced(primary)
        part = "holdout" if int(record["data_id"]) % 5 == 0 else "dev"
        for key in (part, "all"):
            totals[key] += 1
            hits["coverage"][key] += primary is not None
            hits["split"][key] += len({r.incident_id for r in rows if r.incident_id}) > 1
            for name in FIELDS:
                hits[name][key] += got[name] == want[name]
        if args.dump and part == "dev":
            wrong = primary is None if args.dump == "coverage" else got[args.dump] != want[args.dump]
            if wrong:
                shown = "" if args.dump == "coverage" else f"{want[args.dump]!r} <- {got[args.dump]!r}  "
                print(
                    f"{doc.id} {shown}[{record['event_type']} / {record['sub_event_type']}; "
                    f"{record['actor1']} ({record['inter1']}) / {record['actor2']} ({record['inter2']}); "
                    f"{record['admin1']}; {record['fatalities']}]"
                )
                print(f"    {record['notes']}")
                produced = [(r.cameo_code, r.event_type, r.sub_event_type, r.actor1, r.actor2, r.admin1,
                             r.fatalities, r.is_primary) for r in rows]
                print(f"    -> {produced}")
    print(
        f"{len(records)} records, {len(batch.rows)} rows, {seconds:.2f} s "
        f"({len(records) / seconds:,.0f} records/s, one process)"
    )
    print(f"{'figure':<22}{'all':>8}{'held-out':>10}{'floor':>8}")
    for name in ("coverage",) + FIELDS + ("split",):
        values = [hits[name][k] / totals[k] if totals[k] else 0.0 for k in ("all", "holdout")]
        floor = FLOORS.get(name)
        print(f"{name:<22}{values[0]:>8.3f}{values[1]:>10.3f}{'' if floor is None else f'{floor:>8.2f}'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
