"""ACLED fields of one mention: event type, sub-event type, actors and their interaction."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coder.model import ActorMention

STATE_FORCES = 1
CIVILIANS = 7
TERRITORY = "territory"
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(frozen=True, slots=True)
class AcledType:
    disorder_type: str | None
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class AcledActors:
    actor1: str | None
    inter1: int | None
    actor2: str | None
    inter2: int
    interaction: int | None
    civilian_targeting: str | None


def taxonomy_dir() -> Path:
    from coder.codebook.load import default_codebook_path

    return default_codebook_path().parent / "taxonomy"


@lru_cache(maxsize=4)
def cameo_to_acled_table(path: Path | None = None) -> tuple[tuple[str, str, str], ...]:
    """(cameo prefix, event type, sub-event type), longest prefix first."""
    path = path or taxonomy_dir() / "cameo_acled.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        table = [(r["cameo"], r["event_type"], r["sub_event_type"]) for r in rows]
    return tuple(sorted(table, key=lambda r: -len(r[0])))


@lru_cache(maxsize=4)
def disorder_types(path: Path | None = None) -> dict[str, str]:
    """sub-event type -> disorder type, from our taxonomy table."""
    path = path or taxonomy_dir() / "acled.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {r["sub_event_type"]: r["disorder_type"] for r in rows}


def _event_type_of(sub_event: str) -> str | None:
    for _, event_type, sub in cameo_to_acled_table():
        if sub == sub_event:
            return event_type
    known = {
        "Air/drone strike": "Explosions/Remote violence",
        "Shelling/artillery/missile attack": "Explosions/Remote violence",
        "Armed clash": "Battles",
        "Peaceful protest": "Protests",
        "Arrests": "Strategic developments",
    }
    return known.get(sub_event)


def acled_type(cameo: str, pattern_sub_event: str | None, source: ActorMention | None,
               target: ActorMention | None) -> AcledType | None:
    """The ACLED type of a mention; None for verbal events (statements, appeals, ...)."""
    event_type = sub = None
    if pattern_sub_event:
        sub = pattern_sub_event
        event_type = _event_type_of(sub)
    if event_type is None:
        for prefix, table_type, table_sub in cameo_to_acled_table():
            if cameo.startswith(prefix):
                event_type, sub = table_type, table_sub
                break
    if event_type is None or sub is None:
        return None
    if sub == TERRITORY:
        state = source is not None and source.inter == STATE_FORCES
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    if event_type == "Violence against civilians" and target is not None and target.inter not in (None, CIVILIANS):
        # an attack on an armed actor is a battle, not violence against civilians
        event_type, sub = "Battles", "Armed clash"
    return AcledType(disorder_types().get(sub), event_type, sub)


def interaction_code(inter1: int | None, inter2: int) -> int | None:
    """ACLED's rule: the two codes as a two-digit number, smaller first; alone, inter1 then 0."""
    if inter1 is None:
        return None
    if inter2 == 0:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def acled_actors(kind: AcledType | None, source: ActorMention | None, target: ActorMention | None,
                 ) -> AcledActors:
    if kind is None:
        return AcledActors(None, None, None, 0, None, None)
    actor1 = source.acled_name if source else None
    inter1 = source.inter if source else None
    actor2 = target.acled_name if target else None
    inter2 = (target.inter or 0) if target else 0
    targeting = "Civilians targeted" if inter2 == CIVILIANS and kind.event_type in VIOLENT_TYPES else None
    return AcledActors(actor1, inter1, actor2, inter2, interaction_code(inter1, inter2), targeting)
