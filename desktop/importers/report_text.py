"""The import report as plain text for the terminal: counts, then every issue with its place.

In English or Chinese. An issue carries a stable code, its values and a plain English sentence
written by the module that found it; the Chinese sentence is built here from the code and
values (`ISSUES_ZH`), so the English stays where it is made and `--lang zh` reads in Chinese.
A place always names file, sheet, row and column, in either language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.importers.model import ImportReport, Issue, Location
from desktop.importers.unit_parsing import conversion_text, unit_label
from desktop.text.phrases import count_phrase
from desktop.text.translator import N_, Translator, as_translator

MAX_LISTED = 200
MAX_NAMED = 5  # cells, lines or rows named in one Chinese sentence, as the readers do
KEPT_PLACES = 100  # readers keep at most this many cells or lines in an issue's values

#: Labels by key: English msgids, said through the text catalogue (desktop.text).
_LABELS: dict[str, str] = {
    "imported": N_("Imported {values} from {rows} of {file}"),
    "in_sheet": N_(" (sheet {sheet})"),
    "encoding": N_("Encoding"),
    "delimiter": N_("Delimiter"),
    "layout": N_("Layout"),
    "header_rows": N_("Header rows"),
    "cities": N_("Cities"),
    "cities_count": N_("{cities:,} ({matched:,} matched to the catalog, {new:,} new)"),
    "new_cities": N_("New cities"),
    "indicators": N_("Indicators"),
    "years": N_("Years"),
    "units_converted": N_("Units converted"),
    "errors": N_("Errors"),
    "warnings": N_("Warnings"),
    "issue_count": N_("{title} ({count}):"),
    "more": N_("  … and {count} more (use --json for all)"),
    "label": N_("  {label}: {value}"),
    "issue": N_("  - {where}: {message}"),
}

#: Layout codes (model.LAYOUTS) as the import dialog names them (a code such as
#: 'wide_indicators' is for recipes and --json, not for people).
LAYOUTS = {
    "long": N_("long table"), "wide_years": N_("wide table by year"),
    "wide_indicators": N_("wide table by indicator"), "sdmx": "SDMX-CSV",
    "eurostat": N_("Eurostat TSV"),
}


def _label(key: str, lang: str | Translator, **values: object) -> str:
    return as_translator(lang).gettext(_LABELS[key], **values)


def report_text(report: ImportReport, lang: str = "en") -> str:
    """The whole report: a summary line, what was detected, then errors and warnings."""
    lines = [_summary(report, lang)]
    lines += [_label("label", lang, label=_label(key, lang), value=value)
              for key, value in _details(report, lang) if value]
    for key, issues in (("errors", report.errors), ("warnings", report.warnings)):
        if issues:
            lines.append(_label("issue_count", lang, title=_label(key, lang),
                                count=f"{len(issues):,}"))
            lines += [_label("issue", lang, where=where_text(issue.location, lang),
                             message=issue_message(issue, lang))
                      for issue in issues[:MAX_LISTED]]
            if len(issues) > MAX_LISTED:
                lines.append(_label("more", lang, count=f"{len(issues) - MAX_LISTED:,}"))
    return "\n".join(lines)


def _summary(report: ImportReport, lang: str) -> str:
    """'Imported 1 value from 2 rows of f.csv (sheet S)'."""
    line = _label("imported", lang, file=report.file,
                  values=count_phrase(report.rows_imported, "value", lang),
                  rows=count_phrase(report.rows_read, "row", lang))
    return line + (_label("in_sheet", lang, sheet=report.sheet) if report.sheet else "")


def _details(report: ImportReport, lang: str) -> list[tuple[str, str]]:
    """(label key, value) for what the import detected; empty values are left out."""
    sep = as_translator(lang).list_sep
    # two names of one city (沈阳, 沈阳市) are one matched city, as they are one city
    cities = _label("cities_count", lang, cities=len(report.cities),
                    matched=len(set(report.cities_matched.values())),
                    new=len(report.cities_new))
    return [
        ("encoding", report.encoding),
        ("delimiter", _delimiter(report.delimiter, lang)),
        ("layout", _layout(report.layout, lang)),
        ("header_rows", sep.join(str(r) for r in report.header_rows)),
        ("cities", cities),
        ("new_cities", sep.join(report.cities_new[:20])
         + (" …" if len(report.cities_new) > 20 else "")),
        ("indicators", sep.join(report.indicators)),
        ("years", _years(report.years)),
        ("units_converted", _conversions(report, lang)),
    ]


#: Delimiters by name: a tab printed as '\t' is Python's spelling, not the user's.
DELIMITERS = {",": N_("comma"), "\t": N_("tab"), ";": N_("semicolon"),
              "|": N_("vertical bar (|)")}


def _delimiter(delimiter: str, lang: str) -> str:
    if not delimiter:
        return ""
    name = DELIMITERS.get(delimiter)
    return as_translator(lang).gettext(name) if name else repr(delimiter)


def _years(years: list[int]) -> str:
    """'2016–2020', or '2019' for one year (not '2019–2019')."""
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _conversions(report: ImportReport, lang: str) -> str:
    """'亿元 × 100,000,000 → yuan (CNY); …' with the units named in `lang` (a report made
    without the structured conversions keeps its coded ones)."""
    if not report.unit_conversions:
        return "; ".join(report.units_converted)
    return as_translator(lang).clause_sep.join(
        conversion_text(source, code, exponent, lang)
        for source, code, exponent in report.unit_conversions)


def reading_note(report: ImportReport, lang: str = "en") -> str:
    """How the file was read, for its source's notes: 'Layout: long table; Encoding: gbk'."""
    tr = as_translator(lang)
    return tr.clause_sep.join(f"{_label(key, tr)}{tr.colon}{value or '-'}"
                          for key, value in (("layout", _layout(report.layout, lang)),
                                             ("encoding", report.encoding)))


