"""The one wiring place: panel signals change the view state; a new state redraws the views."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.analysis.chart_spec import line_chart_spec
from desktop.analysis.comparison import available_indicators, build_profile
from desktop.analysis.profile_table import build_profile_table
from desktop.core.dataset import Dataset
from desktop.session.state import ViewState
from desktop.ui.main_window import MainWindow


class Controller(QObject):
    sig_state_changed = Signal(object)

    def __init__(self, dataset: Dataset, window: MainWindow, state: ViewState,
                 lang: str = "en") -> None:
        super().__init__(window)
        self.dataset = dataset
        self.window = window
        self.lang = lang
        self.state = state
        window.focus_box.sig_city_chosen.connect(lambda c: self.set_state(self.state.with_focus(c)))
        window.peer_picker.sig_peers_changed.connect(
            lambda peers, group: self.set_state(self.state.with_peers(tuple(peers), group))
        )
        window.indicator_list.sig_indicator_chosen.connect(self._choose_indicator)
        window.profile_view.sig_indicator_chosen.connect(self._choose_indicator)
        window.year_box.activated.connect(
            lambda i: self.set_state(self.state.with_year(window.year_box.itemData(i)))
        )
        self.refresh()

    def _choose_indicator(self, indicator_id: str) -> None:
        self.set_state(self.state.with_indicator(indicator_id))

    def set_state(self, state: ViewState) -> None:
        if state == self.state:
            return
        self.state = state
        self.refresh()
        self.sig_state_changed.emit(state)

    def refresh(self) -> None:
        """Recompute the profile and the chart for the current state and show them."""
        state, dataset, window = self.state, self.dataset, self.window
        cities = [state.focus_id, *state.peer_ids]
        available = available_indicators(dataset, cities)
        if available and state.indicator_id not in available:
            self.state = state = state.with_indicator(available[0])
        profile = build_profile(dataset, state.focus_id, state.peer_ids, available, state.year)
        window.show_profile(dataset, build_profile_table(dataset, profile, self.lang), self.lang)
        window.chart.set_spec(
            line_chart_spec(dataset, state.focus_id, state.peer_ids, state.indicator_id, self.lang)
        )
        window.focus_box.set_city(state.focus_id)
        window.peer_picker.set_peers(state.peer_ids, state.group_id)
        window.indicator_list.set_available(set(available))
        window.indicator_list.set_indicator(state.indicator_id)
        window.profile_view.select_indicator(state.indicator_id)
        year_index = window.year_box.findData(state.year) if state.year else 0
        window.year_box.setCurrentIndex(max(year_index, 0))
        focus = dataset.cities[state.focus_id].name(self.lang)
        window.setWindowTitle(
            self.tr("City Profiles — {0} and {1} peers").format(focus, len(state.peer_ids))
        )
