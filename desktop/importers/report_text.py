"""The import report as plain text for the terminal: counts, then every issue with its place.

In English or Chinese. An issue carries a stable code, its values and a plain English sentence
written by the module that found it; in Chinese the sentence is said here from the code and
values: `ISSUES` holds each code's template as an English msgid whose Chinese is in the text
catalogue (resources/locale, scripts/texts.sh), so the English stays where it is made and
`--lang zh` reads in Chinese. A place always names file, sheet, row and column, in either
language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.importers.model import ImportReport, Issue, Location
from desktop.importers.unit_parsing import conversion_text, unit_label
from desktop.text.phrases import count_phrase
from desktop.text.translator import N_, Translator, as_translator

MAX_LISTED = 200
MAX_NAMED = 5  # cells, lines or rows named in one sentence, as the readers do
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


def _label(key: str, tr: Translator, **values: object) -> str:
    return tr.gettext(_LABELS[key], **values)


def report_text(report: ImportReport, lang: str | Translator = "en") -> str:
    """The whole report: a summary line, what was detected, then errors and warnings."""
    tr = as_translator(lang)
    lines = [_summary(report, tr)]
    lines += [_label("label", tr, label=_label(key, tr), value=value)
              for key, value in _details(report, tr) if value]
    for key, issues in (("errors", report.errors), ("warnings", report.warnings)):
        if issues:
            lines.append(_label("issue_count", tr, title=_label(key, tr),
                                count=f"{len(issues):,}"))
            lines += [_label("issue", tr, where=where_text(issue.location, tr),
                             message=issue_message(issue, tr))
                      for issue in issues[:MAX_LISTED]]
            if len(issues) > MAX_LISTED:
                lines.append(_label("more", tr, count=f"{len(issues) - MAX_LISTED:,}"))
    return "\n".join(lines)


def _summary(report: ImportReport, tr: Translator) -> str:
    """'Imported 1 value from 2 rows of f.csv (sheet S)'."""
    line = _label("imported", tr, file=report.file,
                  values=count_phrase(report.rows_imported, "value", tr),
                  rows=count_phrase(report.rows_read, "row", tr))
    return line + (_label("in_sheet", tr, sheet=report.sheet) if report.sheet else "")


def _details(report: ImportReport, tr: Translator) -> list[tuple[str, str]]:
    """(label key, value) for what the import detected; empty values are left out."""
    sep = tr.list_sep
    # two names of one city (沈阳, 沈阳市) are one matched city, as they are one city
    cities = _label("cities_count", tr, cities=len(report.cities),
                    matched=len(set(report.cities_matched.values())),
                    new=len(report.cities_new))
    return [
        ("encoding", report.encoding),
        ("delimiter", _delimiter(report.delimiter, tr)),
        ("layout", _layout(report.layout, tr)),
        ("header_rows", sep.join(str(r) for r in report.header_rows)),
        ("cities", cities),
        ("new_cities", sep.join(report.cities_new[:20])
         + (" …" if len(report.cities_new) > 20 else "")),
        ("indicators", sep.join(report.indicators)),
        ("years", _years(report.years)),
        ("units_converted", _conversions(report, tr)),
    ]


#: Delimiters by name: a tab printed as '\t' is Python's spelling, not the user's.
DELIMITERS = {",": N_("comma"), "\t": N_("tab"), ";": N_("semicolon"),
              "|": N_("vertical bar (|)")}


def _delimiter(delimiter: str, tr: Translator) -> str:
    if not delimiter:
        return ""
    name = DELIMITERS.get(delimiter)
    return tr.gettext(name) if name else repr(delimiter)


def _years(years: list[int]) -> str:
    """'2016–2020', or '2019' for one year (not '2019–2019')."""
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _conversions(report: ImportReport, tr: Translator) -> str:
    """'亿元 × 100,000,000 → yuan (CNY); …' with the units named in the reader's language (a
    report made without the structured conversions keeps its coded ones)."""
    if not report.unit_conversions:
        return "; ".join(report.units_converted)
    return tr.clause_sep.join(conversion_text(source, code, exponent, tr.lang)
                              for source, code, exponent in report.unit_conversions)


def reading_note(report: ImportReport, lang: str | Translator = "en") -> str:
    """How the file was read, for its source's notes: 'Layout: long table; Encoding: gbk'."""
    tr = as_translator(lang)
    return tr.clause_sep.join(f"{_label(key, tr)}{tr.colon}{value or '-'}"
                              for key, value in (("layout", _layout(report.layout, tr)),
                                                 ("encoding", report.encoding)))


