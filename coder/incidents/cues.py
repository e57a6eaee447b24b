"""ACLED cue words of a sentence: the tactics, weapons and outcomes that decide an ACLED type.

The rule engine says who did what to whom in CAMEO terms; ACLED's categories also depend on how
(a protest dispersed with tear gas, a clash fought with small arms, an attack with mortars, a
victim who was a civilian). These lexicons of our own find those words in English and Arabic text.
Each cue kind is one of ``KINDS``; ``find_cues`` returns the kinds of a sentence with the offset of
their first word (for the anchor of an event no engine mention covers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coder.incidents.numbers import Normalised, normalise
from coder.incidents.prefilter import PatternGate, case_folded, casefold_is_exact

PROTEST, RIOT, MOB, INTERVENE, LETHAL = "protest", "riot", "mob", "intervene", "lethal"
CLASH, SMALL_ARMS, GAIN, REGAIN = "clash", "small_arms", "gain", "regain"
CHEMICAL, AIR, SUICIDE, SHELLING, IED, GRENADE = "chemical", "air", "suicide", "shelling", "ied", "grenade"
EXPLOSION = "explosion"  # no device named: a remote explosive unless a clash or a weapon says more
KILL, ATTACK, ABDUCT, SEXUAL = "kill", "attack", "abduct", "sexual"
ARREST, LOOT, DISRUPT, AGREE, HQ, CHANGE, TRANSFER, OTHER = (
    "arrest",
    "loot",
    "disrupt",
    "agree",
    "hq",
    "change",
    "transfer",
    "other",
)
CIVILIAN_VICTIM, ARMED_VICTIM, STATE_SIDE = "civilian_victim", "armed_victim", "state_side"
RIOTER = "rioter"  # riot words that make a riot even without a protest: "rioters", "pelted stones"
IDENTITY, CLAN = "identity", "clan"  # armed groups of a clan, tribe, ethnic group or community
UNKNOWN, MUTUAL = "unknown", "mutual"  # an unknown perpetrator; groups fighting each other
FIRE_AT = "fire_at"  # fire at armed positions, weapon unsaid: a clash unless the weapon is a heavy one
WEAPONS = (CHEMICAL, AIR, SUICIDE, SHELLING, IED, GRENADE, EXPLOSION)  # ACLED's order of precedence
EVENT_KINDS = frozenset(
    {
        PROTEST,
        RIOT,
        MOB,
        CLASH,
        FIRE_AT,
        EXPLOSION,
        GAIN,
        REGAIN,
        *WEAPONS,
        KILL,
        ATTACK,
        ABDUCT,
        SEXUAL,
        ARREST,
        LOOT,
        DISRUPT,
        AGREE,
        HQ,
        CHANGE,
        TRANSFER,
        OTHER,
    }
)

_EN_VICTIM = (
    r"(?:man|men|woman|women|boy|boys|girl|girls|child|children|person|people|persons|farmers?|"
    r"shepherds?|herders?|traders?|drivers?|teachers?|students?|residents?|villagers?|doctors?|"
    r"nurses?|journalists?|activists?|businessm[ae]n|youths?|minors?|family|families|individuals?|"
    r"workers?|vendors?|priests?|pastors?|imams?|civilians?|passers-?by|pedestrians?|couple|"
    r"brothers?|wife|husband|son|daughter|mother|father|elderly|teenagers?|migrants?|refugees?|"
    r"displaced|fishermen|fisherman|politicians?|candidates?|councillors?|lawyers?|judges?|leaders?)"
)
_EN_ARMED = (
    r"(?:soldiers?|troops|police(?:m[ae]n)?|officers?|militants?|fighters?|rebels?|insurgents?|"
    r"militiam[ae]n|militias?|gunm[ae]n|positions?|checkpoints?|bases?|outposts?|barracks|convoys?|"
    r"patrols?|army|forces|personnel|guards?|commanders?|jihadists?|combatants?|gang members?|"
    r"members of (?:the )?(?:[A-Z][\w-]* )*(?:gang|group|militia|cartel))"
)

_EN: dict[str, str] = {
    PROTEST: r"\bprotest(?:s|ed|ing|ers?|ors?)?\b|\bdemonstrat(?:ed|ion|ions|ors?|ing|e)\b|\bralli(?:ed|es)\b"
    r"|\brally\b|\bmarched\b|\bmarch(?:es)? (?:to|through|from|in)\b|\bsit-?ins?\b|\bdharnas?\b"
    r"|\bpicket(?:ed|s|ing)?\b|\bvigils?\b|\bmotorcades?\b|\bcacerolazos?\b|\bbanging pots"
    r"|\bchant(?:ed|ing)\b|\bslogans?\b|\bboycott(?:ed)?\b|\bwalk-?outs?\b|\bhunger strike"
    r"|\b(?:on|general|labou?r|staged an?|held an?|declared an?|went on|indefinite) strike\b"
    r"|\bblock(?:ed|ing|aded)? (?:the |a |an |several )?(?:\w+ )?(?:roads?|highways?|streets?"
    r"|traffic|access"
    r"|entrance|rails|railway|avenue|bridge)\b"
    r"|\bgathered (?:in front|outside|at|in)\b",
    RIOT: r"\briot(?:s|ed|ing|ers?)?\b|\bpelt(?:ed|ing)?\b|\bstone-?pelting\b|\bthr(?:ew|owing"
    r"|own) (?:stones|rocks"
    r"|molotov|petrol bombs|bottles|firecrackers|objects|bricks)|\bmolotov|\bpetrol bombs?\b"
    r"|\b(?:burn(?:ed|t|ing)|set (?:on )?fire to|torch(?:ed|ing)) (?:\w+ ){0,2}(?:tyres|tires)"
    r"|\b(?:tyres|tires)\b[\w ]{0,25}\bon fire\b|\bvandali[sz](?:ed|ing|m)\b|\bransack(?:ed|ing)\b"
    r"|\bclash(?:ed|es)? with (?:the )?(?:riot )?(?:police|security forces|officers|soldiers"
    r"|authorities)"
    r"|\battack(?:ed|ing)? (?:the )?(?:police|officers|policemen)|\bturned violent\b|\bbarricad(?:es?"
    r"|ed|ing)\b"
    r"|\bburning (?:objects|debris|tyres|tires|mattresses|vehicles?|branches|barricades|garbage"
    r"|trash)\b"
    r"|\bset(?:ting)? fire\b|\bbrawls?\b|\bscuffles?\b|\bfist ?-?fights?\b|\bstormed\b|\bbroke into\b"
    r"|\bclash(?:ed|es)?\b[\w ]{0,30}\b(?:demonstrators|protesters)\b|\b(?:police"
    r"|officers)\b[\w ]{0,20}"
    r"\bclash(?:ed|es)? with\b|\bretaliate",
    MOB: r"\bmobs?\b|\blynch(?:ed|ing)?\b|\bvigilantes?\b|\bangry (?:crowd|residents|villagers|locals)"
    r"|\b(?:villagers|residents|locals|crowd|a group of (?:people|men|villagers|residents|youths|locals)"
    r"|supporters) (?:attacked|beat|assaulted|clashed|thrashed|set fire)"
    r"|\bclashed with each other\b|\btwo groups\b|\bcommunal clash"
    r"|\bsupporters of\b[\w ]{0,40}\bclashed",
    INTERVENE: r"\bdispers(?:ed|e|ing|al)\b|\btear ?-?gas|\bwater cannons?|\brubber bullets|\bbatons?\b"
    r"|\blathi|\bcaned\b|\bpepper spray|\bstun grenades?|\bbroke up\b|\bcharged (?:at|on)\b"
    r"|\b(?:protesters|demonstrators|participants|activists|students|workers|they|some|several"
    r"|many"
    r"|\d+ (?:of )?(?:them|people|protesters|demonstrators))\b (?:were|was|being|got) (?:\w+ )?"
    r"(?:arrested|detained|dispersed|removed|beaten)\b"
    r"|\b(?!(?:he|she|who|which|had|have|has|been)\b)\w+ (?:were|was) (?:\w+ )?(?:arrested"
    r"|detained)\b(?! (?:in"
    r" connection|on charges|earlier|previously|recently|last|a day|before|for (?:allegedly|his"
    r"|her)))"
    r"|\b(?:arrested|detained) (?:\d+|several|some|many|dozens|a number|the|all|two|three|four"
    r"|five|six"
    r"|ten|a few)\b[\w ]{0,20}\b(?:protesters|demonstrators|participants|people|activists|students"
    r"|workers|them|organi[sz]ers|of them)\b|\b(?:police|security forces|officers|authorities"
    r"|troops"
    r"|soldiers)\b[\w ,]{0,40}\b(?:arrested|detained|intervened|stopped|prevented|blocked)\b"
    r"|\bintervened\b|\bforcibly remov|\bcleared (?:the )?(?:protest|sit-in|area|road|camp)"
    r"|\bwarning shots|\bfired (?:in|into) the air|\bwere (?:\w+ )?(?:injured"
    r"|wounded) by (?:the )?police",
    LETHAL: r"\bkill(?:ed|ing)\b|\bshot dead\b|\blive (?:ammunition|fire|bullets|rounds)\b|\bdied\b|\bdead\b"
    r"|\bseriously (?:injured|wounded)",
    CLASH: r"\bclash(?:ed|es|ing)?\b|\bfighting\b|\bfought\b|\bexchange[sd]? (?:of )?(?:fire|gunfire|shots)"
    r"|\bgun-?(?:fights?|battles?)\b|\bfire-?fights?\b|\bshoot-?outs?\b|\bambush(?:ed|es)?\b"
    r"|\bbattles?\b"
    r"|\bexchanged (?:\w+ ){0,2}(?:artillery|fire|shelling|mortars?|rockets?|gunfire|shots)\b"
    r"|\bin both directions\b"
    r"|\bmutual (?:shelling|fire|attacks)\b|\bsmall arms\b"
    r"|\bencounters?\b|\bcross-?fire\b|\bconfrontations?\b|\bhostilities\b|\brepel(?:led)?\b"
    r"|\bcounter-?attack|\boffensive\b|\bengaged\b|\bcombat\b|\bsniper|\bcounter-?insurgency operation"
    r"|\b(?:attack(?:ed|s)?|assault(?:ed)?|raid(?:ed)?|fired (?:at|on|upon)|stormed)"
    r" (?:on )?(?:the |a |an )?(?:\w+ )?(?:military |army |police |security |governmental "
    r"|government )?"
    r"(?:positions?|checkpoints?|bases?|posts?|outposts?|barracks|convoys?|patrols?|soldiers|troops"
    r"|police station|hideouts?|camps?)\b",
    FIRE_AT: r"\bfired\b[\w ,/()-]{0,80}\b(?:at|on|upon) (?:the )?(?:\w+ )?(?:positions|checkpoints?"
    r"|posts?)\b",
    SMALL_ARMS: r"\bsmall arms\b|\bassault rifles?\b|\bautomatic weapons\b|\bfirearms\b|\bgunfire\b|\bguns?\b"
    r"|\bgun-?(?:fights?|battles?)\b|\bshoot-?outs?\b|\bexchange[sd]? (?:of )?fire\b",
    GAIN: r"\b(?:took|take|taken|taking|seized|gained|assumed|wrested|captured) (?:full |complete |total )?"
    r"control\b|\bcaptur(?:ed|ing) (?:the )?(?:town|village|city|area|district|base|military base"
    r"|positions?|hill|airport|headquarters)\b|\btook over\b|\boverr(?:an|un)\b|\bfell to\b",
    REGAIN: r"\bre-?captur(?:ed|e|ing)\b|\bretook\b|\bretaken\b|\bretake\b|\bregain(?:ed|ing)?\b"
    r"|\brecover(?:ed)? (?:control|the)\b|\bliberat(?:ed|ion|ing)\b|\breclaimed\b",
    CHEMICAL: r"\bchemical (?:weapons?|attack|agents?)|\bchlorine (?:gas|attack)|\bsarin\b|\bmustard gas",
    AIR: r"\bair ?forces?\b[\w ,]{0,30}\b(?:targeted|struck|bombed|hit|attacked|raided|shelled)\b"
    r"|\bair ?-?strikes?\b|\bair ?-?raids?\b|\bdrone (?:strikes?|attacks?)\b|\baerial (?:bombardment"
    r"|attacks?"
    r"|strikes?|bombing)|\bdropped (?:\w+ )?(?:bombs?|explosives|grenades?)|\bbarrel bombs?"
    r"|\b(?:war ?planes?|jets|aircraft|helicopters?|gunships?|drones?|uavs?)\b[\w ,]{0,40}\b(?:bomb"
    r"|strik|struck|target|fired|attack|shell|raid|hit)|\b(?:bombed|bombing|bombings)\b",
    SUICIDE: r"\bsuicide (?:bomb|attack|blast|vest|belt|car|attacker|bomber)|\bblew (?:himself|herself|"
    r"themselves) up\b|\bsvbied",
    SHELLING: r"\bexplosions? involving\b|\bshell(?:s|ed|ing)\b|\bartillery\b|\bmortars?\b|\brockets?\b"
    r"|\bmissiles?\b|\bprojectiles?\b"
    r"|\banti-?aircraft\b|\batgms?\b|\banti-tank guided|\bcannons?\b|\bkatyushas?\b|\bgrad\b"
    r"|\bmlrs\b|\bhowitzers?\b|\btank (?:fire|rounds|shells)\b|\b\d+ ?mm\b"
    r"|\bheavy (?:weapons|machine ?-?guns?)\b|\brpgs?\b|\brocket-propelled|\banti-tank\b"
    r"|\bgrenade launchers?\b|\bbombard(?:ed|ment|ing)\b|\bexplosions? (?:were |was )?(?:observed"
    r"|recorded)",
    IED: r"\bieds?\b|\bimprovised explosive|\b(?:land ?-?mines?|anti-(?:personnel|tank) mines?)\b|\b(?:a|the)"
    r" mine\b|\bmine (?:blast|explosion|exploded)\b|\broadside bombs?\b|\bexplosive devices?\b"
    r"|\bcar bombs?\b"
    r"|\bvbieds?\b|\bvehicle-borne\b|\bmagnetic bombs?\b|\bsticky bombs?\b|\bbombs? (?:blast|exploded|"
    r"explosion|went off|attack)|\bexplosives? (?:went off|exploded|detonated)|\bunexploded\b|\buxo\b"
    r"|\bexplosive remnants\b|\bbomb\b",
    EXPLOSION: r"\bexploded\b|\bblasts?\b|\bexplosions?\b|\bdetonat(?:ed|ion)\b",
    GRENADE: r"\b(?:hand )?grenades?\b(?! launcher)",
    KILL: r"\bkill(?:ed|ing|s)?\b|\bshot (?:and killed|dead)\b|\bmurder(?:ed|s)?\b|\bassassinat"
    r"|\bexecut(?:ed|ion)"
    r"|\bbehead|\bstabbed\b|\bhacked\b|\bto death\b|\bfound dead\b|\bbod(?:y|ies)\b|\btortur"
    r"|\bslaughter"
    r"|\bmassacre|\bcorpses?\b|\bdied\b",
    ATTACK: r"\battack(?:ed|s|ing)?\b|\bassault(?:ed|s)?\b|\bshot\b|\bopened fire\b|\bfired (?:at|on|upon"
    r"|shots)"
    r"|\bbeat(?:en|ing)?\b|\bthrashed\b|\binjur(?:ed|ing)\b|\bwound(?:ed|ing)\b|\bburned alive\b"
    r"|\bacid\b|\braid(?:ed)?\b|\bharass(?:ed|ment)?\b|\bthreatened\b|\bextort|\bambushed\b"
    r"|\bstormed\b"
    r"|\bshooting\b|\btargeted\b|\bset (?:on )?fire to\b",
    ABDUCT: r"\babduct(?:ed|ion|ions|s|ing)?\b|\bkidnap(?:ped|ping|pings|s)?\b|\bhostages?\b|\bforcibly"
    r" disappeared\b|\benforced disappearance|\bunknown (?:location|destination)\b|\bcaptured (?:and"
    r"|a|an"
    r"|\d|two|three|several|some)\b|\btook (?:him|her|them) (?:away|hostage)",
    SEXUAL: r"\brap(?:ed|e|es|ing)\b|\bsexual(?:ly)? (?:assault|abus|violen|harass|exploit)|\bgang-?rap",
    ARREST: r"\barrest(?:ed|s|ing)?\b|\bdetain(?:ed|s|ing)?\b|\bapprehend(?:ed)?\b|\btaken into custody\b"
    r"|\brounded up\b|\bdetention\b|\bin custody\b|\barrests:",
    LOOT: r"\bloot(?:ed|ing|ers|s)?\b|\bpillag|\bplunder|\b(?:burn(?:ed|t)|torched|set (?:on )?fire to"
    r"|destroy(?:ed"
    r"|ing)?|demolish(?:ed|ing)?|damag(?:ed|ing)|vandali[sz]ed) (?:down )?(?:\w+ ){0,3}(?:houses?"
    r"|homes?|huts?"
    r"|shops?|stores?|property|properties|vehicles?|cars?|buildings?|crops|fields|schools?"
    r"|church(?:es)?"
    r"|mosques?|temples?|offices?|markets?|tower|towers|equipment|machinery|trucks?|motorcycles?)\b"
    r"|\b(?:houses?|homes?|property|vehicles?|cars?|shops?|offices?|buildings?) (?:was"
    r"|were) (?:set on fire|"
    r"burned|burnt|torched|destroyed|vandali[sz]ed|looted|damaged)\b|\bseiz(?:ed|ing|ure)\b"
    r"|\bbulldoz|\bconfiscat|\bstole|\brobb(?:ed|ery|eries)\b|\bproperty destruction\b"
    r"|\bseized (?:\w+ ){0,2}"
    r"(?:land|property|houses?|cattle|livestock|goods)\b",
    DISRUPT: r"\bdefus(?:ed|al|e|ing)\b|\b(?:dismantl|disarm|neutrali[sz])(?:ed|ing)? (?:an? "
    r"|the )?(?:\w+ )?(?:ieds?"
    r"|explosives?|bombs?|devices?|mines?)|\bintercept(?:ed|ion|s)?\b|\bshot down\b|\bseiz(?:ed"
    r"|ure) (?:of )?"
    r"(?:\w+ ){0,4}(?:weapons|arms|ammunition|explosives|rifles|guns|grenades|rockets|ieds?"
    r"|missiles)"
    r"|\b(?:weapons?|arms) (?:cache|depot|seizure|haul)|\bcontrolled (?:explosion|detonation)\b"
    r"|\bdetonation:|\bdefusal:|\bweapons seizure:|\bfailed to detonate\b|\bprematurely\b",
    AGREE: r"\bagreements?\b|\bcease-?fire\b|\btruce\b|\bpeace (?:deal|accord|agreement)\b"
    r"|\bprisoners? (?:exchange"
    r"|swap)|\breleas(?:ed|e) (?:of )?(?:\w+ ){0,3}(?:prisoners|detainees|hostages|captives)\b"
    r"|\bsurrender(?:ed|s)?\b|\breconciliation\b|\bhanded over (?:\w+ ){0,2}(?:prisoners|detainees)",
    HQ: r"\b(?:establish(?:ed|es)?|set up|opened) (?:a |an |new |its )?(?:new )?(?:military )?(?:base"
    r"|headquarters"
    r"|outpost)\b|\bheadquarters or base established\b",
    CHANGE: r"\bdeploy(?:ed|ment|s|ing)?\b|\breinforcements?\b|\bconvoys?\b|\bredeploy|\bpatrol(?:s|led"
    r"|ling)?\b"
    r"|\bcurfew\b|\bsecurity measures?\b|\bmovement of forces\b|\brecruit(?:ed|ment|ing|s)?\b"
    r"|\bdefect(?:ed|ion|ions|ors?)\b|\bwithdr(?:ew|awn|awal|aws)\b|\bmobili[sz](?:ed|ation)\b"
    r"|\bbuild-?up\b|\bmilitary (?:exercises?|drills?|training)\b|\boverfl(?:ew|ights?)\b"
    r"|\bre-?positioned\b"
    r"|\bclosed (?:all )?(?:\w+ ){0,3}(?:entrances|roads?|crossings?|borders?)\b"
    r"|\bchange to (?:armed )?group"
    r"|\bfortif(?:ied|ications?)\b|\btrenches\b|\breinforced\b|\bmoved (?:\w+ ){0,3}(?:troops|forces"
    r"|fighters)|\barrived in\b|\bset up (?:a |new )?"
    r"checkpoints?|\bestablished (?:a |new )?checkpoints?",
    TRANSFER: r"\bhanded over (?:the )?(?:control|town|village|city|area|base|positions?)\b|\bwithout (?:a )?"
    r"(?:fight|resistance|fighting)\b|\bnon-violent transfer",
    OTHER: r"\bmass graves?\b|\bnon-violent activity:|\bexplosive remnants of war:|\bcoup\b|\bdisplaced\b"
    r"|\bother:",
    CIVILIAN_VICTIM: rf"\bgroups? of (?:\w+ )?{_EN_VICTIM}\b"
                     rf"|\b(?:an?|one|two|three|four|five|\d+|the|his|her|their|several|local) (?:\w+ )?"
    rf"{_EN_VICTIM}\b"
    r"|\b(?:an?|one|the|his|her|two|three) (?:\w+ ){0,2}(?:players?|developers?|operators?"
    r"|councill?ors?"
    r"|chairm[ae]n|mayors?|chiefs?|headm[ae]n|elders?|clerics?|prisoners?|inmates?|detainees?"
    r"|owners?|shopkeepers?|merchants?|engineers?|employees?|officials?|members? of (?:the )?"
    r"(?:family|community|public))\b|\bcivilians?\b|\bbody of\b|\bbodies of\b|\bfound dead\b"
    r"|\bresidents\b|\bvillagers\b"
    r"|\bhouses?\b|\bhomes?\b|\bfamily\b",
    ARMED_VICTIM: rf"\b(?:an?|one|two|three|four|five|\d+|the|several|\w+) {_EN_ARMED}\b",
    RIOTER: r"\briot(?:s|ed|ing|ers?)?\b|\bturned violent\b|\bpelt(?:ed|ing)?\b|\bstone-?pelting\b"
    r"|\bthr(?:ew|owing|own) (?:stones|rocks|molotov|petrol bombs|bricks)|\bmolotov"
    r"|\bpetrol bombs?\b",
    IDENTITY: r"\b(?:clans?|sub-?clans?|tribesm[ae]n|fulani|herders?|herdsm[ae]n|armed families|two families"
    r"|(?:tribal|ethnic|communal|community|clan) (?:militias?|militiam[ae]n|clash(?:es)?|fighters"
    r"|violence))\b",
    CLAN: r"\b(?:clans?|sub-?clans?)\b",
    UNKNOWN: r"\b(?:unknown|unidentified) (?:party|parties|perpetrators?|assailants?|attackers?|actors?"
    r"|group|gunm[ae]n"
    r"|armed|men|persons|individuals|people|sources?)\b|\bperpetrators? (?:is|are|remain) unknown\b",
    MUTUAL: r"\beach other\b|\bone another\b|\btwo (?:mobs|groups|factions|sides|parties|families"
    r"|communities)\b"
    r"|\bgroups? of (?:\w+ ){0,3}clashed\b|\bpeople clashed\b|\bclashed over\b|\brival\b",
    STATE_SIDE: r"\b(?:governmental|government|military|army|police|security forces'?) (?:positions?|forces"
    r"|troops"
    r"|soldiers|checkpoints?)\b|\bsoldiers?\b|\btroops\b|\bpolice(?:m[ae]n)?\b|\barmed forces\b",
}

_AR: dict[str, str] = {
    PROTEST: r"تظاهر|مظاهر|احتجاج|احتج|اعتصام|اعتصم|وقفه احتجاجيه|مسير(?:ه|ات) (?:احتجاجيه|سلميه|شعبيه"
    r"|جماهيريه)"
    r"|اضراب",
    RIOT: r"شغب|رشق|الحجاره|احراق (?:الاطارات|اطارات)|حرق (?:الاطارات|اطارات)|مولوتوف",
    MOB: r"غاضب|حشد من الاهالي|سحل",
    INTERVENE: r"تفريق|فرقت|فض |مسيل للدموع|الرصاص المطاطي|خراطيم المياه|اعتقال|اعتقل|احتجز|القبض",
    LETHAL: r"مقتل|قتل|قتيل|قتلي|استشهاد|الرصاص الحي",
    CLASH: r"اشتباك|اشتبك|مواجهات|مواجهه|معارك|معركه|قتال|اقتتال|كمين",
    FIRE_AT: r"\bfired\b[\w ,/()-]{0,80}\b(?:at|on|upon) (?:the )?(?:\w+ )?(?:positions|checkpoints?"
    r"|posts?)\b",
    SMALL_ARMS: r"اسلحه خفيفه|الاسلحه الخفيفه|رشاشات|الرصاص",
    GAIN: r"سيطر|السيطره|استولي|احكم|دخل(?:ت)? (?:قوات|مدينه|بلده)",
    REGAIN: r"استعاد|استعاده|تحرير|حرر",
    CHEMICAL: r"كيماوي|كيميائي|غاز الكلور|السارين",
    AIR: r"غاره|غارات|ضربه جويه|ضربات جويه|قصف جوي|الطيران|طائره مسيره|طائرات مسيره|مسيره تركيه|المسيرات"
    r"|مقاتلات|الطائرات الحربيه|براميل متفجره",
    SUICIDE: r"انتحاري|انتحاريه|فجر نفسه|حزام ناسف",
    SHELLING: r"قصف|قذائف|قذيفه|صواريخ|صاروخ|مدفعي|مدفعيه|هاون|راجمات|كاتيوشا",
    IED: r"عبوه ناسفه|عبوات ناسفه|لغم|الغام|مفخخه|مفخخ|انفجار|تفجير|ناسفه",
    GRENADE: r"قنبله يدويه|قنابل يدويه",
    KILL: r"مقتل|قتل|اغتيال|اغتال|اعدام|اعدم|تصفيه|ذبح|جثه|جثث",
    ATTACK: r"هجوم|هاجم|اعتداء|اعتدي|استهدف|اطلاق نار|اطلاق النار|اصابه|اصيب",
    ABDUCT: r"اختطاف|اختطف|خطف|رهائن|رهينه|اخفاء قسري",
    SEXUAL: r"اغتصاب|اغتصب|تحرش",
    ARREST: r"اعتقال|اعتقل|احتجاز|احتجز|القبض|توقيف|اوقف",
    LOOT: r"نهب|سلب|سرقه|احراق منازل|حرق منازل|هدم|جرف|مصادره",
    DISRUPT: r"تفكيك|ابطال|اعتراض|اسقاط (?:طائره|مسيره)|ضبط (?:اسلحه|كميات)|مخزن اسلحه",
    AGREE: r"اتفاق|هدنه|وقف اطلاق النار|تبادل الاسري|صفقه|استسلام|استسلم|مصالحه",
    HQ: r"انشاء قاعده|اقامه قاعده|مقر جديد",
    CHANGE: r"نشر|تعزيزات|رتل|ارتال|انسحاب|انسحب|تجنيد|انشق|حظر تجوال|دوريه|دوريات|التاهب|الاستنفار|حشد",
    TRANSFER: r"تسليم|دون قتال|بدون قتال",
    OTHER: r"مقبره جماعيه|انقلاب|نزوح",
    CIVILIAN_VICTIM: r"مدني|مدنيين|مواطن|طفل|اطفال|امراه|نساء|سكان|الاهالي|منزل|منازل",
    ARMED_VICTIM: r"جندي|جنود|عناصر|مقاتل|مسلح|ميليشي|مليشي|قوات|مواقع|ثكنه",
    RIOTER: r"شغب|رشق|مولوتوف",
    IDENTITY: r"عشائر|عشيره|قبيله|قبائل|قبلي|عائلتين",
    CLAN: r"عشائر|عشيره",
    UNKNOWN: r"مجهول|مجهولين|مجهولون",
    MUTUAL: r"بين الطرفين|بين عائلتين|بين مجموعتين",
    STATE_SIDE: r"الجيش|قوات الامن|الشرطه|القوات الحكوميه",
}
_COMPILED: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "en": tuple((kind, re.compile(pattern, re.I)) for kind, pattern in _EN.items()),
    "ar": tuple((kind, re.compile(pattern)) for kind, pattern in _AR.items()),
}
CUE_GATES = {language: PatternGate([p for _, p in cues]) for language, cues in _COMPILED.items()}
# (gate name, kind, pattern, its case-folded twin or None) of each language, in order
_SCANS = {
    language: tuple((str(i), kind, pattern, case_folded(pattern)) for i, (kind, pattern) in enumerate(cues))
    for language, cues in _COMPILED.items()
}
# a gate name's place in its language's scans: a sentence's few possible patterns are run in the
# scans' order without stepping through all of them
_RANKS = {language: {scan[0]: i for i, scan in enumerate(scans)} for language, scans in _SCANS.items()}


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue kinds of a text and the raw offset of each kind's first word."""

    first: dict[str, int]
    # made once: a sentence's kinds are asked for by each of its mentions and incidents
    kinds: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", frozenset(self.first))

    def __contains__(self, kind: str) -> bool:
        return kind in self.first

    def merged(self, other: Cues) -> Cues:
        first = dict(other.first)
        first.update(self.first)
        return Cues(first)


