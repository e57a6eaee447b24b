"""The command line: parse arguments, call the library, turn errors into one line and an exit code.

Exit codes: 0 success, 1 a run that failed (bad input file, unwritable output, invalid codebook),
2 bad arguments (argparse's convention).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from coder.errors import CodebookError, CoderError

EXIT_FAILURE = 1
EXIT_USAGE = 2


def _date(text: str) -> dt.date:
    from coder.io.readers import parse_date

    try:
        parsed = parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if parsed is None:
        raise argparse.ArgumentTypeError("empty date")
    return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coder", description="Code news text into political events (Parquet).")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    code = commands.add_parser("code", help="code documents into an events Parquet file")
    code.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                      help="JSONL, CSV, Parquet or .txt files, or folders of them")
    code.add_argument("-o", "--output", required=True, type=Path, help="events Parquet file to write")
    code.add_argument("--parser", choices=("lite", "stanza", "conllu"), default="lite")
    code.add_argument("--codebook", type=Path, default=None, help="codebook folder (default: the embedded one)")
    code.add_argument("--models", type=Path, default=None, metavar="DIR",
                      help="Stanza model folder for --parser stanza (default: STANZA_RESOURCES_DIR, "
                           "else Stanza's default); fill it with `coder models download`")
    code.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                      help="where --parser stanza runs its neural models (default cpu)")
    code.add_argument("--lang", choices=("en", "ar", "auto"), default="auto",
                      help="language of records that do not give one (default: detect)")
    code.add_argument("--date", type=_date, default=None, help="document date for records without one")
    dyad = code.add_mutually_exclusive_group()
    dyad.add_argument("--require-dyad", dest="require_dyad", action="store_true", default=None,
                      help="code only events with both a source and a target")
    dyad.add_argument("--no-require-dyad", dest="require_dyad", action="store_false",
                      help="code one-actor events too")
    code.add_argument("--summary", action="store_true", help="print a readable summary of what was coded")
    batch = code.add_argument_group("batch coding")
    batch.add_argument("--workers", type=_positive, default=None, help="worker processes (default: all cores)")
    batch.add_argument("--chunk-size", type=_positive, default=1000, help="records per chunk (default 1000)")
    batch.add_argument("--max-chars", type=_positive, default=1_000_000,
                       help="reject documents longer than this (default 1,000,000 characters)")
    batch.add_argument("--partition-by", type=lambda s: tuple(x for x in s.split(",") if x), default=(),
                       help="hive-partition the events dataset, e.g. year,country (-o must be a folder)")
    batch.add_argument("--resume", action="store_true", help="continue a killed run in the -o folder")
    batch.add_argument("--engine", choices=("local", "dask"), default="local")
    batch.add_argument("--scheduler", default=None, help="Dask scheduler address (default: a LocalCluster)")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress line")

    from coder.cli.eval_cmd import add_eval_command
    from coder.cli.models import add_models_command

    add_eval_command(commands)
    add_models_command(commands)

    codebook = commands.add_parser("codebook", help="check or import codebooks")
    codebook_commands = codebook.add_subparsers(dest="codebook_command", required=True, metavar="ACTION")
    check = codebook_commands.add_parser("check", help="validate a codebook folder and print statistics")
    check.add_argument("directory", type=Path)
    imp = codebook_commands.add_parser("import-petrarch", help="convert PETRARCH dictionaries to a codebook")
    imp.add_argument("--verbs", type=Path)
    imp.add_argument("--actors", type=Path, nargs="+", default=[])
    imp.add_argument("--agents", type=Path)
    imp.add_argument("--discards", type=Path)
    imp.add_argument("--strict", action="store_true", help="abort on the first file with problems")
    imp.add_argument("-o", "--output", type=Path, required=True)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def run_code(args: argparse.Namespace) -> int:
    from coder.batch.run import RunSettings, default_workers, run_coding
    from coder.cli.summary import print_summary
    from coder.io.readers import ReadOptions, expand_inputs
    from coder.pipeline import Coder, merge_batches

    coder = Coder(codebook_path=args.codebook, parser=args.parser, require_dyad=args.require_dyad,
                  models_dir=args.models, device=args.device)
    options = ReadOptions(language=None if args.lang == "auto" else args.lang, date=args.date)
    workers = args.workers or default_workers()
    if args.parser == "stanza":
        coder.stanza.check([options.language] if options.language else [])
        workers = args.workers or 1  # torch already uses the cores; forked copies would fight
    files = expand_inputs(list(args.inputs))
    if not files:
        raise CoderError("no input files found (expected .jsonl, .csv, .parquet or .txt)")
    settings = RunSettings(
        output=args.output, workers=workers, chunk_size=args.chunk_size,
        max_chars=args.max_chars, partition_by=args.partition_by, resume=args.resume, engine=args.engine,
        scheduler=args.scheduler, quiet=args.quiet, keep_batches=args.summary,
    )
    result = run_coding(files, options, coder, settings)
    if args.summary and result.batches:
        print_summary(merge_batches(result.batches), result.events_path, result.documents_path)
    else:
        skipped = f", {result.skipped_chunks} chunks already done" if result.skipped_chunks else ""
        print(f"{result.events} events from {result.documents} documents "
              f"({result.rejected} rejected{skipped}) -> {result.events_path}")
    return 0


CODEBOOK_FILE = "codebook.toml"


def run_codebook_check(args: argparse.Namespace) -> int:
    """Check a codebook folder, or every codebook in a folder of them (``codebooks/``): an
    invalid one raises with the list of its problems."""
    from coder.cli.summary import print_codebook_statistics
    from coder.codebook.load import load_codebook

    directory: Path = args.directory
    folders = [directory]
    if not (directory / CODEBOOK_FILE).exists():
        found = sorted(p.parent for p in directory.glob(f"*/{CODEBOOK_FILE}"))
        folders = found or folders  # none: let the loader say what is missing
    for folder in folders:
        print_codebook_statistics(load_codebook(folder))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from coder.codebook.petrarch import import_petrarch
    from coder.codebook.taxonomy import load_taxonomy

    args.output.mkdir(parents=True, exist_ok=True)
    report = import_petrarch(args.verbs, args.actors, args.agents, args.discards, args.output,
                             strict=args.strict, is_cameo_code=load_taxonomy().is_cameo)
    for warning in report.warnings[:20]:
        print(f"warning: {warning}", file=sys.stderr)
    if len(report.warnings) > 20:
        print(f"... and {len(report.warnings) - 20} more warnings", file=sys.stderr)
    for kind in sorted(report.counts):
        print(f"{kind}: {report.counts[kind]} read, {report.rejected.get(kind, 0)} rejected")
    print(f"codebook written to {args.output}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "code":
            return run_code(args)
        if args.command == "models":
            from coder.cli.models import run_models

            return run_models(args)
        if args.command == "eval":
            from coder.cli.eval_cmd import run_eval

            return run_eval(args)
        if args.command == "codebook" and args.codebook_command == "check":
            return run_codebook_check(args)
        if args.command == "codebook" and args.codebook_command == "import-petrarch":
            return run_import(args)
    except CodebookError as exc:
        print(f"coder: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except CoderError as exc:
        print(f"coder: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("coder: interrupted", file=sys.stderr)
        return 130
    parser.error("unknown command")
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