def _layout(layout: str, tr: Translator) -> str:
    """The detected layout(s) by name: 'wide table by indicator, long table' for several
    sheets (the report holds their codes, 'wide_indicators, long')."""
    if not layout:
        return layout
    return tr.join(tr.gettext(LAYOUTS[part]) if part in LAYOUTS else part
                   for part in layout.split(", "))


# ------------------------------------------------------------------------ places and issues
def where_text(location: Location, lang: str | Translator = "en") -> str:
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


def issue_line(issue: Issue, lang: str | Translator = "en") -> str:
    """One issue on one line, its place first (the CLI's line for a refused file)."""
    colon = as_translator(lang).colon
    return f"{where_text(issue.location, lang)}{colon}{issue_message(issue, lang)}"


def issue_message(issue: Issue, lang: str | Translator = "en") -> str:
    """The issue's sentence in `lang`. The English is the one written where the issue is
    found (the readers); another language says the code's template (ISSUES, an English msgid
    translated by the text catalogue) over the issue's values. A code without a template, or
    values its template cannot use, keeps the English rather than a wrong sentence."""
    tr = as_translator(lang)
    make = ISSUES.get(issue.code)
    if make is None or not tr.chinese:
        return issue.message
    values = _Values(issue, tr)
    try:
        return make(values) if callable(make) else tr.gettext(make).format_map(values)
    except (KeyError, IndexError, TypeError, ValueError):
        return issue.message


class _Values(dict):
    """An issue's values for a template, with the few it needs worked out in the reader's
    language: `n` (how many), `cells`, `lines`, `rows`, `sheets` (named, at most MAX_NAMED)
    and the location's parts."""

    def __init__(self, issue: Issue, tr: Translator) -> None:
        super().__init__(issue.values)
        self.issue = issue
        self.tr = tr
        location = issue.location
        self.update(file=location.file, sheet=location.sheet, row=location.row,
                    column=location.column, n=_count(issue))
        self["cells"] = _named(issue.values.get("cells", []), tr, "cells")
        self["lines"] = _named(issue.values.get("lines", []), tr, "lines")
        self["sheets"] = tr.join(_quoted(s) for s in issue.values.get("sheets", []))
        rows = issue.values.get("rows")
        self["rows"] = _named(rows, tr, "lines") if isinstance(rows, list) else rows
        self.setdefault("text", "")

    def say(self, template: str, /, **extra: object) -> str:
        """`template` (a msgid) in the reader's language over these values and `extra`."""
        return self.tr.gettext(template).format_map({**self, **extra})


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


def _named(items: list[Any], tr: Translator, what: str) -> str:
    """'B3、C4', 'B3、C4、D5、E6、F7 等共 7 个' (cells) or '… 等共 7' (lines and rows, where the
    sentence goes on with its own measure word, as in '第 … 行')."""
    items = [str(i) for i in items]
    shown = tr.join(items[:MAX_NAMED])
    if len(items) <= MAX_NAMED:
        return shown
    if len(items) >= KEPT_PLACES:  # the list was cut: its length is not the total
        return tr.gettext(N_("{shown} and more"), shown=shown)
    if what == "cells":
        return tr.gettext(N_("{shown} ({total} cells in all)"), shown=shown, total=len(items))
    return tr.gettext(N_("{shown} ({total} in all)"), shown=shown, total=len(items))


def _quoted(name: object) -> str:
    return f"“{name}”"


def _ambiguous_city(v: _Values) -> str:
    candidates = v.tr.gettext(N_(" or ")).join(str(c) for c in v.get("candidates", []))
    return v.say(N_("“{name}” may be {candidates}; kept as a separate city (use Chinese names "
                    "or a code column to tell them apart)"), candidates=candidates)


