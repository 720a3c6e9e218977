"""Small hand-built .xlsx packages for the readers' tests: every byte of the XML is ours, so
a test can put a value in XFD1048576, lie in a sharedStrings count or write `</c >`."""

from __future__ import annotations

import zipfile
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship '
    f'Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')


def cell(ref: str, value: object, style: int | None = None) -> str:
    """One cell: numbers as <v>, texts inline."""
    s = f' s="{style}"' if style is not None else ""
    if isinstance(value, str):
        return f'<c r="{ref}"{s} t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"{s}><v>{value}</v></c>'


def rows_xml(rows: list[list[object]], start: int = 1, styles: dict | None = None,
             row_attrs: dict[int, str] | None = None) -> str:
    """<row> elements for a table starting at A{start}; styles maps (row, col) -> style."""
    out = []
    for k, values in enumerate(rows):
        r = start + k
        extra = (row_attrs or {}).get(r, "")
        cells = "".join(cell(f"{chr(65 + c)}{r}", v, (styles or {}).get((r, c)))
                        for c, v in enumerate(values) if v is not None)
        out.append(f'<row r="{r}"{extra}>{cells}</row>')
    return "".join(out)


def sheet_xml(body: str, dimension: str | None = None, before: str = "",
              after: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" '
            f'xmlns:r="{REL}">{dim}{before}<sheetData>{body}</sheetData>{after}</worksheet>')


def styles_xml(formats: list[tuple[int, str | None]]) -> str:
    """cellXfs with one xf per entry: (numFmtId, custom format code or None)."""
    custom = [(i, code) for i, code in formats if code is not None]
    numfmts = ("" if not custom else f'<numFmts count="{len(custom)}">' + "".join(
        f'<numFmt numFmtId="{i}" formatCode="{code}"/>' for i, code in custom) + "</numFmts>")
    xfs = "".join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
                  for i, _ in formats)
    return (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">{numfmts}'
            '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills>'
            '<borders count="1"><border/></borders>'
            f'<cellXfs count="{len(formats)}">{xfs}</cellXfs></styleSheet>')


def write_workbook(path: Path, sheets: list[tuple[str, str]], *, shared: str | None = None,
                   styles: str | None = None, states: dict[str, str] | None = None,
                   date1904: bool = False, member_names: list[str] | None = None) -> Path:
    """A package with the given (sheet name, sheet XML) parts, in order."""
    names = member_names or [f"worksheets/sheet{k + 1}.xml" for k in range(len(sheets))]
    rels = [f'<Relationship Id="rId{k + 1}" Type="{REL}/worksheet" Target="{name}"/>'
            for k, name in enumerate(names)]
    if shared is not None:
        rels.append(f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" '
                    'Target="sharedStrings.xml"/>')
    if styles is not None:
        rels.append(f'<Relationship Id="rIdY" Type="{REL}/styles" Target="styles.xml"/>')
    entries = "".join(
        f'<sheet name="{name}" sheetId="{k + 1}" r:id="rId{k + 1}"'
        + (f' state="{(states or {})[name]}"' if name in (states or {}) else "") + "/>"
        for k, (name, _) in enumerate(sheets))
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
                f'xmlns:r="{REL}">{pr}<sheets>{entries}</sheets></workbook>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
                   + "".join(rels) + "</Relationships>")
        for name, (_, xml) in zip(names, sheets, strict=True):
            z.writestr(f"xl/{name}", xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        if styles is not None:
            z.writestr("xl/styles.xml", styles)
    return path


HEADER = ["city", "indicator", "year", "value", "unit"]
TABLE = [HEADER, ["Shenyang", "GDP", 2016, 5460.0, "100m yuan"],
         ["Dalian", "GDP", 2016, 6810.0, "100m yuan"],
         ["Harbin", "GDP", 2016, 6100.0, "100m yuan"]]


def plain(path: Path, body_extra: str = "", dimension: str | None = None) -> Path:
    """The small long table, plus whatever XML `body_extra` appends to sheetData."""
    return write_workbook(path, [("data", sheet_xml(rows_xml(TABLE) + body_extra, dimension))])
