"""Language identification of the lite front-end."""

from __future__ import annotations

import pytest

from coder.frontends.lite.langid import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الجيش الوطني الليبي يحقق تقدماً استراتيجياً في مصراته", "ar"),
        ("قصف", "ar"),
        ("Libyan army seizes Abu Qurain", "en"),
        ("Haftar forces attack Tripoli", "en"),
        ("Fighting rages in Libya as the army advances on the capital, officials said.", "en"),
        ("Le gouvernement d'union nationale a annoncé que les forces de Haftar ont été repoussées "
         "au sud de la capitale.", None),
        ("El gobierno de unidad nacional anunció que las fuerzas de Haftar fueron rechazadas en "
         "el sur de la capital.", None),
        ("Die Regierung teilte mit, dass die Truppen von Haftar im Süden der Hauptstadt "
         "zurückgeschlagen wurden.", None),
        ("利比亚国民军宣布控制了阿布古赖因", None),
        ("نیروهای ارتش ملی لیبی کنترل شهر را به دست گرفتند و این یک پیروزی است", None),
        ("12345 !!! ...", None),
        ("", None),
    ],
)
def test_langid_cases(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected
