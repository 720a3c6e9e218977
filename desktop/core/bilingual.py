"""Choosing between the English and Chinese fields a record carries as data (a city's two names,
an indicator's two labels, a source's two notes).

Core sits below desktop.text, so the records here cannot hold a Translator; they call `pick`,
the one place below the text catalogue that knows which language code reads Chinese.
desktop.text.Translator.pick is the same choice for code above core.
"""

from __future__ import annotations

#: The languages every person-facing text exists in; English is the catalogue's source.
LANGS = ("en", "zh")


def is_chinese(lang: str) -> bool:
    """True for the Chinese language code (also 'zh_CN', 'zh-Hans' as Qt and HTML spell it)."""
    return lang.split("_")[0].split("-")[0] == "zh"


def pick(lang: str, en: str, zh: str) -> str:
    """The field for `lang`; the English one when the Chinese field is empty, so a record
    never reads blank in Chinese."""
    return zh if is_chinese(lang) and zh else en
