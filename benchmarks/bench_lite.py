"""Whole-process throughput of `coder code` with the lite front-end.

Builds a synthetic archive by recombining the sentences of seeds/news_sample.jsonl (so every
document is different), runs the real command line on it, and prints sentences per second.

    .venv/bin/python benchmarks/bench_lite.py --docs 20000 --lang ar
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def seed_sentences(language: str) -> list[str]:
    sentences = []
    for line in (REPO / "seeds" / "news_sample.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["lang"] == language:
            sentences.extend(s.strip() for s in record["text"].split("\n") if s.strip())
    return sentences


def write_archive(path: Path, docs: int, language: str, per_doc: int, rng: random.Random) -> int:
    sentences = seed_sentences(language)
    total = 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(docs):
            chosen = [rng.choice(sentences) for _ in range(per_doc)]
            total += per_doc
            record = {"id": f"doc{i}", "date": "2020-05-0%d" % (1 + i % 9), "lang": language,
                      "text": "\n".join(chosen)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--per-doc", type=int, default=5)
    parser.add_argument("--lang", choices=("en", "ar"), default="en")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--extra", nargs="*", default=[], help="extra arguments for coder code")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive.jsonl"
        sentences = write_archive(archive, args.docs, args.lang, args.per_doc, rng)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "coder.cli.main", "code", str(archive), "-o",
                            str(Path(tmp) / "out.parquet"), *args.extra], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"lite {args.lang}: {args.docs} docs, {sentences} sentences; median {median:.2f} s over "
          f"{args.repeat} runs -> {sentences / median:,.0f} sentences/s (whole process)")


if __name__ == "__main__":
    main()
