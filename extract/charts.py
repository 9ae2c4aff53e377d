"""Altair charts of the claims table: who claims which figure, how figures moved,
and which claims several outlets carried.

Every chart is built from `chart_data` (pure pandas, one row per drawn claim),
so what a chart shows can be tested without drawing it. Each function returns
a chart whose marks all carry the same tooltip: the figure as written, its
unit, the claimant, the date, the outlet and the sentence.

Charts stay under Altair's 5,000-row limit by collapsing identical points and
then sampling (keeping every claimant's lowest and highest figure); the
subtitle says when that happened. Draw one category at a time (see
`views.filter_claims`): troops and percentages do not share an axis.
"""

from __future__ import annotations

from typing import Mapping

import altair as alt
import pandas as pd

MAX_ROWS = 5_000
TOP_CLAIMANTS_BY_ROW = 25
TOP_CLAIMANTS_BY_COLOR = 10
TOP_CORROBORATED = 30
SENTENCE_CHARS = 300
# Open-ended bounds ("up to", "at least") are drawn as an arrow this factor
# away from the bound: a constant length on a log scale, visible on a linear one.
OPEN_BOUND_FACTOR = 2.0
# Figures spanning this ratio (max / min) switch the automatic scale to log.
LOG_SCALE_RATIO = 100.0
DAY_MS = 86_400_000

NO_CLAIMANT = "(outlet's own)"
NO_COUNTRY = "(country unknown)"
NO_OUTLET = "(outlet unknown)"
NO_UNIT = "(unit unknown)"
OTHER_CLAIMANTS = "(other claimants)"
SEVERAL_COUNTRIES = "(several countries)"
GREY_LABELS = frozenset({NO_COUNTRY, OTHER_CLAIMANTS, SEVERAL_COUNTRIES})
PALETTE = ("#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#79706e")
# Above this many points, lines joining repeated claims are noise.
MAX_ROWS_WITH_LINES = 1_000

EXACT, RANGE, AT_MOST, AT_LEAST = "exact", "range", "at most", "at least"
CLAIM_DATE, PUBLISHED, UNDATED = "claim date", "published date", "no date"
SEVERAL_OUTLETS, SINGLE_SOURCE = "several outlets", "single source"

# How a hedge is drawn: stated figures solid, the rest hollow with their own shape.
STYLE_OF_HEDGE: Mapping[str, str] = {
    "asserted": "stated",
    "reported": "stated",
    "estimated": "estimated",
    "projected": "projected",
    "denied": "denied",
}
STYLES = ("stated", "estimated", "projected", "denied", "other hedge")
STYLE_SHAPES = ("circle", "diamond", "square", "cross", "triangle")
STYLE_FILL = (1.0, 0.15, 0.0, 0.0, 0.15)
STYLE_DASH = ([1, 0], [4, 2], [2, 2], [1, 3], [4, 2])

TOOLTIP = (
    alt.Tooltip("surface:N", title="Figure as written"),
    alt.Tooltip("unit_label:N", title="Unit"),
    alt.Tooltip("claimant_label:N", title="Claimant"),
    alt.Tooltip("date_text:N", title="Date"),
    alt.Tooltip("outlet_label:N", title="Outlet"),
    alt.Tooltip("sentence_text:N", title="Sentence"),
    alt.Tooltip("hedge_label:N", title="Hedge"),
)

CHART_COLUMNS = (
    "claim_id", "claim_key", "surface", "unit_label", "category", "claimant_label", "country_label",
    "outlet_label", "sentence_text", "hedge_label", "style", "figure", "bound", "range_low", "range_high",
    "open_to", "has_point", "date", "date_basis", "date_text", "claims",
)


def _text(series: pd.Series, missing: str) -> pd.Series:
    """Strings with blanks and nulls replaced by a visible label."""
    stripped = series.astype("string").str.strip()
    return stripped.mask(stripped.isna() | (stripped == ""), missing).astype(object)


