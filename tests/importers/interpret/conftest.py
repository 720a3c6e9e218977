"""Fixtures: the synthetic bad-input corpus, the real external files, catalog lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.catalog import City, CityLookup
from desktop.core.paths import sources_dir

SHARED = Path(__file__).resolve().parents[4] / "shared"
EXTERNAL = sources_dir()


@pytest.fixture
def external() -> Path:
    """The project's raw source files (resources/sources): real downloads as users have them."""
    return EXTERNAL


CORPUS_CITIES = [
    City("cn-110100", "Beijing", "北京市", ("北京", "Beijing (city)"), "CN", kind="municipality"),
    City("cn-310100", "Shanghai", "上海市", ("上海",), "CN", kind="municipality"),
    City("cn-440100", "Guangzhou", "广州市", ("广州", "Guangzhou(city)"), "CN"),
    City("cn-440300", "Shenzhen", "深圳市", ("深圳",), "CN"),
    City("cn-510100", "Chengdu", "成都市", ("成都",), "CN"),
    City("cn-210100", "Shenyang", "沈阳市", ("沈阳", "Shenyang(city)"), "CN", "Liaoning",
         "辽宁省"),
    City("cn-prov-210000", "Liaoning", "辽宁省", ("Liaoning",), "CN", kind="province"),
    City("cn-prov-130000", "Hebei", "河北省", ("Hebei",), "CN", kind="province"),
    City("country-CHN", "China", "中国", ("CHN",), "CN", kind="country"),
    City("country-NAM", "Namibia", "纳米比亚", ("NAM",), "NA", kind="country"),
]


@pytest.fixture
def lookup() -> CityLookup:
    return CityLookup(CORPUS_CITIES)
