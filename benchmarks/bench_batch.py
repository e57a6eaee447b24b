"""Batch coding at scale: whole-process throughput by worker count, and peak memory by archive size.

Peak memory is the largest sum of resident memory over the whole process tree (the command and
its workers), sampled every 0.1 s from /proc.

``--corpus seeds`` (the default, issue 8's figure) recombines the 6 English / 7 Arabic sentences
of seeds/news_sample.jsonl three to a document. ``--corpus gold`` recombines real news text
instead, thousands of distinct sentences (English: the ACLED notes, PLOVER and PETRARCH examples;
Arabic: the Arabic gold sentences, all in ../shared/gold), so that nothing learnt from a handful
of repeated sentences helps; its sentences are counted by the lite splitter, and characters per
second are printed too, since real sentences are longer (Arabic gold: ~180 characters, against
~85 for the seeds).

    .venv/bin/python benchmarks/bench_batch.py throughput --docs 50000 --lang en
    .venv/bin/python benchmarks/bench_batch.py throughput --docs 50000 --lang ar --corpus gold
    .venv/bin/python benchmarks/bench_batch.py memory --sizes 10000 100000 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_lite import seed_sentences

REPO = Path(__file__).resolve().parents[1]


def tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parent, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


SHARED_GOLD = REPO.parent / "shared" / "gold"


def gold_texts(language: str) -> list[str]:
    """Real news texts of one language from ../shared/gold (exits when it is absent)."""
    from coder.eval.gold import read_gold

    names = (["acled/acled_2020-04-27_2020-05-09_dev.csv", "plover/plover_gsr_cameo_examples.jsonl",
              "petrarch/en_udp_validate_2_02.jsonl"] if language == "en"
             else ["arabic/ar_gsr_protest_assault_dev.jsonl"])
    texts = {case.text.strip() for name in names if (SHARED_GOLD / name).is_file()
             for case in read_gold(SHARED_GOLD / name).cases}
    texts.discard("")
    if not texts:
        raise SystemExit(f"no gold texts in {SHARED_GOLD}: --corpus gold needs ../shared")
    return sorted(texts)


def write_archive(path: Path, docs: int, language: str, per_doc: int,
                  corpus: str = "seeds") -> tuple[int, int]:
    """Write ``docs`` documents of ``per_doc`` texts each; (sentences, characters) written."""
    from coder.frontends.lite.sentences import split_sentences

    rng = random.Random(11)
    texts = seed_sentences(language) if corpus == "seeds" else gold_texts(language)
    counts = {text: len(split_sentences(text, language)) for text in texts}
    sentences = characters = 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(docs):
            chosen = [rng.choice(texts) for _ in range(per_doc)]
            sentences += sum(counts[t] for t in chosen)
            characters += sum(len(t) for t in chosen)
            handle.write(json.dumps({"id": f"d{i}", "date": "2020-05-01", "lang": language,
                                     "text": "\n".join(chosen)}, ensure_ascii=False) + "\n")
    return sentences, characters


def run(archive: Path, out: Path, workers: int) -> tuple[float, int]:
    command = [sys.executable, "-m", "coder.cli.main", "code", str(archive), "-o", str(out),
               "--workers", str(workers), "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kib(process.pid))
        time.sleep(0.1)
    if process.returncode:
        raise SystemExit(f"coder failed with exit code {process.returncode}")
    return time.perf_counter() - start, peak


def throughput(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive.jsonl"
        sentences, characters = write_archive(archive, args.docs, args.lang, args.per_doc, args.corpus)
        rates = {}
        for workers in (1, 2):
            seconds, peak = run(archive, Path(tmp) / f"out{workers}.parquet", workers)
            rates[workers] = sentences / seconds
            print(f"lite {args.lang}, {args.corpus} corpus, {args.docs:,} docs ({sentences:,} sentences, "
                  f"{characters / sentences:.0f} characters each), --workers {workers}: {seconds:.1f} s, "
                  f"{rates[workers]:,.0f} sentences/s ({characters / seconds / 1000:,.0f}k characters/s), "
                  f"peak RSS {peak / 1024:.0f} MiB")
        print(f"speed-up with 2 workers: {rates[2] / rates[1]:.2f}x")


def memory(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            archive = Path(tmp) / f"archive{size}.jsonl"
            write_archive(archive, size, args.lang, 1)
            seconds, peak = run(archive, Path(tmp) / f"out{size}", args.workers)
            print(f"{size:>9,} docs, --workers {args.workers}, folder output: {seconds:7.1f} s, "
                  f"peak RSS of the process tree {peak / 1024:,.0f} MiB")
            archive.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="mode", required=True)
    one = sub.add_parser("throughput")
    one.add_argument("--docs", type=int, default=50000)
    one.add_argument("--per-doc", type=int, default=3)
    one.add_argument("--lang", choices=("en", "ar"), default="en")
    one.add_argument("--corpus", choices=("seeds", "gold"), default="seeds")
    two = sub.add_parser("memory")
    two.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000, 1000000])
    two.add_argument("--lang", choices=("en", "ar"), default="en")
    two.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    throughput(args) if args.mode == "throughput" else memory(args)


if __name__ == "__main__":
    main()