NO_CUES = Cues({})

# ACLED's notes may open with the coder's tag of a strategic development: "Movement of forces: On ...".
_TAGS = {
    "movement of forces": "Change to group/activity",
    "security measures": "Change to group/activity",
    "change to armed group": "Change to group/activity",
    "looting": "Looting/property destruction",
    "property destruction": "Looting/property destruction",
    "arrests": "Arrests",
    "non-violent activity": "Other",
    "other": "Other",
    "explosive remnants of war": "Other",
    "disrupted weapons use": "Disrupted weapons use",
    "weapons seizure": "Disrupted weapons use",
    "defusal": "Disrupted weapons use",
    "detonation": "Disrupted weapons use",
    "headquarters or base established": "Headquarters or base established",
    "agreement": "Agreement",
    "non-violent transfer of territory": "Non-violent transfer of territory",
}
_TAG = re.compile(r"^\s*([A-Z][a-z -]{2,40}):\s")


def note_tag(text: str) -> str | None:
    """The ACLED sub-event type a note's opening tag names ("Security measures: On 29 April ...")."""
    m = _TAG.match(text)
    return _TAGS.get(m.group(1).lower()) if m else None


# A cue word right after these is a possibility, a threat or a plan, not an event: "to repel any
# attack", «للتصدي لأي هجوم».
_IRREALIS = {
    "en": re.compile(
        r"\b(?:any|possible|potential|future|planned|threatened to|threat of|to prevent|to repel"
        r"|to avoid|fear of|fears of|risk of|warned of|against any|in case of)\W+(?:\w+\W+)?$",
        re.I,
    ),
    "ar": re.compile(r"(?:لاي|اي|محتمل|لصد|للتصدي|لمواجهه|تحسبا ل|خشيه|لمنع|تهديد ب|يهدد ب)\W+(?:\w+\W+)?$"),
}