def _layout(layout: str, lang: str) -> str:
    """The detected layout(s) by name: 'wide table by indicator, long table' for several
    sheets (the report holds their codes, 'wide_indicators, long')."""
    if not layout:
        return layout
    tr = as_translator(lang)
    return tr.join(tr.gettext(LAYOUTS[part]) if part in LAYOUTS else part
                   for part in layout.split(", "))


# ------------------------------------------------------------------------ places and issues
def where_text(location: Location, lang: str = "en") -> str:
    """'f.xls, sheet '1-7', row 6, column A' / 'f.xls，工作表“1-7”，第 6 行，A 列'."""
    tr = as_translator(lang)
    parts = [location.file]
    if location.sheet:
        parts.append(tr.gettext("sheet {sheet!r}", sheet=location.sheet))
    if location.row is not None:
        parts.append(tr.gettext("row {row}", row=location.row))
    if location.column:
        parts.append(tr.gettext("column {column}", column=location.column))
    return tr.comma.join(parts)


def issue_line(issue: Issue, lang: str = "en") -> str:
    """One issue on one line, its place first (the CLI's line for a refused file)."""
    colon = as_translator(lang).colon
    return f"{where_text(issue.location, lang)}{colon}{issue_message(issue, lang)}"


def issue_message(issue: Issue, lang: str = "en") -> str:
    """The issue's sentence in `lang`; a code without a Chinese sentence keeps its English.
    The English is made where the issue is found (the readers); ISSUES_ZH builds the Chinese
    from the code and values (not yet in the gettext catalogue, see the module doc)."""
    if not as_translator(lang).chinese:
        return issue.message
    make = ISSUES_ZH.get(issue.code)
    if make is None:
        return issue.message
    try:
        return make(_Values(issue)) if callable(make) else make.format_map(_Values(issue))
    except (KeyError, IndexError, TypeError, ValueError):
        return issue.message


