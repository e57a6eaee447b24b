"""Batch coding at scale: whole-process throughput by worker count, and peak memory by archive size.

Peak memory is the largest sum of resident memory over the whole process tree (the command and
its workers), sampled every 0.1 s from /proc.

    .venv/bin/python benchmarks/bench_batch.py throughput --docs 50000 --lang en
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


def write_archive(path: Path, docs: int, language: str, per_doc: int) -> int:
    rng = random.Random(11)
    sentences = seed_sentences(language)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(docs):
            text = "\n".join(rng.choice(sentences) for _ in range(per_doc))
            handle.write(json.dumps({"id": f"d{i}", "date": "2020-05-01", "lang": language, "text": text},
                                    ensure_ascii=False) + "\n")
    return docs * per_doc


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
        sentences = write_archive(archive, args.docs, args.lang, args.per_doc)
        rates = {}
        for workers in (1, 2):
            seconds, peak = run(archive, Path(tmp) / f"out{workers}.parquet", workers)
            rates[workers] = sentences / seconds
            print(f"lite {args.lang}, {args.docs:,} docs ({sentences:,} sentences), --workers {workers}: "
                  f"{seconds:.1f} s, {rates[workers]:,.0f} sentences/s, peak RSS {peak / 1024:.0f} MiB")
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
    two = sub.add_parser("memory")
    two.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000, 1000000])
    two.add_argument("--lang", choices=("en", "ar"), default="en")
    two.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    throughput(args) if args.mode == "throughput" else memory(args)


if __name__ == "__main__":
    main()
