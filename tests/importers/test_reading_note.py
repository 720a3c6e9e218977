"""How a file was read, as its source's notes say it in the data sources window and reports."""

from __future__ import annotations

from pathlib import Path

from desktop.importers.report_text import reading_note
from desktop.importers.run import import_file


def test_reading_note_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "gdp.csv"
    path.write_bytes("城市,年份,地区生产总值\n沈阳市,2016,5460\n".encode("gb18030"))
    report = import_file(path).report
    assert report.layout == "wide_indicators"
    assert reading_note(report) == f"Layout: wide table by indicator; Encoding: {report.encoding}"
    assert report.encoding in ("gb18030", "gbk")
    chinese = reading_note(report, "zh")
    assert chinese.startswith("表格结构：") and chinese.endswith(f"；编码：{report.encoding}")
    assert chinese.startswith("表格结构：按指标的宽表；")
    assert "wide" not in chinese and "long" not in chinese
