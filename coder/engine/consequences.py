"""Attacks and the casualties they caused: «انفجرت سيارة مفخخة مما أدى إلى مقتل عشرة أشخاص».

Arabic news names the victims of an attack in a clause of result: a verb of causing («أدى إلى»,
«أسفر عن», «خلّف», «أوقع», «تسبب في») followed by a killing or an injury. The attack then has no
target of its own, and the killing no doer of its own: each takes what the other names (the
victims become the attack's target, the attacker the killing's source).

It also reports casualties in the passive, unvocalised («قُتلوا في هجوم انتحاري»): the verb
then follows its victims, and what they died in names the doer, if anyone.
"""

from __future__ import annotations

from collections.abc import Sequence

from coder.engine.roles import ARABIC_COUNTS, arabic_place
from coder.frontends.keys import match_key
from coder.model import ActorMention, Mention, Sentence

# CAMEO roots of violence: an attack (18), a fight (19), mass violence (20)
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
# verbs of causing that lead from an attack to its casualties
RESULT_WORDS = {
    "ar": frozenset(match_key(w, None, "ar") for w in (
        "أدى", "أدت", "يؤدي", "تؤدي", "أسفر", "أسفرت", "يسفر", "تسفر", "خلف", "خلفت", "أوقع", "أوقعت", "تسبب",
        "تسببت", "نتج")),
}
# how far before the casualty's anchor the verb of causing may stand («أدى إلى مقتل»)
RESULT_REACH = 3


def _is_violence(mention: Mention) -> bool:
    return mention.code[:2] in VIOLENCE_ROOTS


def _caused(sentence: Sentence, cause: Mention, effect: Mention, words: frozenset[str]) -> bool:
    """Whether a verb of causing stands between the two anchors, just before the effect's."""
    if effect.anchor_start <= cause.anchor_end:
        return False
    start = max(cause.anchor_end, effect.anchor_start - RESULT_REACH)
    return any(t.key in words for t in sentence.tokens[start:effect.anchor_start])


def link_consequences(sentence: Sentence, mentions: Sequence[Mention]) -> list[Mention]:
    """Give an attack without a target the victims of the casualties it caused, and those
    casualties without a doer the attack's source."""
    words = RESULT_WORDS.get(sentence.language)
    if not words or len(mentions) < 2:
        return list(mentions)
    anchors = sorted({(m.anchor_start, m.anchor_end) for m in mentions if _is_violence(m)})
    out = list(mentions)
    for cause_span, effect_span in zip(anchors, anchors[1:]):
        causes = [m for m in out if (m.anchor_start, m.anchor_end) == cause_span and _is_violence(m)]
        effects = [m for m in out if (m.anchor_start, m.anchor_end) == effect_span and _is_violence(m)]
        if not _caused(sentence, causes[0], effects[0], words):
            continue
        victims = [m.target for m in effects if m.target is not None]
        doers = [m.source for m in causes if m.source is not None]
        replaced: list[Mention] = []
        for m in out:
            span = (m.anchor_start, m.anchor_end)
            if span == cause_span and m.target is None and victims and _is_violence(m):
                replaced.extend(m._replace(target=v) for v in _distinct(victims, m))
            elif span == effect_span and m.source is None and doers and _is_violence(m):
                replaced.extend(m._replace(source=d) for d in _distinct(doers, m))
            else:
                replaced.append(m)
        out = replaced
    return out


def _distinct(actors, mention: Mention) -> list:
    """The actors, each once, leaving out the one the mention already has in its other role."""
    other = mention.source or mention.target
    seen: set[tuple[int, str]] = set()
    found = []
    for actor in actors:
        key = (actor.start, actor.code)
        if key in seen or (other is not None and other.code == actor.code):
            continue
        seen.add(key)
        found.append(actor)
    return found or [None]