def _truncate(text: pd.Series, limit: int) -> pd.Series:
    text = text.fillna("").astype(str)
    return text.where(text.str.len() <= limit, text.str.slice(0, limit - 1) + "\u2026")


def _bounds(claims: pd.DataFrame) -> pd.DataFrame:
    """Where each claim sits on the figure axis and how its uncertainty is drawn."""
    value = claims["value"].astype("float64")
    low = claims["low"].astype("float64")
    high = claims["high"].astype("float64")
    is_range = low.notna() & high.notna() & (low < high)
    at_most = ~is_range & high.notna() & low.isna()
    at_least = ~is_range & low.notna() & high.isna()
    bound = pd.Series(EXACT, index=claims.index, dtype=object)
    bound[is_range], bound[at_most], bound[at_least] = RANGE, AT_MOST, AT_LEAST
    figure = value.fillna((low + high) / 2).fillna(low).fillna(high)
    figure[at_most] = value[at_most].fillna(high[at_most])
    figure[at_least] = value[at_least].fillna(low[at_least])
    open_to = pd.Series(float("nan"), index=claims.index)
    open_to[at_most] = figure[at_most] / OPEN_BOUND_FACTOR
    open_to[at_least] = figure[at_least] * OPEN_BOUND_FACTOR
    return pd.DataFrame({
        "figure": figure,
        "bound": bound,
        "range_low": low.where(is_range),
        "range_high": high.where(is_range),
        "open_to": open_to,
        # A two-number range has no single figure to mark; its rule carries the tooltip.
        "has_point": value.notna() | at_most | at_least,
    })


def _dates(claims: pd.DataFrame) -> pd.DataFrame:
    claim_date = pd.to_datetime(claims["claim_date"])
    published = pd.to_datetime(claims["published"])
    date = claim_date.fillna(published)
    basis = pd.Series(UNDATED, index=claims.index, dtype=object)
    basis[published.notna()] = PUBLISHED
    basis[claim_date.notna()] = CLAIM_DATE
    text = date.dt.strftime("%Y-%m-%d").fillna("")
    text = text.where(basis != PUBLISHED, text + " (published)")
    return pd.DataFrame({"date": date, "date_basis": basis, "date_text": text.where(basis != UNDATED, "(no date)")})


def _group_minor_claimants(data: pd.DataFrame, top: int) -> pd.DataFrame:
    """Keep the `top` claimants with most claims; fold the rest into one label."""
    ranked = data["claimant_label"].value_counts(sort=True)
    if len(ranked) <= top:
        return data
    keep = set(ranked.index[: top - 1])
    minor = ~data["claimant_label"].isin(keep)
    data = data.copy()
    data.loc[minor, "claimant_label"] = OTHER_CLAIMANTS
    data.loc[minor, "country_label"] = SEVERAL_COUNTRIES
    return data


def _limit_rows(data: pd.DataFrame, max_rows: int) -> pd.DataFrame:
    """At most `max_rows` rows: identical points merged, then a seeded sample
    that keeps each claimant's lowest and highest figure."""
    if len(data) <= max_rows:
        return data
    drawn = ["claimant_label", "figure", "bound", "range_low", "range_high", "style", "unit_label", "date", "date_basis"]
    merged = (
        data.assign(_order=range(len(data)))
        .groupby(drawn, dropna=False, sort=False)
        .agg({**{column: "first" for column in data.columns if column not in drawn}, "_order": "first", "claims": "sum"})
        .reset_index()
        .sort_values("_order")
        .drop(columns="_order")
        .reset_index(drop=True)
    )
    if len(merged) <= max_rows:
        merged.attrs["reduced"] = "identical points merged"
        return merged[list(data.columns)]
    by_figure = merged["figure"].fillna(float("-inf"))
    extremes = set(by_figure.groupby(merged["claimant_label"]).idxmin()) | set(by_figure.groupby(merged["claimant_label"]).idxmax())
    extremes = sorted(extremes)[:max_rows]
    rest = merged.drop(index=extremes)
    sample = rest.sample(n=max_rows - len(extremes), random_state=0)
    kept = merged.loc[sorted([*extremes, *sample.index])].reset_index(drop=True)[list(data.columns)]
    kept.attrs["reduced"] = "identical points merged, the rest sampled; each claimant's extremes kept"
    return kept


