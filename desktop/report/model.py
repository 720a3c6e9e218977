"""The report as plain data: options chosen by the user and the blocks a report is made of.

Blocks say what to show, not how: html.py turns them into HTML (for a browser and for Qt's rich
text), desktop/ui/printing.py measures and paginates them for paper.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # keeps this module light: the CLI parser imports it at start-up
    from desktop.analysis.chart_spec import LineChartSpec
    from desktop.analysis.map_spec import MapSpec
    from desktop.analysis.ranking import RankingSpec

SECTIONS = ("cover", "contents", "summary", "categories", "notes", "appendix")
#: What a report holds unless asked for more: the full data appendix is an option (the dialog's
#: section box, `report --appendix`), so that a four-city A4 profile stays near 16 pages.
DEFAULT_SECTIONS = tuple(s for s in SECTIONS if s != "appendix")
#: Charts per indicator section by default: the section's headline indicators (catalog
#: order, with data); the others are in the section's side-by-side table. None: every one.
CHARTS_PER_CATEGORY = 1
CHART_TYPES = ("line", "bar")
PAPERS = ("a4", "letter")
#: Money in the report (desktop.analysis.currency.CHOICES, kept here to keep this module light)
CURRENCIES = ("auto", "cny", "usd", "ppp")
#: The year rule "each city's latest year" (desktop.analysis.selection_cube.LATEST_EACH, kept
#: here to keep this module light)
LATEST_EACH = "latest-each"
OPTIONS_VERSION = 1


@dataclass(frozen=True)
class ReportOptions:
    """Everything that decides a report's content and paper; saved with the session as JSON."""

    focus_id: str
    peer_ids: tuple[str, ...]
    indicator_ids: tuple[str, ...] | None = None  # None: every indicator the cities have
    #: None: the latest year the focus shares with a peer; LATEST_EACH: each city's latest
    year: int | str | None = None
    lang: str = "en"
    sections: tuple[str, ...] = DEFAULT_SECTIONS
    chart_types: tuple[str, ...] = ("line",)
    paper: str = "a4"
    landscape: bool = False
    group_id: str | None = None
    date: str = ""  # ISO date printed on the cover; empty: today
    currency: str = "auto"  # one of CURRENCIES; the window's view currency by default
    #: "current", "constant" or "constant:YEAR" (desktop.analysis.prices); the window's choice
    prices: str = "current"
    #: charts per indicator section (None: a chart for every indicator)
    charts_per_category: int | None = CHARTS_PER_CATEGORY

    def with_selection(self, focus_id: str, peer_ids: tuple[str, ...],
                       group_id: str | None = None) -> ReportOptions:
        return replace(self, focus_id=focus_id, peer_ids=peer_ids, group_id=group_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": OPTIONS_VERSION,
            "focus_id": self.focus_id,
            "peer_ids": list(self.peer_ids),
            "indicator_ids": None if self.indicator_ids is None else list(self.indicator_ids),
            "year": self.year,
            "lang": self.lang,
            "sections": list(self.sections),
            "chart_types": list(self.chart_types),
            "paper": self.paper,
            "landscape": self.landscape,
            "group_id": self.group_id,
            "currency": self.currency,
            "prices": self.prices,
            "charts_per_category": self.charts_per_category,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReportOptions:
        """Options saved by to_json; unknown sections or chart types are dropped, not fatal."""
        indicators = data.get("indicator_ids")
        return cls(
            focus_id=str(data["focus_id"]),
            peer_ids=tuple(str(p) for p in data.get("peer_ids", ())),
            indicator_ids=None if indicators is None else tuple(str(i) for i in indicators),
            year=_year_rule(data.get("year")),
            lang=data.get("lang", "en") if data.get("lang") in ("en", "zh") else "en",
            sections=tuple(s for s in data.get("sections", DEFAULT_SECTIONS) if s in SECTIONS),
            chart_types=tuple(c for c in data.get("chart_types", ("line",)) if c in CHART_TYPES),
            paper=data.get("paper", "a4") if data.get("paper") in PAPERS else "a4",
            landscape=bool(data.get("landscape", False)),
            group_id=data.get("group_id"),
            currency=data.get("currency", "auto") if data.get("currency") in CURRENCIES
            else "auto",
            prices=_prices(data.get("prices")),
            charts_per_category=_charts_per_category(data.get("charts_per_category",
                                                              CHARTS_PER_CATEGORY)),
        )


def _charts_per_category(value: Any) -> int | None:
    """A saved chart limit: a positive count, or None (every indicator); the default for
    anything else."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 1000:
        return value
    return CHARTS_PER_CATEGORY


def _prices(value: Any) -> str:
    """A saved prices choice; current prices for anything else (as a damaged year rule)."""
    if value == "constant" or (isinstance(value, str) and value.startswith("constant:")
                               and value[9:].isdigit() and 1900 <= int(value[9:]) <= 2100):
        return value
    return "current"


def _year_rule(value: Any) -> int | str | None:
    """A saved year rule: a year, LATEST_EACH, or None for anything else (a damaged session
    falls back to the latest shared year rather than failing)."""
    if value == LATEST_EACH:
        return LATEST_EACH
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return value
    return None


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str  # "#rrggbb"
    is_focus: bool


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: section (in the contents), 2: subsection
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str
    role: str = "body"  # body, lead, sentence, note, source
    #: the term a definition explains, at the start of `text` ("GDP: ..."): printed bold, so
    #: a reader finds an indicator in the Definitions list at a glance
    term: str = ""


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    emphasis: bool = False  # the focus city's row
    tones: tuple[int, ...] = ()  # per cell: 1 better, 0 neutral, -1 worse than the peer median


@dataclass(frozen=True)
class Sparkline:
    """A row's trend in a word-sized line: the focus city's values and the peer median by
    year (shape only: no axis; the table beside it has the numbers)."""

    focus: tuple[tuple[int, float], ...]
    median: tuple[tuple[int, float], ...] = ()

    @property
    def is_empty(self) -> bool:
        return len(self.focus) < 2


@dataclass(frozen=True)
class TableBlock:
    """A table whose rows are never split across pages; the header repeats on every page,
    under `title` and a "continued" mark."""

    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    align: tuple[str, ...]  # "l" or "r" per column
    widths: tuple[int, ...]  # relative column widths
    focus_column: int | None = None
    role: str = "data"  # data, profile, summary, contents
    note: str = ""
    #: printed above the repeated header on a continuation page: "… (continued)"
    title: str = ""
    #: columns whose cells never wrap (units, years, ranks)
    nowrap: tuple[int, ...] = ()
    #: what green and red mean in this table, e.g. ("better than the peer median", "worse")
    tone_key: tuple[str, str] = ()
    #: a small trend line per row in column `spark_column` (the at-a-glance table)
    sparklines: tuple[Sparkline | None, ...] = ()
    spark_column: int = -1


@dataclass(frozen=True)
class ChartBlock:
    """One chart with its title, legend, notes and source; drawn as one unsplittable unit."""

    chart_id: str
    kind: str  # line, bar (a ranking of the compared cities) or map
    spec: LineChartSpec | RankingSpec | MapSpec  # MapSpec: kind "map", the locator map
    title: str
    unit: str
    legend: tuple[LegendEntry, ...]
    notes: tuple[str, ...]
    source: str
    break_label: str = ""
    alt: str = ""


@dataclass(frozen=True)
class CoverBlock:
    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...]  # (label, value) lines: focus, peers, year, date
    sources: tuple[str, ...]
    sources_label: str


@dataclass(frozen=True)
class ContentsEntry:
    anchor: str
    text: str


@dataclass(frozen=True)
class ContentsBlock:
    title: str
    entries: tuple[ContentsEntry, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = (Heading | Paragraph | TableBlock | ChartBlock | CoverBlock | ContentsBlock | PageBreak)


@dataclass(frozen=True)
class ReportDocument:
    options: ReportOptions
    title: str
    header: str  # running header: title, focus city
    date: str
    blocks: tuple[Block, ...]
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.options.lang

    def charts(self) -> list[ChartBlock]:
        return [b for b in self.blocks if isinstance(b, ChartBlock)]

    def headings(self, level: int | None = None) -> list[Heading]:
        return [b for b in self.blocks
                if isinstance(b, Heading) and (level is None or b.level == level)]
