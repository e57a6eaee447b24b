"""Language identification for the two languages the lite front-end codes, by script and words.

Only 'ar' and 'en' are answered; anything else (French, Persian, Chinese...) gives None so the
caller can reject the record instead of coding it with the wrong rules.
"""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(
    r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]"
)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
_NON_ASCII_LATIN = re.compile(r"[\u00C0-\u024F]")
# Letters of Persian, Urdu and Kurdish that Arabic news text does not use.
_NOT_ARABIC = re.compile(r"[پچژگکیۀےںہٹڈڑھۆێڵ]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?")

# Frequent English words that are not also frequent words of French, Spanish, Italian,
# Portuguese, German, Dutch or Indonesian (so no "in", "a", "on", "is", "was", "also", "an").
_ENGLISH = frozenset("""
the of and to for that with by as at from said says has have had it he his she her they their
them this these those be been are were will would not but who which after than when over into
amid against killed army troops government people president officials protesters protest attack
attacks clashes rebels town city state country told report reported new more two three its
while during our you your we what about could should may between
""".split())

_OTHER = frozenset("""
le la les des du de et est une un dans pour sur au aux qui que pas par avec ce cette sont ont été
il elle nous vous ils leur mais ou où selon aussi comme
el los las del y es por con para una que se su al lo como más pero sus fue ha han sido
il di che della per non sono gli nel alla delle dei è da
der die das und ist nicht ein eine mit zu den von sich auf dem für im wurde werden
o os da do das dos não em um uma com ao pelo pela
het een van niet op zijn worden
yang dan di ini itu dengan untuk dari pada tidak
ve bir bu için ile olarak
""".split()) - _ENGLISH


def detect_language(text: str) -> str | None:
    """'ar' or 'en' when the text is clearly one of them, else None.

    Arabic: Arabic-script letters are most of the letters and Persian/Urdu-only letters are rare.
    English: Latin letters are most of the letters, accented letters are rare, and English
    function words (or frequent news words) outnumber those of other Latin-script languages.
    """
    letters = len(_LETTERS.findall(text))
    if letters == 0:
        return None
    arabic = len(_ARABIC_LETTER.findall(text))
    if arabic * 2 > letters:
        return "ar" if len(_NOT_ARABIC.findall(text)) * 50 < arabic else None
    latin = len(_LATIN_LETTER.findall(text))
    if latin * 2 <= letters or len(_NON_ASCII_LATIN.findall(text)) * 30 > latin:
        return None
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    english = sum(w in _ENGLISH for w in words)
    other = sum(w in _OTHER for w in words)
    return "en" if english > other and english > 0 else None