_FOLDED_IRREALIS = {language: case_folded(pattern) for language, pattern in _IRREALIS.items()}


def _may_follow_irrealis(char: str) -> bool:
    """Whether a cue word after ``char`` may follow a word of possibility: each ``_IRREALIS`` pattern
    ends with ``\\W+$``, so the character before the cue is no word character (``\\w``: what
    ``str.isalnum`` calls alphanumeric, and '_'). Arabic cues mostly match inside a word
    («واشتبكت»): the search is skipped there."""
    return not (char.isalnum() or char == "_")


def find_cues(
    text: str, language: str, norm: Normalised | None = None, possible: frozenset[str] | None = None
) -> Cues:
    """The ACLED cue kinds of ``text`` (English patterns on the raw text, Arabic ones on its
    normalised form: no diacritics, أإآ→ا, ى→ي, ة→ه); a cue word after a word of possibility
    ("any attack") does not count. ``norm``: ``normalise(text)``, when the caller has it;
    ``possible``: ``CUE_GATES[language].possible`` of the text the patterns run on, when the
    caller screened it (``screen.py``)."""
    scans = _SCANS.get(language)
    if not scans:
        return NO_CUES
    norm = (norm or normalise(text)) if language == "ar" else None
    subject = norm.text if norm is not None else text
    irrealis = _IRREALIS[language]
    if possible is None:
        possible = CUE_GATES[language].possible(subject)  # most kinds are ruled out without a scan
    # case-insensitive patterns run case-folded on the lower-cased text where that is exact
    # (same spans, 2-3x faster)
    lowered = subject.lower() if _FOLDED_IRREALIS[language] is not None and casefold_is_exact(subject) \
        else None
    if lowered is not None:
        subject, irrealis = lowered, _FOLDED_IRREALIS[language]
    first: dict[str, int] = {}
    ranks = _RANKS[language]
    for name in sorted(possible, key=ranks.__getitem__):
        _, kind, pattern, folded = scans[ranks[name]]
        if lowered is not None and folded is not None:
            pattern = folded
        for m in pattern.finditer(subject):
            start = m.start()
            if start and _may_follow_irrealis(subject[start - 1]) and irrealis.search(
                subject, max(0, start - 30), start
            ):
                continue
            first[kind] = norm.raw_index(start) if norm is not None else start
            break
    return Cues(first)