def chart_data(claims: pd.DataFrame, *, top_claimants: int | None = TOP_CLAIMANTS_BY_ROW,
               max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """The claims table as the charts draw it, one row per drawn claim.

    Adds labels for missing values (a claim with no claimant is the outlet's
    own), the position on the figure axis and the kind of bound, the date used
    (claim date, else published, with `date_basis` saying which), and the
    truncated sentence for tooltips. Claims with no figure at all are dropped.

    Args:
        claims: a claims table (`table.SCHEMA` columns).
        top_claimants: claimants kept by name (most claims first); the rest
            become "(other claimants)". None keeps all.
        max_rows: above this many rows, identical points are merged (`claims`
            counts them) and then a seeded sample keeps each claimant's extremes.

    Returns:
        A frame with `CHART_COLUMNS`; `attrs["total"]` is the number of claims
        with a figure, `attrs["shown"]` the number of rows kept and
        `attrs["reduced"]` how they were reduced ("" when they were not).
    """
    hedge = _text(claims["hedge"], "asserted")
    data = pd.DataFrame({
        "claim_id": claims["claim_id"].astype(object),
        "claim_key": _text(claims["claim_key"], "").where(claims["claim_key"].notna(), claims["claim_id"]).astype(object),
        "surface": _text(claims["surface"], ""),
        "unit_label": _text(claims["unit"], NO_UNIT),
        "category": _text(claims["category"], "other"),
        "claimant_label": _text(claims["claimant"], NO_CLAIMANT),
        "country_label": _text(claims["claimant_country"], NO_COUNTRY),
        "outlet_label": _text(claims["outlet"], NO_OUTLET).where(claims["outlet"].notna(), _text(claims["file"], NO_OUTLET)),
        "sentence_text": _truncate(claims["sentence"], SENTENCE_CHARS),
        "hedge_label": hedge,
        "style": hedge.str.lower().map(lambda name: STYLE_OF_HEDGE.get(name, "other hedge")),
    }, index=claims.index)
    data = pd.concat([data, _bounds(claims), _dates(claims)], axis=1)
    data["claims"] = 1
    data = data[data["figure"].notna()].reset_index(drop=True)
    total = len(data)
    if top_claimants is not None:
        data = _group_minor_claimants(data, top_claimants)
    limited = _limit_rows(data, max_rows)
    data = limited[list(CHART_COLUMNS)]
    data.attrs.update(total=total, shown=len(data), reduced=limited.attrs.get("reduced", ""))
    return data


def wants_log_scale(figures: pd.Series) -> bool:
    """Whether positive figures span orders of magnitude (max / min >= LOG_SCALE_RATIO)."""
    positive = figures[figures > 0]
    return bool(len(positive) > 1 and positive.max() / positive.min() >= LOG_SCALE_RATIO)


def claimant_order(data: pd.DataFrame) -> list[str]:
    """Claimants grouped by country, countries by their highest figure, claimants
    within a country by their median figure (highest first); labels for missing
    claimants or countries last."""
    if data.empty:
        return []
    placeholders = {NO_COUNTRY, SEVERAL_COUNTRIES}
    stats = data.groupby(["country_label", "claimant_label"])["figure"].median().rename("median").reset_index()
    country_top = data.groupby("country_label")["figure"].max()
    stats["country_top"] = stats["country_label"].map(country_top)
    stats["placeholder"] = stats["country_label"].isin(placeholders) | stats["claimant_label"].isin({NO_CLAIMANT, OTHER_CLAIMANTS})
    stats = stats.sort_values(["placeholder", "country_top", "country_label", "median", "claimant_label"],
                              ascending=[True, False, True, False, True], kind="stable")
    return list(dict.fromkeys(stats["claimant_label"]))


def _subtitle(data: pd.DataFrame, *notes: str) -> list[str]:
    total, shown = data.attrs.get("total", len(data)), data.attrs.get("shown", len(data))
    lines = [f"{total:,} claim{'s' if total != 1 else ''}"]
    if shown < total:
        lines[0] += f"; drawing {shown:,} points ({data.attrs.get('reduced', 'reduced')})"
    return [*lines, *(note for note in notes if note)]


def _figure_title(data: pd.DataFrame) -> str:
    units = data["unit_label"].value_counts().index.tolist()
    listed = ", ".join(units[:3]) + (", ..." if len(units) > 3 else "")
    return f"Figure ({listed})" if listed else "Figure"


def empty_chart(message: str, *, title: str = "") -> alt.Chart:
    """A chart that says there is nothing to draw, so reports never show a blank."""
    return (
        alt.Chart(pd.DataFrame({"message": [message]}), title=title or alt.Undefined)
        .mark_text(fontSize=14, color="#555")
        .encode(text="message:N", tooltip=[alt.Tooltip("message:N", title="Note")])
        .properties(width=480, height=60)
    )


def _scale(data: pd.DataFrame, log_scale: bool | None) -> tuple[pd.DataFrame, alt.Scale, str]:
    use_log = wants_log_scale(data["figure"]) if log_scale is None else log_scale
    if not use_log:
        return data, alt.Scale(zero=False, nice=True, padding=12), ""
    kept = data[data["figure"] > 0]
    kept.attrs.update(data.attrs)
    dropped = len(data) - len(kept)
    note = f"log scale; {dropped} figure(s) of zero or less not drawn" if dropped else "log scale"
    return kept, alt.Scale(type="log", padding=12), note


def _colour(field: str, title: str, labels: list[str]) -> tuple[alt.Color, alt.Stroke]:
    """Fill and outline in the same colour, so hollow (hedged) points stay visible;
    the placeholder labels (other claimants, unknown country) in grey."""
    named = [label for label in labels if label not in GREY_LABELS]
    greys = [label for label in labels if label in GREY_LABELS]
    palette = [PALETTE[index % len(PALETTE)] for index in range(len(named))]
    scale = alt.Scale(domain=[*named, *greys], range=[*palette, *(["#aaaaaa"] * len(greys))])
    # Same field and title: Vega-Lite merges the two into one legend.
    return alt.Color(field, title=title, scale=scale), alt.Stroke(field, title=title, scale=scale)


def _grey_first(data: pd.DataFrame, column: str) -> pd.DataFrame:
    """Placeholder groups drawn first, so named claimants stay on top."""
    ordered = data.sort_values(column, key=lambda labels: ~labels.isin(GREY_LABELS), kind="stable")
    ordered.attrs.update(data.attrs)
    return ordered.reset_index(drop=True)


def _marker_size(rows: int) -> int:
    """Smaller points as they get denser, so overlaps stay readable."""
    return 90 if rows <= 200 else 40 if rows <= 1_000 else 14


def _fill_legend(title: str, filled: str) -> alt.Legend:
    """A shape legend that names the fill: Vega-Lite does not draw a fillOpacity
    scale into the symbols of a merged legend, so the labels say it."""
    return alt.Legend(title=title, labelExpr=f"datum.label + (datum.label == '{filled}' ? ' (filled)' : ' (hollow)')")


def _style_encodings() -> dict[str, alt.FieldChannelMixin]:
    return {
        "shape": alt.Shape("style:N", legend=_fill_legend("Hedge", "stated"),
                           scale=alt.Scale(domain=list(STYLES), range=list(STYLE_SHAPES))),
        "fillOpacity": alt.FillOpacity("style:N", sort=list(STYLES), legend=None,
                                       scale=alt.Scale(type="ordinal", domain=list(STYLES), range=list(STYLE_FILL))),
    }


def _present(data: pd.DataFrame, *, ranges: alt.Chart, open_rules: alt.Chart, arrows: list[alt.Chart]) -> list[alt.Chart]:
    """The uncertainty layers that have something to draw (an empty layer makes
    Vega warn about an infinite extent)."""
    at_most, at_least = (data["bound"] == AT_MOST).any(), (data["bound"] == AT_LEAST).any()
    return [
        *([ranges] if (data["bound"] == RANGE).any() else []),
        *([open_rules] if at_most or at_least else []),
        *([arrows[0]] if at_most else []),
        *([arrows[1]] if at_least else []),
    ]


def estimates_by_claimant(claims: pd.DataFrame, *, log_scale: bool | None = None, title: str = "Estimates by claimant",
                          top_claimants: int = TOP_CLAIMANTS_BY_ROW) -> alt.LayerChart | alt.Chart:
    """Each claim a point on one row per claimant, ranges as rules, open bounds as arrows.

    Rows are grouped by the claimant's country (colour) and sorted so that
    differences stand out (`claimant_order`). Stated figures are filled
    circles; estimated, projected and denied ones hollow shapes with dashed rules.

    Args:
        claims: a claims table, ideally of one category.
        log_scale: True or False to force; None picks log when figures span
            orders of magnitude.
        title: the chart title.
        top_claimants: rows kept by name; other claimants share one row.
    """
    data = chart_data(claims, top_claimants=top_claimants)
    if data.empty:
        return empty_chart("No claims with a figure to draw.", title=title)
    data, scale, note = _scale(data, log_scale)
    order = claimant_order(data)
    x_title = _figure_title(data)
    figure_axis = alt.Axis(labelOverlap="greedy", tickCount=8)
    y = alt.Y("claimant_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    data = _grey_first(data, "country_label")
    countries = data.groupby("country_label")["figure"].max().sort_values(ascending=False).index.tolist()
    color, stroke = _colour("country_label:N", "Claimant's country", countries)
    size = _marker_size(len(data))
    tooltip = list(TOOLTIP)
    base = alt.Chart(data)
    ranges = base.transform_filter(alt.datum.bound == RANGE).mark_rule(strokeWidth=3, opacity=0.7).encode(
        x=alt.X("range_low:Q", scale=scale, title=x_title, axis=figure_axis), x2="range_high:Q", y=y, color=color,
        strokeDash=alt.StrokeDash("style:N", legend=_fill_legend("Hedge", "stated"),
                                  scale=alt.Scale(domain=list(STYLES), range=list(STYLE_DASH))),
        tooltip=tooltip)
    open_rules = base.transform_filter(alt.datum.bound != RANGE).transform_filter(alt.datum.bound != EXACT).mark_rule(
        strokeDash=[3, 2], strokeWidth=1.5).encode(
        x=alt.X("figure:Q", scale=scale, title=x_title, axis=figure_axis), x2="open_to:Q", y=y, color=color, tooltip=tooltip)
    arrows = [
        base.transform_filter(alt.datum.bound == bound).mark_point(shape=shape, filled=True, size=size * 2 // 3).encode(
            x=alt.X("open_to:Q", scale=scale, title=x_title, axis=figure_axis), y=y, color=color, tooltip=tooltip)
        for bound, shape in ((AT_MOST, "triangle-left"), (AT_LEAST, "triangle-right"))
    ]
    points = base.transform_filter(alt.datum.has_point).mark_point(filled=True, size=size, strokeWidth=1.5, opacity=0.9).encode(
        x=alt.X("figure:Q", scale=scale, title=x_title, axis=figure_axis), y=y, color=color, stroke=stroke, tooltip=tooltip,
        **_style_encodings())
    height = max(60, 24 * len(order))
    legend_note = "rules: ranges; arrows: open-ended bounds (up to / at least); hollow: hedged"
    return alt.layer(*_present(data, ranges=ranges, open_rules=open_rules, arrows=arrows), points).properties(
        title=alt.Title(title, subtitle=_subtitle(data, note, legend_note)), width=560, height=height)


def estimates_over_time(claims: pd.DataFrame, *, log_scale: bool | None = None, title: str = "Estimates over time",
                        top_claimants: int = TOP_CLAIMANTS_BY_COLOR) -> alt.LayerChart | alt.Chart:
    """Figures against the date they were claimed, one coloured series per claimant.

    x is the claim date, or the article's publication date when the claim
    carries none (drawn as a hollow square). Ranges are vertical rules, open
    bounds arrows; a thin line joins the same claim reported on several dates.
    Clicking a claimant in the legend (or a point) highlights it.

    Args:
        claims: a claims table, ideally of one category.
        log_scale: True or False to force; None picks log when figures span
            orders of magnitude.
        title: the chart title.
        top_claimants: claimants coloured by name; the rest share one colour.
    """
    dated = claims["claim_date"].notna() | claims["published"].notna()
    undated = int((~dated).sum())
    data = chart_data(claims[dated], top_claimants=top_claimants)
    if data.empty:
        return empty_chart("No dated claims with a figure to draw.", title=title)
    data, scale, note = _scale(data, log_scale)
    undated_note = f"{undated} claim(s) without any date not drawn" if undated else ""
    highlight = alt.selection_point(name="claimant", fields=["claimant_label"], bind="legend", on="click")
    opacity = alt.when(highlight).then(alt.value(0.95)).otherwise(alt.value(0.12))
    x = alt.X("date:T", title="Date of the claim (hollow squares: date published)", scale=alt.Scale(padding=16),
              axis=alt.Axis(format="%Y-%m-%d", labelAngle=-30, tickMinStep=DAY_MS))
    y_title = _figure_title(data)
    data = _grey_first(data, "claimant_label")
    color, stroke = _colour("claimant_label:N", "Claimant", data["claimant_label"].value_counts().index.tolist())
    size = _marker_size(len(data))
    tooltip = list(TOOLTIP)
    base = alt.Chart(data)
    # A line joins the same claim (claim key) reported on different dates. Joining a
    # claimant's different figures would draw a trend between things counted differently.
    repeats = base.transform_filter(alt.datum.has_point).mark_line(strokeWidth=1.5).encode(
        x=x, y=alt.Y("figure:Q", scale=scale, title=y_title), color=color, detail="claim_key:N",
        opacity=alt.when(highlight).then(alt.value(0.5)).otherwise(alt.value(0.05)), tooltip=tooltip)
    ranges = base.transform_filter(alt.datum.bound == RANGE).mark_rule(strokeWidth=3).encode(
        x=x, y=alt.Y("range_low:Q", scale=scale, title=y_title), y2="range_high:Q", color=color, opacity=opacity, tooltip=tooltip)
    open_rules = base.transform_filter(alt.datum.bound != RANGE).transform_filter(alt.datum.bound != EXACT).mark_rule(
        strokeDash=[3, 2], strokeWidth=1.5).encode(
        x=x, y=alt.Y("figure:Q", scale=scale, title=y_title), y2="open_to:Q", color=color, opacity=opacity, tooltip=tooltip)
    arrows = [
        base.transform_filter(alt.datum.bound == bound).mark_point(shape=shape, filled=True, size=size * 2 // 3).encode(
            x=x, y=alt.Y("open_to:Q", scale=scale, title=y_title), color=color, opacity=opacity, tooltip=tooltip)
        for bound, shape in ((AT_MOST, "triangle-down"), (AT_LEAST, "triangle-up"))
    ]
    points = base.transform_filter(alt.datum.has_point).mark_point(filled=True, size=size, strokeWidth=1.5).encode(
        x=x, y=alt.Y("figure:Q", scale=scale, title=y_title), color=color, stroke=stroke, opacity=opacity,
        tooltip=tooltip,
        shape=alt.Shape("date_basis:N", legend=_fill_legend("Date", CLAIM_DATE),
                        scale=alt.Scale(domain=[CLAIM_DATE, PUBLISHED], range=["circle", "square"])),
        fillOpacity=alt.FillOpacity("date_basis:N", sort=[CLAIM_DATE, PUBLISHED], legend=None,
                                    scale=alt.Scale(type="ordinal", domain=[CLAIM_DATE, PUBLISHED], range=[1.0, 0.0])),
    ).add_params(highlight)
    legend_note = "click a claimant in the legend to highlight it; lines: the same claim repeated; rules: ranges; arrows: open-ended bounds"
    lines = [repeats] if len(data) <= MAX_ROWS_WITH_LINES and data["claim_key"].duplicated().any() else []
    return alt.layer(*lines, *_present(data, ranges=ranges, open_rules=open_rules, arrows=arrows), points).properties(
        title=alt.Title(title, subtitle=_subtitle(data, note, undated_note, legend_note)), width=620, height=340)


def corroboration_data(claims: pd.DataFrame, *, top: int | None = TOP_CORROBORATED) -> pd.DataFrame:
    """One row per claim key: how many distinct outlets and articles carried it.

    Args:
        claims: a claims table.
        top: rows kept, most outlets first; None keeps all.

    Returns:
        Columns `claim_key`, `label` (unique, for the axis), `outlets`,
        `mentions`, `support` ("several outlets" or "single source") and the
        tooltip fields; `attrs` holds `total`, `corroborated` and `shown`.
    """
    data = chart_data(claims, top_claimants=None, max_rows=max(len(claims), 1))
    if data.empty:
        frame = pd.DataFrame(columns=["claim_key", "label", "outlets", "mentions", "support", *[t.field for t in TOOLTIP]])
        frame.attrs.update(total=0, corroborated=0, shown=0)
        return frame
    grouped = data.groupby("claim_key", sort=False)
    frame = pd.DataFrame({
        "outlets": grouped["outlet_label"].nunique(),
        "mentions": grouped.size(),
        "figure": grouped["figure"].first(),
        "surface": grouped["surface"].agg(lambda texts: texts.value_counts().index[0]),
        "unit_label": grouped["unit_label"].first(),
        "claimant_label": grouped["claimant_label"].first(),
        "date_text": grouped["date_text"].min(),
        "outlet_label": grouped["outlet_label"].agg(lambda names: "; ".join(sorted(set(names)))),
        "sentence_text": grouped["sentence_text"].first(),
        "hedge_label": grouped["hedge_label"].first(),
    }).reset_index()
    frame["outlet_label"] = _truncate(frame["outlet_label"], SENTENCE_CHARS)
    frame["support"] = frame["outlets"].map(lambda count: SEVERAL_OUTLETS if count > 1 else SINGLE_SOURCE)
    frame = frame.sort_values(["outlets", "mentions", "figure"], ascending=False, kind="stable").reset_index(drop=True)
    label = frame["claimant_label"] + ": " + frame["surface"] + " " + frame["unit_label"].where(frame["unit_label"] != NO_UNIT, "")
    label = label.str.strip()
    repeat = label.groupby(label).cumcount()
    frame["label"] = label.where(repeat == 0, label + " (" + (repeat + 1).astype(str) + ")")
    total, corroborated = len(frame), int((frame["outlets"] > 1).sum())
    if top is not None:
        frame = frame.head(top).copy()
    frame.attrs.update(total=total, corroborated=corroborated, shown=len(frame))
    return frame


def _count_axis(largest: int) -> alt.Axis:
    """Whole-number ticks only: half an outlet means nothing."""
    if largest <= 10:
        return alt.Axis(values=list(range(largest + 1)), format="d")
    return alt.Axis(format="d", tickMinStep=1)


def corroboration(claims: pd.DataFrame, *, top: int = TOP_CORROBORATED,
                  title: str = "Corroboration: outlets carrying each claim") -> alt.LayerChart | alt.Chart:
    """A bar per claim key: the number of distinct outlets that carried it.

    Claims carried by several outlets are coloured apart from single-source
    ones; the most widely carried come first, at most `top` of them.
    """
    data = corroboration_data(claims, top=top)
    if data.empty:
        return empty_chart("No claims to compare across outlets.", title=title)
    total, corroborated = data.attrs["total"], data.attrs["corroborated"]
    subtitle = [f"{total:,} distinct claim(s): {corroborated:,} carried by several outlets, {total - corroborated:,} single-source"]
    if len(data) < total:
        subtitle.append(f"showing the {len(data)} most widely carried")
    order = data["label"].tolist()
    tooltip = [*TOOLTIP, alt.Tooltip("outlets:Q", title="Distinct outlets"), alt.Tooltip("mentions:Q", title="Articles")]
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)), tooltip=tooltip)
    bars = base.mark_bar().encode(
        x=alt.X("outlets:Q", title="Distinct outlets carrying the claim", axis=_count_axis(int(data["outlets"].max()))),
        color=alt.Color("support:N", title="Support", scale=alt.Scale(domain=[SEVERAL_OUTLETS, SINGLE_SOURCE], range=["#1f77b4", "#bbbbbb"])))
    counts = base.mark_text(align="left", dx=4, color="#333").encode(x="outlets:Q", text="mentions:Q")
    return alt.layer(bars, counts).properties(
        title=alt.Title(title, subtitle=[*subtitle, "numbers at the bar ends: articles mentioning the claim"]),
        width=420, height=max(60, 22 * len(data)))