def _bad_year(v: _Values) -> str:
    if not v["text"]:
        return v.say(N_("{n:,} rows have no year; not imported"))
    return v.say(N_("“{text}” is not a year; {n:,} rows not imported"))


def _year_normalised(v: _Values) -> str:
    pairs = v.tr.join(f"{_quoted(k)} → {y}" for k, y in list(v.get("years", {}).items())[:10])
    return v.say(N_("Years rewritten as numbers: {pairs}"), pairs=pairs)


def _units(v: _Values) -> str:
    return v.tr.join(str(u) or v.tr.gettext(N_("(no unit)")) for u in v.get("units", {}))


def _mixed_units(v: _Values) -> str:
    unit = v.tr.parens(unit_label(v["unit"], v.tr.lang)) if v.get("unit") else ""
    return v.say(N_("{indicator}: values in different units ({units}), all converted to one "
                    "unit{unit}"), units=_units(v), unit=unit)


def _inconsistent_units(v: _Values) -> str:
    return v.say(N_("{indicator}: values in units of different kinds ({units}) that cannot be "
                    "converted into each other; check them before comparing"), units=_units(v))


#: Eurostat's value flags (numbers.EUROSTAT_FLAGS), as msgids.
EUROSTAT_FLAGS = {
    "b": N_("break in time series"), "c": N_("confidential"), "d": N_("definition differs"),
    "e": N_("estimated"), "f": N_("forecast"), "n": N_("not significant"),
    "p": N_("provisional"), "r": N_("revised"), "s": N_("Eurostat estimate"),
    "u": N_("low reliability"), "z": N_("not applicable"),
}
_UNKNOWN_FLAG = N_("unknown flag")


def _value_flags(v: _Values) -> str:
    flags = sorted(v.get("flags", {}).items(), key=lambda pair: -pair[1])  # most used first
    named = v.tr.join(
        v.tr.gettext(N_("{flag} ({meaning}) × {count:,}"), flag=f, count=c,
                     meaning=v.tr.gettext(EUROSTAT_FLAGS.get(f, _UNKNOWN_FLAG)))
        for f, c in flags)
    return v.say(N_("Values carry flags: {flags}"), flags=named)


def _missing_values(v: _Values) -> str:
    markers = v.tr.join(v.tr.gettext(N_("blank")) if m == "(empty)" else _quoted(m)
                        for m in v.get("markers", {}))
    if not markers:
        return v.say(N_("{n:,} cells marked as missing were not imported (not taken as 0)"))
    return v.say(N_("{n:,} cells marked as missing were not imported (not taken as 0): "
                    "{markers}"), markers=markers)


def _duplicate_city(v: _Values) -> str:
    """The city of a repeated key: as the file wrote it, or by its catalog name where the file
    wrote an id or a code; other spellings in the file follow in brackets."""
    name = v.tr.pick(str(v["city"]), str(v.get("city_zh") or ""))
    written = v.tr.join(_quoted(s) for s in v.get("written", []))
    if not written:
        return name
    if v.get("by_catalog"):
        return v.tr.gettext(N_("{name} (written {written} in the file)"), name=name,
                            written=written)
    return v.tr.gettext(N_("{name} (also written {written})"), name=name, written=written)


def _duplicate(v: _Values, same: bool) -> str:
    listed = v.issue.values.get("rows", [])
    key = f"{_duplicate_city(v)} / {v['indicator']} / {v['year']}"
    rows = v.tr.join(map(str, listed))
    if same:
        return v.say(N_("{key}: {times} times with the same value (rows {rows}); kept once"),
                     key=key, times=len(listed), rows=rows)
    return v.say(N_("{key}: different values on rows {rows}; row {kept_row} kept, the others "
                    "not imported"), key=key, rows=rows)


