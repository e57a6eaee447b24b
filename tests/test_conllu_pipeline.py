"""`--parser conllu` end to end: a record's CoNLL-U through the pipeline into rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coder.model import Document
from coder.pipeline import Coder, code_documents

CODEBOOK = {
    "codebook.toml": 'name = "conllu"\nrequire_dyad = true\nlanguages = ["en"]\n',
    "actors.txt": ("actor Arnor\n  code ARN\n  en Arnor\n  demonym en Arnorian\n"
                   "actor Gondor\n  code GON\n  en Gondor\n"),
    "agents.txt": "agent MIL military\n  en army | troops\n",
    "verbs.txt": "verb ATTACK 190\n  en attack\nverb SAY 010\n  en say\n",
}


def row(ident: int, form: str, lemma: str, upos: str, head: int, deprel: str) -> str:
    return "\t".join([str(ident), form, lemma, upos, "_", "_", str(head), deprel, "_", "_"])


# UD v1 labels (dobj, nsubjpass, nmod), as UDPipe 1 writes them
CONLLU = "\n".join([
    "# text = Arnor attacked Gondor.",
    row(1, "Arnor", "Arnor", "PROPN", 2, "nsubj"),
    row(2, "attacked", "attack", "VERB", 0, "root"),
    row(3, "Gondor", "Gondor", "PROPN", 2, "dobj"),
    row(4, ".", ".", "PUNCT", 2, "punct"),
    "",
    "# text = Gondor was attacked by Arnorian troops.",
    row(1, "Gondor", "Gondor", "PROPN", 3, "nsubjpass"),
    row(2, "was", "be", "AUX", 3, "auxpass"),
    row(3, "attacked", "attack", "VERB", 0, "root"),
    row(4, "by", "by", "ADP", 6, "case"),
    row(5, "Arnorian", "arnorian", "ADJ", 6, "amod"),
    row(6, "troops", "troop", "NOUN", 3, "nmod"),
    row(7, ".", ".", "PUNCT", 3, "punct"),
    "",
    "# text = Arnor said nothing.",
    row(1, "Arnor", "Arnor", "PROPN", 2, "nsubj"),
    row(2, "said", "say", "VERB", 0, "root"),
    row(3, "nothing", "nothing", "PRON", 2, "dobj"),
    row(4, ".", ".", "PUNCT", 2, "punct"),
    "",
])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("conllu_book")
    for name, text in CODEBOOK.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


def document() -> Document:
    text = "Arnor attacked Gondor. Gondor was attacked by Arnorian troops. Arnor said nothing."
    return Document(id="d1", text=text, date=dt.date(2020, 5, 1), language="en", conllu=CONLLU)


@pytest.mark.parametrize(("require_dyad", "expected"), [
    (None, [(0, "ARN", "GON", "190"), (1, "ARNMIL", "GON", "190")]),  # the codebook's setting: dyads
    (False, [(0, "ARN", "GON", "190"), (1, "ARNMIL", "GON", "190"), (2, "ARN", None, "010")]),
])
def test_conllu_pipeline_codes_each_parsed_sentence(folder: Path, require_dyad: bool | None,
                                                    expected: list) -> None:
    coder = Coder(codebook_path=folder, parser="conllu", require_dyad=require_dyad)
    batch = code_documents([document()], coder)
    rows = [(r.sentence_index, r.source_actor, r.target_actor, r.cameo_code) for r in batch.rows
            if not r.rule_id.startswith("incidents/")]
    assert rows == expected
    assert all(r.parser == "conllu" for r in batch.rows)
    assert batch.manifest[0].n_sentences == 3


def test_conllu_pipeline_record_without_conllu_is_rejected(folder: Path) -> None:
    coder = Coder(codebook_path=folder, parser="conllu")
    bare = Document(id="d2", text="Arnor attacked Gondor.", date=dt.date(2020, 5, 1), language="en")
    (manifest,) = code_documents([bare], coder).manifest
    assert (manifest.status, manifest.reason) == ("rejected", "no conllu field for --parser conllu")
