"""The import report as plain text for the terminal: counts, then every issue with its place."""

from __future__ import annotations

from desktop.importers.model import ImportReport

MAX_LISTED = 200


def report_text(report: ImportReport) -> str:
    lines = [f"Imported {report.rows_imported:,} values from {report.rows_read:,} rows of "
             f"{report.file}" + (f" (sheet {report.sheet})" if report.sheet else "")]
    details = [
        ("Encoding", report.encoding),
        ("Delimiter", repr(report.delimiter) if report.delimiter else ""),
        ("Layout", report.layout),
        ("Header rows", ", ".join(str(r) for r in report.header_rows)),
        ("Cities", f"{len(report.cities):,} ({len(report.cities_matched):,} matched to the "
                   f"catalog, {len(report.cities_new):,} new)"),
        ("New cities", ", ".join(report.cities_new[:20])
         + (" …" if len(report.cities_new) > 20 else "")),
        ("Indicators", ", ".join(report.indicators)),
        ("Years", f"{report.years[0]}–{report.years[-1]}" if report.years else ""),
        ("Units converted", "; ".join(report.units_converted)),
    ]
    lines += [f"  {label}: {value}" for label, value in details if value]
    for title, issues in (("Errors", report.errors), ("Warnings", report.warnings)):
        if issues:
            lines.append(f"{title} ({len(issues):,}):")
            for issue in issues[:MAX_LISTED]:
                lines.append(f"  - {issue.location.describe()}: {issue.message}")
            if len(issues) > MAX_LISTED:
                lines.append(f"  … and {len(issues) - MAX_LISTED:,} more (use --json for all)")
    return "\n".join(lines)
