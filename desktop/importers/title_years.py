"""The year a table states only in its title rows or its sheet name.

Yearbook sheets often have no year column: the year is in the title ('沈阳市2016年国民经济
主要指标', 'Table 3. GDP by city, 2019') or in the sheet name ('2016年主要经济指标'). Detection
uses it when the table has no year column or year headers, and says where it came from.

A text gives a year only when it names exactly one: '2015-2019年' names a range and gives
none. A line about the source ('数据来源：中国城市统计年鉴2017', 'Source: ... 2020 release')
gives none either, because a yearbook of 2017 holds the figures of 2016; nor does a line
naming a price base ('按2010年不变价格计算', 'chained 2012 dollars', '2015=100').
"""

from __future__ import annotations

import re

#: '2016年', '2016 年度', '2016年末': a year as Chinese titles write it (also when glued to
#: other characters, where the plain pattern below may still find it)
_ZH_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?:度|末|底)?")
#: a 4-digit year standing alone ('…, 2019', '2019 GDP'), not part of a longer number nor
#: a quantity ('1998万人', '2000 元')
_YEAR_RE = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]*\d)"
                      r"(?!\s*(?:万|亿|千|百|元|人|个|%|％))")
#: words of a line about where the figures come from, whose year is not the figures' year
_SOURCE_WORDS = ("年鉴", "来源", "出处", "出版", "发布", "yearbook", "source", "published",
                 "release", "edition", "vintage", "downloaded", "retrieved", "accessed",
                 "©", "copyright",
                 # a price base or index base year, not the year of the figures
                 "不变价", "可比价", "基期", "基年", "constant", "chained", "base", "=100")


def year_in_text(text: str) -> int | None:
    """The one year a title or sheet name states, or None (none, several, or a source line)."""
    folded = text.casefold()
    if any(word in folded for word in _SOURCE_WORDS):
        return None
    years = {int(y) for y in _ZH_YEAR_RE.findall(text)} | {int(y) for y in _YEAR_RE.findall(text)}
    return years.pop() if len(years) == 1 else None


def title_year_candidates(titles: list[str], sheet: str) -> list[tuple[str, int, str]]:
    """(source, year, text) for every title line and the sheet name that states one year;
    source is 'title' or 'sheet'."""
    found = []
    for text in titles:
        year = year_in_text(text)
        if year is not None:
            found.append(("title", year, text))
    if sheet:
        year = year_in_text(sheet)
        if year is not None:
            found.append(("sheet", year, sheet))
    return found


def choose_year(candidates: list[tuple[str, int, str]]) -> tuple[int | None, str]:
    """(year, source) from the candidates: the titles' year when they agree on one, else the
    sheet name's; (None, '') when the titles name different years (the user must choose)."""
    titles = {year for source, year, _ in candidates if source == "title"}
    if len(titles) > 1:
        return None, ""
    if titles:
        return titles.pop(), "title"
    sheets = [year for source, year, _ in candidates if source == "sheet"]
    if sheets:
        return sheets[0], "sheet"
    return None, ""
