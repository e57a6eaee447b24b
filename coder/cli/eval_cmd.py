"""`coder eval GOLD`: score the coder against a gold file, print the figures, write a report.

Wiring in coder/cli/main.py: ``add_eval_command(commands)`` in ``build_parser`` and
``if args.command == "eval": return run_eval(args)`` in ``main``; CoderError becomes exit code 1 there.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coder.errors import CoderError
from coder.eval.gold import FORMATS

if TYPE_CHECKING:  # the figures' types pull in pyarrow; `coder --help` should not
    from coder.eval.results import EvalResult

PARSERS = ("lite", "stanza", "conllu")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def add_eval_command(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register `eval` on the `coder` command's subparsers."""
    parser = subparsers.add_parser(
        "eval", help="score against a gold file (PETRARCH, Arabic GSR, PLOVER, ACLED CSV, seed, ours)",
        description="Code every case of a gold file, print the figures, and optionally write a report "
                    "(report.md, report.html, results.json) listing every wrong case.")
    parser.add_argument("gold", type=Path, metavar="GOLD", help="gold file; its format is detected")
    parser.add_argument("--parser", choices=PARSERS, default="lite",
                        help="front-end; conllu uses the parses of the gold file")
    parser.add_argument("--codebook", type=Path, default=None,
                        help="codebook folder (default: the embedded one)")
    parser.add_argument("--report", type=Path, default=None, metavar="DIR",
                        help="write report.md, report.html and results.json into DIR")
    parser.add_argument("--baseline", type=Path, default=None, metavar="FILE",
                        help="results.json of an earlier run: list the cases fixed, broken or different")
    parser.add_argument("--limit", type=_positive, default=None, metavar="N", help="only the first N cases")
    parser.add_argument("--format", choices=FORMATS, default=None, dest="gold_format",
                        help="the gold file's format, when detection guesses wrong")
    return parser


def format_figures(result: EvalResult) -> str:
    """The figures as the command prints them."""
    from coder.eval.report import format_value

    skipped = f", {result.n_skipped} skipped" if result.n_skipped else ""
    lines = [f"{result.suite}: {result.n_cases} cases ({result.format} format, parser {result.parser}"
             f"{skipped}), {len(result.wrong)} wrong"]
    width = max(len(f.label) for f in result.figures)
    for figure in result.figures:
        lines.append(f"  {figure.label:<{width}}  {format_value(figure):>8}  {figure.detail}")
    return "\n".join(lines)


def run_eval(args: argparse.Namespace) -> int:
    """Run `coder eval`; raises CoderError (exit code 1 in main) for unusable files."""
    from coder.eval.metrics import diff_snapshots
    from coder.eval.report import write_report
    from coder.eval.results import load_snapshots
    from coder.eval.run import evaluate
    from coder.pipeline import Coder

    if not args.gold.is_file():
        raise CoderError(f"gold file {args.gold} does not exist")
    baseline = load_snapshots(args.baseline) if args.baseline is not None else None
    coder = Coder(codebook_path=args.codebook, parser=args.parser)
    result = evaluate(args.gold, coder, limit=args.limit, fmt=args.gold_format)
    print(format_figures(result))
    if baseline is not None:
        diff = diff_snapshots(baseline, result.snapshots())
        print(f"since the baseline: {len(diff.fixed)} fixed, {len(diff.broken)} broken, "
              f"{len(diff.different)} different")
    if args.report is not None:
        if args.report.exists() and not args.report.is_dir():
            raise CoderError(f"--report {args.report} is a file; give a folder")
        files = write_report(result, args.report, baseline)
        print(f"report: {files.html}, {files.markdown}; results (a baseline for later runs): {files.results}")
    return 0
