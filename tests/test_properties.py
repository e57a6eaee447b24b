"""Hypothesis properties: no crash on any text, Parquet round trips, batch order independence."""

from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.model import Document
from coder.output.parquet import events_table, write_outputs
from coder.pipeline import Coder, code_document, code_documents
from coder.schema import EventRow

CODER = Coder()
ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" .،؟\n"),
                 max_size=200)
WORDS = st.lists(st.sampled_from([
    "Syrian", "troops", "shelled", "Idlib", "yesterday", "killing", "three", "civilians", ".",
    "الجيش", "الليبي", "سيطر", "على", "مصراتة", "أمس", "وقتل", "جنديين", "،", "Turkey", "said",
]), max_size=40).map(" ".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=st.text(max_size=300) | ARABIC | WORDS, language=st.sampled_from(["en", "ar", None]))
def test_properties_no_crash_on_any_text(text, language):
    doc = Document(id="d", text=text, date=dt.date(2020, 5, 1), language=language, input="x", position=1)
    rows, manifest = code_document(doc, CODER)
    assert manifest.status in ("coded", "no_event", "rejected")
    assert manifest.n_events == len(rows)
    for row in rows:
        assert row.sentence in text


@SETTINGS
@given(texts=st.lists(WORDS, min_size=1, max_size=6))
def test_properties_parquet_round_trip_equals_rows(tmp_path_factory, texts):
    docs = [Document(id=f"d{i}", text=t, date=dt.date(2020, 5, 1), input="x", position=i + 1)
            for i, t in enumerate(texts)]
    batch = code_documents(docs, CODER)
    path = tmp_path_factory.mktemp("rt") / "events.parquet"
    write_outputs(batch.rows, batch.manifest, path, {"codebook_version": "t", "parser": "lite", "coder_version": "t"})
    table = pq.read_table(path)
    assert table.schema.equals(events_table([], {}).schema, check_metadata=False)
    assert [EventRow(**r) for r in table.to_pylist()] == list(batch.rows)


@SETTINGS
@given(texts=st.lists(WORDS, min_size=1, max_size=6))
def test_properties_batch_equals_documents_one_by_one(texts):
    docs = [Document(id=f"d{i}", text=t, date=dt.date(2020, 5, 1), language="en" if i % 2 else None,
                     input="x", position=i + 1) for i, t in enumerate(texts)]
    whole = code_documents(docs, CODER)
    single = [code_documents([d], CODER) for d in docs]
    assert list(whole.rows) == [r for b in single for r in b.rows]
    assert list(whole.manifest) == [m for b in single for m in b.manifest]