def vegalite_version() -> str:
    """The Vega-Lite version Altair writes, as vl-convert names it ("v6.4")."""
    major, minor, *_ = alt.SCHEMA_VERSION.lstrip("v").split(".")
    return f"v{major}.{minor}"


def notebook_mimebundle(spec: dict, **_: object) -> tuple[dict, dict]:
    """An Altair renderer: the chart compiled to Vega for JupyterLab's built-in,
    offline Vega renderer, plus the Vega-Lite spec for the report builder."""
    import vl_convert

    vega_spec = vl_convert.vegalite_to_vega(spec, vl_version=vegalite_version())
    # JupyterLab ships Vega 5; the compiled spec is compatible, the schema URL is not.
    vega_spec["$schema"] = "https://vega.github.io/schema/vega/v5.json"
    title = spec.get("title")
    title = title.get("text") if isinstance(title, Mapping) else title
    bundle = {
        VEGA_MIMETYPE: vega_spec,
        VEGALITE_MIMETYPE: spec,
        "text/plain": f"<chart: {title or 'untitled'}>",
    }
    return bundle, {VEGA_MIMETYPE: {"embed_options": {"actions": False}}}


VEGA_MIMETYPE = "application/vnd.vega.v5+json"
VEGALITE_MIMETYPE = "application/vnd.vegalite.v6+json"
RENDERER = "claims_offline"


def enable_notebook_renderer() -> None:
    """Display charts in notebooks without loading anything from the network.

    Altair's default renderer writes HTML that loads Vega from a CDN (blank
    offline) and embeds the data unescaped inside a script element. This one
    hands JupyterLab a Vega spec for its bundled renderer instead.
    """
    alt.renderers.register(RENDERER, notebook_mimebundle)
    alt.renderers.enable(RENDERER)

