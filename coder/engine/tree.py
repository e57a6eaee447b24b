"""Who did what to whom, read from a dependency tree (UD relations, v1 labels normalised to v2).

The source of an anchor is its subject (``nsubj``), the target its object (``obj``, ``iobj``),
else the first oblique after it that names an actor (``obl``/``nmod`` with any preposition but
the passive agent's "by"), else the subject of a clause it governs ("Arnor believes Gondor can
cope" -> target Gondor). In a passive the subject (``nsubj:pass``) is the target and the agent
("by Arnor", ``obl:agent``) or, lacking one, the first oblique actor is the source. An anchor
without a subject of its own takes one from the clause it depends on: ``xcomp`` (the governor's
object, else its subject: "urged Bree to help" -> Bree helps), ``conj`` and ``advcl`` (the
governor's subject), ``acl`` (the noun it modifies); a relative pronoun stands for that noun.

A noun phrase names its actors by its core (compounds, adjectives, determiners, possessives:
"the Danish Islamist media"); a core holding only an agent takes the actors of its nominal
modifiers ("ambassadors of Arnor" -> ARNGOV); failing both, the first actor of the whole phrase
is taken. Conjuncts are actors of their own ("Arnor and Gondor"), as are conjuncts inside a
modifier ("the ambassadors of Arnor, Osgiliath and Gondor" -> three actors); a conjunct with an
agent alone shares the modifiers of the first ("Danish media and government" -> DNKMED, DNKGOV).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache

from coder.codebook.compile import CompiledCodebook
from coder.engine.actors import Piece, compose
from coder.frontends.keys import match_key
from coder.model import ActorMention, Sentence

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "csubj:pass"})
ALL_SUBJECTS = frozenset({"nsubj", "csubj", "nsubjpass", "csubjpass"})
OBJECTS = frozenset({"obj", "iobj"})
OBLIQUES = frozenset({"obl", "nmod"})
AGENTS = frozenset({"obl:agent", "nmod:agent"})
NOT_OBLIQUE = frozenset({"tmod", "npmod", "poss", "agent"})
# relations that keep a word inside the core of its noun phrase
CORE = frozenset({"compound", "flat", "name", "det", "amod", "nmod:poss", "nummod", "fixed", "goeswith",
                  "det:poss", "case", "mwe"})
# relations that start something other than the phrase itself (a conjunct, a clause, an aside)
OUTSIDE = frozenset({"conj", "cc", "punct", "appos", "parataxis", "acl:relcl", "advcl", "ccomp",
                     "discourse", "dep", "list", "reparandum", "orphan", "vocative"})
CONTROL = frozenset({"xcomp"})
INHERIT = frozenset({"conj", "advcl"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
# the preposition that marks the object of an Arabic verbal noun whose genitive is its doer
OBJECT_MARKERS = frozenset({"ل"})
COUNTS = frozenset({"nummod"})
PERSONAL = frozenset({"it", "he", "she", "they", "we"})
REPORTED = frozenset({"ccomp", "advcl", "conj"})
PRONOUNS = frozenset({"PRON"})
VERBAL = frozenset({"VERB", "AUX"})
NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ", "X", "SYM", "DET"})
MAX_DEPTH = 6
NOMINAL_CASED = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
LOCATIVE = frozenset({"في"})
# words that count people, whose phrase names the people counted ("dozens of soldiers"), and
# units, whose phrase names the force they belong to
QUANTITIES = {
    "en": frozenset(match_key(w, None, "en") for w in (
        "hundreds", "thousands", "dozens", "scores", "millions", "number", "group", "handful", "some",
        "many", "several", "most", "all", "one", "members")),
    "ar": frozenset(match_key(w, None, "ar") for w in (
        "عدد", "مئات", "آلاف", "الآلاف", "ألوف", "عشرات", "العشرات", "المئات", "مئة", "مائة", "ألف", "ملايين",
        "مليون", "مجموعة", "مجموعات", "بعض", "كثير", "معظم", "غالبية", "أغلبية", "أغلب", "جميع", "كل", "أحد",
        "إحدى", "عناصر", "أفراد", "حشد", "ثلة", "جموع",
        # a unit drawn from a force is that force («فرقة مظلية من قوات مكافحة الإرهاب»)
        "قوة", "فرقة", "وحدة", "وحدات", "دورية", "دوريات", "كتيبة", "سرية", "مفرزة", "خلية")),
}


@lru_cache(maxsize=512)  # a few dozen relations, asked for ~70 times a sentence
def base(relation: str) -> str:
    return relation.partition(":")[0]


class Tree:
    """Heads and children of a sentence's tokens, by position (0-based; -1 for the root)."""

    __slots__ = ("heads", "rels", "children", "upos", "passive_form")

    def __init__(self, sentence: Sentence) -> None:
        tokens = sentence.tokens
        position = {t.id: i for i, t in enumerate(tokens)}
        self.heads = [position.get(t.head, -1) if t.head else -1 for t in tokens]
        self.rels = [(t.deprel or "dep").lower() for t in tokens]
        self.upos = [t.upos for t in tokens]
        # a finite verb in the passive voice by its own form (Arabic «قُتِل», «أُصيب»), whatever
        # label the parser gave its subject
        self.passive_form = [t.upos in VERBAL and "Voice=Pass" in t.feats and "VerbForm=Part" not in t.feats
                             for t in tokens]
        children: list[list[int]] = [[] for _ in tokens]
        for i, head in enumerate(self.heads):
            if head >= 0:
                children[head].append(i)
        self.children = children

    def dependents(self, head: int, relations: frozenset[str]) -> list[int]:
        """Children whose relation (or its base: 'nsubj' for 'nsubj:xsubj') is in ``relations``."""
        rels = self.rels
        return [c for c in self.children[head] if rels[c] in relations or base(rels[c]) in relations]

    def conjuncts(self, head: int) -> list[int]:
        """The head and its conjuncts ("Mordor, Rohan, Arnor and Bree"), in word order. In a list
        an apposition is one more member ("Evil Mordor, the awful Arnor, and good Gondor" read
        with Arnor as apposition); elsewhere it names the same actor again and is left out."""
        rels = self.rels
        children = self.children
        upos = self.upos
        out = [head]
        stack = [head]
        while stack:
            node = stack.pop()
            for child in children[node]:
                rel = rels[child]
                if upos[child] not in NOMINALS:
                    continue  # "Gondor, ... burned down": a clause, not another actor
                if rel == "conj" or (rel == "appos" and (
                        any(rels[c] == "conj" for c in children[node])
                        or any(rels[c] == "conj" for c in children[child]))):
                    out.append(child)
                    stack.append(child)
        return sorted(out)

    def subtree(self, head: int, skip: frozenset[str] = frozenset()) -> list[int]:
        """The head and everything under it, leaving out children of ``head`` by ``skip``."""
        out = [head]
        rels = self.rels
        stack = [c for c in self.children[head] if rels[c] not in skip and base(rels[c]) not in skip]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(self.children[node])
        return sorted(out)

    def case_word(self, head: int, sentence: Sentence) -> str | None:
        """The preposition of a nominal ("with" in "with Gondor")."""
        for child in self.children[head]:
            if self.rels[child] == "case":
                return sentence.tokens[child].key
        return None

    def coordinators(self) -> frozenset[int]:
        """Positions of coordinating conjunctions ("and", "nor")."""
        return frozenset(i for i, rel in enumerate(self.rels) if base(rel) == "cc")

    def is_passive(self, verb: int) -> bool:
        rels = self.rels
        return self.passive_form[verb] or any(rels[c] in PASSIVE_SUBJECTS or rels[c] == "aux:pass"
                                              for c in self.children[verb])


