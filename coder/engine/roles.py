"""Who did it and to whom by word order: source and target of an anchor when the front-end gives
no heads (lite), and for a noun anchor whose parse names no actor of its own. Dependency parses
are read by ``coder.engine.tree``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from coder.engine.verbs import VerbHit
from coder.frontends.keys import match_key
from coder.model import ActorMention, Sentence

# How far (in tokens) word order looks for a role.
SOURCE_REACH = 12
TARGET_REACH = 8
VSO_REACH = 3  # Arabic verb-subject order: the subject follows within a few words
CLAUSE_BREAKS = frozenset({".", ";", "؛", "!", "?", "؟", ":"})
ARABIC_PREPOSITIONS = frozenset({"ب", "ل", "في", "على", "علي", "من", "الى", "الي", "عن", "خلال"})
ARABIC_OBJECT_MARKERS = frozenset({"ل"})
ARABIC_COUNTS = frozenset(match_key(w, None, "ar") for w in (
    "اثنان", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عشرات", "مئات",
    "آلاف", "عدد", "عددا", "نحو", "حوالي"))
COUNTED_REACH = 6  # words from a count to the people it draws from («خمسة من فريق الحماية»)
KILLING = frozenset({"19", "20"})  # not 18: «فجر 3 انتحاريين أنفسهم» counts the bombers
COUNTED_VICTIMS = ("181", "186")  # but abductions and assassinations: «خطف ثلاثة جنود»
ALLY_MARKERS = frozenset({"alongside"})  # "fight alongside X": X is an ally, no target
PASSIVE_AUX = frozenset({"be", "was", "were", "been", "being", "is", "are", "get", "got"})
# English coordination by word order: "Jordan and Britain", "Iran, Syria and Iraq".
COORDINATION_GLUE = frozenset({"and", ",", "the", "both"})
# Words between "by" and a passive's agent: "by the U.N.", "by current Haitian officials" (at
# most this many, none of them a preposition, conjunction or punctuation).
AGENT_MODIFIERS = 2
NOT_MODIFIERS = frozenset({"by", "of", "in", "on", "at", "to", "from", "with", "for", "and", "or", "far"})
# An apposition or relative clause after the subject: ", a key U.S. ally," ", who met X,".
APPOSITION_OPENERS = frozenset({"a", "an", "the", "who", "whose", "which", "whom", "one", "also", "itself",
                                "now", "then", "once", "former", "formerly", "currently", "long"})
APPOSITION_LENGTH = 12  # words from the opening comma to the actor found inside
APPOSITION_TO_VERB = 4  # words from the closing comma to the verb ("..., has refused")
# Words that open a sentence-initial adverbial phrase ("Despite warnings by..., Israel refused").
INTRODUCTORY = frozenset({"despite", "after", "following", "amid", "before", "during", "while", "although",
                          "though", "because", "unlike", "like", "since", "as", "in", "with", "without"})


class Roles(NamedTuple):
    """Who did it and to whom (a named tuple: several are made for each anchor)."""

    source: ActorMention | None
    target: ActorMention | None


def _breaks(sentence: Sentence, start: int, end: int) -> bool:
    return any(t.form in CLAUSE_BREAKS for t in sentence.tokens[start:end])


def _first_after(actors: Sequence[ActorMention], pos: int, reach: int, sentence: Sentence,
                 exclude: ActorMention | None = None) -> ActorMention | None:
    for actor in actors:
        if actor is exclude or actor.start < pos:
            continue
        if actor.start - pos > reach or _breaks(sentence, pos, actor.start):
            return None
        return actor
    return None


def _last_before(actors: Sequence[ActorMention], pos: int, reach: int, sentence: Sentence,
                 ) -> ActorMention | None:
    for actor in reversed(actors):
        if actor.end > pos:
            continue
        if pos - actor.end > reach or _breaks(sentence, actor.end, pos):
            return None
        return actor
    return None


def coordinated(sentence: Sentence, actors: Sequence[ActorMention], actor: ActorMention | None,
                ) -> list[ActorMention]:
    """``actor`` with the actors coordinated with it by word order, in text order: the last two
    joined by "and", earlier ones by commas ("Jordan and Britain agreed", "Iran, Syria and Iraq
    signed"). Two actors joined by a comma alone are an apposition, not a list. English only."""
    if actor is None:
        return []
    if sentence.language != "en":
        return [actor]
    position = next((i for i, a in enumerate(actors) if a is actor), None)
    if position is None:
        return [actor]

    def gap(left: ActorMention, right: ActorMention) -> list[str] | None:
        keys = [t.key for t in sentence.tokens[left.end:right.start]]
        if not keys or not COORDINATION_GLUE.issuperset(keys) or not {"and", ","} & set(keys):
            return None
        return keys

    first = last = position
    while first > 0 and gap(actors[first - 1], actors[first]) is not None:
        first -= 1
    while last + 1 < len(actors) and gap(actors[last], actors[last + 1]) is not None:
        last += 1
    while last > first and "and" not in (gap(actors[last - 1], actors[last]) or []):
        last -= 1
    if not first <= position <= last:
        return [actor]
    return list(actors[first:last + 1])


def _apposition_head(sentence: Sentence, actors: Sequence[ActorMention], source: ActorMention,
                     anchor: int) -> ActorMention:
    """The subject an apposition or relative clause describes, when word order found the
    source inside it: "Pakistan, a key U.S. ally, has refused" -> Pakistan; "Arnor, whose
    envoy met Gondor, said" -> Arnor. Otherwise ``source`` itself."""
    tokens = sentence.tokens
    commas = [i for i in range(source.end, anchor) if tokens[i].form == ","]
    if len(commas) != 1 or anchor - commas[0] > APPOSITION_TO_VERB:
        return source
    opener = source.start - 1
    while opener > 0 and tokens[opener].form != "," and source.start - opener <= APPOSITION_LENGTH:
        opener -= 1
    if opener <= 0 or tokens[opener].form != "," or tokens[opener + 1].key not in APPOSITION_OPENERS:
        return source
    head = next((a for a in actors if a.end == opener), None)
    return head if head is not None else source


def _intro_phrase_end(sentence: Sentence, hit: VerbHit) -> int | None:
    """The comma that closes a sentence-initial adverbial phrase holding the anchor ("Despite
    warnings by aid agencies, Israel refused..."): actors after it belong to the main clause."""
    tokens = sentence.tokens
    if not tokens or tokens[0].key not in INTRODUCTORY:
        return None
    for i in range(hit.end, len(tokens)):
        if tokens[i].form == ",":
            return i
    return None


def _passive_agent(sentence: Sentence, hit: VerbHit, actors: Sequence[ActorMention]) -> ActorMention | None:
    """The actor of a "by" phrase after a passive verb: "was attacked by Arnor", "indicted by
    the U.N. court", "... by current Haitian government officials"."""
    tokens = sentence.tokens
    for actor in actors:
        if actor.start <= hit.end:
            continue
        for by in range(actor.start - 1, max(hit.end, actor.start - 2 - AGENT_MODIFIERS) - 1, -1):
            if tokens[by].key == "by":
                between = tokens[by + 1:actor.start]
                if all(t.upos != "PUNCT" and t.key not in NOT_MODIFIERS for t in between):
                    return actor
                break
    return None


def _english_passive(sentence: Sentence, hit: VerbHit) -> bool:
    before = [t.key for t in sentence.tokens[max(0, hit.start - 2):hit.start]]
    form = sentence.tokens[hit.start].form.lower()
    return any(k in PASSIVE_AUX for k in before) and form.endswith(("ed", "en", "wn", "ck", "ht"))


def _arabic_nominal(sentence: Sentence, hit: VerbHit, actors: Sequence[ActorMention]) -> bool:
    """Arabic anchors that are not verb-first clauses: a verbal noun after a preposition
    («بنقل المرتزقة»: the noun that follows is the object), a definite noun, or a verb whose
    subject stands right before it («قوات أرنور هاجمت»)."""
    tokens = sentence.tokens
    if hit.start > 0 and tokens[hit.start - 1].key in ARABIC_PREPOSITIONS:
        return True
    if tokens[hit.start].form.startswith(("ال", "بال", "وال", "لل")):
        return True
    return any(a.end in (hit.start, hit.start - 1) and not _breaks(sentence, a.end, hit.start)
               for a in actors)


def _arabic_patient(sentence: Sentence, hit: VerbHit, actors: Sequence[ActorMention]) -> Roles | None:
    """A noun whose genitive is whom the event befalls («مقتل ثلاثة جنود»); a «لِـ» phrase
    after the genitive names that one instead, and the genitive is the doer («اعتقال قوات الأمن
    لناشطين»)."""
    genitive = _first_after(actors, hit.end, VSO_REACH, sentence)
    counted = sentence.tokens[hit.end] if hit.end < len(sentence.tokens) else None
    if genitive is None and counted is not None \
            and (counted.upos == "NUM" or counted.form.isdigit() or counted.key in ARABIC_COUNTS):
        # «مقتل خمسة من فريق الحماية التابع للرئيس», «مقتل 13 معظمهم من أفراد الشرطة»: whom the
        # count draws from; «وإصابة سبعة آخرين»: people counted, nobody named, and no doer
        genitive = _first_after(actors, hit.end, COUNTED_REACH, sentence)
        if genitive is None:
            return Roles(None, None)
    if genitive is None:
        return None
    following = _first_after(actors, genitive.end, 2, sentence, exclude=genitive)
    if following is not None and sentence.tokens[following.start - 1].key in ARABIC_OBJECT_MARKERS:
        return Roles(genitive, following)
    return Roles(None, genitive)


def _arabic_object(sentence: Sentence, hit: VerbHit, actor: ActorMention) -> bool:
    """An actor after an Arabic verb that cannot be its subject: an indefinite noun in the
    accusative («قتلت 47 إرهابياً», «اعتقلت متظاهراً») or, after a verb of killing, a count
    of people (news reports «قُتل 12 شخصاً» in the passive, unvocalised)."""
    tokens = sentence.tokens
    if _plural_verb(tokens[hit.start].key):
        return True  # «وراحوا يهاجمون رئيس الوزراء»: a plural verb holds its subject
    form = tokens[actor.start].form
    if actor.role is not None and not form.startswith("ال") and len(form) > 3 \
            and form.endswith(("ا", "اً", "ًا")):
        return True
    before = tokens[actor.start - 1] if actor.start > 0 else None
    if before is not None and before.key == "من" and actor.start - 2 >= hit.end:
        before = tokens[actor.start - 2]  # «قتل عدداً من زعماء طالبان»
    code = hit.code or ""
    return (code[:2] in KILLING or code.startswith(COUNTED_VICTIMS)) and before is not None \
        and actor.start - 1 >= hit.end \
        and (before.upos == "NUM" or before.form.isdigit() or before.key in ARABIC_COUNTS)


# words after which a country, its capital or its adjective says where: «في», directions
# («شمال بغداد», «200 كلم شمال غرب إسلام آباد», «قرب»), and the places of a country («العاصمة
# الصومالية», «الأراضي التركية», «المدينة الإيطالية», «الحدود الأفغانية»)
ARABIC_PLACE_WORDS = frozenset(match_key(w, None, "ar") for w in (
    "في", "ب", "مطار", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "قرب", "أنحاء",
    "ضواحي", "داخل", "خارج", "العاصمة", "عاصمة", "المدينة", "مدينة", "الأراضي", "أراضي", "الحدود", "حدود",
    "منطقة", "مناطق", "محافظة", "إقليم", "ولاية", "بلدة", "بلدات", "مدن", "ساحة", "شوارع", "أرض"))


def arabic_place(sentence: Sentence, actor: ActorMention) -> bool:
    """«جنوب بغداد», «العاصمة الصومالية», «في العراق»: a country, its capital or its adjective
    after a word of place says where, not to whom."""
    return sentence.language == "ar" and actor.role is None and actor.country is not None \
        and actor.code == actor.country and actor.start > 0 \
        and sentence.tokens[actor.start - 1].key in ARABIC_PLACE_WORDS


def _plural_verb(key: str) -> bool:
    """An Arabic verb in the plural («هاجموا», «يطالبون»): a verb before its subject is singular
    («هاجم المسلحون»), so a noun after a plural verb is not its subject."""
    return len(key) > 4 and (key.endswith("وا") or key[0] in "يت" and key.endswith("ون"))


def _arabic_place(sentence: Sentence, actor: ActorMention) -> bool:
    """«في بغداد», «في العراق»: a country or its capital after «في» says where, not to whom."""
    return sentence.language == "ar" and actor.start > 0 and sentence.tokens[actor.start - 1].key == "في" \
        and actor.role is None and actor.country is not None and actor.code == actor.country


def _after_ally_marker(sentence: Sentence, start: int) -> bool:
    before = start - 1
    while before > 0 and sentence.tokens[before].key in ARTICLES:
        before -= 1
    return before >= 0 and sentence.tokens[before].key in ALLY_MARKERS


def roles_by_order(sentence: Sentence, hit: VerbHit, actors: Sequence[ActorMention]) -> Roles:
    """Word-order roles: SVO for English; Arabic news also puts the subject after the verb."""
    if sentence.language == "ar" and hit.patient and hit.source_slot is None and hit.target_slot is None:
        found = _arabic_patient(sentence, hit, actors)
        if found is not None:
            return found
    if hit.source_slot is not None and hit.source_slot < hit.start:
        source = _last_before(actors, hit.source_slot + 1, 2, sentence)
        if source is None and sentence.language == "en":
            # "Chirac issued a stern reminder to Iraq that it must...": the subject of the
            # pattern's first word, further back, not the actor nearest the anchor
            source = _last_before(actors, hit.source_slot + 1, SOURCE_REACH, sentence)
    elif hit.source_slot is not None:
        source = _first_after(actors, hit.source_slot, 2, sentence)
    else:
        source = None
    if hit.target_slot is not None and hit.target_slot < hit.start and sentence.language == "en":
        # "+" before the anchor is its subject: "reminder to Iraq that it must" -> Iraq
        target = _last_before(actors, hit.target_slot + 1, 3, sentence)
    elif hit.target_slot is not None and hit.target_slot < hit.start and sentence.language == "ar":
        # the subject just before the verb («القوات الأميركية تعرضت لهجوم»), else after it
        # («تعرضت القوات الأميركية لهجوم»)
        target = _last_before(actors, hit.start, 1, sentence) or _first_after(actors, hit.target_slot, 3, sentence)
    else:
        target = _first_after(actors, hit.target_slot, 3, sentence) if hit.target_slot is not None else None
    if source is None:
        if sentence.language == "ar" and not _arabic_nominal(sentence, hit, actors):
            source = _first_after(actors, hit.end, VSO_REACH, sentence, exclude=target)
            if source is not None and _arabic_object(sentence, hit, source):
                target = target if target is not None or hit.target_slot is not None else source
                source = None
            if source is not None and target is None and hit.target_slot is None:
                target = _first_after(actors, source.end, TARGET_REACH, sentence)
        if source is None:
            source = _last_before(actors, hit.start, SOURCE_REACH, sentence)
            if source is not None and sentence.language == "en":
                source = _apposition_head(sentence, actors, source, hit.start)
            if source is not None and source is target and hit.target_slot is not None:
                source = None  # «القوات الأميركية تعرضت لهجوم»: the subject the pattern made its target
    if target is None and hit.target_slot is None:
        target = _first_after(actors, hit.end, TARGET_REACH, sentence, exclude=source)
        if target is not None and _arabic_place(sentence, target):
            target = _first_after(actors, target.end, TARGET_REACH, sentence, exclude=source)
        intro_end = _intro_phrase_end(sentence, hit) if sentence.language == "en" else None
        if target is not None and intro_end is not None and target.start > intro_end:
            target = None
    if target is not None and sentence.language == "en" and _after_ally_marker(sentence, target.start):
        target = None  # "to fight alongside the GNA": an ally, not the one fought
    if target is source:
        target = None
    if (hit.code or "")[:2] in SPEECH_ROOTS:
        # «قال مصدر عسكري إن الاشتباكات أسفرت عن مقتل ثلاثة جنود»: the actors of the reported
        # clause are not the speaker, and whom it told is at most that clause's subject ("said
        # that rebels attacked": the rebels, as with a parse), not an actor deeper in it
        if source is not None and _reported_at(sentence, hit, source) is not None:
            source = None
        opener = _reported_at(sentence, hit, target) if target is not None else None
        if opener is not None and target is not None and target.start - opener > SUBJECT_REACH:
            target = None
    if sentence.language == "en" and _english_passive(sentence, hit):
        return Roles(_passive_agent(sentence, hit, actors), source)
    return Roles(source, target)


SUBJECT_REACH = 2  # words from «إن» / "that" to the reported clause's subject ("that the rebels")


def _reported_at(sentence: Sentence, hit: VerbHit, actor: ActorMention) -> int | None:
    """Where the complementizer stands that opens, after the statement's anchor, the clause
    ``actor`` is in (None if the actor is not in a reported clause)."""
    words = COMPLEMENTIZERS.get(sentence.language, frozenset())
    if actor.start <= hit.end:
        return None
    return next((i for i in range(hit.end, actor.start) if sentence.tokens[i].key in words), None)


def assign_roles(sentence: Sentence, hit: VerbHit, actors: Sequence[ActorMention]) -> Roles:
    """Roles by word order (dependency parses go through ``coder.engine.tree``)."""
    return roles_by_order(sentence, hit, actors)


# -- across anchors: what one anchor's words say about another's roles (lite) -------------------

# Words that may stand between a verb and the noun that is its topic ("did not comment on the
# shelling", "denied the attack", «لم يعلق على القصف»), and the prepositions among them that
# make a noun after a speech verb its topic rather than what was said ("announced an attack").
TOPIC_GLUE = {
    "en": frozenset({"on", "about", "over", "regarding", "concerning", "of", "the", "a", "an", "any", "this",
                     "that", "these", "those", "its", "their", "his", "her", "such"}),
    "ar": frozenset({"علي", "عن", "حول", "بشان", "ب", "ل", "هذا", "هذه", "اي"}),
}
TOPIC_PREPOSITIONS = {
    "en": frozenset({"on", "about", "over", "regarding", "concerning"}),
    "ar": frozenset({"علي", "عن", "حول", "بشان"}),
}
TOPIC_REACH = 3  # words between the verb's pattern and the noun
SPEECH_ROOTS = frozenset({"01", "02"})
# "said that the attack ...", «قال ... إن الاشتباكات»: the noun after these is a reported
# clause's subject, not the speaker's act
COMPLEMENTIZERS = {"en": frozenset({"that"}), "ar": frozenset({"ان"})}
ARTICLES = frozenset({"the", "a", "an"})
NOBODY = "---"  # the code of a phrase recognised but coded as nobody ("the international community")
REPORT_REACH = 8  # words from a statement verb to the «إن» / "that" after its subject
CLAIM = "015"  # "claimed responsibility for the attack": the claimant did it
DENIAL = "016"
# Arabic conjunctions that join a verb to the clause before it, sharing its subject.
ARABIC_COORDINATORS = frozenset({"و", "ف", "ثم"})
OBLIQUE_MARKERS = ARABIC_PREPOSITIONS | {"مع", "ضد"}  # an actor after one is no subject
ARABIC_SUBORDINATORS = frozenset({"قبل", "بعد"})  # «قبل أن تنسحب»: the same subject


def topic_of(sentence: Sentence, hit: VerbHit, hits: Sequence[VerbHit]) -> int | None:
    """Where the words end that cannot name the doer of ``hit`` (a noun), or None: the start of
    the anchor whose topic it is when that anchor is negated, a denial, or a statement or appeal
    with a preposition between ("did not comment on the shelling", "spoke about the attack"),
    or the «إن» / "that" that opens the reported clause it is the subject of («قال مصدر عسكري
    إن الاشتباكات أسفرت»): the subject of such a verb did not do what the noun names."""
    glue = TOPIC_GLUE.get(sentence.language)
    if glue is None:
        return None
    tokens = sentence.tokens
    for other in hits:
        end = max(other.end, other.last)  # ``last``: the position after its last word
        if other is hit or end > hit.start or hit.start - end > TOPIC_REACH:
            continue
        between = {t.key for t in tokens[end:hit.start]}
        if not between or not glue.issuperset(between):
            continue
        code = other.code or ""
        if other.negated or code[:3] == DENIAL:
            return other.start
        if code[:2] in SPEECH_ROOTS and code[:3] != CLAIM and between & TOPIC_PREPOSITIONS[sentence.language]:
            return other.start
    opener = hit.start - 1
    while opener >= 0 and tokens[opener].key in ARTICLES:
        opener -= 1
    if opener < 0 or tokens[opener].key not in COMPLEMENTIZERS.get(sentence.language, ()):
        return None
    if opener == hit.start - 1 and not tokens[hit.start].form.startswith("ال"):
        return None  # a noun phrase of its own ("the attack", «الاشتباكات»), not "that removing ..."
    if any((h.code or "")[:2] == "01" and (h.code or "")[:3] != CLAIM and max(h.end, h.last) <= opener
           and opener - h.start <= REPORT_REACH and not _breaks(sentence, h.end, opener) for h in hits):
        return opener
    return None


def shared_subject(sentence: Sentence, hit: VerbHit, roles: Roles, subject: ActorMention | None,
                   clause: VerbHit | None = None) -> Roles:
    """An Arabic verb joined by «و», «ف» or «ثم» to the clause before it, or after «قبل أن» /
    «بعد أن», with no subject of its own after it, shares that clause's ``subject`` («شنت جماعة
    الحوثي هجوماً ...، واشتبكت مع قوات الجيش لساعات قبل أن تنسحب»: the Houthis clashed and
    withdrew), not the nearest actor before it (that clause's object); an actor after a
    preposition («مع قوات الأمن») is no subject but the verb's target. So does a noun of purpose
    of the kind of that clause's anchor ``clause`` («تظاهر المحتجون أمام مصرف لبنان احتجاجاً
    على ...»: the protesters', not the bank's). Other verbal nouns («والهجوم») keep ``roles``."""
    tokens = sentence.tokens
    if subject is None or sentence.language != "ar" or hit.patient or hit.start == 0:
        return roles
    form = tokens[hit.start].form
    if form.startswith("ال"):
        return roles
    before = [t.key for t in tokens[max(0, hit.start - 2):hit.start]]
    joined = before[-1] in ARABIC_COORDINATORS or len(before) == 2 and before[1] == "ان" \
        and before[0] in ARABIC_SUBORDINATORS
    purpose = clause is not None and (clause.code or "")[:2] == (hit.code or "")[:2] \
        and form.endswith(("اً", "ًا")) and before[-1] not in OBLIQUE_MARKERS \
        and hit.end < len(tokens) and tokens[hit.end].key in OBLIQUE_MARKERS
    if not joined and not purpose:
        return roles
    source, target = roles.source, roles.target
    if source is not None and source.start >= hit.end and source.code == NOBODY:
        # «ودعت المجتمع الدولي إلى الضغط على الحوثيين»: whom the shared subject addresses is
        # nobody the codebook codes, and the actors after it are what it asks for
        return Roles(subject, target if target is not None and target.start < source.start else None)
    if source is not None and source.start >= hit.end:
        if tokens[source.start - 1].key not in OBLIQUE_MARKERS:
            return roles  # a subject of its own: «واشتبك الجيش مع المسلحين»
        source, target = None, target or source
    if subject is target:
        return roles
    return Roles(subject, target)


# What an anchor with a doer urges, promises, threatens or sets out to do is the content of that
# event, not an event of its own: "urged Eriador to respond", "vowed to attack", "sending
# mercenaries to fight alongside the GNA", «دعت المجتمع الدولي إلى الضغط على الحوثيين».
CONTENT_MARKERS = {"en": frozenset({"to"}), "ar": frozenset({"الي", "ل", "ب"})}
# In Arabic an appeal, an intent, a demand or a threat takes such a content (a verbal noun after
# «إلى», «لـ», «بـ»: «تهدد بشن هجوم»); elsewhere those words mean too much else. In English, by
# word order, only forces sent or massed to fight: "urged X to support Y" is coded for its content
# by the CAMEO manual's own examples, and "attempted to assassinate" is an attempt's own pattern.
CONTENT_ROOTS = {"ar": frozenset({"02", "03", "10", "13"}), "en": frozenset({"15"})}
CONTENT_REACH = 5  # words from the governing anchor to the marker («دعت المجتمع الدولي إلى»)


# verbal nouns that only carry the content's own noun: «بشن هجوم», «إلى تنفيذ هجمات»
LIGHT_NOUNS = {"ar": frozenset({"شن", "تنفيذ"})}


def _content_marker(sentence: Sentence, start: int) -> int | None:
    """Where the marker of a content («إلى», «بـ», "to") before the anchor at ``start`` stands."""
    tokens = sentence.tokens
    markers = CONTENT_MARKERS.get(sentence.language, frozenset())
    if start < 1:
        return None
    before = tokens[start - 1].key
    if before in markers:
        return start - 1
    light = LIGHT_NOUNS.get(sentence.language, frozenset())
    if before[:1] in markers and before[1:] in light:  # «بشن» with its clitic unsplit
        return start - 1
    if before in light and start >= 2 and tokens[start - 2].key in markers:
        return start - 2
    return None


def content_of(sentence: Sentence, hit: VerbHit, doers: Sequence[VerbHit]) -> bool:
    """Whether ``hit`` is the content of the nearest earlier anchor that has a doer."""
    language = sentence.language
    marker = _content_marker(sentence, hit.start)
    if marker is None:
        return False
    word = sentence.tokens[hit.start]
    if language == "en" and word.upos != "VERB" and word.form.lower() != word.key:
        return False  # "in response to attacks": an inflected word after "to" is no infinitive
    governing = next((h for h in reversed(doers) if h.end <= marker), None)
    if governing is None or marker - governing.end > CONTENT_REACH or _breaks(sentence, governing.end, marker):
        return False
    return (governing.code or "")[:2] in CONTENT_ROOTS.get(language, ())
