"""Writes en_tiny.conllu: ~200 short English news sentences with UD v2 annotation, from templates.

The sentences are generated here (our own vocabulary and templates, nothing copied from a
treebank), deterministically, so the file can be regenerated and diffed:

    .venv/bin/python tests/data/stanza/make_fixtures.py

The stanza tests train a tiny tokenizer, tagger, lemmatizer and parser on this file.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
COUNT = 200

# word -> (lemma, upos, xpos, feats)
NOUN_SG = "Number=Sing"
NOUN_PL = "Number=Plur"
PAST = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"
PAST_PL = "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin"
PART = "Tense=Past|VerbForm=Part|Voice=Pass"
INF = "VerbForm=Inf"
DET = ("the", "the", "DET", "DT", "Definite=Def|PronType=Art")

# noun phrases: (words as (form, lemma, upos, xpos, feats), plural?)
PROPER = ["Egypt", "Turkey", "Israel", "Iran", "Libya", "Sudan", "Russia", "Qatar", "Jordan", "Tunisia"]
COMMON = [("army", "armies"), ("government", "governments"), ("militia", "militias"),
          ("minister", "ministers"), ("president", "presidents"), ("police", "police"),
          ("rebel", "rebels"), ("soldier", "soldiers"), ("protester", "protesters"),
          ("official", "officials"), ("court", "courts"), ("delegation", "delegations")]
ADJECTIVES = ["Libyan", "Turkish", "Egyptian", "Iranian", "Sudanese", "local", "foreign"]
PLACES = ["Cairo", "Tripoli", "Misrata", "Ankara", "Tehran", "Khartoum", "Amman", "Tunis", "Doha"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# transitive verbs: base, past (= participle for these), past participle
VERBS = [("attack", "attacked", "attacked"), ("condemn", "condemned", "condemned"),
         ("accuse", "accused", "accused"), ("meet", "met", "met"), ("arrest", "arrested", "arrested"),
         ("criticize", "criticized", "criticized"), ("praise", "praised", "praised"),
         ("threaten", "threatened", "threatened"), ("visit", "visited", "visited"),
         ("support", "supported", "supported"), ("shell", "shelled", "shelled"),
         ("kill", "killed", "killed"), ("warn", "warned", "warned"), ("reject", "rejected", "rejected")]
INTRANSITIVE = [("protest", "protested"), ("gather", "gathered"), ("clash", "clashed"),
                ("march", "marched")]


class Builder:
    """Collects the words of one sentence: form, lemma, upos, xpos, feats, head, deprel."""

    def __init__(self) -> None:
        self.words: list[list] = []

    def add(self, form: str, lemma: str, upos: str, xpos: str, feats: str = "_") -> int:
        self.words.append([form, lemma, upos, xpos, feats, 0, "_"])
        return len(self.words)

    def attach(self, word: int, head: int, deprel: str) -> None:
        self.words[word - 1][5] = head
        self.words[word - 1][6] = deprel

    def noun_phrase(self, rng: random.Random) -> tuple[int, bool]:
        """Adds a noun phrase; returns its head word and whether it is plural."""
        kind = rng.random()
        if kind < 0.3:
            name = rng.choice(PROPER)
            return self.add(name, name, "PROPN", "NNP", NOUN_SG), False
        singular, plural = rng.choice(COMMON)
        is_plural = rng.random() < 0.4 or singular == "police"
        form = plural if is_plural else singular
        words: list[int] = []
        if not (is_plural and rng.random() < 0.5):
            words.append(self.add(*DET))
        if rng.random() < 0.35:
            adjective = rng.choice(ADJECTIVES)
            words.append(self.add(adjective, adjective, "ADJ", "JJ", "Degree=Pos"))
        head = self.add(form, singular, "NOUN", "NNS" if is_plural else "NN",
                        NOUN_PL if is_plural else NOUN_SG)
        for word in words:
            self.attach(word, head, "det" if self.words[word - 1][2] == "DET" else "amod")
        return head, is_plural

    def oblique(self, rng: random.Random, verb: int) -> None:
        if rng.random() < 0.5:
            case = self.add("in", "in", "ADP", "IN")
            place = rng.choice(PLACES)
            noun = self.add(place, place, "PROPN", "NNP", NOUN_SG)
        else:
            case = self.add("on", "on", "ADP", "IN")
            day = rng.choice(DAYS)
            noun = self.add(day, day, "PROPN", "NNP", NOUN_SG)
        self.attach(case, noun, "case")
        self.attach(noun, verb, "obl")

    def clause(self, rng: random.Random) -> int:
        """Adds a clause (subject, verb, object, maybe an oblique); returns its verb."""
        template = rng.random()
        if template < 0.15:
            subject, plural = self.noun_phrase(rng)
            base, past = rng.choice(INTRANSITIVE)
            verb = self.add(past, base, "VERB", "VBD", PAST_PL if plural else PAST)
            self.attach(subject, verb, "nsubj")
            self.oblique(rng, verb)
            return verb
        base, past, participle = rng.choice(VERBS)
        if template < 0.3:
            patient, plural = self.noun_phrase(rng)
            aux = self.add("were" if plural else "was", "be", "AUX", "VBD",
                           PAST_PL if plural else PAST)
            verb = self.add(participle, base, "VERB", "VBN", PART)
            self.attach(patient, verb, "nsubj:pass")
            self.attach(aux, verb, "aux:pass")
            case = self.add("by", "by", "ADP", "IN")
            agent, _ = self.noun_phrase(rng)
            self.attach(case, agent, "case")
            self.attach(agent, verb, "obl:agent")
            return verb
        subject, plural = self.noun_phrase(rng)
        if template < 0.42:
            aux = self.add("will", "will", "AUX", "MD", "VerbForm=Fin")
            verb = self.add(base, base, "VERB", "VB", INF)
            self.attach(aux, verb, "aux")
        else:
            verb = self.add(past, base, "VERB", "VBD", PAST_PL if plural else PAST)
        self.attach(subject, verb, "nsubj")
        obj, _ = self.noun_phrase(rng)
        self.attach(obj, verb, "obj")
        if rng.random() < 0.4:
            self.oblique(rng, verb)
        return verb


def sentence(rng: random.Random) -> Builder:
    builder = Builder()
    if rng.random() < 0.2:
        speaker, plural = builder.noun_phrase(rng)
        said = builder.add("said", "say", "VERB", "VBD", PAST_PL if plural else PAST)
        builder.attach(speaker, said, "nsubj")
        mark = builder.add("that", "that", "SCONJ", "IN")
        verb = builder.clause(rng)
        builder.attach(mark, verb, "mark")
        builder.attach(verb, said, "ccomp")
        root = said
    else:
        root = builder.clause(rng)
    punct = builder.add(".", ".", "PUNCT", ".")
    builder.attach(punct, root, "punct")
    builder.attach(root, 0, "root")
    first = builder.words[0]
    first[0] = first[0][0].upper() + first[0][1:]
    return builder


def to_conllu(builder: Builder, number: int) -> str:
    words = builder.words
    text = " ".join(w[0] for w in words[:-1]) + words[-1][0]
    lines = [f"# sent_id = tiny-{number}", f"# text = {text}"]
    for position, (form, lemma, upos, xpos, feats, head, deprel) in enumerate(words, start=1):
        misc = "SpaceAfter=No" if position == len(words) - 1 else "_"
        lines.append("\t".join((str(position), form, lemma, upos, xpos, feats, str(head), deprel, "_",
                                misc)))
    return "\n".join(lines) + "\n"


def render() -> str:
    """The whole CoNLL-U file (the same text on every run)."""
    rng = random.Random(20261107)
    blocks = [to_conllu(sentence(rng), number) for number in range(1, COUNT + 1)]
    return "\n".join(blocks) + "\n"


def main() -> None:
    (HERE / "en_tiny.conllu").write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
