"""Whole-process throughput of `coder code --parser conllu` (parses given with the input).

Builds a synthetic archive by recombining the sentences of UniversalPetrarch's English
validation suite (../shared/gold/petrarch, each with its UD parse), so every document differs,
imports the suite's dictionaries as the codebook (or takes --codebook), runs the real command
line on it (start-up, reading the CoNLL-U, coding, writing Parquet), and prints sentences per
second.

    .venv/bin/python benchmarks/bench_conllu.py --sentences 50000
    .venv/bin/python benchmarks/bench_conllu.py --codebook /path/to/imported/phoenix --profile
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold" / "petrarch" / "en_udp_validate_2_02.jsonl"
DICTIONARIES = SHARED / "dictionaries" / "validate_2_02"


def gold_sentences() -> list[tuple[str, str]]:
    """(text, CoNLL-U) of every case of the validation suite."""
    out = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("parse"):
            out.append((record["text"], record["parse"].strip("\n") + "\n"))
    return out


def write_archive(path: Path, sentences: int, per_doc: int, rng: random.Random) -> tuple[int, int]:
    pool = gold_sentences()
    written = docs = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < sentences:
            chosen = [rng.choice(pool) for _ in range(min(per_doc, sentences - written))]
            record = {"id": f"doc{docs}", "date": f"1995-0{1 + docs % 9}-1{docs % 10}", "lang": "en",
                      "text": "\n".join(text for text, _ in chosen),
                      "conllu": "\n".join(parse for _, parse in chosen)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += len(chosen)
            docs += 1
    return written, docs


def import_codebook(out: Path) -> None:
    from coder.codebook.petrarch import import_petrarch

    import_petrarch(verbs=DICTIONARIES / "PETR_Validate_verbs_2_02.txt",
                    actors=[DICTIONARIES / "PETR_Validate_actors_2_02.txt"],
                    agents=DICTIONARIES / "PETR_Validate_agents_2_02.txt",
                    discards=DICTIONARIES / "PETR_Validate_discards_2_02.txt", out_dir=out)


def profile(archive: Path, codebook: Path, limit: int) -> None:
    """Where the time goes when coding in this process (no pool), top ``limit`` functions."""
    from coder.io.readers import ReadOptions, read_documents
    from coder.pipeline import Coder, code_documents

    coder = Coder(codebook_path=codebook, parser="conllu")
    records = list(read_documents(archive, ReadOptions()))
    profiler = cProfile.Profile()
    profiler.enable()
    code_documents(records, coder)
    profiler.disable()
    pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "tottime")).print_stats(limit)


def stages(archive: Path, codebook: Path) -> None:
    """Single-core throughput of each stage, in this process: reading the CoNLL-U into
    sentences, the rule engine, and the whole per-document pipeline (incident layer included)."""
    from coder.engine.coder import code_sentence
    from coder.frontends.conllu import parse_conllu
    from coder.io.readers import ReadOptions, read_documents
    from coder.pipeline import Coder, code_documents

    coder = Coder(codebook_path=codebook, parser="conllu")
    compiled, settings = coder.compiled, coder.settings
    documents = list(read_documents(archive, ReadOptions()))
    start = time.perf_counter()
    parsed = [(d, parse_conllu(d.conllu, "en")) for d in documents]
    read = time.perf_counter()
    mentions = sum(len(code_sentence(s, compiled, d.date, settings)) for d, ss in parsed for s in ss)
    engine = time.perf_counter()
    rows = len(code_documents(documents, coder).rows)
    whole = time.perf_counter()
    count = sum(len(ss) for _, ss in parsed)
    print(f"per core: CoNLL-U reading {count / (read - start):,.0f} sentences/s, rule engine "
          f"{count / (engine - read):,.0f} sentences/s ({mentions} mentions), whole pipeline with the "
          f"incident layer {count / (whole - engine):,.0f} sentences/s ({rows} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=50000)
    parser.add_argument("--per-doc", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--codebook", type=Path, help="codebook folder (default: the suite's, imported)")
    parser.add_argument("--profile", action="store_true", help="profile coding in-process instead")
    parser.add_argument("--stages", action="store_true", help="time each stage on one core instead")
    parser.add_argument("--extra", nargs="*", default=[], help="extra arguments for coder code")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive.jsonl"
        sentences, docs = write_archive(archive, args.sentences, args.per_doc, rng)
        codebook = args.codebook
        if codebook is None:
            codebook = Path(tmp) / "validate_2_02"
            import_codebook(codebook)
        if args.profile:
            profile(archive, codebook, 30)
            return
        if args.stages:
            stages(archive, codebook)
            return
        command = [sys.executable, "-m", "coder.cli.main", "code", str(archive), "-o",
                   str(Path(tmp) / "out.parquet"), "--parser", "conllu", "--codebook", str(codebook),
                   "-q", *args.extra]
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        subprocess.run(command, check=True, capture_output=True, env=env)  # warm the codebook cache
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"conllu: {docs} docs, {sentences} sentences, {os.cpu_count()} cores; median {median:.2f} s over "
          f"{args.repeat} runs -> {sentences / median:,.0f} sentences/s (whole process)")


if __name__ == "__main__":
    main()