#: Why a file is not supported (the rejection's `kind`), as specific as the English says it.
UNSUPPORTED = {
    "no_columns": N_("This text file has no columns (no comma, tab, semicolon or | delimiter): "
                     "it is not a table."),
    "document": N_("A {suffix} file is a document, not a table; import a CSV, TSV or Excel "
                   "file."),
    "compressed_binary": N_("What the compressed file holds is not text; only CSV/TSV files "
                            "compressed with gzip are supported."),
    "folder": N_("This is a folder, not a file."),
    "spreadsheet_ml": N_("This is an Excel 2003 XML spreadsheet, which is not supported; open "
                         "it in Excel and save it as .xlsx."),
    "binary": N_("This is {what}, not a spreadsheet or a CSV file."),
    "xlsb": N_("This is an Excel binary workbook (.xlsb), which is not supported; save it as "
               ".xlsx."),
    "ods": N_("This is an OpenDocument spreadsheet (.ods), which is not supported; save it as "
              ".xlsx."),
}
#: What a binary file is (sniff._BINARY_SIGNATURES' names, which are these msgids).
BINARY_KINDS = frozenset({
    N_("a PDF document"), N_("a PNG image"), N_("a JPEG image"), N_("a GIF image"),
    N_("a 7-Zip archive"), N_("a RAR archive"), N_("a bzip2 archive"), N_("an xz archive"),
    N_("an SQLite database"), N_("a Parquet file"),
})


def _unsupported(v: _Values) -> str:
    template = UNSUPPORTED.get(str(v.get("kind")))
    what = str(v.get("what"))
    if template is None or (v.get("kind") == "binary" and what not in BINARY_KINDS):
        return v.say(N_("This kind of file is not supported; import a .xlsx, .xls, .csv, .tsv "
                        "or .txt table (save other formats as .xlsx in Excel first)."))
    return v.say(template, suffix=v.get("suffix", ""),
                 what=v.tr.gettext(what) if what in BINARY_KINDS else "")


#: What a file turned out to hold (sniff.extension_mismatch's `content`), as msgids.
CONTENTS = frozenset({N_("CSV text"), N_("an .xlsx workbook"), N_("an .xls workbook")})


def _extension(v: _Values) -> str:
    content = str(v.get("content"))
    return v.say(N_("The file's extension is {extension}, but it holds {content}; read as "
                    "{content}."),
                 content=v.tr.gettext(content) if content in CONTENTS else content,
                 extension=v.get("extension") or v.tr.gettext(N_("(no extension)")))


def _fields(v: _Values) -> str:
    where = v.tr.clause_sep.join(
        v.tr.gettext(N_("row {row}, column {column} ({length:,} characters)"), **f)
        for f in v.get("fields", [])[:MAX_NAMED])
    return v.say(N_("{n:,} fields were longer than the limit and were cut short: {where}."),
                 where=where)


def _date_system(v: _Values) -> str:
    return v.tr.gettext(N_(" (1904 date system)")) if v.get("date1904") else ""


def _date_cells(v: _Values) -> str:
    return v.say(N_("{n:,} cells formatted as dates{system} ({cells}) were read as dates "
                    "(YYYY-MM-DD), not as numbers."), system=_date_system(v))


def _control_characters(v: _Values) -> str:
    where = (v.tr.gettext(N_("cells {cells}"), cells=v["cells"]) if v["cells"]
             else v.tr.gettext(N_("lines {lines}"), lines=v["lines"]))
    return v.say(N_("Removed {n:,} invisible control or text-direction characters ({where}); "
                    "names are compared without them."), where=where)


def _formula_unverified(v: _Values) -> str:
    if not v["cells"]:  # one value cell, flagged when the table was read
        return v.say(N_("This formula cell was read as the value Excel last saved, which "
                        "cannot be checked here; check its value"))
    return v.say(N_("{n:,} formula cells ({cells}) were read as the values Excel last saved, "
                    "which cannot be checked here (they may be out of date or come from "
                    "another file)."))


def _formula_not_calculated(v: _Values) -> str:
    if not v["cells"]:
        return v.say(N_("The formula has no calculated result; open the file in Excel and "
                        "save it"))
    return v.say(N_("Formula cells {cells} have no saved result (open and save the file in "
                    "Excel to calculate them); read as empty."))


#: Short names of issue kinds, for 'N more ... issues not listed', as msgids.
ISSUE_NAMES = {
    "missing_city": N_("missing city"), "bad_year": N_("unreadable year"),
    "not_a_number": N_("not a number"), "province_row_skipped": N_("province heading row"),
    "duplicate_collapsed": N_("repeated value"),
    "conflicting_duplicate": N_("repeated key with different values"),
    "formula_not_calculated": N_("formula without a result"),
    "non_finite": N_("not a finite number"), "precision_loss": N_("precision lost"),
    "number_normalised": N_("number rewritten"),
}


def _more_issues(v: _Values) -> str:
    code = str(v.get("issue_code"))
    name = v.tr.gettext(ISSUE_NAMES[code]) if code in ISSUE_NAMES else code
    return v.say(N_("{more:,} more “{name}” issues not listed ({n:,} in all)"),
                 more=v["n"] - v["listed"], name=name)


def _hidden_sheets(v: _Values) -> str:
    if v["n"] and v["n"] > 1:
        return v.say(N_("Hidden sheets {sheets} were not read; to import hidden data, choose "
                        "those sheets."))
    return v.say(N_("Hidden sheet {sheets} was not read; to import hidden data, choose that "
                    "sheet."))


def _value_columns(v: _Values) -> str:
    return v.say(N_("{n:,} value columns, each imported as an indicator: {names}"),
                 names=v.tr.join(v["names"]))


def _series_found(v: _Values) -> str:
    tr = v.tr
    text = v.say(N_("Column {column} ({header}) holds {n:,} series, each imported as an "
                    "indicator"))
    if v["unit_column"]:
        text += v.say(N_(", units from column {unit_column}"))
    if v["scale_column"]:
        text += v.say(N_(", scales from column {scale_column}"))
    more = tr.clause_sep + tr.gettext(N_("…")) if v["n"] > 10 else ""
    return text + tr.colon + tr.clause_sep.join(v["series"][:10]) + more


def _series_split_by_unit(v: _Values) -> str:
    return v.say(N_("{n:,} series have units of different kinds that cannot be converted into "
                    "each other; split into one indicator per unit: {series}"),
                 series=v.tr.join(v["series"][:10]))


#: Where a year was read (a title-year issue's `source`), as msgids.
_YEAR_SOURCES = {"sheet": N_("sheet name"), "title": N_("title")}


def _year_source(source: object) -> str:
    return _YEAR_SOURCES["sheet" if source == "sheet" else "title"]


def _year_sources_disagree(v: _Values) -> str:
    tr = v.tr
    if v["used_source"] == "option":
        choice = tr.gettext(N_("the year you set"))
    else:
        choice = tr.gettext(N_("{where}'s {used} (set the year if another is meant)"),
                            where=tr.gettext(_year_source(v["used_source"])), used=v["used"])
    return v.say(N_("{where} “{text}” says {year}, not {used}; used {choice}"),
                 where=tr.gettext(_year_source(v["source"])), choice=choice)


