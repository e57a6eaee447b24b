"""Death counts by ACLED's rules, in English and Arabic (count, vague)."""

from __future__ import annotations

import pytest

from coder.incidents.fatalities import find_fatalities

EN_CASES = [
    # sentence, count, vague
    ("Gunmen killed 3 and wounded 10 in the attack.", 3, False),
    ("Three soldiers were killed and five wounded.", 3, False),
    ("Between 10 and 15 people were killed.", 10, False),
    ("10 to 15 people were reported dead.", 10, False),
    ("At least 12 people were killed on Monday.", 12, False),
    ("More than 40 prisoners were killed inside the prison.", 40, False),
    ("Several civilians were killed.", 3, True),
    ("A few protesters died in the clashes.", 3, True),
    ("Dozens were killed in the fighting.", 12, True),
    ("Hundreds died when the dam burst.", 100, True),
    ("Tens of people were killed.", 10, True),
    ("A soldier was killed in the clash.", 1, False),
    ("The airstrike killed a commander.", 1, False),
    ("Militants killed the governor of the province.", 1, False),
    ("The blast killed 5 people, including 2 children.", 5, False),
    ("Two civilians died of their wounds.", 2, False),
    ("Five people lost their lives.", 5, False),
    ("The death toll rose to 25.", 25, False),
    ("The attack claimed the lives of 14 people.", 14, False),
    ("Three soldiers and two civilians were killed.", 5, False),
    ("Insurgents killed 3 soldiers and 2 policemen.", 5, False),
    ("Twenty-five people were killed.", 25, False),
    ("A dozen people died.", 12, False),
    ("Clashes killed two dozen fighters.", 24, False),
    ("The militants executed two hostages.", 2, False),
    ("1,200 people have been killed.", 1200, False),
    ("A man was shot dead by police.", 1, False),
    ("A man was beaten to death in the market.", 1, False),
    ("Gunmen shot dead a police officer.", 1, False),
    ("The victim died.", 1, False),
    ("Militants killed soldiers at the checkpoint.", 3, True),
    ("Clashes left 4 dead and 20 injured.", 4, False),
    ("Police found the bodies of 6 men.", 6, False),
    ("A suicide bomber blew himself up, killing 7 people.", 8, False),
    ("Two suicide bombers blew themselves up at the gate, killing 9.", 11, False),
    ("A suicide bomber blew himself up at a checkpoint.", 1, False),
    ("A suicide bombing killed 12, including the bomber.", 12, False),
    ("Up to 20 people are feared dead.", 3, True),  # an upper bound gives no lowest figure
    ("Soldiers killed and wounded 12 militants.", 3, True),  # a casualty total: some died
    ("Two people were killed and wounded in the blast.", 1, True),
]

AR_CASES = [
    ("مقتل 3 وإصابة 10 في هجوم على حاجز", 3, False),
    ("مقتل 3 جنود و2 مدنيين وإصابة 10 آخرين", 5, False),
    ("قتل 5 أشخاص في انفجار سيارة مفخخة", 5, False),
    ("قتل ٥ أشخاص في انفجار سيارة مفخخة", 5, False),
    ("مقتل جندي في انفجار عبوة ناسفة", 1, False),
    ("مقتل شخص برصاص مجهولين", 1, False),
    ("مقتل شخصين في اشتباكات", 2, False),
    ("مقتل جنديين وإصابة ثالث", 2, False),
    ("سقوط قتيل في المواجهات", 1, False),
    ("سقوط قتيلين في المواجهات", 2, False),
    ("سقوط خمسة قتلى على الأقل", 5, False),
    ("مقتل خمسة عشر مسلحا", 15, False),
    ("مقتل عشرين شخصا", 20, False),
    ("مقتل خمسة وعشرين شخصا", 25, False),
    ("مقتل مئة مدني", 100, False),
    ("مقتل مائة وخمسين مقاتلا", 150, False),
    ("سقوط ألف قتيل", 1000, False),
    ("مقتل عشرات المدنيين في القصف", 10, True),  # «عشرات»: ACLED's "tens" = 10
    ("مقتل مئات المدنيين", 100, True),
    ("مقتل عدد من عناصر المليشيات", 3, True),
    ("سقوط قتلى في صفوف المتظاهرين", 3, True),
    ("لقي 5 أشخاص حتفهم في الحادث", 5, False),
    ("لقي جندي حتفه في الهجوم", 1, False),
    ("استشهاد ٣ فلسطينيين برصاص الاحتلال", 3, False),
    ("مقتل ما لا يقل عن 12 شخصا", 12, False),
    ("ارتفعت حصيلة القتلى إلى 20", 20, False),
    ("قتل بين 30 و35 شخصا في الانفجارين", 30, False),
    ("إن سبعة أشخاص على الأقل قتلوا وأصيب حوالي 20", 7, False),
    ("إن 11 مدنيا وأربعة من رجال الشرطة قتلوا في التفجير", 15, False),
    ("قتل جنديان أمريكيان وأصيب تسعة عراقيين بجروح", 2, False),
    ("أعلنت الشرطة مقتل سبعة أشخاص في تفجير انتحاري", 8, False),
    ("مقتله", 1, False),
    ("قُتِلَ ثلاثةُ جنودٍ في الهجوم", 3, False),
    ("سقوط 20 قتيلا وجريحا", 3, True),  # a casualty total: some died
    ("مقتل وإصابة 10 أشخاص", 3, True),
    ("انتحاري فجر نفسه وسط السوق ما أدى إلى مقتل 10", 11, False),
    ("أودى الهجوم بحياة 9 أشخاص", 9, False),
]

