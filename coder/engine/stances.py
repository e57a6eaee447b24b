"""Whom a protest is against, or for, from the words that say so.

Arabic news rarely makes a protest's target the object of its verb; it says it in a phrase of
stance after it: «احتجاجاً على قرار الحكومة», «هتافات معادية لإيران», «مطالبين برحيل السلطات
العسكرية», «الموت لأميركا», «تأييداً للحكومة». The first actor such a phrase names is the
protest's target: it replaces what word order or the parser offered (most often the place of
the protest, «في العاصمة الصومالية», or a town in a distance, «200 كلم شمال إسلام آباد»).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

from coder.model import ActorMention, Mention, Sentence

PROTEST_ROOT = "14"
PROTESTERS = 6  # ACLED's actor type of protesters: who protests, never whom against
# Key prefixes of the words that open a phrase of stance (keys: normalised, no article; a
# preposition clitic may still be attached in raw text, «برحيل», «للمطالبة»):
# against («ضد», «معادية ل», «مناهضة ل», «مناوئة ل», «تندد ب», «تدين», «رفض», «اتهموا»), a demand
# («يطالب», «مطالبين ب», «رحيل», «استقالة», «إقالة», «تنحي», «إسقاط», «يسقط», «محاكمة»), support
# («مؤيدة ل», «تأييداً ل», «دعماً ل», «تضامناً مع», «مساندين ل»)
STANCE_STEMS = {
    "ar": ("ضد", "معادي", "مناهض", "مناوء", "تندد", "تنديد", "منددين", "منددا", "ندد", "يندد", "تدين",
           "يدين", "ادانه", "رفض", "اتهم", "يتهم", "تتهم",
           "طالب", "يطالب", "تطالب", "مطالب", "رحيل", "استقاله", "اقاله", "تنحي", "اسقاط", "يسقط", "ليسقط",
           "محاكمه",
           "مءيد", "تاييد", "دعما", "دعم", "تضامن", "مساند"),
}
# «احتجاجاً على X», «يحتجون على X»: a word of protest opens a phrase of stance only with «على»
PROTEST_STEMS = {"ar": ("احتج", "يحتج", "تحتج")}
AGAINST = {"ar": frozenset({"علي", "ضد"})}
# «الموت لأميركا»
DEATH = {"ar": "موت"}
CLITICS = {"ar": ("ب", "ل", "و", "لل", "وب", "ول")}
ARTICLE = "ال"
# a phrase of stance names its actor within a few words («احتجاجاً على ارتفاع أسعار المواد
# الغذائية ورفض الحكومة»), in its own clause
REACH = 7
CLAUSE_ENDS = frozenset({"،", ",", ".", "؛", ";", ":", "!", "?", "؟"})
VICTIM_GAP = 2  # «مقتل ثلاثة مدنيين»: a count between the noun and its victims
# «طالبان» is an armed group, not a demand
NOT_STANCE = {"ar": frozenset({"طالبان"})}
# a country after «في» is where, not whom («ضد الحرب في العراق»)
LOCATIVE = {"ar": frozenset({"في"})}


def _starts(key: str, stems: tuple[str, ...], clitics: tuple[str, ...]) -> bool:
    """Whether ``key`` begins with one of ``stems``, perhaps after a preposition clitic and the
    article («بالاحتجاج»)."""
    if key.startswith(stems):
        return True
    for clitic in clitics:
        if key.startswith(clitic):
            rest = key[len(clitic):]
            if rest.startswith(stems) or rest.startswith(ARTICLE) and rest[len(ARTICLE):].startswith(stems):
                return True
    return False


STANCE, PROTEST, DEATH_WORD = 1, 2, 3


@lru_cache(maxsize=1 << 14)  # asked of every word of every protest sentence; words repeat
def _word_kind(key: str, language: str) -> int:
    """What a word may open: a phrase of stance by itself, one with «على» after it, or «الموت ل»
    (0: none)."""
    if key in NOT_STANCE[language]:
        return 0
    if _starts(key, STANCE_STEMS[language], CLITICS[language]):
        return STANCE
    if _starts(key, PROTEST_STEMS[language], CLITICS[language]):  # «للاحتجاج على»
        return PROTEST
    return DEATH_WORD if key == DEATH[language] else 0


def _opens_stance(kind: int, keys: Sequence[str], i: int, language: str) -> bool:
    """Whether the word at ``i``, of kind ``kind`` (not 0), opens a phrase of stance."""
    if kind == PROTEST:
        return any(k in AGAINST[language] for k in keys[i + 1:i + 3])
    if kind == DEATH_WORD:
        return i + 1 < len(keys) and keys[i + 1] == "ل"
    return kind == STANCE


def _openers(keys: Sequence[str], language: str) -> list[int]:
    """Where the sentence's phrases of stance open, in order (most words are of no kind: they
    are passed over on their memoised kind alone)."""
    kinds = map(_word_kind, keys, repeat(language))  # the memo's C wrapper, called from C
    return [i for i, kind in enumerate(kinds) if kind and _opens_stance(kind, keys, i, language)]


def stance_actor(sentence: Sentence, after: int, actors: Sequence[ActorMention],
                 exclude: ActorMention | None, victims: frozenset[int] = frozenset(),
                 openers: Sequence[int] | None = None) -> ActorMention | None:
    """The actor named by the first phrase of stance that opens at or after token ``after``, not
    one at ``victims`` (the positions that a killing or an arrest befalls: «احتجاجاً على مقتل
    ثلاثة مدنيين» is not against the civilians). ``openers``: where the sentence's phrases of
    stance open, when the caller has found them already."""
    language = sentence.language
    if language not in STANCE_STEMS:
        return None
    keys = sentence.keys
    if openers is None:
        openers = _openers(keys, language)
    for i in openers:
        if i < after:
            continue
        for actor in actors:
            if actor.start <= i or actor.start > i + REACH:
                continue
            if any(k in CLAUSE_ENDS for k in keys[i + 1:actor.start]):
                break
            if actor.inter == PROTESTERS or actor.start in victims \
                    or (exclude is not None and actor.code == exclude.code) \
                    or keys[actor.start - 1] in LOCATIVE[language]:
                continue
            return actor
    return None


def stance_targets(sentence: Sentence, mentions: Sequence[Mention], actors: Sequence[ActorMention],
                   patients: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Each protest takes as target the actor of the first phrase of stance after its anchor.
    ``patients``: the spans of the sentence's nouns whose genitive is a victim («مقتل»)."""
    if sentence.language not in STANCE_STEMS or not actors \
            or not any(m.code.startswith(PROTEST_ROOT) for m in mentions):
        return list(mentions)
    # found once for all the sentence's protests
    openers = _openers(sentence.keys, sentence.language)
    victims = frozenset(a.start for a in actors
                        if any(0 <= a.start - end <= VICTIM_GAP for _, end in patients))
    out = []
    for m in mentions:
        if m.code.startswith(PROTEST_ROOT):
            actor = stance_actor(sentence, m.anchor_end, actors, m.source, victims, openers)
            if actor is not None and (m.target is None or m.target.code != actor.code):
                m = m._replace(target=actor, rule_id=m.rule_id + "+stance:" + actor.rule)
        out.append(m)
    return out
