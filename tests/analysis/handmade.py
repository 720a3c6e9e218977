"""Builders of small hand-made Datasets for the analysis tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from desktop.core.catalog import City, Field, Indicator, SeriesBreak, Source
from desktop.core.dataset import Dataset
from desktop.core.units import DisplayScale

Row = tuple[str, str, int, float]


def indicator(
    indicator_id: str,
    unit: str = "CNY",
    higher_is_better: bool | None = True,
    display: DisplayScale | None = None,
) -> Indicator:
    return Indicator(
        indicator_id, indicator_id.replace("_", " ").capitalize(), f"{indicator_id}（中文）",
        unit, "Test", higher_is_better, display or DisplayScale(),
        fields=(Field("src", indicator_id.upper(), "元"),),
    )


def city(city_id: str, kind: str = "prefecture_city", country: str = "CN",
         name_zh: str = "") -> City:
    return City(city_id, city_id.capitalize(), name_zh or f"{city_id}市", country=country,
                kind=kind)


def build_dataset(
    rows: Iterable[Row],
    cities: Sequence[City],
    indicators: Sequence[Indicator],
    breaks: Sequence[SeriesBreak] = (),
) -> Dataset:
    frame = pd.DataFrame(
        [(c, i, y, v, "src", n + 2) for n, (c, i, y, v) in enumerate(rows)],
        columns=["city_id", "indicator_id", "year", "value", "source_id", "source_row"],
    )
    return Dataset(
        frame, cities=cities, indicators=indicators,
        sources=[Source("src", "hand.csv", "Hand-made", "Worked by hand")],
        series_breaks=breaks,
    )