NO_DEATHS = [
    ("12 people were killed or wounded.", "en"),  # casualties only: ACLED codes 0
    ("No one was killed in the attack.", "en"),
    ("Neither fatalities nor injuries were reported.", "en"),
    ("The army threatened to kill protesters.", "en"),
    ("Ten protesters were injured.", "en"),
    ("Police arrested 30 people.", "en"),
    ("The town lies 118 km south of Misrata.", "en"),
    ("The government body announced the results.", "en"),
    ("He survived an assassination attempt.", "en"),
    ("أصيب 10 أشخاص بجروح", "ar"),
    ("سقوط 20 بين قتيل أو جريح", "ar"),
    ("لم يسفر الهجوم عن وقوع قتلى", "ar"),
    ("تجمع المتظاهرون في ساحة الشهداء", "ar"),
    ("كانوا يهتفون بحياة الرئيس", "ar"),
    ("نجا المحافظ من محاولة اغتيال", "ar"),
    ("قام نظام أردوغان بنقل 300 إرهابي من لواء السلطان مراد", "ar"),
    ("وتعتبر بوقرين التي تقع على بعد 118 كم جنوب مصراتة", "ar"),
    ("وتعثر القوات على كميات كبيرة من الأسلحة", "ar"),
]


@pytest.mark.parametrize(("sentence", "count", "vague"), EN_CASES)
def test_fatalities_english_count(sentence: str, count: int, vague: bool) -> None:
    found = find_fatalities(sentence, "en")
    assert found is not None
    assert (found.count, found.vague) == (count, vague)
    assert sentence[found.start:found.end] == found.text


@pytest.mark.parametrize(("sentence", "count", "vague"), AR_CASES)
def test_fatalities_arabic_count(sentence: str, count: int, vague: bool) -> None:
    found = find_fatalities(sentence, "ar")
    assert found is not None
    assert (found.count, found.vague) == (count, vague)
    assert sentence[found.start:found.end] == found.text


@pytest.mark.parametrize(("sentence", "language"), NO_DEATHS)
def test_fatalities_no_deaths_gives_none(sentence: str, language: str) -> None:
    assert find_fatalities(sentence, language) is None


@pytest.mark.parametrize(
    ("sentence", "language", "span"),
    [
        ("مقتل جندي في انفجار", "ar", "مقتل جندي"),
        ("مقتل 3 وإصابة 10", "ar", "مقتل 3"),
        ("At least 12 people were killed on Monday.", "en", "At least 12 people were killed"),
        ("Gunmen killed 3 and wounded 10.", "en", "killed 3"),
    ],
)
def test_fatalities_span_covers_cue_and_figure(sentence: str, language: str, span: str) -> None:
    found = find_fatalities(sentence, language)
    assert found is not None and found.text == span


def test_fatalities_stated_figure_supersedes_vague_one() -> None:
    found = find_fatalities("Dozens were feared dead; the ministry said 25 people died.", "en")
    assert found is not None and (found.count, found.vague) == (25, False)
