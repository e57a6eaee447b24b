"""Input files -> documents, or rejected records with a reason: nothing is dropped silently.

JSONL, CSV and Parquet records carry ``id``, ``text``, ``date``, optional ``lang``, ``source``,
``conllu``. A ``.txt`` file is one document. A folder stands for the files in it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from coder.errors import InputError
from coder.model import Document

SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".parquet", ".txt", ".conllu")


@dataclass(frozen=True, slots=True)
class Rejected:
    """A record that could not be read; it still gets its row in the documents manifest."""

    input: str
    position: int
    doc_id: str
    reason: str
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ReadOptions:
    language: str | None = None  # --lang, for records without one (None or "auto": detect)
    date: dt.date | None = None  # --date, for records without one


def parse_date(value: object) -> dt.date | None:
    """YYYY-MM-DD or YYYYMMDD (SPEC); None when empty; ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD or YYYYMMDD") from None


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Folders become their readable files (sorted); a missing path is an InputError."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            out.append(path)
        else:
            raise InputError(f"input {path} does not exist")
    return out


def record_to_document(record: Mapping[str, object], input_name: str, position: int,
                       options: ReadOptions) -> Document | Rejected:
    """Validate one record; every problem becomes a Rejected with its reason."""
    raw_id = record.get("id")
    doc_id = str(raw_id).strip() if raw_id is not None else ""
    fallback_id = f"{input_name}:{position}"
    if not doc_id:
        return Rejected(input_name, position, fallback_id, "record has no id")
    text = record.get("text")
    if not isinstance(text, str):
        return Rejected(input_name, position, doc_id, "record has no text")
    if not text.strip():
        return Rejected(input_name, position, doc_id, "empty text")
    try:
        date = parse_date(record.get("date")) or options.date
    except ValueError as exc:
        return Rejected(input_name, position, doc_id, str(exc))
    language = record.get("lang") or record.get("language") or options.language
    if language == "auto":
        language = None
    conllu = record.get("conllu") or record.get("parse")
    source = record.get("source")
    return Document(
        id=doc_id, text=text, date=date, language=str(language) if language else None,
        source=str(source) if source not in (None, "") else None,
        conllu=str(conllu) if conllu else None, input=input_name, position=position,
    )


def _jsonl(path: Path, options: ReadOptions) -> Iterator[Document | Rejected]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield Rejected(path.name, number, f"{path.name}:{number}", f"invalid UTF-8 at byte {exc.start}")
                continue
            except json.JSONDecodeError as exc:
                yield Rejected(path.name, number, f"{path.name}:{number}", f"malformed JSON: {exc.msg}")
                continue
            if not isinstance(record, dict):
                yield Rejected(path.name, number, f"{path.name}:{number}", "JSON line is not an object")
                continue
            yield record_to_document(record, path.name, number, options)


def _csv(path: Path, options: ReadOptions) -> Iterator[Document | Rejected]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with path.open(encoding="utf-8", errors="strict", newline="") as handle:
        reader = csv.DictReader(handle)
        number = 1
        try:
            for number, row in enumerate(reader, start=2):  # line 1 is the header
                yield record_to_document(row, path.name, number, options)
        except (UnicodeDecodeError, csv.Error) as exc:
            yield Rejected(path.name, number + 1, f"{path.name}:{number + 1}",
                           f"unreadable CSV from here on: {exc}")


def _parquet(path: Path, options: ReadOptions) -> Iterator[Document | Rejected]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a bad file
        raise InputError(f"{path} is not a readable Parquet file: {exc}") from None
    position = 0
    for batch in parquet.iter_batches(batch_size=4096):
        for row in batch.to_pylist():
            position += 1
            yield record_to_document(row, path.name, position, options)


def _text(path: Path, options: ReadOptions) -> Iterator[Document | Rejected]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        yield Rejected(path.name, 1, path.stem, f"invalid UTF-8 at byte {exc.start}")
        return
    record = {"id": path.stem, "text": text}
    yield record_to_document(record, path.name, 1, options)


def _conllu(path: Path, options: ReadOptions) -> Iterator[Document | Rejected]:
    """A CoNLL-U file: one document, or one per ``# newdoc id = ...`` block; the text is rebuilt
    from the ``# text = ...`` comments (or the forms) and the parse travels in ``conllu``."""
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        yield Rejected(path.name, 1, path.stem, f"invalid UTF-8 at byte {exc.start}")
        return
    blocks: list[tuple[int, str | None, list[str]]] = []
    for number, line in enumerate(content.splitlines(), start=1):
        if line.startswith("# newdoc"):
            _, _, doc_id = line.partition("=")
            blocks.append((number, doc_id.strip() or None, []))
            continue
        if not blocks:
            blocks.append((1, None, []))
        blocks[-1][2].append(line)
    for number, doc_id, lines in blocks:
        texts = [ln.split("=", 1)[1].strip() for ln in lines if ln.startswith("# text")]
        if not texts:
            sentence: list[str] = []
            for ln in lines:
                cols = ln.split("\t")
                if len(cols) == 10 and cols[0].isdigit():
                    sentence.append(cols[1])
                elif not ln.strip() and sentence:
                    texts.append(" ".join(sentence))
                    sentence = []
            if sentence:
                texts.append(" ".join(sentence))
        record = {"id": doc_id or (path.stem if len(blocks) == 1 else f"{path.stem}-{number}"),
                  "text": "\n".join(texts), "conllu": "\n".join(lines)}
        yield record_to_document(record, path.name, number, options)


def read_documents(path: Path, options: ReadOptions) -> Iterator[Document | Rejected]:
    """Documents of one input file, in file order, streamed."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return _jsonl(path, options)
    if suffix == ".csv":
        return _csv(path, options)
    if suffix == ".parquet":
        return _parquet(path, options)
    if suffix == ".txt":
        return _text(path, options)
    if suffix == ".conllu":
        return _conllu(path, options)
    raise InputError(f"{path}: unknown input format {suffix or '(no suffix)'} "
                     f"(use .jsonl, .csv, .parquet, .txt or .conllu)")
