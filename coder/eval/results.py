"""What an evaluation produces: per-case results, figures, tables; saved as JSON for later baselines."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from coder.errors import InputError
from coder.eval.gold import Triple
from coder.eval.metrics import Snapshot
from coder.schema import EventRow

RESULTS_VERSION = 1


@dataclass(frozen=True, slots=True)
class ProducedEvent:
    """The part of an event row a report shows and the scorers compare."""

    sentence_index: int
    sentence: str
    source: str | None
    target: str | None
    code: str
    plover: str | None
    event_type: str | None
    sub_event_type: str | None
    fatalities: int | None
    event_date: str | None
    time_precision: int | None
    source_country: str | None
    target_country: str | None
    country: str | None
    admin1: str | None
    location: str | None
    inter1: int | None
    inter2: int | None
    is_primary: bool
    incident_id: str | None
    rule_id: str

    @classmethod
    def from_row(cls, row: EventRow) -> ProducedEvent:
        return cls(row.sentence_index, row.sentence, row.source_actor, row.target_actor, row.cameo_code,
                   row.plover_event, row.event_type, row.sub_event_type, row.fatalities,
                   row.event_date.isoformat() if row.event_date else None, row.time_precision,
                   row.source_country, row.target_country, row.country, row.admin1, row.location,
                   row.inter1, row.inter2, row.is_primary, row.incident_id, row.rule_id)

    @property
    def triple(self) -> Triple:
        return Triple(self.source, self.target, self.code)

    def attribute(self, name: str) -> str:
        """A field as text, the way gold attributes are written ('plover' is the PLOVER type)."""
        return str(self.plover if name == "plover" else getattr(self, name))

    def summary(self) -> str:
        acled = f" [{self.event_type} / {self.sub_event_type}]" if self.event_type else ""
        return f"{self.triple}{acled}"


@dataclass(frozen=True, slots=True)
class Check:
    """One comparison of a case: what the gold says, what we produced, and whether they agree."""

    name: str
    expected: str
    produced: str
    ok: bool | None  # None: not checked (the gold leaves it open)


@dataclass(frozen=True, slots=True)
class CaseResult:
    key: str
    id: str
    position: int
    category: str | None
    text: str
    ok: bool
    checks: tuple[Check, ...]
    produced: tuple[ProducedEvent, ...]
    expected: str
    note: str | None = None

    @property
    def failed(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.ok is False)

    def snapshot(self) -> Snapshot:
        return Snapshot(self.ok, " | ".join(f"{c.name}={c.produced}" for c in self.checks))


@dataclass(frozen=True, slots=True)
class Figure:
    """One headline number; ``key`` names it in floors.toml and results.json."""

    key: str
    label: str
    value: float | None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class EvalResult:
    suite: str
    format: str
    gold_path: str
    parser: str
    codebook_version: str
    n_cases: int
    n_skipped: int
    n_sentences: int
    seconds: float
    figures: tuple[Figure, ...]
    tables: tuple[Table, ...]
    cases: tuple[CaseResult, ...]

    def figure(self, key: str) -> float | None:
        """The value of the figure named ``key``; KeyError when the suite has no such figure."""
        for figure in self.figures:
            if figure.key == key:
                return figure.value
        known = ", ".join(f.key for f in self.figures)
        raise KeyError(f"{self.suite} has no figure {key!r} (it has {known})")

    @property
    def wrong(self) -> tuple[CaseResult, ...]:
        return tuple(c for c in self.cases if not c.ok)

    def snapshots(self) -> dict[str, Snapshot]:
        return {c.key: c.snapshot() for c in self.cases}

    def to_json(self) -> dict[str, Any]:
        return {"results_version": RESULTS_VERSION, **asdict(self)}


def save_results(result: EvalResult, path: Path) -> Path:
    path.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def load_snapshots(path: Path) -> dict[str, Snapshot]:
    """The per-case snapshots of a saved results.json (a baseline). InputError when unusable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"baseline {path} does not exist "
                         "(give the results.json of an earlier run)") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(f"baseline {path} is not a results.json written by coder eval") from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise InputError(f"baseline {path} is not a results.json written by coder eval")
    return {str(c["key"]): _snapshot(c) for c in data["cases"]}


def _snapshot(case: Mapping[str, Any]) -> Snapshot:
    checks = case.get("checks") or []
    return Snapshot(bool(case.get("ok")), " | ".join(f"{c['name']}={c['produced']}" for c in checks))
