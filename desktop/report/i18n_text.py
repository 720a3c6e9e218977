"""The fixed words of a report in English and Simplified Chinese.

Reports are printed in the language chosen for the report, not the language of the running UI,
so these labels live in plain dictionaries rather than Qt translation files.
"""

from __future__ import annotations

LANGS = ("en", "zh")

_TEXT: dict[str, tuple[str, str]] = {
    "report_title": ("City profile: {focus}", "城市概况：{focus}"),
    "subtitle": ("{focus} compared with {count} peer cities", "{focus}与{count}个同类城市的比较"),
    "focus_city": ("Focus city", "重点城市"),
    "peers": ("Peer cities", "同类城市"),
    "peer_group": ("Peer group", "城市组"),
    "comparison_year": ("Comparison year", "比较年份"),
    "latest_year": ("latest year with data for each indicator", "各指标有数据的最近年份"),
    "date": ("Date", "日期"),
    "data_sources": ("Data sources", "数据来源"),
    "contents": ("Contents", "目录"),
    "summary": ("Summary", "摘要"),
    "summary_lead": (
        "Key indicators of {focus} against the median of its peers ({peers}). Rank 1 is the "
        "best value among the {count} cities.",
        "{focus}主要指标与同类城市（{peers}）中位数的比较。排名第1为{count}个城市中的最优值。",
    ),
    "notes": ("Notes", "说明"),
    "sources": ("Sources", "来源"),
    "definitions": ("Definitions", "定义"),
    "series_breaks": ("Series breaks", "统计口径变化"),
    "series_break": ("series break", "口径变化"),
    "no_breaks": ("No known series breaks for these cities and indicators.",
                  "所选城市和指标没有已知的统计口径变化。"),
    "appendix": ("Appendix: data", "附录：数据"),
    "appendix_lead": (
        "All values used in this report, in display units. Source of every value: see Notes.",
        "本报告使用的全部数据（显示单位）。每个数值的来源见“说明”。",
    ),
    "indicator": ("Indicator", "指标"),
    "unit": ("Unit", "单位"),
    "year": ("Year", "年份"),
    "value": ("Value", "数值"),
    "peer_median": ("Peer median", "同类中位数"),
    "gap": ("Gap to median", "与中位数差距"),
    "rank": ("Rank", "排名"),
    "rank_of": ("{rank} of {count}", "第{rank}/{count}"),
    "comparison": ("Comparison", "比较"),
    "table_for": ("{category}: side by side", "{category}：并列比较"),
    "over_time": ("{label} over time", "{label}历年变化"),
    "in_year": ("{label}, {year}", "{label}（{year}年）"),
    "unit_line": ("Unit: {unit}", "单位：{unit}"),
    "source_line": ("Source: {sources}", "来源：{sources}"),
    "page_of": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
    "generated_by": ("City Profiles", "城市概况"),
    "other_year_note": ("Values in brackets are from an earlier year.",
                        "括号内为较早年份的数值。"),
    "list_sep": (", ", "、"),
    "and": (" and ", "和"),
    # Comparison sentences: built from numbers by desktop.report.sentences.
    "ratio_share": ("{focus}'s {label} is about {percent}% of the peer median.",
                    "{focus}{label}约为同类城市中位数的{percent}%。"),
    "ratio_same": ("{focus}'s {label} is about the same as the peer median.",
                   "{focus}{label}与同类城市中位数大致相当。"),
    "ratio_times": ("{focus}'s {label} is about {times} times the peer median.",
                    "{focus}{label}约为同类城市中位数的{times}倍。"),
    "points_above": (
        "{focus}'s {label} is {points} percentage points above the peer median.",
        "{focus}{label}比同类城市中位数高{points}个百分点。",
    ),
    "points_below": (
        "{focus}'s {label} is {points} percentage points below the peer median.",
        "{focus}{label}比同类城市中位数低{points}个百分点。",
    ),
    "points_same": ("{focus}'s {label} is about the same as the peer median.",
                    "{focus}{label}与同类城市中位数大致相当。"),
}

CATEGORIES: dict[str, str] = {
    "Economy": "经济",
    "Structure": "经济结构",
    "Population": "人口",
    "Labour": "劳动与工资",
    "Investment": "投资",
    "Context": "背景",
}

SECTION_NAMES: dict[str, tuple[str, str]] = {
    "cover": ("Cover", "封面"),
    "contents": ("Contents", "目录"),
    "summary": ("Summary", "摘要"),
    "categories": ("Indicator sections", "分类指标"),
    "notes": ("Notes", "说明"),
    "appendix": ("Appendix", "附录"),
}


def text(key: str, lang: str = "en", **values: object) -> str:
    """The label `key` in `lang`, with `values` filled in (raises KeyError for unknown keys)."""
    en, zh = _TEXT[key]
    template = zh if lang == "zh" else en
    return template.format(**values) if values else template


def category_name(category: str, lang: str = "en") -> str:
    """A catalog category in the report's language; unknown (imported) ones stay as they are."""
    return CATEGORIES.get(category, category) if lang == "zh" else category


def join_names(names: list[str], lang: str = "en") -> str:
    """'Dalian, Harbin and Changchun' / '大连市、哈尔滨市和长春市'."""
    if len(names) <= 1:
        return "".join(names)
    return text("list_sep", lang).join(names[:-1]) + text("and", lang) + names[-1]
