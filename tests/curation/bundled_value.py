"""One bundled value, checked to be there: the hand-worked expectations of the curation tests
compare against it."""

from __future__ import annotations

from desktop.core.dataset import Dataset


def value(dataset: Dataset, city: str, indicator: str, year: int) -> float:
    found = dataset.observation(city, indicator, year)
    assert found is not None, (city, indicator, year)
    return found.value