#: The sentence of each issue code in another language than the readers' English: a msgid
#: (translated by the text catalogue) over _Values, or a function of them.
ISSUES: dict[str, str | Callable[[_Values], str]] = {
    # reading the file (readers): refused files
    "file_not_found": N_("The file does not exist."),
    "unsupported_type": _unsupported,
    "unreadable_file": N_("The file cannot be opened."),
    "empty_file": N_("The file is empty: it holds no data."),
    "html_not_spreadsheet": N_("This is a web page (HTML), not a real spreadsheet; open it in "
                               "Excel, save it as .xlsx and import that file."),
    "not_a_spreadsheet": N_("This is not a spreadsheet, or the file is damaged."),
    "encoding_unknown": N_("The text encoding cannot be recognised (from row {row} on); choose "
                           "the encoding when importing."),
    "damaged_file": N_("The file is damaged or incomplete (an interrupted download?) and cannot "
                       "be read."),
    "too_large": N_("The file is larger than the limit for text files; not imported."),
    "no_such_sheet": N_("There is no sheet named “{sheet}”."),
    "damaged_workbook": N_("The workbook is damaged and cannot be read."),
    "password_protected": N_("The workbook is protected by a password; open it in Excel, remove "
                             "the password, save it and import it again."),
    "zip_bomb": N_("The workbook's data, unpacked, is larger than the limit: possibly a zip "
                   "bomb; refused."),
    "xml_entities_forbidden": N_("The workbook holds an XML document type declaration or "
                                 "entities (spreadsheets need none, attacks use them); "
                                 "refused."),
    "ambiguous_thousands": N_("Lines {lines} have unquoted thousands separators (as in "
                              "1,000.00): the numbers would split into two fields and the "
                              "columns would shift; quote such numbers, or remove the "
                              "thousands separators, and save."),
    "ragged_rows": N_("Lines {lines} have a different number of fields from the header "
                      "({expected} fields); reading on would shift the columns."),
    # reading the file: warnings
    "extension_mismatch": _extension,
    "hidden_sheet_skipped": _hidden_sheets,
    "hidden_sheet_read": N_("Only a hidden sheet holds data; this hidden sheet was read."),
    "encrypted_default_key_decrypted": N_("The workbook is encrypted with Excel's built-in "
                                          "default key (no password); it was decrypted as "
                                          "Excel opens it."),
    "formula_not_calculated": _formula_not_calculated,
    "formula_cached_unverified": _formula_unverified,
    "invalid_number_token": N_("Number cells {cells} hold a value that is not a number; read "
                               "as empty."),
    "number_out_of_range": N_("The numbers in cells {cells} are beyond a spreadsheet's range "
                              "(infinite); read as empty."),
    "date_cell": _date_cells,
    "cell_error": N_("Cells {cells} hold an Excel error value (such as #DIV/0!); read as "
                     "empty."),
    "control_characters_removed": _control_characters,
    "bare_cr_in_field": N_("Stray carriage returns inside fields on lines {lines} were "
                           "removed, not read as line breaks."),
    "field_truncated": _fields,
    # reading the table (detection.PROBLEM_TEXT): refused tables
    "monthly_columns": N_("The columns are months (such as “Jan 2020”); City Profiles compares "
                          "yearly values, and whether a year's value is the mean, the sum or "
                          "December's value of its months depends on the series: export "
                          "yearly figures (such as BLS annual averages) and import those"),
    "empty_table": N_("The sheet holds no table"),
    "no_city_column": N_("No column names the cities; choose the city column"),
    "no_value_column": N_("No column holds values; choose the value column"),
    "no_year_columns": N_("No column heading reads as a year"),
    "no_year": N_("No column holds years and the table does not say the year; set the year"),
    "no_indicator_columns": N_("No column holds numbers to import as an indicator"),
    # reading the table: what was skipped, changed or doubtful
    "repeated_header_dropped": N_("Dropped {n:,} repeated header or page-title rows"),
    "note_rows_dropped": N_("Dropped {n:,} note rows inside the table"),
    "city_filled_down": N_("{n:,} rows have no city; the city of the row above was used"),
    "ambiguous_city": _ambiguous_city,
    "missing_city": N_("Values without a city were not imported"),
    "duplicate_collapsed": lambda v: _duplicate(v, same=True),
    "conflicting_duplicate": lambda v: _duplicate(v, same=False),
    "no_data_rows": N_("There are no data rows to import"),
    "metadata_rows_skipped": N_("Skipped {n:,} title or note rows above the header"),
    "footer_rows_dropped": N_("Dropped {n:,} footnote rows below the data"),
    "header_flattened": N_("{n:,} header rows were merged into one"),
    "year_normalised": _year_normalised,
    "unknown_unit": N_("Unit “{unit}” is not recognised; the values are kept as they are"),
    "mixed_units": _mixed_units,
    "inconsistent_units": _inconsistent_units,
    "bad_year": _bad_year,
    "date": N_("The cell is formatted as a date; check its value"),
    "error": N_("The cell holds an Excel error value; check its value"),
    "province_row_skipped": N_("“{name}” looks like a province heading row without values; "
                               "skipped"),
    "empty_row_skipped": N_("Skipped {n:,} rows without any value"),
    "not_a_number": N_("“{text}” is not a number; not imported"),
    "non_finite": N_("“{text}” is not a finite number; not imported"),
    "overflow": N_("“{text}” is too large to store once its unit is converted; not imported"),
    "underflow": N_("“{text}” is too small to store (it would become 0); not imported"),
    "precision_loss": N_("“{text}” has more digits than can be stored; stored as {kept}"),
    "number_normalised": N_("“{text}” read as {normalised}"),
    "thousands_separator": N_("{n:,} values have thousands separators; read without them"),
    "missing_values": _missing_values,
    "value_flags": _value_flags,
    "more_issues": _more_issues,
    # tables read as what they are: series, scales, value columns, years in titles
    "year_from_title": N_("Year {year} taken from the title “{text}”"),
    "year_from_sheet": N_("Year {year} taken from the sheet name “{text}”"),
    "year_sources_disagree": _year_sources_disagree,
    "value_columns": _value_columns,
    "series_found": _series_found,
    "series_split_by_unit": _series_split_by_unit,
    "unreadable_scale": N_("Scale “{scale}” is not recognised (it should be Billions, "
                           "Millions, Thousands, Units, 亿, 万 or a power of 10); the values of "
                           "that row were not imported"),
    "header_unit_differs": N_("Column {column}'s heading says {header_unit}, but the unit "
                              "column ({unit_column}) says {cell_unit} on rows {rows}; "
                              "converted by the unit column's {cell_unit}"),
    "unit_conflict": N_("Column {column}'s heading says {header_unit}, but the unit column "
                        "({unit_column}) says {cell_unit} on rows {rows}: not the same kind of "
                        "unit; those values were not imported"),
}


