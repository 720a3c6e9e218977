"""Merge an imported long table into a Dataset, giving a new Dataset (the old one is untouched).

Imported cities that the catalog knows keep their ids; the rest become new cities. Indicators
are matched to the catalog by id, English or Chinese label or source column name, and only when
the canonical unit agrees; otherwise they become new indicators in the 'Imported' category.

Bundled values are never replaced by default. When imported values of a catalog indicator fall
on a city and year the data already has with a different value, mixing the two sources in one
series would be a silent series break: the import's values of that indicator all come in as
their own series ("GDP (current prices) — National Bureau of Statistics of China"), with the
catalog indicator's unit, category and definition and a note on where it comes from, and the
summary lists the overlapping keys before and after so the user can choose. `replace=True`
replaces instead, and the summary lists every replaced key. An indicator whose overlapping
values all equal the bundled ones joins the catalog indicator: its equal values are not
imported again (the bundled rows keep their source), its new keys are added.

Two imported rows that name the same city, indicator and year differently (沈阳 and cn-210100,
two names of one catalog indicator, two sheets concatenated) only meet once names become ids:
the first row is kept and the summary lists the others, so that conflict is not resolved
silently either.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from desktop.core import collection
from desktop.core.catalog import City, Field, Indicator, Source
from desktop.core.dataset import Dataset
from desktop.core.units import UNITS, DisplayScale

IMPORTED_CATEGORY = "Imported"
_BRACKETS = re.compile(r"[\(（\[【].*?[\)）\]】]")
#: Name parts that qualify without changing what is measured (units, 'whole city', prices).
#: '市辖区' (urban districts only) is NOT here: district figures are a different indicator.
_NEUTRAL_PARTS = {"全市", "当年价格", "万元", "亿元", "元", "万人", "人", "万美元", "美元",
                  "百分比", "%"}
#: Each row's index into a list of labels (names, city or indicator ids).
Coded = tuple[np.ndarray, list]


class ImportedCell(NamedTuple):
    """One imported value and where the file has it, so the user can look it up.
    (Named tuples: a file read twice lists every row, and they are quicker to make than
    frozen dataclasses.)"""

    row: int
    column: str
    value: float


class MergeDuplicate(NamedTuple):
    """Imported rows that became the same city, indicator and year once their names were
    matched to ids: `kept` (the first in the file) is merged, `dropped` are not."""

    city_id: str
    indicator_id: str
    year: int
    kept: ImportedCell
    dropped: tuple[ImportedCell, ...]

    @property
    def values_differ(self) -> bool:
        """A conflict (some dropped value is not the kept one), not a mere repeat."""
        return any(cell.value != self.kept.value for cell in self.dropped)


class Overlap(NamedTuple):
    """An imported value on a key (city, catalog indicator, year) the data already had: the
    value before (and its source) and the imported one, in the indicator's canonical unit."""

    city_id: str
    indicator_id: str
    year: int
    old: float
    old_source_id: str
    new: float
    row: int
    column: str

    @property
    def differs(self) -> bool:
        """A conflict: exactly equal values are the same figure, not another source's."""
        return self.new != self.old

    @property
    def change(self) -> float:
        """The relative difference (new / old - 1), to rank the largest; inf from zero."""
        if self.old == 0:
            return 0.0 if self.new == 0 else float("inf")
        return self.new / self.old - 1


@dataclass
class MergeSummary:
    source_id: str
    values_added: int = 0
    values_replaced: int = 0
    #: True: imported values replaced the data's; False (the default): they never do.
    replace: bool = False
    #: Every imported value on a key the data already had (first imported row per key).
    overlaps: list[Overlap] = field(default_factory=list)
    #: Catalog indicator id -> the id of the separate series its imported values became.
    separate_series: dict[str, str] = field(default_factory=dict)
    #: Imported values equal to the data's, so not imported again (the data's rows kept).
    values_equal: int = 0
    cities_added: list[str] = field(default_factory=list)
    indicators_matched: dict[str, str] = field(default_factory=dict)  # name in file -> id
    indicators_added: list[str] = field(default_factory=list)
    duplicates: list[MergeDuplicate] = field(default_factory=list)  # in file order

    @property
    def values_dropped(self) -> int:
        """Imported rows not merged because an earlier row had their key."""
        return sum(len(duplicate.dropped) for duplicate in self.duplicates)

    @property
    def conflicts(self) -> list[Overlap]:
        """The overlapping keys whose imported value differs from the data's."""
        return [overlap for overlap in self.overlaps if overlap.differs]

    def largest_conflicts(self, count: int = 10) -> list[Overlap]:
        """The `count` conflicts with the largest relative differences, largest first."""
        return sorted(self.conflicts, key=lambda o: -abs(o.change))[:count]


