"""The one translator for every sentence a person reads outside Qt widgets (report, CLI,
sentences the window shows): gettext catalogues with English as the msgid.

The catalogue is resources/locale/zh_CN/LC_MESSAGES/city_profiles.po, compiled to the .mo
beside it by scripts/texts.sh (Babel) and committed, so no build step is needed at run time;
the stdlib `gettext` reads it (desktop.core.bilingual.catalogue). English needs no catalogue:
a msgid is its own English text.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from desktop.core.bilingual import N_, catalogue, is_chinese
from desktop.core.bilingual import pick as _pick

__all__ = ["NP_", "N_", "Message", "Translator", "as_translator", "translator"]


def NP_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - as N_
    """Marks a singular/plural msgid pair for extraction (translated by Translator.ngettext)."""
    return singular, plural


@dataclass(frozen=True)
class Translator:
    """Texts, numbers and punctuation in one language; passed to whatever builds sentences,
    instead of a language code and a branch on it."""

    lang: str
    catalogue: _gettext.NullTranslations = field(repr=False, compare=False)

    @property
    def chinese(self) -> bool:
        return is_chinese(self.lang)

    @property
    def html_lang(self) -> str:
        """The language as HTML's lang attribute names it."""
        return "zh-Hans" if self.chinese else "en"

    def gettext(self, message: str, /, **values: object) -> str:
        """`message` (English) in this language, with `values` filled in by str.format."""
        translated = self.catalogue.gettext(message)
        return translated.format(**values) if values else translated

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        """`message` in this language where the same English reads differently by `context`."""
        translated = self.catalogue.pgettext(context, message)
        return translated.format(**values) if values else translated

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """The form that agrees with `count` (English: one / other; Chinese has one form);
        `count` is available to the template as {n}, written with thousands separators."""
        translated = self.catalogue.ngettext(singular, plural, count)
        return translated.format(n=f"{count:,}", **values)

    def pick(self, en: str, zh: str) -> str:
        """A record's own English or Chinese field (data, not catalogue text)."""
        return _pick(self.lang, en, zh)

    # Punctuation: Chinese uses full-width marks and no spaces around them.
    @property
    def list_sep(self) -> str:
        """Between items of a list: ', ' / '、'."""
        return "、" if self.chinese else ", "

    @property
    def clause_sep(self) -> str:
        """Between clauses: '; ' / '；'."""
        return "；" if self.chinese else "; "

    @property
    def comma(self) -> str:
        return "，" if self.chinese else ", "

    @property
    def colon(self) -> str:
        return "：" if self.chinese else ": "

    @property
    def full_stop(self) -> str:
        return "。" if self.chinese else "."

    @property
    def word_sep(self) -> str:
        """Between sentences or words: a space in English, nothing in Chinese."""
        return "" if self.chinese else " "

    def parens(self, inner: str) -> str:
        """' (inner)' / '（inner）'."""
        return f"（{inner}）" if self.chinese else f" ({inner})"

    def sentence(self, text: str) -> str:
        """`text` ending with a full stop in this language (not doubled)."""
        text = text.rstrip()
        return text if text.endswith((".", "。", "!", "?", "！", "？")) else text + self.full_stop

    def join(self, items: Iterable[str]) -> str:
        """'A, B' / 'A、B'."""
        return self.list_sep.join(items)

    def join_and(self, items: Iterable[str]) -> str:
        """'A, B and C' / 'A、B和C'."""
        names = list(items)
        if len(names) <= 1:
            return "".join(names)
        return self.join(names[:-1]) + self.gettext(" and ") + names[-1]

    def number(self, value: float, decimals: int = 0) -> str:
        """A number with thousands separators ('12,345.6'), as both languages write them."""
        return f"{value:,.{decimals}f}"

    def percent(self, value: float, decimals: int = 0) -> str:
        """'67%' from 67."""
        return f"{value:,.{decimals}f}%"

    def date(self, year: int, month: int, day: int) -> str:
        """'7 December 2026' / '2026年12月7日'."""
        if self.chinese:
            return f"{year}年{month}月{day}日"
        month_name = self.gettext(_MONTHS[month - 1])
        return f"{day} {month_name} {year}"


@dataclass(frozen=True, init=False)
class Message:
    """A sentence kept as its catalogue template (an English msgid) and values, to be said
    later in the reader's language (a finding's detail, an error's reason); a value may itself
    be a Message."""

    template: str
    values: tuple[tuple[str, object], ...]

    def __init__(self, template: str, **values: object) -> None:
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "values", tuple(values.items()))

    def text(self, lang: str | Translator = "en") -> str:
        tr = as_translator(lang)
        values = {k: v.text(tr) if isinstance(v, Message) else v for k, v in self.values}
        return tr.gettext(self.template).format(**values)

    def __str__(self) -> str:
        return self.text()


_MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
           N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
           N_("December"))


@lru_cache(maxsize=8)
def translator(lang: str = "en") -> Translator:
    """The Translator for `lang` ('en' or 'zh'), loaded once (desktop.core.bilingual loads
    the catalogue, the one the core's vocabulary is read from too)."""
    return Translator("zh" if is_chinese(lang) else "en", catalogue(lang))


def as_translator(lang: str | Translator) -> Translator:
    """Callers may still hand in a language code; code inside builds on the Translator."""
    return lang if isinstance(lang, Translator) else translator(lang)