# --- numbers, units, years and encodings read right (issue #12) ---

#: What a year heading's mark says (a year_flagged issue's `notes`), as msgids.
_YEAR_NOTES = {"fiscal": N_("fiscal year"), "split": N_("spans two years, read as the first"),
               "estimate": N_("estimated"), "forecast": N_("forecast"),
               "provisional": N_("provisional figure"), "revised": N_("revised figure"),
               "marked": N_("with a footnote mark"), "year_end": N_("year end")}
_NOT_FINAL = ("estimate", "forecast", "provisional")


def _decimal_mark(v: _Values) -> str:
    reason = v.get("reason")
    if reason == "comma_decimals":
        return v.say(N_("Decimal mark: comma (as in 1000,00), decided from {n:,} values."))
    if reason == "comma_thousands":
        return v.say(N_("Decimal mark: point; commas are thousands separators (decided from "
                        "{n:,} values)."))
    if reason == "conflict":
        mark = v.tr.gettext(N_("comma") if v.get("mark") == "," else N_("point"))
        return v.say(N_("Decimal mark: {mark} (as most values are written); values written "
                        "the other way are reported cell by cell. If this is wrong, choose the "
                        "decimal mark when importing."), mark=mark)
    return v.say(N_("Decimal mark: point (assumed). {comma_values:,} values (such as "
                    "“{example}”) read either way (exactly three digits after the comma): "
                    "their commas were read as thousands separators: {cells}. If the comma "
                    "is the decimal mark, choose “comma” when importing."),
                 comma_values=v.get("comma_values", 0))


def _year_flagged(v: _Values) -> str:
    tr = v.tr
    notes = v.get("notes", {})
    years = v.get("years", {})
    ordered = sorted(notes, key=lambda t: notes[t] not in _NOT_FINAL)
    pairs = tr.clause_sep.join(
        tr.gettext(N_("“{text}” → {year} ({note})"), text=t, year=years.get(t, ""),
                   note=tr.gettext(_YEAR_NOTES[notes[t]]) if notes[t] in _YEAR_NOTES
                   else notes[t])
        for t in ordered[:10])
    subject = tr.gettext(N_("Year headings") if "columns" in v else N_("Years"))
    text = v.say(N_("{subject} carry marks: {pairs}"), subject=subject, pairs=pairs)
    if any(k in _NOT_FINAL for k in notes.values()):
        text += tr.gettext(N_("; values under estimated, forecast or provisional years were "
                              "imported but are not final"))
    return text


def _year_header_not_read(v: _Values) -> str:
    named = v.tr.join(v.tr.gettext(N_("column {column} (“{header}”)"), column=letter, header=h)
                      for letter, h in list(v.get("headers", {}).items())[:10])
    return v.say(N_("{n:,} column headings look like years but are not; not imported: "
                    "{named}"), named=named)