class Phrases:
    """The actors of the noun phrases of one sentence, resolved on demand and remembered."""

    __slots__ = ("sentence", "tree", "cb", "day", "pieces", "piece_at", "_cache", "_actors")

    def __init__(self, sentence: Sentence, tree: Tree, cb: CompiledCodebook, day: dt.date | None,
                 pieces: Sequence[Piece]) -> None:
        self.sentence = sentence
        self.tree = tree
        self.cb = cb
        self.day = day
        self.pieces = pieces
        # the piece whose syntactic head is a token ("Prince of Dol Amroth" -> Prince)
        piece_at: dict[int, Piece] = {}
        heads = tree.heads
        for piece in pieces:
            inside = range(piece.start, piece.end)
            head = next((i for i in inside if heads[i] not in inside), piece.start)
            piece_at[head] = piece
        self.piece_at = piece_at
        self._cache: dict[int, list[list[Piece]]] = {}
        self._actors: dict[int, list[ActorMention]] = {}

    # -- noun phrases ---------------------------------------------------------------------------

    def core(self, head: int) -> list[int]:
        """The head and the words that belong to its core (not modifiers that are phrases)."""
        tree = self.tree
        out = [head]
        stack = [head]
        while stack:
            node = stack.pop()
            for child in tree.children[node]:
                if tree.rels[child] in CORE:
                    out.append(child)
                    stack.append(child)
        return out

    def _core_pieces(self, head: int) -> list[list[Piece]]:
        """The pieces of the core, one list per alternative (a conjunction inside a modifier,
        "Eriadori and Calenardhon leaders", gives one alternative per conjunct)."""
        tree = self.tree
        piece_at = self.piece_at
        shared: list[Piece] = []
        alternatives: list[list[Piece]] = []
        stack = [head]
        while stack:
            node = stack.pop()
            piece = piece_at.get(node)
            if piece is not None:
                shared.append(piece)
            for child in tree.children[node]:
                rel = tree.rels[child]
                if rel in CORE:
                    conj = [c for c in tree.children[child] if tree.rels[c] == "conj"] if node == head else []
                    if conj and not alternatives:
                        for member in (child, *conj):
                            alternatives.append([p for p in self._pieces_under(member) if p is not None])
                        continue
                    stack.append(child)
        shared = self._drop_adjective_agents(head, shared)
        if not alternatives:
            return [sorted(shared, key=_start)] if shared else []
        return [sorted(shared + alt, key=_start) for alt in alternatives if alt] or (
            [sorted(shared, key=_start)] if shared else [])

    def _pieces_under(self, node: int) -> list[Piece]:
        tree = self.tree
        out = []
        stack = [node]
        while stack:
            current = stack.pop()
            piece = self.piece_at.get(current)
            if piece is not None:
                out.append(piece)
            stack.extend(c for c in tree.children[current] if tree.rels[c] in CORE)
        return out

    def _drop_adjective_agents(self, head: int, pieces: list[Piece]) -> list[Piece]:
        """An agent used as an adjective of a word that names nobody is no agent ("the official
        news agency" is an agency, not an official). A numeral names nobody either, but its
        adjective is what it counts («خمسة مدنيين»)."""
        if not pieces or head in self.piece_at or self.is_quantity(head):
            return pieces
        upos = self.tree.upos
        return [p for p in pieces if not (p.kind == "agent" and p.end - p.start == 1
                                          and upos[p.start] == "ADJ")]

    def resolve(self, head: int, depth: int = 0) -> list[list[Piece]]:
        """The actors (as piece lists) of the noun phrase headed by ``head``, conjuncts apart."""
        cached = self._cache.get(head)
        if cached is not None:
            return cached
        self._cache[head] = []  # a cycle (malformed tree) resolves to nothing
        result = self._resolve(head, depth)
        self._cache[head] = result
        return result

    def _resolve(self, head: int, depth: int) -> list[list[Piece]]:
        groups = self._core_pieces(head)
        if any(p.kind != "agent" for g in groups for p in g):
            return groups
        if depth >= MAX_DEPTH:
            return groups
        tree = self.tree
        if groups:
            # an agent takes the actors of its modifiers: "ambassadors of Arnor, Osgiliath and
            # Gondor", "lawmakers in Arnor and Gondor"
            agents = groups[0]
            for child in self._modifiers(head):
                found = [g for c in tree.conjuncts(child) for g in self.resolve(c, depth + 1)]
                found = [g for g in found if any(p.kind != "agent" for p in g)]
                if found:
                    return [_with_agents(g, agents) for g in found]
            return [agents]
        if self.is_quantity(head):
            # a quantity names the people it counts: "hundreds of protesters", «آلاف المتظاهرين»,
            # «عدد من الشبان» (agents too: the quantity is no actor of its own)
            for child in self._modifiers(head):
                found = [g for c in tree.conjuncts(child) for g in self.resolve(c, depth + 1)]
                if found:
                    return found
        if self.sentence.language == "ar":
            # Arabic construct state: a noun that names nobody stands for its genitive, an agent
            # too («قرار الحكومة», the government's decision; «مقر الحزب»)
            for child in tree.children[head]:
                if child > head and tree.rels[child] == "nmod" \
                        and tree.case_word(child, self.sentence) is None:
                    found = self.resolve(child, depth + 1)
                    if found:
                        return found
        # else the first actor of the whole phrase, with its conjuncts: "a resumption of ties
        # between Gondor and Osgiliath", "an accord to supply Gondor with wheat"
        for node in tree.subtree(head, OUTSIDE):
            piece = self.piece_at.get(node)
            if piece is not None and piece.kind != "agent" and node != head:
                while tree.rels[node] in CORE and tree.heads[node] not in (-1, head):
                    node = tree.heads[node]  # up to the head of its phrase ("Osgiliath soldiers")
                return [g for c in tree.conjuncts(node) for g in self.resolve(c, depth + 1)]
        return []

    def is_quantity(self, head: int) -> bool:
        """A numeral or a word that counts people ("dozens", «مئات», «عدد», «مجموعة»)."""
        if self.tree.upos[head] == "NUM":
            return True
        return self.sentence.tokens[head].key in QUANTITIES.get(self.sentence.language, frozenset())

    def _modifiers(self, head: int) -> list[int]:
        tree = self.tree
        return [c for c in tree.children[head]
                if base(tree.rels[c]) in OBLIQUES and tree.rels[c].partition(":")[2] not in NOT_OBLIQUE]

    def actors(self, head: int) -> list[ActorMention]:
        """The actors named by the phrase at ``head`` and its conjuncts, each its own mention."""
        found = self._actors.get(head)
        if found is None:
            found = self._actors[head] = self._phrase_actors(head)
        return found

    def _phrase_actors(self, head: int) -> list[ActorMention]:
        tree = self.tree
        members = tree.conjuncts(head)
        out: list[ActorMention] = []
        first: list[list[Piece]] | None = None
        for member in members:
            groups = self.resolve(member)
            if member == members[0]:
                first = groups
            elif groups and all(p.kind == "agent" for g in groups for p in g) and first:
                # "Danish media and government", "lawmakers and officials in Arnor and Gondor"
                shared = [g for g in first if any(p.kind != "agent" for p in g)]
                if shared:
                    groups = [sorted(_modifiers_of(g, members[0], self) + groups[0], key=_start)
                              for g in shared]
            out.extend(self._mention(g) for g in groups)
        if not out:
            for child in tree.children[head]:
                if tree.rels[child] == "appos":
                    out.extend(self._mention(g) for g in self.resolve(child))
                    break
        return [m for m in out if m.code != "---"]

    def _mention(self, pieces: list[Piece]) -> ActorMention:
        return compose(pieces, self.sentence, self.cb, self.day, chain=True)


