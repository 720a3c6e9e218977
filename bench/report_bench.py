"""Report generation cost: a ~20-page PDF with 12 charts against drawing the 12 charts alone.

Both run in this process on the same document; the baseline renders the same 12 charts to PNG
(what any chart export must pay at least), so the ratio shows what building the document,
laying out pages and writing the PDF add on top of drawing the charts.
Run: .venv/bin/python bench/report_bench.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from desktop.core.storage import load_bundled
from desktop.report.build import build_report
from desktop.report.model import ReportOptions

TARGET_SECONDS = 2.0
TARGET_RATIO = 3.0
REPEATS = 3
INDICATORS = ("gdp", "gdp_per_capita", "gdp_real_growth", "gdp_share_tertiary", "va_secondary",
              "va_tertiary", "population_registered", "employment", "employees",
              "average_wage", "wage_bill", "fdi_utilised")


def timed(function: Callable[[], object]) -> list[float]:
    function()  # warm fonts, caches and lazy imports
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from desktop.ui.printing import chart_sizer, ensure_app, pdf_bytes
    from desktop.ui.report_charts import ChartRenderer, render_all_svg

    ensure_app()
    dataset = load_bundled()
    options = ReportOptions("cn-210100", ("cn-210200", "cn-230100", "cn-220100"), INDICATORS,
                            year=2016, group_id="north_east")
    renderer = ChartRenderer()
    pages: list[int] = []

    def report() -> None:
        document = build_report(dataset, options)
        charts = render_all_svg(renderer, document.charts(), chart_sizer(document))
        data, layout = pdf_bytes(document, charts)
        pages.append(layout.page_count)
        assert data.startswith(b"%PDF")

    document = build_report(dataset, options)
    size_of = chart_sizer(document)

    def charts_alone() -> None:
        for block in document.charts():
            image = renderer.render_image(block, size_of(block))
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")

    baseline = statistics.median(timed(charts_alone))
    ours = statistics.median(timed(report))
    renderer.close()
    ratio = ours / baseline
    print(f"document: {pages[-1]} pages, {len(document.charts())} charts")
    print(f"charts alone (12 PNG):   {baseline:.3f} s")
    print(f"whole report (PDF):      {ours:.3f} s")
    print(f"ratio report/charts:     {ratio:.2f}x (target < {TARGET_RATIO:.0f}x)")
    verdict = "ok" if ours < TARGET_SECONDS and ratio < TARGET_RATIO else "short"
    print(f"report_bench: {ours:.2f} s, {ratio:.2f}x charts alone "
          f"(target < {TARGET_SECONDS:.0f} s, < {TARGET_RATIO:.0f}x) {verdict}")


if __name__ == "__main__":
    main()
