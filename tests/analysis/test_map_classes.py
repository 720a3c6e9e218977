"""Map classes per country (issue 15 item 2): on one colour scale almost every US metro fell
in the top class of money per person; when both countries have values each is classed by
its own quintiles, with its own legend heading and a note saying so."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.analysis.map_geometry import load_geometry
from desktop.analysis.map_spec import RAMP, map_spec, quantile_classes
from desktop.core.dataset import Dataset

PEERS = ("cn-210200", "us-19820")  # Dalian and Detroit


@pytest.fixture(scope="module")
def geometry():
    return load_geometry()


def test_each_country_has_its_own_quintiles(bundled: Dataset, geometry) -> None:
    spec = map_spec(bundled, geometry, "cn-210100", PEERS, "gdp_per_capita", 2019)
    assert spec.per_country
    assert [g.panel for g in spec.class_groups] == ["cn", "us"]
    for group in spec.class_groups:
        values = [p.value for p in spec.places
                  if p.panel == group.panel and p.class_index >= 0]
        # the classes are the quintiles of this country's own values, worked out here
        expected = quantile_classes(np.array(values))
        got = [bound for c in group.classes for bound in (c.lower, c.upper)]
        assert got == pytest.approx([bound for pair in expected for bound in pair])
        assert sum(c.count for c in group.classes) == len(values)
        assert [c.color for c in group.classes] == list(RAMP)
    us = [p for p in spec.places if p.panel == "us" and p.class_index >= 0]
    top = sum(1 for p in us if p.class_index == len(RAMP) - 1)
    assert top <= len(us) * 0.25  # a fifth, not (nearly) all of them
    assert spec.class_groups[1].title == f"US metros ({len(us)} places)"
    assert spec.class_groups[0].title.startswith("China (")
    assert spec.legend_title == "Quintiles within each country, yuan"  # (unconverted data)
    assert any("Each country has its own classes" in n for n in spec.notes)


def test_one_country_keeps_one_scale(bundled: Dataset, geometry) -> None:
    # utilised FDI is a Chinese series: the US metros have no values, so one scale
    spec = map_spec(bundled, geometry, "cn-210100", PEERS, "fdi_utilised", 2008)
    assert not spec.per_country and len(spec.class_groups) == 1
    assert spec.legend_title.startswith("Quintiles")
    assert not any("its own classes" in n for n in spec.notes)


def test_chinese_headings_are_chinese(bundled: Dataset, geometry) -> None:
    spec = map_spec(bundled, geometry, "cn-210100", PEERS, "gdp_per_capita", 2019, lang="zh")
    assert spec.legend_title.startswith("各国分别五分位分组")
    assert [g.title[:2] for g in spec.class_groups] == ["中国", "美国"]
