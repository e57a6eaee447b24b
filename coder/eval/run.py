"""Code every case of a gold file and score it: ``evaluate(gold_path, coder) -> EvalResult``."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from coder.errors import InputError
from coder.eval.gold import GoldCase, GoldSuite, limit_cases, read_gold
from coder.eval.results import CaseResult, EvalResult, Figure, ProducedEvent
from coder.eval.score import score_case, suite_figures
from coder.model import Document
from coder.pipeline import Coder, code_documents


@dataclasses.dataclass(frozen=True, slots=True)
class CodedCase:
    """One gold case after coding: its rows, how many sentences it had, and the manifest's verdict."""

    produced: tuple[ProducedEvent, ...]
    n_sentences: int
    seconds: float
    rejected: str | None


def document_of(case: GoldCase, input_name: str) -> Document:
    """The document a gold case stands for; its parse travels in ``conllu`` for ``--parser conllu``."""
    return Document(id=case.id, text=case.text, date=case.date, language=case.language, conllu=case.parse,
                    input=input_name, position=case.position)


def coder_for(case: GoldCase, coder: Coder, variants: dict[bool, Coder]) -> Coder:
    """The coder itself, or a copy with the case's own ``require_dyad`` (kept in ``variants``)."""
    if case.require_dyad is None or case.require_dyad == coder.require_dyad:
        return coder
    if case.require_dyad not in variants:
        variants[case.require_dyad] = dataclasses.replace(coder, require_dyad=case.require_dyad)
    return variants[case.require_dyad]


def code_case(case: GoldCase, coder: Coder, input_name: str) -> CodedCase:
    """Code one case, timing only the coding step."""
    start = time.perf_counter()
    batch = code_documents([document_of(case, input_name)], coder)
    seconds = time.perf_counter() - start
    manifest = batch.manifest[0]
    rejected = manifest.reason if manifest.status == "rejected" else None
    return CodedCase(tuple(ProducedEvent.from_row(r) for r in batch.rows), manifest.n_sentences, seconds,
                     rejected)


def evaluate_suite(suite: GoldSuite, coder: Coder) -> EvalResult:
    """Code and score every case of a suite (cases marked ``evaluate: false`` are skipped)."""
    if coder.parser == "conllu":
        missing = [c.id for c in suite.cases if c.evaluate and not c.parse]
        if missing:
            raise InputError(f"--parser conllu needs a parse in every gold case; {len(missing)} case(s) of "
                             f"{suite.path.name} have none (first: {missing[0]}); use --parser lite")
    variants: dict[bool, Coder] = {}
    pairs: list[tuple[GoldCase, CaseResult]] = []
    n_sentences = 0
    seconds = 0.0
    for case in suite.cases:
        if not case.evaluate:
            continue
        coded = code_case(case, coder_for(case, coder, variants), suite.path.name)
        n_sentences += coded.n_sentences
        seconds += coded.seconds
        note = f"rejected: {coded.rejected}" if coded.rejected else None
        pairs.append((case, score_case(case, coded.produced, note)))
    figures, tables = suite_figures(suite.format, pairs)
    figures.append(Figure("sentences_per_second", "coding speed (sentences/s, coding step only)",
                          n_sentences / seconds if seconds > 0 else None,
                          f"{n_sentences} sentences in {seconds:.2f} s"))
    return EvalResult(
        suite=suite.name, format=suite.format, gold_path=str(suite.path), parser=coder.parser,
        codebook_version=coder.codebook_version, n_cases=len(pairs), n_skipped=len(suite.cases) - len(pairs),
        n_sentences=n_sentences, seconds=seconds, figures=tuple(figures), tables=tuple(tables),
        cases=tuple(result for _, result in pairs))


def evaluate(gold_path: Path, coder: Coder, limit: int | None = None, fmt: str | None = None) -> EvalResult:
    """Read a gold file (format detected unless ``fmt`` names it), code its cases, score them."""
    return evaluate_suite(limit_cases(read_gold(Path(gold_path), fmt), limit), coder)