def indicator_key(name: str) -> str:
    original = unicodedata.normalize("NFKC", name).strip()
    text = _BRACKETS.sub("", original)
    parts = [p for p in re.split(r"_+", text) if p.strip() not in _NEUTRAL_PARTS]
    key = re.sub(r"\s+", "", "".join(parts)).casefold()
    if "市辖区" in original and "市辖区" not in key:
        key += "市辖区"  # a scope in brackets still makes it another indicator
    return key


def _catalog_keys(indicators: dict[str, Indicator]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for indicator in indicators.values():
        names = [indicator.id, indicator.label_en, indicator.label_zh]
        names += [f.column for f in indicator.fields]
        for name in names:
            if name:
                keys.setdefault(indicator_key(name), indicator.id)
    return keys


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    return slug or "u" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def merge_import(
    dataset: Dataset, frame: pd.DataFrame, source: Source, replace: bool = False
) -> tuple[Dataset, MergeSummary]:
    """A new Dataset with the imported rows (LONG_COLUMNS frame) added under `source`.

    Without `replace`, no value of `dataset` changes: a catalog indicator whose imported
    values conflict with the data's becomes a separate series (see the module doc).
    Works per distinct name, not per row: an import repeats a few hundred names over
    hundreds of thousands of rows (categorical columns from the importer, or plain text)."""
    summary = MergeSummary(source.id, replace=replace)
    if source.id in dataset.sources:
        raise ValueError(f"source id {source.id!r} is already in the dataset")
    cities = dict(dataset.cities)
    indicators = dict(dataset.indicators)
    city_rows = _city_ids(dataset, frame["city"], cities, summary)
    indicator_rows = _indicator_ids(frame, indicators, source.id, summary)
    matched = {i for i in indicator_rows[1] if i in dataset.indicators}
    overlap_rows, summary.overlaps, conflicted = _overlaps(
        dataset.observations, frame, city_rows, indicator_rows, matched)
    if not replace and summary.overlaps:
        joins = np.asarray([i not in conflicted for i in indicator_rows[1]], dtype=bool)
        equal = overlap_rows[joins[indicator_rows[0][overlap_rows]]]
        if conflicted:
            indicator_rows = _separate(dataset, indicators, indicator_rows, conflicted,
                                       source, summary)
        if len(equal):  # already in the data with these values: keep the data's rows
            keep = np.ones(len(frame), dtype=bool)
            keep[equal] = False
            summary.values_equal = len(equal)
            frame = frame[keep]
            city_rows = (city_rows[0][keep], city_rows[1])
            indicator_rows = (indicator_rows[0][keep], indicator_rows[1])
    combined, summary.values_replaced, summary.duplicates = _combined(
        dataset.observations, frame, source.id, city_rows, indicator_rows)
    summary.values_added = len(frame) - summary.values_dropped
    merged = Dataset(
        combined,
        cities=cities.values(),
        indicators=indicators.values(),
        sources=[*dataset.sources.values(), source],
        groups=dataset.groups.values(),
        series_breaks=dataset.series_breaks,
        suspect_values=dataset.suspect_values,
        register=dataset.register,
    )
    return merged, summary


def _overlaps(existing: pd.DataFrame, frame: pd.DataFrame, city: Coded, indicator: Coded,
              matched: set[str]) -> tuple[np.ndarray, list[Overlap], set[str]]:
    """The imported rows (positions) whose city, indicator and year the data already has,
    one Overlap per such key (its first imported row) in file order, and the indicators
    with a differing value (a later repeat of a key counts too).

    Only catalog indicators can overlap (a new indicator has a new id); keys are compared as
    integer codes, as in _combined, and only the few overlapping rows become objects."""
    none = np.zeros(0, np.intp)
    if not matched or not len(frame):
        return none, [], set()
    existing = existing[existing["indicator_id"].isin(matched)]
    if not len(existing):
        return none, [], set()
    (old_city, new_city), city_labels = _shared([_distinct(existing["city_id"]), city])
    (old_indicator, new_indicator), indicator_labels = _shared(
        [_distinct(existing["indicator_id"]), indicator])
    old_years = existing["year"].to_numpy().astype(np.int64)
    new_years = frame["year"].to_numpy().astype(np.int64)
    years = np.concatenate([old_years, new_years])
    first = int(years.min())
    keys, size = _row_keys([
        (np.concatenate([old_city, new_city]), len(city_labels)),
        (np.concatenate([old_indicator, new_indicator]), len(indicator_labels)),
        (years - first, int(years.max()) - first + 1),
    ])
    old_keys, new_keys = keys[:len(existing)], keys[len(existing):]
    rows = np.flatnonzero(_isin(new_keys, old_keys, size))
    if not len(rows):
        return none, [], set()
    order = np.argsort(old_keys, kind="stable")
    at = order[np.searchsorted(old_keys[order], new_keys[rows])]
    _, firsts = np.unique(new_keys[rows], return_index=True)
    listed = np.sort(firsts)
    old_values = existing["value"].to_numpy()[at[listed]].tolist()
    # only the listed rows become text (astype(str) of a whole column: ~0.1 s at 450k rows)
    old_sources = [str(v) for v in existing["source_id"].iloc[at[listed]].tolist()]
    chosen = rows[listed]
    overlaps = [Overlap(*fields) for fields in zip(
        [city_labels[c] for c in new_city[chosen].tolist()],
        [indicator_labels[i] for i in new_indicator[chosen].tolist()],
        new_years[chosen].tolist(), old_values, old_sources,
        frame["value"].to_numpy()[chosen].astype(float).tolist(),
        frame["source_row"].to_numpy()[chosen].tolist(),
        [str(v) for v in frame["source_column"].iloc[chosen].tolist()], strict=True)]
    differing = rows[frame["value"].to_numpy()[rows] != existing["value"].to_numpy()[at]]
    conflicted = {indicator_labels[i] for i in new_indicator[differing].tolist()}
    return rows, overlaps, conflicted


def _separate(dataset: Dataset, indicators: dict[str, Indicator], indicator: Coded,
              conflicted: set[str], source: Source, summary: MergeSummary) -> Coded:
    """Re-point the imported rows of each `conflicted` catalog indicator to a new indicator of
    their own (added to `indicators`; the catalog's is restored as it was) and record it."""
    taken = set(indicators)
    publisher_en, publisher_zh = source_names(dataset, source)
    renamed: dict[str, str] = {}
    for catalog_id in sorted(conflicted):
        original = dataset.indicators[catalog_id]
        own_fields = tuple(f for f in indicators[catalog_id].fields
                           if f.source_id == source.id)
        indicators[catalog_id] = original
        # named by the file, not the source id, so a project reopened keeps the same id
        new_id = _unique(f"{catalog_id}:{_slug(Path(source.file).stem or source.id)}", taken)
        overlaps = [o for o in summary.overlaps if o.indicator_id == catalog_id]
        differ = sum(o.differs for o in overlaps)
        old_sources = sorted({o.old_source_id for o in overlaps if o.differs})
        named = [dataset.sources[s].publisher_in("en") if s in dataset.sources else s
                 for s in old_sources]
        named_zh = [dataset.sources[s].publisher_in("zh") if s in dataset.sources else s
                    for s in old_sources]
        where = source.file + (f", sheet {source.sheet}" if source.sheet else "")
        where_zh = source.file + (f"，工作表 {source.sheet}" if source.sheet else "")
        note_en = (f"Imported from {where} ({publisher_en}) as a series of its own: {differ} "
                   f"of its values differ from those of {original.label_en} for the same "
                   f"city and year (from {'; '.join(named)}), so the two sources were not "
                   "mixed in one series.")
        note_zh = (f"由 {where_zh}（{publisher_zh}）导入，单列为一个序列：其中{differ}个数值与"
                   f"{original.label_zh or original.label_en}同一城市同一年份的数值"
                   f"（来自{'；'.join(named_zh)}）不同，故两个来源不混入同一序列。")
        indicators[new_id] = dataclasses.replace(
            original, id=new_id,
            label_en=f"{original.label_en} — {publisher_en}",
            label_zh=f"{original.label_zh or original.label_en} — {publisher_zh}",
            fields=own_fields,
            notes_en="\n".join(n for n in (original.notes_en, note_en) if n),
            notes_zh="\n".join(n for n in (original.notes_zh, note_zh) if n))
        summary.separate_series[catalog_id] = new_id
        renamed[catalog_id] = new_id
    return indicator[0], [renamed.get(i, i) for i in indicator[1]]


def source_names(dataset: Dataset, source: Source) -> tuple[str, str]:
    """A short name of where an import comes from, English and Chinese, to name its series:
    the publisher of the bundled source read from a file of the same name (an updated
    download of it), else the imported file's name."""
    for known in dataset.sources.values():
        if known.file and known.file == source.file:
            return _short(known.publisher_in("en")), _short(known.publisher_in("zh"))
    return source.file, source.file


def _short(publisher: str) -> str:
    """'National Bureau of Statistics of China (国家统计局), data.stats.gov.cn' -> its name."""
    return re.split(r"\s*[(（,，]", publisher, maxsplit=1)[0].strip() or publisher


def _city_ids(dataset: Dataset, column: pd.Series, cities: dict[str, City],
              summary: MergeSummary) -> Coded:
    """Each row's city id; names the catalog does not know become cities in `cities`,
    listed in `summary` in the order the file first mentions them."""
    codes, names = _distinct(column)
    codes, first = pd.factorize(codes)  # renumbered in order of first appearance
    taken_city_ids = set(cities)
    ids = []
    for name in [names[code] for code in first.tolist()]:
        if name in cities:
            ids.append(name)
            continue
        known = dataset.lookup.get(name)
        if known is not None:
            ids.append(known.id)
            continue
        city_id = _unique(f"imported-{_slug(name)}", taken_city_ids)
        cities[city_id] = City(
            id=city_id,
            name_en="" if _has_cjk(name) else name,
            name_zh=name if _has_cjk(name) else "",
            kind="imported",
        )
        ids.append(city_id)
        summary.cities_added.append(name)
    return codes, ids


def _indicator_ids(frame: pd.DataFrame, indicators: dict[str, Indicator], source_id: str,
                   summary: MergeSummary) -> Coded:
    """Each row's indicator id, one per distinct (name, unit): matched to the catalog
    (which then lists this source's column) or added to `indicators` as new."""
    names, name_labels = _distinct(frame["indicator"])
    units, unit_labels = _distinct(frame["unit"])
    source_units, source_unit_labels = _distinct(frame["source_unit"])
    unit_pairs, unit_of, source_unit_of = _pairs(units, source_units, len(source_unit_labels))
    rows, name_of, pair_of = _pairs(names, unit_pairs, len(unit_of))
    catalog_keys = _catalog_keys(indicators)
    taken_indicator_ids = set(indicators)
    indicator_ids: dict[tuple[str, str], str] = {}
    ids = []
    for name_code, pair in zip(name_of.tolist(), pair_of.tolist(), strict=True):
        name, unit = name_labels[name_code], unit_labels[unit_of[pair]]
        if (name, unit) not in indicator_ids:  # the first source unit seen names the field
            source_unit = source_unit_labels[source_unit_of[pair]]
            indicator_ids[(name, unit)] = _indicator_id(
                name, unit, source_unit, source_id, indicators, catalog_keys,
                taken_indicator_ids, summary)
        ids.append(indicator_ids[(name, unit)])
    return rows, ids


def _indicator_id(name: str, unit: str, source_unit: str, source_id: str,
                  indicators: dict[str, Indicator], catalog_keys: dict[str, str],
                  taken: set[str], summary: MergeSummary) -> str:
    """The catalog's indicator for `name` when the units agree, else a new one."""
    matched = catalog_keys.get(indicator_key(name))
    if matched and indicators[matched].unit == unit:
        summary.indicators_matched[name] = matched
        indicators[matched] = _with_field(indicators[matched], Field(source_id, name,
                                                                     source_unit))
        return matched
    indicator_id = _unique(f"imported:{_slug(name)}", taken)
    indicators[indicator_id] = _new_indicator(indicator_id, name, unit, source_id, source_unit)
    summary.indicators_added.append(name)
    return indicator_id


def _combined(existing: pd.DataFrame, frame: pd.DataFrame, source_id: str, city: Coded,
              indicator: Coded) -> tuple[pd.DataFrame, int, list[MergeDuplicate]]:
    """The existing rows not replaced, then the imported rows but those repeating an earlier
    one's key, how many existing rows were replaced, and the repeats.

    Ids stay codes into shared labels until the end, so matching rows compares integers
    and the id columns are built as categoricals directly (as astype('category') would)."""
    (old_city, new_city), city_labels = _shared([_distinct(existing["city_id"]), city])
    (old_indicator, new_indicator), indicator_labels = _shared(
        [_distinct(existing["indicator_id"]), indicator])
    (old_source, new_source), source_labels = _shared(
        [_distinct(existing["source_id"]), (np.zeros(len(frame), np.intp), [source_id])])
    old = existing.loc[:, ["year", "value", "source_row"]]
    old["year"] = old["year"].astype("int64")
    old["source_column"] = existing.get("source_column", "")
    new = pd.DataFrame({
        "year": frame["year"].astype("int64"),
        "value": frame["value"].astype(float),
        "source_row": frame["source_row"].astype("int64"),
        "source_column": frame["source_column"].astype(str),
    })
    years = np.concatenate([old["year"].to_numpy(), new["year"].to_numpy()])
    first = int(years.min()) if len(years) else 0
    keys, size = _row_keys([
        (np.concatenate([old_city, new_city]), len(city_labels)),
        (np.concatenate([old_indicator, new_indicator]), len(indicator_labels)),
        (years - first, int(years.max()) - first + 1 if len(years) else 1),
    ])
    kept = ~_isin(keys[:len(old)], keys[len(old):], size)
    members, heads = _repeats(keys[len(old):], size)
    duplicates = _listed(members, heads, new, (new_city, city_labels),
                         (new_indicator, indicator_labels))
    if len(members):
        fresh = np.ones(len(new), dtype=bool)
        fresh[members[members != heads]] = False
        new, new_city, new_indicator, new_source = (
            new[fresh], new_city[fresh], new_indicator[fresh], new_source[fresh])
    combined = pd.concat([old[kept], new], ignore_index=True)
    combined["city_id"] = _categorical(np.concatenate([old_city[kept], new_city]), city_labels)
    combined["indicator_id"] = _categorical(
        np.concatenate([old_indicator[kept], new_indicator]), indicator_labels)
    combined["source_id"] = _categorical(
        np.concatenate([old_source[kept], new_source]), source_labels)
    return combined, int(len(old) - kept.sum()), duplicates


def _repeats(keys: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The rows of every key that more than one row has, grouped by key (groups in order of
    their first row, rows in file order), and each one's group's first row.

    Each row writes its position into its key's slot; a row whose slot then holds another
    position shares its key. ~3 ms for 450k rows (a sort of all keys: 50 ms when shuffled),
    and only the few rows of repeated keys are sorted."""
    none = np.zeros(0, np.intp)
    if size > 2**24:  # keep the table small: renumbered keys are below the row count
        keys, distinct = pd.factorize(keys)
        if len(distinct) == len(keys):
            return none, none
        size = len(distinct)
    position = np.arange(len(keys), dtype=np.int32 if len(keys) < 2**31 else np.int64)
    slot = np.empty(size, dtype=position.dtype)
    slot[keys] = position
    lost = slot[keys] != position
    if not lost.any():
        return none, none
    repeated = np.zeros(size, dtype=bool)
    repeated[keys[lost]] = True
    members = np.flatnonzero(repeated[keys])  # ascending: file order
    members = members[np.argsort(keys[members], kind="stable")]
    starts = np.r_[True, keys[members[1:]] != keys[members[:-1]]]
    heads = members[starts][np.cumsum(starts) - 1]
    order = np.lexsort((members, heads))
    return members[order], heads[order]


def _listed(members: np.ndarray, heads: np.ndarray, new: pd.DataFrame, city: Coded,
            indicator: Coded) -> list[MergeDuplicate]:
    """One MergeDuplicate per repeated key, from `_repeats`; built for those rows only."""
    if not len(members):
        return []
    starts = np.flatnonzero(members == heads)
    kept = members[starts]
    keys = zip([city[1][code] for code in city[0][kept].tolist()],
               [indicator[1][code] for code in indicator[0][kept].tolist()],
               new["year"].to_numpy()[kept].tolist(),
               pairwise([*starts.tolist(), len(members)]), strict=True)
    rows = new["source_row"].to_numpy()[members].tolist()
    columns = new["source_column"].to_numpy()[members].tolist()
    values = new["value"].to_numpy()[members].tolist()
    with collection.paused():  # ~1M tuples for a file read twice: no cycles to find
        cells = list(map(ImportedCell._make, zip(rows, columns, values, strict=True)))
        return list(map(MergeDuplicate._make, (
            (city_id, indicator_id, year, cells[start], tuple(cells[start + 1:end]))
            for city_id, indicator_id, year, (start, end) in keys)))


def _distinct(column: pd.Series) -> Coded:
    """Codes and labels with labels[codes] equal to column.astype(str) (labels distinct, in
    no particular order). A categorical column converts each category once, not each row."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        count = len(column.cat.categories)
        every = pd.Categorical.from_codes(np.arange(-1, count), dtype=column.dtype)
        text = pd.Series(every).astype(str)  # code -1 (missing) first, as astype shows it
        codes, labels = pd.factorize(text, use_na_sentinel=False)
        return codes[column.cat.codes.to_numpy().astype(np.intp) + 1], labels.tolist()
    codes, labels = pd.factorize(column.astype(str), use_na_sentinel=False)
    return codes, labels.tolist()


def _pairs(left: np.ndarray, right: np.ndarray,
           width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Codes of the distinct (left, right) pairs, numbered in order of first appearance,
    and each pair's left and right code. Both are codes of distinct labels, so no more
    than the rows and left * width + right stays far inside int64."""
    codes, keys = pd.factorize(left.astype(np.int64) * width + right)
    return codes, keys // max(width, 1), keys % max(width, 1)


def _row_keys(columns: list[tuple[np.ndarray, int]]) -> tuple[np.ndarray, int]:
    """One int64 per row, equal exactly when each column's code (below its size) is, and
    the size of the keys; renumbered when they would grow past int64."""
    key, size = np.zeros(len(columns[0][0]), np.int64), 1
    for codes, count in columns:
        if size * count >= 2**62:
            key, distinct = pd.factorize(key)
            size = len(distinct)
        key, size = key * count + codes, size * count
    return key, size


def _isin(values: np.ndarray, pool: np.ndarray, size: int) -> np.ndarray:
    """Which of `values` are in `pool` (keys below `size`): a table of flags, ~10x faster
    than a hash look-up; keys are renumbered first when the table would be too big."""
    if size > 2**24:
        codes, distinct = pd.factorize(np.concatenate([pool, values]))
        pool, values, size = codes[:len(pool)], codes[len(pool):], len(distinct)
    seen = np.zeros(size, dtype=bool)
    seen[pool] = True
    return seen[values]


def _shared(parts: list[Coded]) -> tuple[list[np.ndarray], list]:
    """The parts' codes re-pointed into one list of labels, equal labels sharing a code."""
    labels = [label for _, part_labels in parts for label in part_labels]
    where, shared = pd.factorize(np.asarray(labels, dtype=object), use_na_sentinel=False)
    codes, start = [], 0
    for part_codes, part_labels in parts:
        codes.append(where[start:start + len(part_labels)][part_codes])
        start += len(part_labels)
    return codes, shared.tolist()


def _categorical(codes: np.ndarray, labels: list) -> pd.Categorical:
    """labels[codes] as astype('category') makes it: the labels present, sorted, are the
    categories; a missing label stays missing."""
    present = np.bincount(codes, minlength=len(labels)) > 0
    categories = pd.Index(sorted(label for label, used in zip(labels, present, strict=True)
                                 if used and isinstance(label, str)), dtype="str")
    where = categories.get_indexer(pd.Index(labels, dtype=object))
    return pd.Categorical.from_codes(where[codes], dtype=pd.CategoricalDtype(categories))


def _with_field(indicator: Indicator, new_field: Field) -> Indicator:
    return dataclasses.replace(indicator, fields=(*indicator.fields, new_field))


def _new_indicator(indicator_id: str, name: str, unit: str, source_id: str,
                   source_unit: str) -> Indicator:
    known_unit = UNITS.get(unit)
    display = DisplayScale(1, known_unit.label_en if known_unit else unit,
                           known_unit.label_zh if known_unit else unit, 2)
    if unit == "CNY":
        display = DisplayScale(1e8, "亿元", "亿元", 2)
    elif unit == "persons":
        display = DisplayScale(1e4, "万人", "万人", 2)
    elif unit == "percent":
        display = DisplayScale(1, "%", "%", 2)
    return Indicator(
        id=indicator_id,
        label_en=name,
        label_zh=name if _has_cjk(name) else "",
        unit=unit,
        category=IMPORTED_CATEGORY,
        higher_is_better=None,
        display=display,
        fields=(Field(source_id, name, source_unit),),
    )


def user_source(path: Path, number: int, sheet: str = "") -> Source:
    """The Source of the `number`th file a user imports on the command line (the window
    makes its own, with a reading note): named by its file, traced to its full path."""
    return Source(id=f"import-{number}", file=path.name, sheet=sheet,
                  publisher="Imported by the user", publisher_zh="用户导入", title=path.name,
                  origin=str(path))
