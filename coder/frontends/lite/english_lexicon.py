"""Word lists for the English lemmatizer: irregular forms and the exceptions to its suffix rules."""

from __future__ import annotations

# Irregular verbs, one "base past participle" entry per | or line (forms equal to the base are
# omitted; a base alone documents that the verb was considered).
_IRREGULAR_VERBS = """
arise arose arisen | awake awoke awoken | bear borne born | beat beaten | become became
begin began begun | bend bent | bind bound | bite bit bitten | bleed bled | blow blew blown
break broke broken | breed bred | bring brought | build built | burn burnt | buy bought
catch caught | choose chose chosen | cling clung | come came | creep crept | deal dealt
dig dug | draw drew drawn | dream dreamt | drink drank drunk | drive drove driven | dwell dwelt
eat ate eaten | fall fell fallen | feed fed | feel felt | fight fought | find found | flee fled
fling flung | fly flew flown | forbid forbade forbidden | foresee foresaw foreseen
foretell foretold | forget forgot forgotten | forgive forgave forgiven | freeze froze frozen
get got gotten | give gave given | go went gone | grow grew grown | hang hung | hear heard
hide hid hidden | hold held | keep kept | kneel knelt | know knew known | lay laid | lead led
leap leapt | leave left | lend lent | lie lain | light lit | lose lost | make made | mean meant
meet met | mislead misled | mistake mistook mistaken | misunderstand misunderstood
overcome overcame | override overrode overridden | overrun overran | oversee oversaw overseen
overtake overtook overtaken | overthrow overthrew overthrown | pay paid | prove proven
rebuild rebuilt | redo redid redone | repay repaid | retake retook retaken | rethink rethought
ride rode ridden | ring rang rung | rise rose risen | run ran | say said | see saw seen
seek sought | sell sold | send sent | sew sewn | shake shook shaken | shine shone | shoot shot
show shown | shrink shrank shrunk | sing sang sung | sink sank sunk | sit sat | slay slew slain
sleep slept | slide slid | sling slung | speak spoke spoken | speed sped | spend spent
spill spilt | spin spun | spit spat | spoil spoilt | spring sprang sprung | stand stood
steal stole stolen | stick stuck | sting stung | stink stank stunk | stride strode stridden
strike struck stricken | string strung | strive strove striven | swear swore sworn | sweep swept
swell swollen | swim swam swum | swing swung | take took taken | teach taught | tear tore torn
tell told | think thought | throw threw thrown | tread trod trodden | undergo underwent undergone
understand understood | undertake undertook undertaken | undo undid undone | uphold upheld
wake woke woken | wear wore worn | weave wove woven | weep wept | win won | withdraw withdrew withdrawn
withhold withheld | withstand withstood | wring wrung | write wrote written | rewrite rewrote rewritten
befall befell befallen | behold beheld | beset | broadcast | burst | cast | cost | cut | forecast
hit | hurt | let | put | quit | read | rid | set | shed | shut | split | spread | thrust | upset
outdo outdid outdone | outgrow outgrew outgrown | outrun outran | overhear overheard
overpay overpaid | oversell oversold | partake partook partaken | reshape | retell retold
resell resold | remake remade | undercut | underpay underpaid | unwind unwound
forsake forsook forsaken | smite smote smitten | forgo forwent forgone | beseech besought
thrive throve thriven | underwrite underwrote underwritten | unfreeze unfroze unfrozen
outsell outsold | outshine outshone | outfight outfought | overshoot overshot | overspend overspent
overdo overdid overdone | mishear misheard | mislay mislaid | misread | sneak snuck | strew strewn
hew hewn | mow mown | sow sown | shear shorn | underlie underlain | inlay inlaid | waylay waylaid
oversleep overslept | sublet | outbid | reset | recast
"""

# Auxiliaries, contractions and pronouns, lemmatised as UD English (EWT) does; "us" stays "us"
# because the United States lower-cases to it.
_FUNCTION_FORMS = {
    "am": "be", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be",
    "'m": "be", "'re": "be", "’m": "be", "’re": "be",
    "has": "have", "had": "have", "having": "have", "'ve": "have", "’ve": "have",
    "does": "do", "did": "do", "done": "do", "doing": "do",
    "goes": "go", "going": "go",
    "n't": "not", "n’t": "not", "ca": "can", "wo": "will", "sha": "shall",
    "'ll": "will", "’ll": "will", "'d": "would", "’d": "would",
    "an": "a",
    "me": "i", "my": "i", "mine": "i", "our": "we", "ours": "we",
    "him": "he", "his": "he", "her": "she", "hers": "she",
    "them": "they", "their": "they", "theirs": "they", "your": "you", "yours": "you",
}

