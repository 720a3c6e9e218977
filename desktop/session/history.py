"""Undo and redo of what the user looks at: the selection and the chart controls.

Imports and opening a project are not undoable: they replace the data, and the way back is
File › Open (opening a project starts a new history). Report options are not undone either:
the report dialog keeps them. Undoing marks the project changed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.session.chart_options import ChartOptions
from desktop.session.selection import Selection
from desktop.session.session import Session

#: How many steps back the history keeps.
LIMIT = 100


@dataclass(frozen=True)
class Step:
    """The undoable part of a session."""

    selection: Selection
    chart: ChartOptions

    @classmethod
    def of(cls, session: Session) -> Step:
        return cls(session.selection, session.chart)

    def same_as(self, other: Step) -> bool:
        """Equal for the user: the visible tab alone does not count."""
        return self.selection == other.selection and self.chart.same_drawing(other.chart)


@dataclass(frozen=True)
class History:
    past: tuple[Step, ...] = ()
    future: tuple[Step, ...] = ()

    @property
    def can_undo(self) -> bool:
        return bool(self.past)

    @property
    def can_redo(self) -> bool:
        return bool(self.future)

    def record(self, before: Session, after: Session) -> History:
        """The history after a change from `before` to `after`; a change that is not
        undoable (the data, the report, the tab looked at) leaves it as it is."""
        step = Step.of(before)
        if step.same_as(Step.of(after)):
            return self
        return History((*self.past, step)[-LIMIT:], ())

    def undo(self, session: Session) -> tuple[History, Session]:
        """Back one step (the same session and history when there is none)."""
        if not self.past:
            return self, session
        *past, step = self.past
        return History(tuple(past), (Step.of(session), *self.future)), _restore(session, step)

    def redo(self, session: Session) -> tuple[History, Session]:
        if not self.future:
            return self, session
        step, *future = self.future
        return History((*self.past, Step.of(session)), tuple(future)), _restore(session, step)


def _restore(session: Session, step: Step) -> Session:
    """`session` showing `step`, on the session's data: the visible tab stays, and peers the
    data no longer has are left out (the data only grows between steps, so the focus is
    there)."""
    selection = step.selection
    cities = session.dataset.cities
    if any(p not in cities for p in selection.peer_ids):
        selection = selection.with_peers([p for p in selection.peer_ids if p in cities],
                                         selection.group_id)
    chart = replace(step.chart, tab=session.chart.tab)
    return replace(session, selection=selection, chart=chart, dirty=True)
