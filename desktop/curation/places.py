"""Building the city catalog from the places the sources name."""

from __future__ import annotations

import re

from desktop.core.catalog import City
from desktop.curation.readers import MUNICIPALITY_CODES, CensusPlace, CsmarPlace, MetroPlace

_CITY_SUFFIX = re.compile(r"\s*\(\s*(city|province)\s*\)\s*$", re.IGNORECASE)

#: Chinese names of US metros that Chinese readers know by name (others show in English).
US_METRO_NAMES_ZH = {
    "Atlanta": "亚特兰大",
    "Baltimore": "巴尔的摩",
    "Boston": "波士顿",
    "Buffalo": "布法罗",
    "Chicago": "芝加哥",
    "Cincinnati": "辛辛那提",
    "Cleveland": "克利夫兰",
    "Columbus": "哥伦布",
    "Dallas": "达拉斯",
    "Detroit": "底特律",
    "Houston": "休斯敦",
    "Indianapolis": "印第安纳波利斯",
    "Los Angeles": "洛杉矶",
    "Milwaukee": "密尔沃基",
    "Minneapolis": "明尼阿波利斯",
    "New York": "纽约",
    "Philadelphia": "费城",
    "Pittsburgh": "匹兹堡",
    "Rochester": "罗切斯特",
    "San Francisco": "旧金山",
    "Seattle": "西雅图",
    "St. Louis": "圣路易斯",
    "Toledo": "托莱多",
    "Akron": "阿克伦",
    "Washington": "华盛顿",
    "Dayton": "代顿",
    "Grand Rapids": "大急流城",
}


def clean_english(name: str) -> str:
    """'Shenyang(city) ' -> 'Shenyang'; 'Liaoning (province)' -> 'Liaoning'."""
    return _CITY_SUFFIX.sub("", name.strip()).strip()


def chinese_short(name_zh: str) -> str | None:
    """沈阳市 -> 沈阳 (a second alias), when the rest is still a name of two characters or more."""
    if name_zh.endswith("市") and len(name_zh) >= 3:
        return name_zh[:-1]
    return None


def china_city_kind(code: str) -> str:
    if code in MUNICIPALITY_CODES.values():
        return "municipality"
    return "prefecture_city" if code.endswith("00") else "county_or_district"


def china_cities(csmar: dict[str, CsmarPlace], census: dict[str, CensusPlace]) -> list[City]:
    """Every place in the CSMAR panels, named in Chinese where the census knows its code."""
    province_zh = {p.province_code: p.province_zh for p in census.values()}
    english = [clean_english(p.name) for p in csmar.values()]
    cities = []
    for city_id in sorted(csmar):
        place = csmar[city_id]
        code = city_id.removeprefix("cn-")
        zh = census[code].name_zh if code in census else ""
        name_en = clean_english(place.name)
        if english.count(name_en) > 1:
            # Two cities romanised alike (苏州 and 宿州 are both 'Suzhou'): name the province.
            name_en = f"{name_en} ({clean_english(place.province_name)})"
        # CSMAR mislabels some cities, e.g. Jilin city as "Jilin(province)": keep such a raw
        # label out of the aliases so that it cannot be confused with the province.
        raw = place.name.strip()
        aliases = {name_en}
        if "province" not in raw.casefold() and english.count(clean_english(place.name)) == 1:
            aliases.add(raw)
        short = chinese_short(zh)
        if short:
            aliases.add(short)
        aliases.discard(name_en)
        cities.append(
            City(
                id=city_id,
                name_en=name_en,
                name_zh=zh,
                aliases=tuple(sorted(a for a in aliases if a)),
                country="CN",
                province_en=clean_english(place.province_name),
                province_zh=province_zh.get(place.province_code, ""),
                kind=china_city_kind(code),
                code=code,
            )
        )
    return cities


def metro_short_name(full_name: str) -> str:
    """'Detroit-Warren-Dearborn, MI Metropolitan Statistical Area' -> 'Detroit'."""
    principal = full_name.split(",")[0]
    return principal.split("-")[0].strip()


def us_metros(places: dict[str, MetroPlace]) -> list[City]:
    metros = {pid: p for pid, p in places.items() if pid.startswith("us-")}
    shorts = [metro_short_name(p.name) for p in metros.values()]
    cities = []
    for place_id in sorted(metros):
        place = metros[place_id]
        core = place.name.removesuffix("Metropolitan Statistical Area").strip()
        state = core.rsplit(",", 1)[-1].strip()
        short = metro_short_name(place.name)
        name = short if shorts.count(short) == 1 else f"{short}, {state}"
        cities.append(
            City(
                id=place_id,
                name_en=name,
                name_zh=US_METRO_NAMES_ZH.get(short, "") if shorts.count(short) == 1 else "",
                aliases=tuple(sorted({place.name, core} - {name})),
                country="US",
                province_en=state,
                kind="us_metro",
                code=place.cbsa,
            )
        )
    return cities


def countries() -> list[City]:
    return [
        City(
            "country-CHN",
            "China",
            "中国",
            ("CHN", "People's Republic of China"),
            "CN",
            kind="country",
            code="CHN",
        ),
        City(
            "country-USA",
            "United States",
            "美国",
            ("USA", "US", "United States of America"),
            "US",
            kind="country",
            code="USA",
        ),
    ]


def provinces(
    names_zh: list[str], census: dict[str, CensusPlace], csmar: dict[str, CsmarPlace]
) -> tuple[list[City], dict[str, str]]:
    """Province-level context rows (municipalities are cities already); returns name -> id."""
    code_by_zh = {p.province_zh: p.province_code for p in census.values()}
    english = {p.province_code: clean_english(p.province_name) for p in csmar.values()}
    cities: list[City] = []
    ids: dict[str, str] = {}
    for zh in names_zh:
        code = code_by_zh.get(zh)
        if code is None or code in MUNICIPALITY_CODES:
            continue
        base = english.get(code, "")
        name_en = f"{base} Province" if base and " " not in base else base
        city_id = f"cn-prov-{code}"
        ids[zh] = city_id
        cities.append(
            City(city_id, name_en or zh, zh, (), "CN", base, zh, kind="province", code=code)
        )
    return cities, ids
