"""Trains a tiny English Stanza model folder from en_tiny.conllu, offline, in ~15 s on one core.

    python tests/data/stanza/train_tiny.py OUT_DIR

OUT_DIR gets a resources.json with one language (en, package "tiny") and en/{tokenize,pos,
lemma,depparse}/tiny.pt, the layout ``stanza.Pipeline(dir=OUT_DIR, download_method=None)``
reads. The models are tiny (hidden sizes 16-32, a few hundred steps, no pretrained vectors or
character models): good enough to tokenise and parse the template sentences they were trained
on, useful only for tests and for timing the stanza path, not for coding real news.

Runs in its own process (the tests call it with subprocess): stanza's training modules set its
logger to DEBUG and torch's thread count is set here, neither of which should leak into a test
session.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TREEBANK = HERE / "en_tiny.conllu"
PACKAGE = "tiny"


def resources() -> dict:
    processors = {name: PACKAGE for name in ("tokenize", "pos", "lemma", "depparse")}
    return {"en": {"lang_name": "English", "packages": {"default": processors},
                   "default_processors": processors,
                   **{name: {PACKAGE: {}} for name in processors}}}


def train(out: Path) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(7)
    from stanza.models import lemmatizer, parser, tagger, tokenizer
    from stanza.utils.conll import CoNLL
    from stanza.utils.datasets import prepare_tokenizer_data

    conllu = str(TREEBANK)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        # raw text in paragraphs of five sentences, and the character labels the tokenizer learns
        texts = [sentence.text for sentence in CoNLL.conll2doc(conllu).sentences]
        paragraphs = [" ".join(texts[i:i + 5]) for i in range(0, len(texts), 5)]
        (work / "train.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        prepare_tokenizer_data.main([str(work / "train.txt"), conllu, "-o", str(work / "train.labels"),
                                     "-m", str(work / "mwt.json")])
        common = ["--shorthand", "en_tiny", "--cpu", "--save_dir", str(work)]
        tokenizer.main(["--txt_file", str(work / "train.txt"), "--label_file", str(work / "train.labels"),
                        "--dev_txt_file", str(work / "train.txt"),
                        "--dev_label_file", str(work / "train.labels"), "--dev_conll_gold", conllu,
                        "--mwt_json_file", str(work / "mwt.json"), "--no_use_mwt", "--lang", "en",
                        "--steps", "300", "--eval_steps", "300", "--hidden_dim", "16", "--emb_dim", "8",
                        "--save_name", "tokenize.pt", *common])
        tagger.main(["--train_file", conllu, "--eval_file", conllu, "--output_file", str(work / "pos.out"),
                     "--lang", "en", "--no_pretrain", "--no_char", "--max_steps", "150",
                     "--eval_interval", "150", "--batch_size", "50", "--lr", "0.02", "--hidden_dim", "32",
                     "--deep_biaff_hidden_dim", "16", "--composite_deep_biaff_hidden_dim", "16",
                     "--word_emb_dim", "16", "--tag_emb_dim", "8", "--save_name", "pos.pt", *common])
        lemmatizer.main(["--train_file", conllu, "--eval_file", conllu, "--output_file",
                         str(work / "lemma.out"), "--dict_only", "--save_name", "lemma.pt", *common])
        parser.main(["--train_file", conllu, "--eval_file", conllu, "--output_file", str(work / "dep.out"),
                     "--lang", "en", "--no_pretrain", "--no_char", "--no_checkpoint", "--max_steps", "250",
                     "--eval_interval", "250", "--batch_size", "50", "--lr", "3", "--hidden_dim", "32",
                     "--deep_biaff_hidden_dim", "16", "--word_emb_dim", "16", "--tag_emb_dim", "8",
                     "--save_name", "depparse.pt", *common])
        # Trained in small batches for speed, the models would also parse in small batches: give
        # them stanza's default inference batch sizes, as a released model has.
        for name, batch_size in (("pos", 250), ("depparse", 5000)):
            checkpoint = torch.load(work / f"{name}.pt", map_location="cpu", weights_only=True)
            checkpoint["config"]["batch_size"] = batch_size
            torch.save(checkpoint, work / f"{name}.pt", _use_new_zipfile_serialization=False)
        for name in ("tokenize", "pos", "lemma", "depparse"):
            target = out / "en" / name
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / f"{name}.pt", target / f"{PACKAGE}.pt")
    (out / "resources.json").write_text(json.dumps(resources(), indent=1), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: train_tiny.py OUT_DIR")
    train(Path(sys.argv[1]))
