"""The profile table's indicator cell explains the indicator: its definition is the first line
of the tooltip, in the table's language (issue #13 part 6). No Qt."""

from __future__ import annotations

import pytest

from desktop.analysis.comparison import build_profile
from desktop.analysis.currency import profile_dataset
from desktop.analysis.profile_table import build_profile_table
from desktop.core.dataset import Dataset
from desktop.core.storage import load_bundled

SHENYANG = "cn-210100"
PEERS = ("cn-210200", "us-19820")  # Dalian and Detroit: Chinese and US rows alike


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return profile_dataset(load_bundled(), [SHENYANG, *PEERS])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_indicator_cell_starts_with_its_definition(dataset: Dataset, lang: str) -> None:
    profile = build_profile(dataset, SHENYANG, PEERS, None, 2016)
    table = build_profile_table(dataset, profile, lang)
    assert len(table.rows) > 5
    for indicator_id, row in zip(table.indicator_ids, table.rows, strict=True):
        definition = dataset.indicator(indicator_id).definition(lang)
        assert definition, indicator_id
        assert row[0].tooltip.startswith(definition), indicator_id


def test_employment_tooltip_says_urban_units_only(dataset: Dataset) -> None:
    profile = build_profile(dataset, SHENYANG, PEERS, ["employment"], 2016)
    row = build_profile_table(dataset, profile, "zh").rows[0]
    assert "年末单位从业人员" in row[0].tooltip
    assert "不是全部就业人员" in row[0].tooltip
