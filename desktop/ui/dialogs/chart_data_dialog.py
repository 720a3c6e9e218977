"""The data behind a chart as a table: what the user sees, number for number."""

from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ChartDataDialog(QDialog):
    """A read-only, sortable table of a chart's data (from the chart's `data_frame()`)."""

    def __init__(self, frame: pd.DataFrame, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chart data: {0}").format(title))
        self.frame = frame
        self.table = QTableWidget(len(frame), len(frame.columns))
        self.table.setHorizontalHeaderLabels([str(c) for c in frame.columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, values in enumerate(frame.itertuples(index=False)):
            for column, value in enumerate(values):
                item = QTableWidgetItem()
                if isinstance(value, bool):
                    item.setText(self.tr("yes") if value else "")
                elif isinstance(value, float):
                    # a number, not text: the column then sorts by value
                    item.setData(Qt.ItemDataRole.DisplayRole,
                                 "" if math.isnan(value) else round(value, 6))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                elif isinstance(value, int):
                    item.setData(Qt.ItemDataRole.DisplayRole, int(value))
                else:
                    item.setText("" if value is None else str(value))
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 480)