def _start(piece: Piece) -> int:
    return piece.start


def _with_agents(group: list[Piece], agents: list[Piece]) -> list[Piece]:
    """An entity found in a modifier, with the agents of the phrase's head ("ambassadors of
    Arnor"): the head's agents replace the modifier's own."""
    if not agents:
        return group
    return sorted([p for p in group if p.kind != "agent"] + agents, key=_start)


def _modifiers_of(group: list[Piece], head: int, phrases: Phrases) -> list[Piece]:
    """The pieces of a conjunct's actor that are not its head word (shared with the next conjunct)."""
    at_head = phrases.piece_at.get(head)
    return [p for p in group if p is not at_head]


def unique(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for mention in mentions:
        key = (mention.start, mention.end, mention.code)
        if key not in seen:
            seen.add(key)
            out.append(mention)
    return out


class TreeRoles:
    """Sources and targets of the anchors of one sentence, from its dependency tree."""

    __slots__ = ("sentence", "tree", "phrases")

    def __init__(self, sentence: Sentence, tree: Tree, phrases: Phrases) -> None:
        self.sentence = sentence
        self.tree = tree
        self.phrases = phrases

    def anchor(self, start: int, end: int) -> int:
        """The token that heads the anchor's words: the one whose head lies outside them (a
        verb first, when a parser split "wire tapped" in two)."""
        heads = self.tree.heads
        outside = [i for i in range(start, end) if not start <= heads[i] < end]
        if len(outside) > 1:
            upos = self.tree.upos
            return next((i for i in outside if upos[i] in VERBAL), outside[0])
        return outside[0] if outside else start

    def domain(self, start: int, end: int) -> tuple[frozenset[int], frozenset[int]]:
        """Where the words of a pattern may be: after the anchor, in its own phrase (its objects
        and obliques with everything under them, an infinitive completing it), not in a clause it
        reports or one joined to it or set beside it; before the anchor, in its subject
        (PETRARCH's "{death toll} *"), not in the adverbs and clauses before it."""
        head = self.anchor(start, end)
        tree = self.tree
        inside = tree.subtree(head, CLAUSE_EDGES)
        for child in self._infinitives(head):
            inside.extend(tree.subtree(child, CLAUSE_EDGES))
        subject = [node for child in tree.children[head] if base(tree.rels[child]) in ALL_SUBJECTS
                   for node in tree.subtree(child)]
        # a subject after its verb (Arabic verb-first clauses: «أحرق المتظاهرون») is a word
        # after the anchor in its own clause
        inside.extend(node for node in subject if node > head)
        return frozenset(inside).union(range(start, end)), frozenset(subject)

    def _infinitives(self, verb: int) -> list[int]:
        """Clauses that complete the anchor's phrase: "vowed to wage war", "signed an accord to
        supply Gondor" (an infinitive, whether the parser calls it xcomp or advcl)."""
        return [child for child in self.tree.children[verb] if self.is_infinitive(child)]

    def is_infinitive(self, verb: int) -> bool:
        """Whether ``verb`` completes its governor: ``xcomp``, or ``advcl`` marked by "to"."""
        tree = self.tree
        relation = base(tree.rels[verb])
        if relation == "xcomp":
            return True
        return relation == "advcl" and self._marked_to(verb)

    def _marked_to(self, verb: int) -> bool:
        tokens = self.sentence.tokens
        return any(self.tree.rels[g] == "mark" and tokens[g].key == "to" for g in self.tree.children[verb])

    def controller(self, verb: int) -> int | None:
        """The clause whose content an infinitive is: its governor for "vowed to attack",
        the verb of the object it hangs on for "urged Eriador to respond" (read as ``acl``)."""
        tree = self.tree
        governor = tree.heads[verb]
        if governor < 0:
            return None
        if self.is_infinitive(verb):
            return governor
        if base(tree.rels[verb]) == "acl" and self._marked_to(verb) and base(tree.rels[governor]) in OBJECTS:
            return tree.heads[governor] if tree.heads[governor] >= 0 else None
        return None

    # -- roles ----------------------------------------------------------------------------------

    def _actors(self, heads: Iterable[int]) -> list[ActorMention]:
        return unique(m for h in heads for m in self.phrases.actors(h))

    def _subjects(self, verb: int) -> list[int]:
        tree = self.tree
        if tree.passive_form[verb]:
            return []  # the subject of «قُتِل» is who was killed
        rels = tree.rels
        found = [c for c in tree.children[verb]
                 if base(rels[c]) in SUBJECTS and rels[c] not in PASSIVE_SUBJECTS]
        return found or self._nominative_objects(verb)

    def _nominative_objects(self, verb: int) -> list[int]:
        """Arabic: a noun after a verb that has no subject, in the nominative case, is its
        subject whatever the parser's label («وحمل المتظاهرونَ الأعلامَ» with the protesters
        read as the object): the case ending says who acts."""
        if self.sentence.language != "ar" or self.tree.passive_form[verb]:
            return []
        tree = self.tree
        tokens = self.sentence.tokens
        rels = tree.rels
        if any(base(rels[c]) in SUBJECTS for c in tree.children[verb]):
            return []
        return [c for c in tree.children[verb]
                if c > verb and (rels[c] in OBJECTS or base(rels[c]) in OBJECTS)
                and tree.upos[c] in NOMINAL_CASED and "Case=Nom" in tokens[c].feats][:1]

    def _passive_subjects(self, verb: int) -> list[int]:
        tree = self.tree
        rels = tree.rels
        if tree.passive_form[verb]:
            # a passive form's subject, however labelled, else what the parser took for its
            # object («قُتِل 12 شخصاً»)
            found = [c for c in tree.children[verb] if base(rels[c]) in SUBJECTS]
            return found or [c for c in tree.children[verb] if rels[c] in OBJECTS or base(rels[c]) in OBJECTS]
        return [c for c in tree.children[verb] if rels[c] in PASSIVE_SUBJECTS]

    def _objects(self, verb: int) -> list[int]:
        rels = self.tree.rels
        subjects = self._nominative_objects(verb)
        return [c for c in self.tree.children[verb]
                if (rels[c] in OBJECTS or base(rels[c]) in OBJECTS) and c not in subjects]

    def _obliques(self, verb: int, exclude_by: bool) -> list[int]:
        """Obliques after the verb, nearest first (not times, not the passive agent)."""
        tree = self.tree
        out = []
        for child in tree.children[verb]:
            rel = tree.rels[child]
            if base(rel) not in OBLIQUES or rel.partition(":")[2] in NOT_OBLIQUE or child < verb:
                continue
            if exclude_by and tree.case_word(child, self.sentence) == "by":
                continue
            out.append(child)
        return out

    def _first_oblique(self, verb: int, exclude_by: bool, places: bool = True) -> list[ActorMention]:
        """The actors of the first oblique that names any; ``places=False``: not a country or
        capital that only says where («في بغداد»)."""
        for child in self._obliques(verb, exclude_by):
            found = self._actors([child])
            if found and not places and self._where(child, found):
                continue
            if found:
                return found
        return []

    def _where(self, child: int, found: list[ActorMention]) -> bool:
        """Arabic «في بغداد», «في العراق»: a country or its capital after «في» is where the
        event happened, not whom it befell."""
        if self.sentence.language != "ar" or self.tree.case_word(child, self.sentence) not in LOCATIVE:
            return False
        return all(a.role is None and a.country is not None and a.code == a.country for a in found)

    def _subject_actors(self, verb: int, depth: int = 0) -> list[ActorMention] | None:
        """The actors of the subject; None when the verb has no subject word at all."""
        subjects = self._subjects(verb)
        if not subjects:
            return None
        tree = self.tree
        tokens = self.sentence.tokens
        out: list[ActorMention] = []
        for subject in subjects:
            key = tokens[subject].key
            if key in RELATIVE and base(tree.rels[verb]) == "acl" and tree.heads[verb] >= 0:
                out.extend(self._actors([tree.heads[verb]]))  # "the woman who shot"
            elif key in PERSONAL and tree.upos[subject] in PRONOUNS and depth < MAX_DEPTH \
                    and base(tree.rels[verb]) in REPORTED and tree.heads[verb] >= 0:
                # "Ethiopia indicated it would act": the pronoun stands for the governing subject
                out.extend(self.source(tree.heads[verb], depth + 1))
            else:
                out.extend(self._actors([subject]))
        return unique(out)

    def subject(self, verb: int) -> list[ActorMention]:
        """The grammatical subject's actors (a passive's too), or the subject it inherits."""
        found = self._subject_actors(verb)
        if found is not None:
            return found
        passive = self._passive_subjects(verb)
        if passive:
            return self._actors(passive)
        return self._inherited(verb, 0)

    def source(self, verb: int, depth: int = 0, intransitive: bool = False) -> list[ActorMention]:
        """Who does what ``verb`` says (before any pattern slot). An ``intransitive`` verb (a
        protest: what is protested against comes with a preposition) has no object: a nominal
        the parser hung on it as one, or a numeral, is its subject («تجمع مئات المتظاهرين»)."""
        tree = self.tree
        if tree.is_passive(verb) or (tree.rels[verb] == "acl" and _passive_participle(self.sentence, verb)):
            return self._passive_source(verb)
        found = self._subject_actors(verb, depth)
        if found is not None:
            return found
        if intransitive:
            for child in self._false_objects(verb):
                found = self._actors([child])
                if found:
                    return found
        return self._inherited(verb, depth)

    def _false_objects(self, verb: int) -> list[int]:
        """Objects and numerals after a verb, nearest first, without a preposition. Not after a
        plural or dual verb: a verb before its subject is singular («تجمع المتظاهرون»), so a
        plural one has its subject in itself («ساروا»)."""
        tree = self.tree
        rels = tree.rels
        feats = self.sentence.tokens[verb].feats
        if "Number=Plur" in feats or "Number=Dual" in feats:
            return []
        return [c for c in tree.children[verb]
                if c > verb and (rels[c] in OBJECTS or base(rels[c]) in OBJECTS
                                 or (rels[c] in COUNTS and tree.upos[c] == "NUM"))
                and self.tree.case_word(c, self.sentence) is None]

    def _passive_source(self, verb: int) -> list[ActorMention]:
        tree = self.tree
        agents = [c for c in tree.children[verb]
                  if tree.rels[c] in AGENTS
                  or (base(tree.rels[c]) in OBLIQUES and tree.case_word(c, self.sentence) == "by")]
        if agents:
            return self._actors(agents)
        # PETRARCH's reading of an agentless passive: "shot dead in Osgiliath" -> by Osgiliath
        return self._first_oblique(verb, exclude_by=False)

    def _inherited(self, verb: int, depth: int) -> list[ActorMention]:
        """The subject an anchor without one takes from the clause it depends on."""
        tree = self.tree
        governor = tree.heads[verb]
        if governor < 0 or depth >= MAX_DEPTH:
            return []
        relation = base(tree.rels[verb])
        if relation in CONTROL:
            # object control ("urged Bree to help"), else the governor's own subject ("is about to
            # restore"), also a raised passive subject ("Gollum was seen to break")
            if not tree.is_passive(governor):
                objects = self._actors(self._objects(governor))
                if objects:
                    return objects
            found = self._subject_actors(governor)
            if found is not None:
                return found
            passive = self._passive_subjects(governor)
            if passive:
                return self._actors(passive)
            return self._inherited(governor, depth + 1)
        if relation in INHERIT:
            if relation == "conj" or tree.upos[governor] in ("VERB", "AUX", "ADJ"):
                found = self._subject_actors(governor)
                if found is not None:
                    return found
                if tree.is_passive(governor):
                    return []
                return self._inherited(governor, depth + 1)
            return []
        if relation == "acl" and tree.rels[verb] != "acl:relcl" \
                and not _passive_participle(self.sentence, verb):
            return self._actors([governor])  # "the roads leading into Mordor"
        return []

    def target(self, verb: int, exclude: Sequence[ActorMention] = ()) -> list[ActorMention]:
        """Whom ``verb`` is done to (before any pattern slot)."""
        tree = self.tree
        if tree.is_passive(verb):
            found = self._actors(self._passive_subjects(verb))
            if found:
                return found
            if self._modifies_as_participle(verb):
                return self._actors([tree.heads[verb]])
            return []
        if self._modifies_as_participle(verb):
            return self._actors([tree.heads[verb]])  # "civilians killed by the army"
        taken = {(a.start, a.code) for a in exclude}
        found = [a for a in self._actors(self._objects(verb)) if (a.start, a.code) not in taken]
        if found:
            return found
        found = self._first_oblique(verb, exclude_by=False, places=False)
        if found:
            return found
        # the subject of a clause it governs: "Arnor believes Gondor can cope"
        for child in tree.children[verb]:
            if base(tree.rels[child]) == "ccomp":
                found = self._subject_actors(child) or self._actors(self._passive_subjects(child))
                if found:
                    return found
        # the object of the infinitive completing it: "vowed to wage war on the Rohans"
        for child in self._infinitives(verb):
            if not self._subjects(child):
                found = self._actors(self._objects(child)) or self._first_oblique(child, exclude_by=True)
                if found:
                    return found
        return []

    def _modifies_as_participle(self, verb: int) -> bool:
        tree = self.tree
        return (base(tree.rels[verb]) == "acl" and tree.heads[verb] >= 0
                and _passive_participle(self.sentence, verb))

    def nominal(self, noun: int, patient: bool = False) -> tuple[list[ActorMention], list[ActorMention]]:
        """Roles of a noun anchor: "Arnor's attack on Gondor", "an attack by Arnor on Gondor".
        The genitive of a ``patient`` noun is whom the event befalls («مقتل ثلاثة جنود»,
        «اعتقال الناشطين»), unless a «لِـ» phrase names that one («اعتقال قوات الأمن لناشطين»:
        then the genitive is the doer)."""
        tree = self.tree
        phrases = self.phrases
        own = [g for g in phrases._core_pieces(noun) if any(p.start != noun and p.kind != "agent" for p in g)]
        sources = [phrases._mention([p for p in g if not p.start <= noun < p.end]) for g in own]
        sources = [s for s in sources if s.code != "---"]
        targets: list[ActorMention] = []
        genitive_target = False
        # a count of people read as the noun's numeral counts its genitive («مقتل عشرة أشخاص»;
        # «احتشد آلاف المتظاهرين» with the verb read as a noun)
        modifiers = sorted(phrases._modifiers(noun) + tree.dependents(noun, COUNTS))
        for child in modifiers:
            found = self._actors([child])
            if not found:
                continue
            case = tree.case_word(child, self.sentence)
            if patient and case is None and not targets:
                targets = found
                genitive_target = True
            elif patient and case in OBJECT_MARKERS and genitive_target and not sources:
                sources, targets = targets, found
                genitive_target = False
            # "an attack by Arnor"; a genitive without preposition is the doer too (Arabic
            # «مظاهرات الطلاب», the students' protests)
            elif case == "by" or (case is None and not sources and not targets):
                sources = sources or found
            elif not targets:
                targets = found
        return sources, targets


# relations whose subtrees are clauses or phrases of their own, outside an anchor's pattern
CLAUSE_EDGES = frozenset({"conj", "cc", "parataxis", "advcl", "ccomp", "punct", "appos", "discourse", "list",
                          "nsubj", "csubj", "nsubj:pass", "csubj:pass", "aux", "aux:pass", "cop"})


def _passive_participle(sentence: Sentence, position: int) -> bool:
    token = sentence.tokens[position]
    return "VerbForm=Part" in token.feats and "Tense=Past" in token.feats