def _per_person_unit(v: _Values) -> str:
    return v.say(N_("{indicator}: unit “{unit}” read as {label}, since the indicator's name "
                    "says per person (not a total)"), label=unit_label(v["unit_code"], v.tr.lang))


ISSUES.update({
    "encoding_guessed": N_("The file is neither UTF-8 nor in a Chinese encoding (GBK/GB18030); "
                           "it was read as Western European (Windows-1252, compatible with "
                           "Latin-1), e.g. “{example}” on row {row}; if names look wrong, "
                           "choose the encoding when importing."),
    "decimal_mark": _decimal_mark,
    "year_flagged": _year_flagged,
    "year_header_not_read": _year_header_not_read,
    "per_person_unit": _per_person_unit,
})


def _date_read_as_year(v: _Values) -> str:
    return v.say(N_("{n:,} cells formatted as dates{system} ({cells}) were read as years."),
                 system=_date_system(v))


def _hidden_rows(v: _Values) -> str:
    return v.say(N_("Hidden rows {rows} ({n:,} in all) were not imported (Excel does not show "
                    "hidden rows, so they are skipped here too); unhide them in Excel to "
                    "import them."))


def _percent_converted(v: _Values) -> str:
    return v.say(N_("Column {column}: {n:,} cells formatted as percentages ({cells}) were read "
                    "as percents (Excel stores 3.5% as 0.035; read as 3.5, unit %)."))


def _percent_not_percent(v: _Values) -> str:
    return v.say(N_("Column {column}: {n:,} cells ({cells}) are formatted as percentages but "
                    "their unit is not a percentage; read as stored (3.5% is 0.035): check the "
                    "unit."))


def _sheet_without_table(v: _Values) -> str:
    return v.say(N_("Sheets {skipped} hold no table of values (only notes or titles) and were "
                    "skipped; the data comes from sheets {used}."),
                 skipped=v.tr.join(_quoted(s) for s in v.get("skipped", [])),
                 used=v.tr.join(_quoted(s) for s in v.get("used", [])))


def _cell_outside_grid(v: _Values) -> str:
    what = (v.tr.gettext(N_("row {cell}"), cell=v["cell"]) if v.get("what") == "row"
            else v.tr.gettext(N_("cell {cell}"), cell=v["cell"]))
    return v.say(N_("The workbook is damaged: sheet “{sheet}” refers to {what}, beyond "
                    "Excel's grid (1,048,576 rows, 16,384 columns)."), what=what)


def _sheet_too_large(v: _Values) -> str:
    return v.say(N_("Sheet “{sheet}” has values from {first} to {last}, {size:,} cells, more "
                    "than the limit; delete stray cells far from the table (Ctrl+End finds "
                    "them in Excel) and save it again."))


def _hidden_columns(v: _Values) -> str:
    return v.say(N_("Hidden columns {columns} are read like the others (hidden in Excel, not "
                    "here)."), columns=v.tr.join(v.get("columns", [])[:MAX_NAMED]))


ISSUES.update({
    # Excel readers (issue 12): caps before calamine, Excel semantics
    "cell_outside_grid": _cell_outside_grid,
    "sheet_too_large": _sheet_too_large,
    "shared_strings_declared": N_("The workbook is damaged: its shared-strings table declares "
                                  "{declared:,} texts but holds only {present:,}."),
    "date_read_as_year": _date_read_as_year,
    "hidden_rows_skipped": _hidden_rows,
    "hidden_columns_read": _hidden_columns,
    "percent_format_converted": _percent_converted,
    "percent_format_not_percent_unit": _percent_not_percent,
    "sheet_without_table": _sheet_without_table,
    "filtered_rows_read": N_("Rows {rows} ({n:,} in all) are hidden by an Excel filter and "
                             "were imported like the other rows (a filter only hides rows; "
                             "their data is still there)."),
    "reader_crashed": N_("The Excel reader crashed on this workbook (it is damaged, or made "
                         "to crash readers); it ran in a separate process, so nothing else "
                         "was affected."),
})
