"""Throughput of the stanza front-end, measured with the TINY test model (not a real Stanza model).

Trains (or reuses, with --models) the tiny English model of tests/data/stanza/train_tiny.py and
parses documents recombined from its template sentences:

- load: building the pipeline (resources check + torch.load of four small models);
- batched: ``StanzaFrontend.parse_many`` over chunks of documents (what ``coder code`` does);
- one by one: ``StanzaFrontend.parse`` per document, to show what batching buys;
- whole process: ``coder code --parser stanza --models DIR`` on a JSONL archive (when the
  command line has --models).

Real Stanza models are 10-100x larger (charlm, pretrained vectors, 400-dim LSTMs), so these
figures are an upper bound on the stanza path's own overhead, not the speed of real parsing.

    .venv/bin/python benchmarks/bench_stanza.py --docs 1000 --chunk 500 --threads 1

On a small machine shared with other work, torch's default of one intra-op thread per core can be
several times slower than one thread (its threads spin waiting for busy cores): compare
``--threads 0`` (torch's default) with ``--threads 1``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "stanza"


def template_sentences() -> list[str]:
    texts = []
    for line in (DATA / "en_tiny.conllu").read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            texts.append(line[len("# text = "):])
    return texts


def documents(count: int, per_doc: int, rng: random.Random) -> list[str]:
    sentences = template_sentences()
    return [" ".join(rng.choice(sentences) for _ in range(per_doc)) for _ in range(count)]


def train(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(DATA / "train_tiny.py"), str(folder)], check=True,
                   capture_output=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    return time.perf_counter() - start


def cli_has_models_option() -> bool:
    from coder.cli.main import build_parser

    try:
        build_parser().parse_args(["code", "x", "-o", "y", "--parser", "stanza", "--models", "m"])
    except SystemExit:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--per-doc", type=int, default=5, help="sentences per document")
    parser.add_argument("--chunk", type=int, default=500, help="documents per parse_many call")
    parser.add_argument("--one-by-one", type=int, default=100, help="documents parsed one call each")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--models", type=Path, default=None, help="reuse a tiny model folder")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=0, help="torch intra-op threads (0: torch's default)")
    args = parser.parse_args()

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.threads:
        os.environ["OMP_NUM_THREADS"] = str(args.threads)  # also for the `coder code` subprocess
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)

    from coder.frontends.stanza import StanzaFrontend

    rng = random.Random(7)
    docs = documents(args.docs, args.per_doc, rng)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.models or Path(tmp) / "models"
        if args.models is None:
            print(f"trained the tiny model in {train(folder):.1f} s")

        start = time.perf_counter()
        frontend = StanzaFrontend(folder, args.device)
        frontend.pipeline("en")
        load = time.perf_counter() - start

        batched = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            sentences = 0
            for i in range(0, len(docs), args.chunk):
                parsed = frontend.parse_many([(text, "en") for text in docs[i:i + args.chunk]])
                sentences += sum(len(doc) for doc in parsed)
            batched.append(time.perf_counter() - start)
        batched_time = statistics.median(batched)

        few = docs[:args.one_by_one]
        start = time.perf_counter()
        few_sentences = sum(len(frontend.parse(text, "en")) for text in few)
        single = time.perf_counter() - start

        whole = None
        if cli_has_models_option():
            archive = Path(tmp) / "archive.jsonl"
            with archive.open("w", encoding="utf-8") as handle:
                for i, text in enumerate(docs):
                    handle.write(json.dumps({"id": f"d{i}", "text": text, "date": "2020-05-01",
                                             "lang": "en"}) + "\n")
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "coder.cli.main", "code", str(archive), "-o",
                                str(Path(tmp) / "out.parquet"), "--parser", "stanza", "--models", str(folder),
                                "--codebook", str(DATA / "codebook"), "--chunk-size", str(args.chunk), "-q",
                                "--device", args.device], check=True, capture_output=True)
                times.append(time.perf_counter() - start)
            whole = statistics.median(times)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"torch {torch.__version__} ({torch.get_num_threads()} threads), device {args.device}")
    print(f"TINY test model; {args.docs} docs x {args.per_doc} sentences = {sentences} sentences")
    print(f"pipeline load: {load:.2f} s")
    print(f"batched parse_many ({args.chunk} docs/call): median {batched_time:.2f} s over {args.repeat} "
          f"runs -> {sentences / batched_time:,.0f} sentences/s")
    print(f"one document per call ({len(few)} docs): {single:.2f} s -> "
          f"{few_sentences / single:,.0f} sentences/s")
    if whole is not None:
        print(f"whole process, coder code --parser stanza: median {whole:.2f} s -> "
              f"{sentences / whole:,.0f} sentences/s (includes ~2 s start-up, model load, engine, Parquet)")
    else:
        print("whole process: skipped (coder code has no --models option yet)")


if __name__ == "__main__":
    main()
