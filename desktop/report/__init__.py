"""Profile reports: the document model, its content and HTML, without Qt.

Printing (charts, pages, PDF, printers) lives in desktop/ui/printing.py and
desktop/ui/report_charts.py; this package only decides what a report says.
"""
