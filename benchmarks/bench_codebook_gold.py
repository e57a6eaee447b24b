"""How well the default codebook's verb patterns and agents code the shared gold suites.

Figures (the first mention of a sentence that is not a statement or appeal, CAMEO roots 01-02,
is the one scored):

- Arabic (../shared/gold/arabic/ar_gsr_protest_assault_dev.jsonl), with the given parses
  (``--parser conllu``) and from raw text (``lite``):
  class   its PLOVER type equals the gold class (PROTEST / ASSAULT);
  source  where the gold names a source ('CTY AGT', parts 'None' unchecked, 'None None' left out),
          its source actor has that country (code[:3]) and that role (code[3:6]);
  target  likewise for the target.
- English (../shared/gold/plover/plover_gsr_cameo_examples.jsonl, lite):
  class   its PLOVER type equals ``plover_2021`` (else ``event`` with DEMAND->REQUEST,
          DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT);
  source  its source country equals the country of the gold's first source (where that is a
          country: IGO, NGO and other non-state codes aside; old codes JAP->JPN, ITL->ITA, VTN->VNM).

    .venv/bin/python benchmarks/bench_codebook_gold.py [--codebook DIR] [--misses ar-conllu|ar-lite|en]
                                                       [--only SETTING] [--mentions]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
AR_GOLD = SHARED / "gold" / "arabic" / "ar_gsr_protest_assault_dev.jsonl"
EN_GOLD = SHARED / "gold" / "plover" / "plover_gsr_cameo_examples.jsonl"

STATEMENT_ROOTS = ("01", "02")
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "ISM", "INT", "MNC", "UIS", "REB", "---"})


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    value = value.replace("-", "")
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


def first_event(rows):
    """The first mention that is neither a statement nor an appeal (rows are in sentence order)."""
    for row in rows:
        if row.cameo_root not in STATEMENT_ROOTS:
            return row
    return None


MENTIONS_ONLY = False  # --mentions: score the engine's mentions, without the incidents layer


@dataclass(frozen=True)
class _Row:
    """The fields of an EventRow this benchmark reads, built from an engine mention."""

    cameo_code: str
    cameo_root: str
    plover_event: str | None
    source_actor: str | None
    target_actor: str | None
    source_country: str | None
    source_text: str | None
    target_text: str | None
    rule_id: str


def _mention_rows(coder, doc, language: str) -> list[_Row]:
    from coder.codebook.taxonomy import load_taxonomy
    from coder.engine.coder import code_sentence
    from coder.pipeline import parse_document

    taxonomy = load_taxonomy()
    rows = []
    for sentence in parse_document(doc, language, coder):
        for m in code_sentence(sentence, coder.compiled, doc.date, coder.settings):
            src, tgt = m.source, m.target
            rows.append(_Row(m.code, m.code[:2], taxonomy.plover(m.code), src.code if src else None,
                             tgt.code if tgt else None, src.country if src else None,
                             src.text if src else None, tgt.text if tgt else None, m.rule_id))
    return rows


def code(coder, record: dict, *, language: str, conllu: bool):
    from coder.model import Document
    from coder.pipeline import code_document

    doc = Document(id=str(record["id"]), text=record["text"], date=_date(record.get("date")),
                   language=language, conllu=record.get("parse") if conllu else None)
    if MENTIONS_ONLY:
        return _mention_rows(coder, doc, language)
    rows, _ = code_document(doc, coder)
    return rows


def _parts(gold: str | None) -> tuple[str | None, str | None]:
    if not gold:
        return None, None
    country, _, role = gold.partition(" ")
    return (None if country in ("None", "") else country), (None if role in ("None", "") else role)


def _actor_fits(code: str | None, gold: str | None) -> bool:
    country, role = _parts(gold)
    if code is None:
        return False
    if country is not None and code[:3] != country:
        return False
    if role is not None and code[3:6] != role:
        return False
    return True


def arabic(coder, conllu: bool, misses: bool) -> dict[str, float]:
    records = [json.loads(line) for line in AR_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = ok_class = n_source = ok_source = n_target = ok_target = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for record in records:
        gold = record["events"][0]
        rows = code(coder, record, language="ar", conllu=conllu)
        event = first_event(rows)
        produced = event.plover_event if event else None
        n += 1
        class_ok = produced == gold["plover"]
        ok_class += class_ok
        confusion[(gold["plover"], str(produced))] += 1
        problems = []
        if not class_ok:
            problems.append(f"class {produced} != {gold['plover']}")
        for side, key in (("source", "source_actor"), ("target", "target_actor")):
            if _parts(gold[side]) == (None, None):
                continue
            fits = event is not None and _actor_fits(getattr(event, key), gold[side])
            if side == "source":
                n_source += 1
                ok_source += fits
            else:
                n_target += 1
                ok_target += fits
            if not fits:
                problems.append(f"{side} {getattr(event, key) if event else None} != {gold[side]}")
        if misses and problems:
            texts = record.get("event_texts") or [{}]
            print(f"--- {record['id']}  " + "; ".join(problems))
            print(f"    {record['text']}")
            print(f"    gold: verb «{texts[0].get('eventtext', '')}» src «{texts[0].get('sourcetext', '')}» "
                  f"tgt «{texts[0].get('targettext', '')}»")
            for row in rows:
                print(f"    row: {row.cameo_code} {row.plover_event} {row.source_actor}({row.source_text}) -> "
                      f"{row.target_actor}({row.target_text})  {row.rule_id}")
    return {"sentences": n, "class": ok_class / n, "source": ok_source / max(n_source, 1),
            "target": ok_target / max(n_target, 1), "n_source": n_source, "n_target": n_target,
            "no_event": sum(v for (g, p), v in confusion.items() if p == "None") / n}


def _gold_type(record: dict) -> str:
    if record.get("plover_2021"):
        return record["plover_2021"]
    return OLD_TYPES.get(record["event"], record["event"])


def _gold_country(record: dict) -> str | None:
    source = record.get("source")
    if not isinstance(source, list) or not source:
        return None
    code = str(source[0].get("code") or "")[:3].upper()
    code = OLD_CODES.get(code, code)
    if len(code) != 3 or code in NOT_COUNTRIES:
        return None
    return code


def english(coder, misses: bool) -> dict[str, float]:
    records = [json.loads(line) for line in EN_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = ok_class = n_country = ok_country = 0
    per_type: Counter[str] = Counter()
    per_type_ok: Counter[str] = Counter()
    for record in records:
        rows = code(coder, record, language="en", conllu=False)
        event = first_event(rows)
        gold = _gold_type(record)
        produced = event.plover_event if event else None
        n += 1
        per_type[gold] += 1
        class_ok = produced == gold
        ok_class += class_ok
        per_type_ok[gold] += class_ok
        problems = []
        if not class_ok:
            problems.append(f"class {produced} != {gold}")
        country = _gold_country(record)
        if country is not None:
            n_country += 1
            ours = None
            if event is not None:
                ours = event.source_country or (event.source_actor or "")[:3] or None
            ok_country += ours == country
            if ours != country:
                problems.append(f"source country {ours} != {country}")
        if misses and problems:
            print(f"--- {record['id']}  " + "; ".join(problems))
            print(f"    {record['text']}")
            info = record.get("textInfo")
            print(f"    gold: {info.get('markup', '') if isinstance(info, dict) else record.get('eventText', '')}")
            for row in rows:
                print(f"    row: {row.cameo_code} {row.plover_event} {row.source_actor}({row.source_text}) -> "
                      f"{row.target_actor}({row.target_text})  {row.rule_id}")
    out = {"sentences": n, "class": ok_class / n, "source_country": ok_country / max(n_country, 1),
           "n_country": n_country}
    out["per_type"] = {t: f"{per_type_ok[t]}/{per_type[t]}" for t in sorted(per_type)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--codebook", type=Path, default=None, help="codebook folder (default: the embedded one)")
    parser.add_argument("--misses", choices=("ar-conllu", "ar-lite", "en"), default=None,
                        help="print every sentence of that setting that misses a figure")
    parser.add_argument("--only", choices=("ar-conllu", "ar-lite", "en"), default=None)
    parser.add_argument("--mentions", action="store_true",
                        help="score the rule engine's mentions directly, without the incidents layer")
    args = parser.parse_args(argv)
    global MENTIONS_ONLY
    MENTIONS_ONLY = args.mentions
    sys.path.insert(0, str(REPO))
    from coder.pipeline import Coder

    settings = [("ar-conllu", "conllu"), ("ar-lite", "lite"), ("en", "lite")]
    for name, parser_name in settings:
        if args.only and name != args.only:
            continue
        coder = Coder(codebook_path=args.codebook, parser=parser_name)
        started = time.perf_counter()
        if name == "en":
            figures = english(coder, args.misses == name)
        else:
            figures = arabic(coder, parser_name == "conllu", args.misses == name)
        seconds = time.perf_counter() - started
        shown = ", ".join(f"{k} {v:.1%}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())
        print(f"{name:10s} {shown}  ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
