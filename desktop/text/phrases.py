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
    # Comparison sentences: built from numbers by desktop.analysis.comparison_sentences.
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
    # Command line (desktop/commands/): what a
    # terminal user reads. Counts come in already worded (see `count_phrase`).
    "cli_error": ("error", "错误"),
    "cli_warning": ("warning", "警告"),
    "cli_line": ("city-profiles: {kind}: {line}", "city-profiles：{kind}：{line}"),
    "unknown_city": ("unknown city: {name}", "未知城市：{name}"),
    "did_you_mean": (" (did you mean {names}?)", "（是否指：{names}？）"),
    "unknown_indicator": ("unknown indicator: {name}", "未知指标：{name}"),
    "unknown_group": ("unknown peer group: {name}", "未知城市组：{name}"),
    "known": (" (known: {names})", "（可选：{names}）"),
    "cannot_write": ("cannot write {file}: {reason}", "无法写入 {file}：{reason}"),
    "cannot_read": ("cannot read {file}: {reason}", "无法读取 {file}：{reason}"),
    "not_writable": ("not a writable location", "该位置无法写入"),
    "no_such_file": ("no such file", "文件不存在"),
    "no_values_found": ("no values found", "没有找到数值"),
    "use_csv_or_xlsx": ("use a .csv or .xlsx name", "请使用 .csv 或 .xlsx 文件名"),
    "use_pdf_or_html": ("use a .pdf or .html file name", "请使用 .pdf 或 .html 文件名"),
    "unknown_chart_type": ("unknown chart type {name} (known: {known})",
                           "未知图表类型：{name}（可选：{known}）"),
    "unknown_section": ("unknown section {name} (known: {known})",
                        "未知章节：{name}（可选：{known}）"),
    "currency_mismatch": (
        "values in different currencies cannot share one axis; convert them first",
        "不同货币的数值不能共用一个坐标轴；请先换算",
    ),
    "unit_mismatch": ("these indicators are in different units", "这些指标的单位不同"),
    "missing_exchange_rate": ("no exchange rate for {year}", "没有{year}年的汇率"),
    "missing_deflator": (
        "no year has a GDP deflator and an exchange rate for every country here ({countries}); "
        "use current prices",
        "没有任何年份同时具备所选各国（{countries}）的 GDP 平减指数和汇率；请使用现价",
    ),
    "missing_deflator_year": (
        "no GDP deflator or exchange rate in {year} for every country here ({countries}); "
        "choose another base year",
        "{year}年缺少所选各国（{countries}）的 GDP 平减指数或汇率；请选择其他基年",
    ),
    "no_sector_data": ("no sector data for {city}", "没有{city}的分行业数据"),
    "no_value": ("no value for {city} in {year}", "{city}没有{year}年的数值"),
    "invalid_peer_query": ("{reason}", "无法查找同类城市：{reason}"),
    # Why a peer query cannot be answered (desktop.analysis.peers.PeerQueryError's `why`,
    # filled in by `reason_text`); indicator ids and scaling names are what the user typed.
    "peer_weights_mixed": ("weights: use either 'A=2,B=1' or a plain list, not both",
                           "权重请写成“A=2,B=1”或按指标顺序的数字列表，不要混用"),
    "peer_weight_not_chosen": (
        "weight for {names}, which is not among the indicators ({indicators})",
        "{names}不在所选指标（{indicators}）中，不能设定权重"),
    "peer_weights_not_chosen": (
        "weights for {names}, which are not among the indicators ({indicators})",
        "{names}不在所选指标（{indicators}）中，不能设定权重"),
    "peer_weights_count": ("{weights_given} for {indicators_chosen} ({indicators})",
                           "有{indicators_chosen}（{indicators}），却给出了{weights_given}；"
                           "请为每个指标各给一个权重"),
    "peer_weights_not_numbers": ("weights must be numbers: {text}", "权重必须是数字：{text}"),
    "peer_weights_negative": ("weights must be finite and not negative",
                              "权重必须是有限数，且不能为负"),
    "peer_weights_all_zero": ("at least one weight must be positive", "至少要有一个权重大于 0"),
    "peer_unknown_scaling": ("unknown scaling {name} (use {known})",
                             "未知的标准化方法：{name}（可选：{known}）"),
    "peer_unknown_missing_policy": ("unknown missing-value policy {name} (use {known})",
                                    "未知的缺失值处理方式：{name}（可选：{known}）"),
    "peer_k_too_small": ("k must be at least 1", "同类城市个数（k）至少为 1"),
    "peer_no_indicators": ("no indicators to compare", "没有可比较的指标"),
    "peer_no_data": ("{city} has none of the chosen indicators in any year",
                     "{city}在任何年份都没有所选指标的数值"),
    "peer_year_out_of_range": (
        "{city} has none of the chosen indicators in {year} (the data run from {first} to "
        "{last})",
        "{city}在{year}年没有所选指标的数值（数据年份为{first}–{last}年）"),
    "peer_no_data_in_year": (
        "{city} has none of the chosen indicators (with a positive weight) in {year}",
        "{city}在{year}年没有所选指标（权重大于 0）的数值"),
    "wrote": ("wrote {file} ({what})", "已写入 {file}（{what}）"),
    "repeated_key": (
        "{file}: {values} repeated a city, indicator and year under another name "
        "({keys} with different values); the first was kept",
        "{file}：{values}以另一名称重复了已有的城市、指标和年份（其中{keys}数值不同）；保留了第一个",
    ),
    # `city-profiles peers`
    "peers_heading": ("Peers of {focus} among {pool}, {year}, scaling {scaling}",
                      "{focus}的同类城市（比较范围：{pool}；{year}年；标准化：{scaling}）"),
    "weights": ("Weights: {weights}", "权重：{weights}"),
    "city": ("City", "城市"),
    "distance": ("Distance", "距离"),
    "missing": ("Missing", "缺少的指标"),
    "shares": ("Shares: each indicator's part of the distance.",
               "百分比：各指标在距离中所占的份额。"),
    "note_line": ("Note: {note}", "说明：{note}"),
    "peers_values_note": (
        "Values of {year} only (no earlier years); each indicator scaled by {scaling} over "
        "the cities with a value ({counts}).",
        "仅使用{year}年数值（不用更早年份）；各指标在有数值的城市中按{scaling}标准化（{counts}）。",
    ),
    "peers_dropped": ("dropped {indicators}: the focus city has no value that year",
                      "未使用{indicators}：重点城市该年无数值"),
    "peers_renormalised": (
        "{renormalised} of {compared} compared cities lack some indicators: their distance "
        "is averaged over the indicators they have",
        "参与比较的{compared}个城市中有{renormalised}个缺少部分指标：其距离按已有指标平均",
    ),
    "peers_excluded_weight": (
        "{excluded} of {pool} cities excluded: they have less than {coverage} of the weight",
        "{pool}个城市中有{excluded}个因指标权重不足{coverage}而排除",
    ),
    "peers_excluded_missing": (
        "{excluded} of {pool} cities excluded: they lack at least one indicator",
        "{pool}个城市中有{excluded}个因至少缺少一项指标而排除",
    ),
    "clause_sep": ("; ", "；"),
    "sentence_end": (".", "。"),
    "scaling_zscore": ("zscore", "z 分数"),
    "scaling_minmax": ("minmax", "最小-最大"),
    "scaling_rank": ("rank", "排名"),
}

