"""A small dataset and a session over it, for the session tests (no Qt, no bundled data)."""

from __future__ import annotations

import pandas as pd

from desktop.core.catalog import City, Field, Indicator, Source
from desktop.core.dataset import Dataset
from desktop.core.units import DisplayScale
from desktop.session import session as transitions
from desktop.session.selection import Selection
from desktop.session.session import Session

CITIES = ("shenyang", "dalian", "harbin", "changchun")


def dataset(cities: tuple[str, ...] = CITIES) -> Dataset:
    rows = [(c, "gdp", year, 100.0 + n + year - 2010)
            for n, c in enumerate(cities) for year in (2010, 2011)]
    frame = pd.DataFrame(
        [(*row, "src", n + 2) for n, row in enumerate(rows)],
        columns=["city_id", "indicator_id", "year", "value", "source_id", "source_row"])
    gdp = Indicator("gdp", "GDP", "地区生产总值", "CNY", "Economy", True, DisplayScale(),
                    fields=(Field("src", "GDP", "元"),))
    return Dataset(frame, cities=[City(c, c.capitalize(), f"{c}市") for c in cities],
                   indicators=[gdp], sources=[Source("src", "hand.csv", "Hand", "By hand")])


def session(data: Dataset | None = None) -> Session:
    """Shenyang against Dalian and Harbin, by GDP, on `data` (default: a new `dataset()`):
    nothing saved, nothing changed."""
    return transitions.start(data or dataset(),
                             Selection("shenyang", ("dalian", "harbin"), "gdp"))