# Irregular plurals and nouns whose plural the rules would get wrong.
_IRREGULAR_NOUNS = {
    "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "criteria": "criterion", "phenomena": "phenomenon",
    "crises": "crisis", "analyses": "analysis", "theses": "thesis", "hypotheses": "hypothesis",
    "diagnoses": "diagnosis", "indices": "index", "appendices": "appendix", "matrices": "matrix",
    "heroes": "hero", "vetoes": "veto", "embargoes": "embargo", "echoes": "echo",
    "potatoes": "potato", "tomatoes": "tomato", "torpedoes": "torpedo", "volcanoes": "volcano",
    "mosquitoes": "mosquito", "tornadoes": "tornado", "dominoes": "domino",
    "wolves": "wolf", "knives": "knife", "wives": "wife", "thieves": "thief", "halves": "half",
    "shelves": "shelf", "calves": "calf", "loaves": "loaf", "elves": "elf",
    "movies": "movie", "cookies": "cookie", "zombies": "zombie", "calories": "calorie",
    "rookies": "rookie", "sorties": "sortie", "junkies": "junkie", "goalies": "goalie",
    "hippies": "hippie", "prairies": "prairie", "selfies": "selfie", "hoodies": "hoodie",
    "buses": "bus", "gases": "gas", "lenses": "lens", "biases": "bias", "aliases": "alias",
    "atlases": "atlas", "canvases": "canvas", "focuses": "focus", "focused": "focus",
    "focusing": "focus", "viruses": "virus", "statuses": "status", "consensuses": "consensus",
    "campuses": "campus", "bonuses": "bonus", "censuses": "census", "corpuses": "corpus",
    "oases": "oasis", "axes": "axis", "aches": "ache", "headaches": "headache", "niches": "niche",
    "caches": "cache", "avalanches": "avalanche", "gassed": "gas", "gassing": "gas",
    "focussed": "focus", "focussing": "focus",
    # -eed past tenses (most words in -eed are bases: need, speed, proceed)
    "agreed": "agree", "disagreed": "disagree", "freed": "free", "guaranteed": "guarantee",
    "decreed": "decree", "refereed": "referee",
}

# Words that end like an inflection but are not one (kept as they are).
_UNINFLECTED = """
news series species always sometimes perhaps towards afterwards besides thus whereas overseas
chaos gas bias atlas alas canvas christmas texas kansas arkansas hamas lagos athens wales
paris tunis this is yes plus minus bus us thus politics economics physics mathematics
athletics ethics headquarters whereabouts crossroads barracks gallows lens means species
police people data media less unless across process congress business witness address
during nothing something anything everything morning evening ceiling thing king ring sing
bring string spring wing swing sting sling cling fling ping beijing darling sibling pudding
herring shilling viking ming sterling offspring wellbeing forthcoming
hundred sacred naked wicked crooked rugged ragged jagged beloved wretched dogged kindred
infrared seabed embed bed red wed shed sled need speed seed feed
deed weed heed reed steed creed greed indeed proceed succeed exceed bleed breed
ahmed mohammed muhammed mohamed muhammad hamed khaled saeed rasheed
yemen specimen abdomen regimen semen stamen hymen acumen albumen bitumen lumen omen amen
carmen dolmen
themselves ourselves yourselves
"""

# -ed/-ing stems (suffix removed) that take back a final e where the spelling rules cannot tell.
_E_STEMS = """
unit ignit invit cit incit excit recit expedit extradit reunit writ spit bit smit
complet compet delet deplet excret secret concret
explor ignor restor stor scor ador implor deplor bor snor shor underscor outscor
interfer adher coher persever rever
scal pal inhal exhal impal regal stal bal
phon telephon megaphon ton clon condon aton zon hon ston postpon dethron enthron thron inton dron
conven interven contraven
chang arrang exchang challeng plung aveng reveng rang estrang imping infring cring lung
expung spong hing
breath loath cloth sooth seeth bequeath sheath writh
past tast wast hast bast
persuad dissuad ow ey dy straf chaf knif
"""

# -ed/-ing stems that keep an ending which the rules would otherwise read as needing an e.
_NO_E_STEMS = """
combat pilot pivot ballot focus bias canvas bottom blossom ransom custom accustom
develop envelop gallop wallop worship gossip kidnap handicap scallop
"""

# Verbs whose final consonant doubles in British spelling although the base ends in a single l.
_DOUBLE_L_BASES = """
control patrol compel expel propel repel dispel excel rebel cancel label travel model level
fuel signal total equal rival channel tunnel counsel marshal annul enrol fulfil instil distil
shovel quarrel pencil pedal dial trial unravel marvel grovel impel refuel dishevel
"""

# Bases that end in a doubled consonant themselves (added → add, not ad).
_DOUBLE_BASES = "add odd egg ebb butt boycott watt putt err purr buzz fizz jazz"


def _irregular_verbs() -> dict[str, str]:
    forms: dict[str, str] = {}
    for entry in _IRREGULAR_VERBS.replace("\n", "|").split("|"):
        if not entry.strip():
            continue
        base, *inflected = entry.split()
        for form in inflected:
            forms.setdefault(form, base)
    return forms


IRREGULAR: dict[str, str] = {**_irregular_verbs(), **_IRREGULAR_NOUNS, **_FUNCTION_FORMS}
UNINFLECTED: frozenset[str] = frozenset(_UNINFLECTED.split())
E_STEMS: frozenset[str] = frozenset(_E_STEMS.split())
NO_E_STEMS: frozenset[str] = frozenset(_NO_E_STEMS.split())
DOUBLE_L_BASES: frozenset[str] = frozenset(_DOUBLE_L_BASES.split())
DOUBLE_BASES: frozenset[str] = frozenset(_DOUBLE_BASES.split())