#: Sentences whose words follow a count ('1 of 292 cities lacks', '2 of 292 cities lack'):
#: key -> (the value that counts, {count: (English, Chinese)} for the counts said otherwise
#: than by the key's own sentence). Chinese needs no singular, but 'none' reads better than
#: '有0个'.
_BY_COUNT: dict[str, tuple[str, dict[int, tuple[str, str]]]] = {
    "subtitle": ("count", {
        1: ("{focus} compared with 1 peer city", "{focus}与1个同类城市的比较"),
    }),
    "peers_renormalised": ("renormalised", {
        0: ("all {compared} compared cities have every indicator",
            "参与比较的{compared}个城市都有全部指标"),
        1: ("1 of {compared} compared cities lacks some indicators: its distance is averaged "
            "over the indicators it has",
            "参与比较的{compared}个城市中有1个缺少部分指标：其距离按已有指标平均"),
    }),
    "peers_excluded_weight": ("excluded", {
        0: ("none of the {pool} cities excluded: each has at least {coverage} of the weight",
            "{pool}个城市均未因指标权重不足{coverage}而排除"),
        1: ("1 of {pool} cities excluded: it has less than {coverage} of the weight",
            "{pool}个城市中有1个因指标权重不足{coverage}而排除"),
    }),
    "peers_excluded_missing": ("excluded", {
        0: ("none of the {pool} cities excluded: each has every indicator",
            "{pool}个城市都有全部指标，均未排除"),
        1: ("1 of {pool} cities excluded: it lacks at least one indicator",
            "{pool}个城市中有1个因至少缺少一项指标而排除"),
    }),
}

