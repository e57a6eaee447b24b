"""The one Arrow schema of the events table and of the documents manifest (SPEC)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pyarrow as pa

SCHEMA_VERSION = "1"

EVENT_FIELDS: tuple[tuple[str, pa.DataType], ...] = (
    ("event_id", pa.string()),
    ("incident_id", pa.string()),
    ("is_primary", pa.bool_()),
    ("doc_id", pa.string()),
    ("sentence_index", pa.int32()),
    ("sentence", pa.string()),
    ("language", pa.string()),
    ("source", pa.string()),
    ("doc_date", pa.date32()),
    ("event_date", pa.date32()),
    ("time_precision", pa.int8()),
    ("source_actor", pa.string()),
    ("target_actor", pa.string()),
    ("source_text", pa.string()),
    ("target_text", pa.string()),
    ("source_country", pa.string()),
    ("target_country", pa.string()),
    ("cameo_code", pa.string()),
    ("cameo_root", pa.string()),
    ("quad_class", pa.int8()),
    ("goldstein", pa.float32()),
    ("plover_event", pa.string()),
    ("disorder_type", pa.string()),
    ("event_type", pa.string()),
    ("sub_event_type", pa.string()),
    ("actor1", pa.string()),
    ("assoc_actor_1", pa.string()),
    ("actor2", pa.string()),
    ("assoc_actor_2", pa.string()),
    ("inter1", pa.int8()),
    ("inter2", pa.int8()),
    ("interaction", pa.int16()),
    ("civilian_targeting", pa.string()),
    ("fatalities", pa.int32()),
    ("country", pa.string()),
    ("iso3", pa.string()),
    ("admin1", pa.string()),
    ("admin2", pa.string()),
    ("location", pa.string()),
    ("latitude", pa.float64()),
    ("longitude", pa.float64()),
    ("geo_precision", pa.int8()),
    ("notes", pa.string()),
    ("rule_id", pa.string()),
    ("parser", pa.string()),
)

MANIFEST_FIELDS: tuple[tuple[str, pa.DataType], ...] = (
    ("input", pa.string()),
    ("position", pa.int64()),
    ("doc_id", pa.string()),
    ("status", pa.string()),
    ("reason", pa.string()),
    ("language", pa.string()),
    ("n_sentences", pa.int32()),
    ("n_events", pa.int32()),
)

EVENTS_SCHEMA = pa.schema([pa.field(n, t) for n, t in EVENT_FIELDS])
MANIFEST_SCHEMA = pa.schema([pa.field(n, t) for n, t in MANIFEST_FIELDS])


class EventRow(NamedTuple):
    """One row of the events table; field names and order are the schema's.

    A named tuple (immutable, like the frozen dataclasses elsewhere): a run makes and ships
    millions of rows, and a 45-field frozen dataclass costs five times as much to build and
    twenty times as much to pickle between processes."""

    event_id: str
    incident_id: str | None
    is_primary: bool
    doc_id: str
    sentence_index: int
    sentence: str
    language: str
    source: str | None
    doc_date: dt.date | None
    event_date: dt.date | None
    time_precision: int | None
    source_actor: str | None
    target_actor: str | None
    source_text: str | None
    target_text: str | None
    source_country: str | None
    target_country: str | None
    cameo_code: str
    cameo_root: str
    quad_class: int | None
    goldstein: float | None
    plover_event: str | None
    disorder_type: str | None
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    assoc_actor_1: str | None
    actor2: str | None
    assoc_actor_2: str | None
    inter1: int | None
    inter2: int | None
    interaction: int | None
    civilian_targeting: str | None
    fatalities: int | None
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    notes: str | None
    rule_id: str
    parser: str


class ManifestRow(NamedTuple):
    input: str
    position: int
    doc_id: str
    status: str  # coded | no_event | rejected
    reason: str | None
    language: str | None
    n_sentences: int
    n_events: int

