"""A dataset that is replaced (an import, a number-style switch) is freed: the analysis caches
keyed on it must not keep it alive, or every import would hold on to the previous data."""

from __future__ import annotations

import gc
import weakref

from desktop.analysis.charts import over_time_spec
from desktop.analysis.comparison import available_indicators, comparison_arrays
from desktop.analysis.profile_metrics import profile_metrics
from desktop.analysis.profile_table import selection_table
from desktop.analysis.ranking import ranking_spec
from desktop.core.dataset import Dataset


def test_a_compared_dataset_is_freed_when_it_is_dropped(bundled: Dataset) -> None:
    dataset = bundled.with_number_style("international")
    assert dataset is not bundled
    # Shenyang against Dalian, Harbin and Detroit
    focus, peers = "cn-210100", ["cn-210200", "cn-230100", "us-19820"]
    indicators = available_indicators(dataset, [focus, *peers])
    comparison_arrays(dataset, focus, peers, indicators, None)
    selection_table(dataset, focus, peers, indicators, None, "zh", True)
    profile_metrics(dataset, focus, peers, indicators)
    over_time_spec(dataset, focus, peers, indicators[0])
    ranking_spec(dataset, focus, peers, indicators[0])
    alive = weakref.ref(dataset)
    # by reference counts alone: the app freezes the start-up objects, whose cycles the
    # collector then never looks at again
    enabled = gc.isenabled()
    gc.disable()
    try:
        del dataset
        assert alive() is None
    finally:
        if enabled:
            gc.enable()


def test_a_dataset_whose_table_tooltips_were_never_read_is_freed(bundled: Dataset) -> None:
    """The table's tooltips are made when first read: what makes them must not hold the
    dataset (the cells are cached under it, weakly)."""
    dataset = bundled.with_number_style("international")
    focus, peers = "cn-210100", ["cn-210200", "cn-230100", "cn-220100"]
    indicators = available_indicators(dataset, [focus, *peers])
    table = selection_table(dataset, focus, peers, indicators, None, "en", True)
    assert "row" in table.rows[0][3].tooltip  # one read; the others stay unmade
    alive = weakref.ref(dataset)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del dataset, table
        assert alive() is None
    finally:
        if enabled:
            gc.enable()