#: Profile table column titles by column key ({h}: a number of years); English as
#: desktop.analysis.profile_table.COLUMN_TITLES_EN, Chinese as the window's table.
COLUMN_TITLES: dict[str, tuple[str, str]] = {
    "indicator": ("Indicator", "指标"),
    "unit": ("Unit", "单位"),
    "year": ("Year", "年份"),
    "peer_median": ("Peer median", "同类中位数"),
    "gap": ("Gap to median", "与中位数差距"),
    "rank": ("Rank", "排名"),
    "pool_rank": ("Rank in pool", "全部城市排名"),
    "percentile": ("Percentile", "百分位"),
    "index": ("Index", "指数"),
    "change": ("Change {h}y", "{h}年变化"),
    "cagr": ("CAGR {h}y", "{h}年年均增长率"),
    "sentence": ("In words", "文字说明"),
}

CATEGORIES: dict[str, str] = {
    "Economy": "经济",
    "Structure": "经济结构",
    "Population": "人口",
    "Labour": "劳动与工资",
    "Investment": "投资",
    "Context": "背景",
    "Housing": "住房",
    "Health": "医疗卫生",
    "Education": "教育",
    "Innovation": "创新",
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
    """The label `key` in `lang`, with `values` filled in (raises KeyError for unknown keys);
    a sentence in _BY_COUNT is worded for its count, so it agrees with its number."""
    en, zh = _TEXT[key]
    if key in _BY_COUNT:
        name, forms = _BY_COUNT[key]
        count = values.get(name)
        if isinstance(count, int) and count in forms:
            en, zh = forms[count]
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


def column_title(key: str, lang: str = "en", horizon: int | None = None) -> str:
    """A profile table column's title; unknown keys are shown as they are."""
    en, zh = COLUMN_TITLES.get(key, (key, key))
    return (zh if lang == "zh" else en).format(h=horizon)


def count_phrase(count: int, one: str, many: str, zh: str, lang: str = "en") -> str:
    """'1 page' / '2 pages' in English (the noun agrees with the count); `zh` is a template
    with {n}, e.g. '{n}页', since Chinese counts take a measure word instead."""
    if lang == "zh":
        return zh.format(n=f"{count:,}")
    return f"{count:,} {one if count == 1 else many}"


#: Values of a reason (`reason_text`) that are counts, with their nouns: (one, many, Chinese
#: template), as `count_phrase` takes them.
COUNT_WORDS: dict[str, tuple[str, str, str]] = {
    "weights_given": ("weight", "weights", "{n}个权重"),
    "indicators_chosen": ("indicator", "indicators", "{n}个指标"),
}


def reason_text(key: str, lang: str = "en", **values: object) -> str:
    """Why something failed, from its key and values (an error's `why` and `why_values`):
    counts named in COUNT_WORDS come worded ('1 weight', '2 weights', '2个权重'), so the
    sentence agrees with its numbers in either language."""
    worded = {name: count_phrase(value, *COUNT_WORDS[name], lang=lang)
              if name in COUNT_WORDS and isinstance(value, int) else value
              for name, value in values.items()}
    return text(key, lang, **worded)
