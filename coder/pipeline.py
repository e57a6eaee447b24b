"""Documents in, event rows and manifest rows out: the pure per-batch coding function.

``code_documents`` has no side effects and depends only on its arguments, so a process pool or
Dask can run it on any chunk of an archive and the rows come out the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from coder.codebook.compile import CompiledCodebook, load_compiled
from coder.engine.coder import EngineSettings, code_sentence
from coder.engine.readings import DocumentReadings
from coder.errors import CoderError, InputError
from coder.frontends.lite import LiteFrontend
from coder.frontends.lite.langid import detect_language
from coder.frontends.stanza import StanzaFrontend
from coder.incidents.build import build_rows
from coder.incidents.places import load_gazetteer
from coder.io.readers import Rejected
from coder.model import Document, Mention, Sentence
from coder.schema import EventRow, ManifestRow

SUPPORTED_LANGUAGES = ("en", "ar")
PARSERS = ("lite", "conllu", "stanza")


@dataclass(frozen=True)
class Coder:
    """Everything a coding run is configured with. Build once; pass it to every batch."""

    codebook_path: Path | None = None
    parser: str = "lite"
    require_dyad: bool | None = None  # None: the codebook's setting
    models_dir: Path | None = None  # --models (None: STANZA_RESOURCES_DIR, else Stanza's default)
    device: str = "cpu"  # --device of the stanza front-end: cpu or cuda

    def __post_init__(self) -> None:
        if self.parser not in PARSERS:
            raise CoderError(f"unknown parser {self.parser!r} (choose {', '.join(PARSERS)})")

    def __reduce__(self):
        # only the configuration travels to other processes; they compile the codebook themselves
        return (Coder, (self.codebook_path, self.parser, self.require_dyad, self.models_dir, self.device))

    @cached_property
    def compiled(self) -> CompiledCodebook:
        # from the on-disk cache when the codebook's content and the compiler are unchanged
        return load_compiled(self.codebook_path)

    def preload(self) -> None:
        """Load now what every document needs (the compiled codebook, the gazetteer), e.g. before
        worker processes fork and share it."""
        _ = self.compiled
        load_gazetteer()

    @cached_property
    def stanza(self) -> StanzaFrontend:
        """The stanza front-end; its pipelines load on first use, once per process."""
        return StanzaFrontend(self.models_dir, self.device)

    def lite(self, language: str) -> LiteFrontend:
        """One lite front-end per language, so its per-word cache lives as long as the coder."""
        frontend = self._lite_frontends.get(language)
        if frontend is None:
            vocabulary = self.compiled.vocabulary.get(language, frozenset()) | load_gazetteer().vocabulary(language)
            frontend = self._lite_frontends[language] = LiteFrontend(vocabulary=vocabulary)
        return frontend

    @cached_property
    def _lite_frontends(self) -> dict[str, LiteFrontend]:
        return {}

    @cached_property
    def settings(self) -> EngineSettings:
        dyad = self.compiled.codebook.require_dyad if self.require_dyad is None else self.require_dyad
        return EngineSettings(require_dyad=dyad)

    @property
    def codebook_version(self) -> str:
        return self.compiled.codebook.version


@dataclass(frozen=True, slots=True)
class CodedBatch:
    rows: tuple[EventRow, ...]
    manifest: tuple[ManifestRow, ...]


def detect(doc: Document) -> str | None:
    return doc.language or detect_language(doc.text)


def parse_document(doc: Document, language: str, coder: Coder) -> tuple[Sentence, ...]:
    if coder.parser == "conllu":
        if not doc.conllu:
            raise InputError("no conllu field for --parser conllu")
        from coder.frontends.conllu import parse_conllu

        return parse_conllu(doc.conllu, language)
    if coder.parser == "stanza":
        return coder.stanza.parse(doc.text, language)
    return coder.lite(language).parse(doc.text, language)


def code_document(doc: Document, coder: Coder, sentences: tuple[Sentence, ...] | None = None,
                  ) -> tuple[list[EventRow], ManifestRow]:
    """One document: its rows, and its manifest row (rejected with a reason when it cannot be coded)."""
    def reject(reason: str, language: str | None = None) -> tuple[list[EventRow], ManifestRow]:
        return [], ManifestRow(doc.input, doc.position, doc.id, "rejected", reason, language, 0, 0)

    language = detect(doc)
    if language is None:
        return reject("language not recognised (supported: en, ar; give lang or --lang)")
    if language not in SUPPORTED_LANGUAGES:
        return reject(f"unsupported language {language!r} (supported: en, ar)", language)
    try:
        if sentences is None:
            sentences = parse_document(doc, language, coder)
    except InputError as exc:
        return reject(str(exc), language)
    readings = DocumentReadings(coder.compiled, doc.date)  # shared by the engine and the incident layer
    mentions: list[tuple[Sentence, Mention]] = []
    for sentence in sentences:
        for mention in code_sentence(sentence, coder.compiled, doc.date, coder.settings, readings):
            mentions.append((sentence, mention))
    rows = build_rows(doc, language, mentions, coder.compiled, coder.parser, sentences=sentences,
                      require_dyad=coder.settings.require_dyad, readings=readings)
    status = "coded" if rows else "no_event"
    return rows, ManifestRow(doc.input, doc.position, doc.id, status, None, language, len(sentences),
                             len(rows))


def code_documents(records: Iterable[Document | Rejected], coder: Coder) -> CodedBatch:
    """Code a batch; rejected records pass straight into the manifest."""
    rows: list[EventRow] = []
    manifest: list[ManifestRow] = []
    records = list(records)
    parsed = _stanza_parses(records, coder) if coder.parser == "stanza" else {}
    for position, record in enumerate(records):
        if isinstance(record, Rejected):
            manifest.append(ManifestRow(record.input, record.position, record.doc_id, "rejected",
                                        record.reason, record.language, 0, 0))
            continue
        doc_rows, manifest_row = code_document(record, coder, parsed.get(position))
        rows.extend(doc_rows)
        manifest.append(manifest_row)
    return CodedBatch(tuple(rows), tuple(manifest))


def _stanza_parses(records: Sequence[Document | Rejected], coder: Coder,
                   ) -> dict[int, tuple[Sentence, ...]]:
    """Every codable document of a batch parsed in one Stanza call per language."""
    wanted: list[tuple[int, str, str]] = []
    for position, record in enumerate(records):
        if isinstance(record, Document):
            language = detect(record)
            if language in SUPPORTED_LANGUAGES:
                wanted.append((position, record.text, language))
    parses = coder.stanza.parse_many([(text, language) for _, text, language in wanted])
    return {position: sentences for (position, _, _), sentences in zip(wanted, parses, strict=True)}


def merge_batches(batches: Sequence[CodedBatch]) -> CodedBatch:
    return CodedBatch(tuple(r for b in batches for r in b.rows), tuple(m for b in batches for m in b.manifest))