# Arabic verbs of killing and injury that news reports in the passive, unvocalised: «قُتلوا»,
# «أُصيب», «اغتيل», «خُطفوا»
CASUALTY_VERBS = {
    "ar": frozenset(match_key(w, None, "ar") for w in (
        "قتل", "قتلوا", "قتلت", "قتلا", "قتلتا", "جرح", "جرحوا", "جرحت", "أصيب", "أصيبوا", "أصيبت", "أصيبا",
        "اغتيل", "اغتيلت", "خطف", "خطفوا", "خطفت", "اختطف", "اختطفوا", "اختطفت", "خطفا", "اختطفا",
        "لقي", "لقوا", "لقيت")),
}
# what a victim is killed in or by: «في هجوم انتحاري», «بانفجار سيارة», «جراء قصف», «برصاص»
CAUSE_WORDS = {"ar": frozenset(match_key(w, None, "ar") for w in ("في", "ب", "جراء", "إثر", "اثر", "خلال"))}
ATTACK_STEMS = {"ar": ("هجوم", "هجمات", "هجوما", "انفجار", "تفجير", "غاره", "غارات", "قصف", "اشتباك",
                       "مواجه", "معارك", "معركه", "عمليه", "حادث", "كمين", "رصاص", "نيران", "قذيف", "صاروخ",
                       "ضربه", "ضربات")}
# «على يد» / «على أيدي»: by whose hand
BY_HAND = {"ar": (match_key("على", None, "ar"),
                  frozenset({match_key("يد", None, "ar"), match_key("أيدي", None, "ar")}))}
CAUSE_REACH = 8
AND = "و"
CLAUSE_ENDS = frozenset({"،", ",", ".", "؛", ";", ":"})


def _cause_after(sentence: Sentence, start: int) -> int | None:
    """Where a cause of death or injury («في هجوم», «على يد») begins after ``start`` in its
    clause, if one does."""
    language = sentence.language
    tokens = sentence.tokens
    hand_on, hands = BY_HAND[language]
    own_clause = True
    for i in range(start, min(len(tokens) - 1, start + CAUSE_REACH)):
        key, following = tokens[i].key, tokens[i + 1].key
        if key in CLAUSE_ENDS:
            return None
        if key == AND:
            own_clause = False
        elif own_clause and (tokens[i].upos == "NUM" or key.isdigit() or key in ARABIC_COUNTS):
            return None  # «قتلت أول من أمس أربعة من المتهمين»: it has an object, it is active
        if key in CAUSE_WORDS[language] and (following.startswith(ATTACK_STEMS[language]) or (
                # «في ثاني تفجير», «في سلسلة تفجيرات»: one word before the attack's noun
                i + 2 < len(tokens) and tokens[i + 2].key.startswith(ATTACK_STEMS[language]))):
            return i
        if key == hand_on and following in hands:
            return i
    return None


# verbs passive by their form alone: «أُصيب», «اغتيل», «استُشهد»
PASSIVE_FORMS = {"ar": frozenset(match_key(w, None, "ar") for w in (
    "أصيب", "أصيبوا", "أصيبت", "أصيبا", "اغتيل", "اغتيلت", "استشهد", "استشهدوا", "استشهدت",
    # «لقي نحو 300 مواطن حتفهم»: who met their death
    "لقي", "لقوا", "لقيت"))}
OBJECT_REACH = 5  # words after a verb in which its object would stand («قتلت أول من أمس أربعة»)
# verbs of killing and injury, whose object is people (a kidnapping's may be anyone: «اختطفوا منسقها»)
HARM_VERBS = {"ar": frozenset(match_key(w, None, "ar") for w in (
    "قتل", "قتلوا", "قتلت", "قتلا", "قتلتا", "جرح", "جرحوا", "جرحت"))}
PASSIVE_RULE = "+passive"  # marks a mention's roles as read from a passive
PASSIVE_SUBJECT_REACH = 4
VICTIM_REACH = 2  # «امرأة قد قُتلت», «قُتل أحد عناصر الشرطة»: words between victim and verb
DOER_REACH = 3  # «في هجوم انتحاري», «على أيدي مسلحين»: words from the cause to its doer


def passive_casualties(sentence: Sentence, mentions: Sequence[Mention], actors: Sequence[ActorMention],
                       ) -> list[Mention]:
    """«قُتل ثلاثة جنود في هجوم», «بوتو قد قُتلت في هجوم انتحاري», «قُتل جنديان أميركيان
    في هجوم»: a verb of killing or injury next to an actor, followed by what the victims died
    in (or by whose hand), is in the passive: that actor is its target, and its doer the actor
    of the cause («في هجوم انتحاري», «على أيدي مسلحين»), if it names one."""
    verbs = CASUALTY_VERBS.get(sentence.language)
    if not verbs:
        return list(mentions)
    out = []
    for m in mentions:
        if m.code[:2] in VIOLENCE_ROOTS and sentence.tokens[m.anchor_start].key in verbs:
            m = _passive(sentence, m, actors)
        out.append(m)
    return out