class _Values(dict):
    """An issue's values for a Chinese template, with the few it needs worked out: `n` (how
    many), `cells`, `lines`, `rows` (named, at most MAX_NAMED) and the location's parts."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.values)
        self.issue = issue
        location = issue.location
        self.update(file=location.file, sheet=location.sheet, row=location.row,
                    column=location.column, n=_count(issue))
        self["cells"] = _named(issue.values.get("cells", []), "个")
        self["lines"] = _named(issue.values.get("lines", []), "")
        self["sheets"] = "、".join(_quoted(s) for s in issue.values.get("sheets", []))
        rows = issue.values.get("rows")
        self["rows"] = _named(rows, "") if isinstance(rows, list) else rows
        self.setdefault("text", "")


def _count(issue: Issue) -> int | None:
    """How many: the issue's own count (every issue whose English sentence says a number keeps
    it, since the places it names may be cut short), else the length of what it names; never
    read back out of the English."""
    count = issue.values.get("count")
    if isinstance(count, int):
        return count
    for key in ("rows", "cells", "lines", "sheets", "fields"):
        named = issue.values.get(key)
        if isinstance(named, list):
            return len(named)
        if isinstance(named, int):
            return named
    return None


def _named(items: list[Any], unit: str) -> str:
    """'B3、C4' or 'B3、C4、D5、E6、F7 等共 7 个' (unit '个'; '' where the sentence goes on
    with its own measure word, as in '第 … 行')."""
    items = [str(i) for i in items]
    shown = "、".join(items[:MAX_NAMED])
    if len(items) <= MAX_NAMED:
        return shown
    if len(items) >= KEPT_PLACES:  # the list was cut: its length is not the total
        return f"{shown} 等"
    return f"{shown} 等共 {len(items)} {unit}".rstrip()


def _quoted(name: object) -> str:
    return f"“{name}”"


def _ambiguous_city(v: _Values) -> str:
    candidates = "或".join(str(c) for c in v.get("candidates", []))
    return (f"{_quoted(v['name'])}可能是{candidates}；作为单独的城市保留"
            "（请使用中文名称或代码列加以区分）")


def _bad_year(v: _Values) -> str:
    if not v["text"]:
        return f"{v['n']:,}行没有年份，未导入"
    return f"{_quoted(v['text'])}不是年份；{v['n']:,}行未导入"


def _year_normalised(v: _Values) -> str:
    pairs = "、".join(f"{_quoted(k)} → {y}" for k, y in list(v.get("years", {}).items())[:10])
    return f"年份写法已规范为数字：{pairs}"


def _units(v: _Values) -> str:
    return "、".join(str(u) or "（无单位）" for u in v.get("units", {}))


def _mixed_units(v: _Values) -> str:
    unit = f"（{unit_label(v['unit'], 'zh')}）" if v.get("unit") else ""
    return f"{v['indicator']}：数值使用了不同单位（{_units(v)}），已全部换算为同一单位{unit}"


def _value_flags(v: _Values) -> str:
    flags = sorted(v.get("flags", {}).items(), key=lambda pair: -pair[1])  # most used first
    return "数值带有标记：" + "、".join(
        f"{f}（{EUROSTAT_FLAGS_ZH.get(f, '未知标记')}）× {c:,}" for f, c in flags)


def _missing_values(v: _Values) -> str:
    markers = "、".join("空白" if m == "(empty)" else _quoted(m) for m in v.get("markers", {}))
    return f"{v['n']:,}个标记为缺失的单元格未导入（不会当作 0）" + (
        f"：{markers}" if markers else "")


def _duplicate_city(v: _Values) -> str:
    """The city of a repeated key: as the file wrote it, or by its Chinese catalog name where
    the file wrote an id or a code; other spellings in the file follow in brackets."""
    name = v.get("city_zh") or v["city"]
    written = "、".join(_quoted(s) for s in v.get("written", []))
    if not written:
        return str(name)
    return f"{name}（{'文件中写作' if v.get('by_catalog') else '又写作'}{written}）"


def _duplicate(v: _Values, same: bool) -> str:
    listed = v.issue.values.get("rows", [])
    rows = "、".join(map(str, listed))
    key = f"{_duplicate_city(v)} / {v['indicator']} / {v['year']}"
    if same:
        return f"{key}：出现{len(listed)}次且数值相同（第 {rows} 行）；只保留一次"
    return f"{key}：第 {rows} 行的数值不同；保留第 {v['kept_row']} 行，其余未导入"


#: Why a file is not supported (the rejection's `kind`), as specific as the English says it.
UNSUPPORTED_ZH = {
    "no_columns": "这个文本文件没有列（没有逗号、制表符、分号或 | 分隔符），不是表格。",
    "document": "{suffix} 文件是文档，不是表格；请导入 CSV、TSV 或 Excel 文件。",
    "compressed_binary": "压缩文件中的内容不是文本；只支持用 gzip 压缩的 CSV/TSV 文件。",
    "folder": "这是文件夹，不是文件。",
    "spreadsheet_ml": "这是 Excel 2003 XML 电子表格，不受支持；请在 Excel 中打开并另存为 .xlsx。",
    "binary": "这是 {what}，不是电子表格或 CSV 文件。",
    "xlsb": "这是 Excel 二进制工作簿（.xlsb），不受支持；请另存为 .xlsx。",
    "ods": "这是 OpenDocument 电子表格（.ods），不受支持；请另存为 .xlsx。",
}
#: What a binary file is (sniff._BINARY_SIGNATURES).
BINARY_KINDS_ZH = {
    "a PDF document": "PDF 文档", "a PNG image": "PNG 图片", "a JPEG image": "JPEG 图片",
    "a GIF image": "GIF 图片", "a 7-Zip archive": "7-Zip 压缩包", "a RAR archive": "RAR 压缩包",
    "a bzip2 archive": "bzip2 压缩包", "an xz archive": "xz 压缩包",
    "an SQLite database": "SQLite 数据库", "a Parquet file": "Parquet 文件",
}


def _unsupported(v: _Values) -> str:
    template = UNSUPPORTED_ZH.get(str(v.get("kind")))
    if template is None or (v.get("kind") == "binary" and v.get("what") not in BINARY_KINDS_ZH):
        return ("不支持这种文件；请导入 .xlsx、.xls、.csv、.tsv 或 .txt 表格文件"
                "（其他格式请先在 Excel 中另存为 .xlsx）。")
    return template.format(suffix=v.get("suffix", ""),
                           what=BINARY_KINDS_ZH.get(str(v.get("what")), ""))


def _extension(v: _Values) -> str:
    content = CONTENT_ZH.get(str(v.get("content")), str(v.get("content")))
    named = v.get("extension") or "（无扩展名）"
    return f"文件扩展名为 {named}，但内容是{content}；已按{content}读取。"


def _fields(v: _Values) -> str:
    where = "；".join(f"第 {f['row']} 行 {f['column']} 列（{f['length']:,} 个字符）"
                     for f in v.get("fields", [])[:MAX_NAMED])
    return f"{v['n']:,}个字段超过长度上限，已截断：{where}。"


def _date_cells(v: _Values) -> str:
    system = "（1904 日期系统）" if v.get("date1904") else ""
    return (f"{v['n']:,}个设置为日期格式{system}的单元格（{v['cells']}）"
            "按日期（YYYY-MM-DD）读取，而非数字。")


def _control_characters(v: _Values) -> str:
    where = f"单元格 {v['cells']}" if v["cells"] else f"第 {v['lines']} 行"
    return f"删除了{v['n']:,}个不可见的控制字符或文字方向字符（{where}）；比较名称时不含这些字符。"


def _formula_unverified(v: _Values) -> str:
    if not v["cells"]:  # one value cell, flagged when the table was read
        return "此公式单元格按 Excel 上次保存的值读取，此处无法核对；请检查其数值"
    return (f"{v['n']:,}个公式单元格（{v['cells']}）按 Excel 上次保存的值读取，"
            "此处无法核对（可能已过时或来自其他文件）。")


def _formula_not_calculated(v: _Values) -> str:
    if not v["cells"]:
        return "公式没有计算结果；请在 Excel 中打开并保存文件"
    return (f"公式单元格 {v['cells']} 没有保存计算结果（请在 Excel 中打开并保存以计算）；"
            "按空值读取。")


def _more_issues(v: _Values) -> str:
    code = str(v.get("issue_code"))
    return (f"另有{v['n'] - v['listed']:,}条{_quoted(ISSUE_NAMES_ZH.get(code, code))}问题未列出"
            f"（共{v['n']:,}条）")


#: Eurostat's value flags (numbers.EUROSTAT_FLAGS) in Chinese.
EUROSTAT_FLAGS_ZH = {
    "b": "时间序列中断", "c": "保密", "d": "定义不同", "e": "估计值", "f": "预测值",
    "n": "不显著", "p": "初步数据", "r": "修订值", "s": "欧盟统计局估计", "u": "可靠性低",
    "z": "不适用",
}

#: What a file turned out to hold (sniff.extension_mismatch's `content`).
CONTENT_ZH = {"CSV text": " CSV 文本", "an .xlsx workbook": " .xlsx 工作簿",
              "an .xls workbook": " .xls 工作簿"}

#: Short names of issue kinds, for 'N more ... issues not listed'.
ISSUE_NAMES_ZH = {
    "missing_city": "缺少城市", "bad_year": "年份无法识别", "not_a_number": "不是数字",
    "province_row_skipped": "省份标题行", "duplicate_collapsed": "重复数值",
    "conflicting_duplicate": "重复键的数值不同", "formula_not_calculated": "公式没有计算结果",
    "non_finite": "非有限数", "precision_loss": "精度损失", "number_normalised": "数字写法规范",
}

#: The Chinese sentence of each issue code: a template over _Values, or a function of them.
ISSUES_ZH: dict[str, str | Callable[[_Values], str]] = {
    # reading the file (readers): refused files
    "file_not_found": "文件不存在。",
    "unsupported_type": _unsupported,
    "unreadable_file": "无法打开文件。",
    "empty_file": "文件是空的，没有数据。",
    "html_not_spreadsheet": "这是网页（HTML），不是真正的电子表格；请在 Excel 中打开并另存为"
                            " .xlsx，再导入该文件。",
    "not_a_spreadsheet": "这不是电子表格，或文件已损坏。",
    "encoding_unknown": "无法识别文本编码（第 {row} 行起）；请在导入时选择编码。",
    "damaged_file": "文件已损坏或不完整（下载中断？），无法读取。",
    "too_large": "文件超出文本文件的大小上限，未导入。",
    "no_such_sheet": "没有名为“{sheet}”的工作表。",
    "damaged_workbook": "工作簿已损坏，无法读取。",
    "password_protected": "工作簿有密码保护；请在 Excel 中打开，取消密码并保存后再导入。",
    "zip_bomb": "工作簿解压后的数据超出上限，可能是压缩炸弹，已拒绝。",
    "xml_entities_forbidden": "工作簿含有 XML 文档类型声明或实体（电子表格不需要，攻击会利用），"
                              "已拒绝。",
    "ambiguous_thousands": "第 {lines} 行有未加引号的千位分隔符（如 1,000.00）：数字会被拆成两个"
                           "字段，列会错位；请给这类数字加引号，或去掉千位分隔符后保存。",
    "ragged_rows": "第 {lines} 行的字段数与表头（{expected} 个字段）不符；继续读取会使列错位。",
    # reading the file: warnings
    "extension_mismatch": _extension,
    "hidden_sheet_skipped": lambda v: (f"隐藏工作表{v['sheets']}未读取；如需导入隐藏数据，"
                                       f"请明确选择{'这些' if v['n'] and v['n'] > 1 else '该'}"
                                       "工作表。"),
    "hidden_sheet_read": "只有隐藏工作表含有数据；已读取此隐藏工作表。",
    "encrypted_default_key_decrypted": "工作簿使用 Excel 内置的默认密钥加密（无密码）；"
                                       "已按 Excel 打开它的方式解密。",
    "formula_not_calculated": _formula_not_calculated,
    "formula_cached_unverified": _formula_unverified,
    "invalid_number_token": "数值单元格 {cells} 的值不是数字；按空值读取。",
    "number_out_of_range": "单元格 {cells} 的数字超出电子表格范围（无穷大）；按空值读取。",
    "date_cell": _date_cells,
    "cell_error": "单元格 {cells} 含有 Excel 错误值（如 #DIV/0!）；按空值读取。",
    "control_characters_removed": _control_characters,
    "bare_cr_in_field": "第 {lines} 行字段内的多余回车符已删除；未当作换行。",
    "field_truncated": _fields,
    # reading the table (detection.PROBLEM_TEXT): refused tables
    "monthly_columns": "各列是月份（如“Jan 2020”）；城市概况比较年度数值，而年度值是月度的平均、"
                       "合计还是12月数值取决于序列——请导出年度数据（如 BLS 的年平均）再导入",
    "empty_table": "工作表中没有表格",
    "no_city_column": "没有列标明城市；请选择城市列",
    "no_value_column": "没有列含有数值；请选择数值列",
    "no_year_columns": "没有列标题可读作年份",
    "no_year": "没有列含有年份，表格也未说明年份；请设定年份",
    "no_indicator_columns": "没有含数字的列可作为指标导入",
    # reading the table: what was skipped, changed or doubtful
    "repeated_header_dropped": "删除了{n:,}个重复的表头或页标题行",
    "note_rows_dropped": "删除了表格中的{n:,}个注释行",
    "city_filled_down": "{n:,}行没有城市，沿用上一行的城市",
    "ambiguous_city": _ambiguous_city,
    "missing_city": "没有城市的数值未导入",
    "duplicate_collapsed": lambda v: _duplicate(v, same=True),
    "conflicting_duplicate": lambda v: _duplicate(v, same=False),
    "no_data_rows": "没有可导入的数据行",
    "metadata_rows_skipped": "跳过了表头上方的{n:,}个标题或说明行",
    "footer_rows_dropped": "删除了数据下方的{n:,}个脚注行",
    "header_flattened": "{n:,}个表头行合并为一行",
    "year_normalised": _year_normalised,
    "unknown_unit": "单位“{unit}”无法识别；数值按原样保留",
    "mixed_units": _mixed_units,
    "inconsistent_units": lambda v: (f"{v['indicator']}：数值的单位不同（{_units(v)}），"
                                     "无法互相换算；比较前请检查"),
    "bad_year": _bad_year,
    "date": "单元格设置为日期格式；请检查其数值",
    "error": "单元格含有 Excel 错误值；请检查其数值",
    "province_row_skipped": "“{name}”像是没有数值的省份标题行；已跳过",
    "empty_row_skipped": "跳过了{n:,}个没有任何数值的行",
    "not_a_number": "“{text}”不是数字；未导入",
    "non_finite": "“{text}”不是有限数；未导入",
    "overflow": "“{text}”换算单位后过大，无法保存；未导入",
    "underflow": "“{text}”过小，无法保存（会变成 0）；未导入",
    "precision_loss": "“{text}”的位数超出可保存的精度；保存为 {kept}",
    "number_normalised": "“{text}”读作 {normalised}",
    "thousands_separator": "{n:,}个数值带有千位分隔符，已去掉分隔符读取",
    "missing_values": _missing_values,
    "value_flags": _value_flags,
    "more_issues": _more_issues,
    # tables read as what they are: series, scales, value columns, years in titles
    "year_from_title": "年份 {year} 取自标题“{text}”",
    "year_from_sheet": "年份 {year} 取自工作表名称“{text}”",
    "year_sources_disagree": lambda v: (
        f"{'工作表名称' if v['source'] == 'sheet' else '标题'}“{v['text']}”写的是 {v['year']} 年，"
        f"而不是 {v['used']} 年；已使用"
        + ("您设定的年份" if v["used_source"] == "option" else
           f"{'工作表名称' if v['used_source'] == 'sheet' else '标题'}中的 {v['used']} 年"
           "（如需其他年份，请设定年份）")),
    "value_columns": lambda v: f"{v['n']:,}个数值列，各作为一个指标导入：{'、'.join(v['names'])}",
    "series_found": lambda v: (
        f"{v['column']} 列（{v['header']}）中有{v['n']:,}个序列，各作为一个指标导入"
        + (f"，单位取自 {v['unit_column']} 列" if v["unit_column"] else "")
        + (f"，数量级取自 {v['scale_column']} 列" if v["scale_column"] else "")
        + "：" + "；".join(v["series"][:10]) + ("；……" if v["n"] > 10 else "")),
    "series_split_by_unit": lambda v: (
        f"{v['n']:,}个序列的单位属于不同种类、无法互相换算，已按单位分成不同指标："
        + "、".join(v["series"][:10])),
    "unreadable_scale": "数量级“{scale}”无法识别（应为 Billions、Millions、Thousands、Units、亿、万"
                        "或 10 的幂）；该行的数值未导入",
    "header_unit_differs": "{column} 列的表头单位为{header_unit}，而单位列（{unit_column} 列）在第 "
                           "{rows} 行写的是{cell_unit}；已按单位列的{cell_unit}换算",
    "unit_conflict": "{column} 列的表头单位为{header_unit}，而单位列（{unit_column} 列）"
                     "在第 {rows} 行写的是{cell_unit}：两者不是同一种单位；这些数值未导入",
}


# --- numbers, units, years and encodings read right (issue #12): appended, Chinese only ---

_YEAR_NOTES_ZH = {"fiscal": "财政年度", "split": "跨年度，按第一年读取", "estimate": "估计值",
                  "forecast": "预测值", "provisional": "初步数", "revised": "修订数",
                  "marked": "带脚注符号", "year_end": "年末"}


def _decimal_mark(v: _Values) -> str:
    reason = v.get("reason")
    if reason == "comma_decimals":
        return f"小数点：逗号（如 1000,00）；根据{v['n']:,}个数值判定。"
    if reason == "comma_thousands":
        return f"小数点：句点；逗号为千位分隔符（根据{v['n']:,}个数值判定）。"
    if reason == "conflict":
        mark = "逗号" if v.get("mark") == "," else "句点"
        return (f"小数点：{mark}（多数数值如此）；使用另一种写法的数值逐格报告。"
                "如有误，请在导入时选择小数点。")
    return (f"小数点：句点（推定）。{v.get('comma_values', 0):,}个数值（如{_quoted(v['example'])}）"
            f"两种读法皆可（逗号后恰好三位数字），已将逗号读作千位分隔符：{v['cells']}。"
            "如逗号实为小数点，请在导入时选择“逗号”。")


def _year_flagged(v: _Values) -> str:
    notes = v.get("notes", {})
    years = v.get("years", {})
    ordered = sorted(notes, key=lambda t: notes[t] not in ("estimate", "forecast", "provisional"))
    pairs = "；".join(
        f"{_quoted(t)} → {years.get(t, '')}（{_YEAR_NOTES_ZH.get(notes[t], notes[t])}）"
        for t in ordered[:10])
    subject = "年份标题" if "columns" in v else "年份"
    text = f"{subject}带有标记：{pairs}"
    if any(k in ("estimate", "forecast", "provisional") for k in notes.values()):
        text += "；估计、预测或初步年份下的数值已导入，但不是最终数据"
    return text


def _year_header_not_read(v: _Values) -> str:
    named = "、".join(f"{letter} 列（{_quoted(h)}）"
                     for letter, h in list(v.get("headers", {}).items())[:10])
    return f"{v['n']:,}个列标题看似年份但不是年份，未导入：{named}"


def _per_person_unit(v: _Values) -> str:
    return (f"{v['indicator']}：单位{_quoted(v['unit'])}按{unit_label(v['unit_code'], 'zh')}"
            "读取，因为指标名称表示人均（不是总额）")


ISSUES_ZH.update({
    "encoding_guessed": "文件不是 UTF-8 或中文编码（GBK/GB18030），已按西欧编码（Windows-1252，"
                        "兼容 Latin-1）读取，例如第 {row} 行的“{example}”；如名称显示不正确，"
                        "请在导入时选择编码。",
    "decimal_mark": _decimal_mark,
    "year_flagged": _year_flagged,
    "year_header_not_read": _year_header_not_read,
    "per_person_unit": _per_person_unit,
})


def _date_read_as_year(v: _Values) -> str:
    system = "（1904 日期系统）" if v.get("date1904") else ""
    return f"{v['n']:,}个设置为日期格式{system}的单元格（{v['cells']}）按年份读取。"


def _hidden_rows(v: _Values) -> str:
    return (f"隐藏的第 {v['rows']} 行（共 {v['n']:,} 行）未导入（Excel 不显示隐藏行，这里也"
            "跳过）；如需导入，请在 Excel 中取消隐藏。")


def _percent_converted(v: _Values) -> str:
    return (f"{v['column']} 列：{v['n']:,}个设置为百分比格式的单元格（{v['cells']}）按百分数"
            "读取（Excel 把 3.5% 存为 0.035；读作 3.5，单位 %）。")


def _percent_not_percent(v: _Values) -> str:
    return (f"{v['column']} 列：{v['n']:,}个单元格（{v['cells']}）设置为百分比格式，但单位不是"
            "百分比；按存储值读取（3.5% 即 0.035），请检查单位。")


def _sheet_without_table(v: _Values) -> str:
    skipped = "、".join(f"“{s}”" for s in v.get("skipped", []))
    used = "、".join(f"“{s}”" for s in v.get("used", []))
    return f"工作表{skipped}没有数值表格（只有说明或标题），已跳过；数据取自工作表{used}。"


def _cell_outside_grid(v: _Values) -> str:
    what = f"第 {v['cell']} 行" if v.get("what") == "row" else f"单元格 {v['cell']}"
    return (f"工作簿已损坏：工作表“{v['sheet']}”引用了{what}，超出 Excel 表格范围"
            "（1,048,576 行、16,384 列）。")


def _sheet_too_large(v: _Values) -> str:
    return (f"工作表“{v['sheet']}”的数值从 {v['first']} 延伸到 {v['last']}，共 "
            f"{v['size']:,} 个单元格，超出上限；请删除远离表格的零散单元格（在 Excel 中按 "
            "Ctrl+End 可找到）后重新保存。")


def _hidden_columns(v: _Values) -> str:
    columns = "、".join(v.get("columns", [])[:MAX_NAMED])
    return f"隐藏的 {columns} 列与其他列一样读取（在 Excel 中隐藏，这里不隐藏）。"


ISSUES_ZH.update({
    # Excel readers (issue 12): caps before calamine, Excel semantics
    "cell_outside_grid": _cell_outside_grid,
    "sheet_too_large": _sheet_too_large,
    "shared_strings_declared": "工作簿已损坏：共享文本表声明有 {declared:,} 条文本，实际只有 "
                               "{present:,} 条。",
    "date_read_as_year": _date_read_as_year,
    "hidden_rows_skipped": _hidden_rows,
    "hidden_columns_read": _hidden_columns,
    "percent_format_converted": _percent_converted,
    "percent_format_not_percent_unit": _percent_not_percent,
    "sheet_without_table": _sheet_without_table,
    "filtered_rows_read": "第 {rows} 行（共 {n:,} 行）在 Excel 中被筛选隐藏，已与其他行一样导入"
                          "（筛选只是不显示这些行，数据仍在）。",
    "reader_crashed": "Excel 读取程序在此工作簿上崩溃（工作簿已损坏或专门构造来使读取程序崩溃）；"
                      "它在单独的进程中运行，其他内容未受影响。",
})
