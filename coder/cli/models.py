"""`coder models download LANG... [--dir DIR] [--timeout S]`: the one command that uses the network.

Everything else runs offline; this fetches the Stanza models `--parser stanza` reads. Errors
are FrontendError (a CoderError), which `coder.cli.main` prints as one message with exit 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be more than 0 seconds")
    return value


def add_models_command(subparsers: argparse._SubParsersAction) -> None:
    """Register `models download` on the top-level subcommands."""
    from coder.frontends.stanza import DEFAULT_DOWNLOAD_TIMEOUT

    models = subparsers.add_parser("models", help="download the Stanza models --parser stanza uses")
    actions = models.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    download = actions.add_parser(
        "download", help="fetch Stanza models (tokenize, mwt, pos, lemma, depparse) for languages")
    download.add_argument("languages", nargs="+", metavar="LANG", help="language codes, e.g. en ar")
    download.add_argument("--dir", type=Path, default=None, metavar="DIR",
                          help="model folder (default: STANZA_RESOURCES_DIR, else Stanza's default)")
    download.add_argument("--timeout", type=_seconds, default=DEFAULT_DOWNLOAD_TIMEOUT, metavar="S",
                          help=f"give up after S seconds (default {DEFAULT_DOWNLOAD_TIMEOUT:g})")


def run_models(args: argparse.Namespace) -> int:
    """Run `coder models ...`; raises CoderError (FrontendError) with the message to print."""
    from coder.frontends.stanza import download_models

    languages = list(dict.fromkeys(args.languages))
    directory = download_models(languages, args.dir, args.timeout)
    print(f"Stanza models for {' '.join(languages)} are in {directory}")
    print(f"use them with: coder code INPUT -o OUT.parquet --parser stanza --models {directory}")
    return 0