def _victim(sentence: Sentence, mention: Mention, actors: Sequence[ActorMention],
            ) -> tuple[ActorMention, int | None] | None:
    """The actor just before the verb (its subject), else just after it (a verb before its
    subject), with where its cause of death begins (None when the verb is passive by its form
    alone, «أُصيب», or follows its subject with nothing after it, «قُتل بينما كان»)."""
    passive_form = sentence.tokens[mention.anchor_start].key in PASSIVE_FORMS.get(sentence.language, ())
    subject_end = _before_aside(sentence, mention.anchor_start)
    before = next((a for a in reversed(actors) if a.end <= subject_end
                   and subject_end - a.end <= VICTIM_REACH), None)
    if before is not None and arabic_place(sentence, before):
        return None  # «قال الحلف في أفغانستان إنه قتل»: a place is nobody killed
    if before is not None:
        cause = _cause_after(sentence, mention.anchor_end)
        harm = sentence.tokens[mention.anchor_start].key in HARM_VERBS[sentence.language]
        if cause is not None or passive_form or (harm and _nothing_after(sentence, mention, actors)):
            return before, cause
        return None
    # «وأُصيب صباح أمس أربعة جنود»: a verb passive by its form may have time words before its subject
    reach = PASSIVE_SUBJECT_REACH if passive_form else VICTIM_REACH
    after = next((a for a in actors if mention.anchor_end <= a.start <= mention.anchor_end + reach),
                 None)
    if after is not None:
        cause = _cause_after(sentence, after.end)
        return (after, cause) if cause is not None or passive_form else None
    return None


COMMAS = frozenset({"،", ","})
ASIDE_REACH = 8  # words of an aside between commas («، بينهم طفلان،», «، عشرين عاماً،»)


def _before_aside(sentence: Sentence, position: int) -> int:
    """Where the words before ``position`` end once an aside between commas right before it is
    skipped: «ثمانية أشخاص، بينهم طفلان، قتلوا» -> after «أشخاص»."""
    tokens = sentence.tokens
    if position == 0 or tokens[position - 1].key not in COMMAS:
        return position
    for opening in range(position - 2, max(position - 2 - ASIDE_REACH, -1), -1):
        if tokens[opening].key in COMMAS:
            return opening
    return position


def _nothing_after(sentence: Sentence, mention: Mention, actors: Sequence[ActorMention]) -> bool:
    """Whether nobody and no count follows the verb in its clause: «أحد عناصر القوات العراقية
    قُتل وجُرح سبعة آخرون» has no object, so the soldier is the one killed."""
    tokens = sentence.tokens
    end = min(len(tokens), mention.anchor_end + OBJECT_REACH)
    for i in range(mention.anchor_end, end):
        key = tokens[i].key
        if key in CLAUSE_ENDS or key == AND:
            return True
        if tokens[i].upos == "NUM" or key.isdigit() or key in ARABIC_COUNTS \
                or any(a.start == i for a in actors):
            return False
    return True


def _passive(sentence: Sentence, mention: Mention, actors: Sequence[ActorMention]) -> Mention:
    found = _victim(sentence, mention, actors)
    if found is None:
        return mention
    victim, cause = found
    doer = None
    if cause is not None:
        doer = next((a for a in actors if cause < a.start <= cause + DOER_REACH), None)
    # by code: a parse's phrase of the victim may span more words than the word-order one
    allowed = {victim.code} | ({doer.code} if doer else set())
    for actor in (mention.source, mention.target):
        if actor is None or actor.end <= mention.anchor_start:
            continue  # the subject's side: the victim, or a title in apposition before its name
        if actor.code not in allowed and not _in_next_clause(sentence, victim, actor):
            return mention  # it names someone else in the clause: its own reading stands
    return mention._replace(source=doer, target=victim, rule_id=mention.rule_id + PASSIVE_RULE)


def _in_next_clause(sentence: Sentence, victim: ActorMention, actor: ActorMention) -> bool:
    """«قُتل جنديان أميركيان وأُصيب تسعة عراقيين»: an actor after «و» is another verb's."""
    return actor.start > victim.end and any(
        t.key == AND for t in sentence.tokens[victim.end:actor.start])
