"""The two languages below the text layer: choosing between the English and Chinese fields a
record carries as data (a city's two names, an indicator's two labels, a source's two notes),
and naming the core's own vocabulary (city kinds, break kinds) through the text catalogue.

Core sits below desktop.text, so the records here cannot hold a Translator. Data fields go
through `pick`; vocabulary words are English msgids marked with `N_` and said with `word`,
which reads the same gettext catalogue (resources/locale) as desktop.text.Translator, loaded
here once for both, so a word of the core is translated where every sentence is.
"""

from __future__ import annotations

import gettext
from functools import lru_cache

#: The languages every person-facing text exists in; English is the catalogue's source.
LANGS = ("en", "zh")
#: The gettext domain: resources/locale/zh_CN/LC_MESSAGES/city_profiles.mo.
DOMAIN = "city_profiles"


@lru_cache(maxsize=64)
def is_chinese(lang: str) -> bool:
    """True for the Chinese language code (also 'zh_CN', 'zh-Hans' as Qt and HTML spell it).
    Remembered per code: a table of new values asks ~50,000 times."""
    return lang.split("_")[0].split("-")[0] == "zh"


def pick(lang: str, en: str, zh: str) -> str:
    """The field for `lang`; the English one when the Chinese field is empty, so a record
    never reads blank in Chinese."""
    return zh if is_chinese(lang) and zh else en


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional marker name
    """Marks a msgid for extraction (scripts/texts.sh) where it is kept in a table and
    translated later, when the language is known."""
    return message


def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for `lang`: none for English (a msgid is its own English)."""
    return _chinese_catalogue() if is_chinese(lang) else _ENGLISH


_ENGLISH = gettext.NullTranslations()


@lru_cache(maxsize=1)
def _chinese_catalogue() -> gettext.NullTranslations:
    """Read once, whichever spelling ('zh', 'zh_CN') asks. A missing catalogue is an error
    rather than silent English: the frozen app must bundle resources/locale."""
    from desktop.core.paths import resources_dir

    return gettext.translation(DOMAIN, str(resources_dir() / "locale"), languages=["zh_CN"])


def word(lang: str, msgid: str) -> str:
    """A vocabulary word of the core (an English msgid marked with N_) in `lang`."""
    return catalogue(lang).gettext(msgid)
