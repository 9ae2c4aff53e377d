"""Chart specs on `to_dict()`: marks, encodings and their types, tooltips; and
the pure-pandas preparation behind them."""

from __future__ import annotations

import pandas as pd
import pytest

from extract import charts
from extract.table import claims_frame, empty_claims

TOOLTIP_FIELDS = {"surface", "unit_label", "claimant_label", "date_text", "outlet_label", "sentence_text"}


def layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def mark_type(layer: dict) -> str:
    mark = layer["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def tooltip_fields(layer: dict) -> set[str]:
    return {item["field"] for item in layer["encoding"]["tooltip"]}


def dataset_rows(spec: dict) -> int:
    (rows,) = spec["datasets"].values()
    return len(rows)


def by_mark(spec: dict, kind: str, shape: str | None = None) -> list[dict]:
    return [layer for layer in layers(spec) if mark_type(layer) == kind
            and (shape is None or layer["mark"].get("shape") == shape)]


# ---- chart_data: what the charts draw -------------------------------------------------------

@pytest.mark.parametrize(("fields", "bound", "figure", "open_to", "has_point"), [
    ({"value": 2600.0}, charts.EXACT, 2600.0, None, True),
    ({"value": 6000.0, "high": 6000.0, "qualifier": "up to"}, charts.AT_MOST, 6000.0, 3000.0, True),
    ({"value": 1000.0, "low": 1000.0, "qualifier": "at least"}, charts.AT_LEAST, 1000.0, 2000.0, True),
    ({"low": 10000.0}, charts.AT_LEAST, 10000.0, 20000.0, True),  # "tens of thousands"
    ({"low": 1500.0, "high": 3000.0}, charts.RANGE, 2250.0, None, False),
])
def test_chart_data_bounds(fields: dict, bound: str, figure: float, open_to: float | None, has_point: bool) -> None:
    data = charts.chart_data(claims_frame([{"claim_id": "x", "doc_id": "d", "char_start": 0, "surface": "n", **fields}]))
    row = data.iloc[0]
    assert (row["bound"], row["figure"], bool(row["has_point"])) == (bound, figure, has_point)
    assert (pd.isna(row["open_to"]) if open_to is None else row["open_to"] == open_to)
    if bound == charts.RANGE:
        assert (row["range_low"], row["range_high"]) == (1500.0, 3000.0)


def test_chart_data_labels_and_dates(sample_claims: pd.DataFrame) -> None:
    data = charts.chart_data(sample_claims).set_index("claim_id")
    assert data.loc["c-99", "claimant_label"] == charts.NO_CLAIMANT
    assert data.loc["c-99", "country_label"] == charts.NO_COUNTRY
    assert data.loc["a-10", "date_basis"] == charts.CLAIM_DATE
    assert data.loc["a-10", "date_text"] == "2024-10-23"
    assert data.loc["c-99", "date_basis"] == charts.PUBLISHED
    assert data.loc["c-99", "date_text"] == "2024-10-19 (published)"
    assert data.loc["d-50", "date_basis"] == charts.UNDATED
    assert data.loc["b-70", "style"] == "estimated"
    assert data.loc["a-90", "style"] == "projected"
    assert data.loc["a-150", "style"] == "stated"  # reported counts as stated
    assert data.attrs == {"total": len(sample_claims), "shown": len(sample_claims), "reduced": ""}


def test_chart_data_drops_claims_without_figure_and_truncates_sentences() -> None:
    long_sentence = "word " * 200
    claims = claims_frame([
        {"claim_id": "a", "doc_id": "d", "char_start": 0, "surface": "some", "sentence": long_sentence},
        {"claim_id": "b", "doc_id": "d", "char_start": 5, "surface": "5", "value": 5.0, "sentence": long_sentence},
    ])
    data = charts.chart_data(claims)
    assert data["claim_id"].tolist() == ["b"]
    assert len(data.loc[0, "sentence_text"]) == charts.SENTENCE_CHARS
    assert data.loc[0, "sentence_text"].endswith("\u2026")


def test_chart_data_folds_minor_claimants(many_claims: pd.DataFrame) -> None:
    data = charts.chart_data(many_claims, top_claimants=5, max_rows=len(many_claims))
    assert data["claimant_label"].nunique() == 5
    assert charts.OTHER_CLAIMANTS in set(data["claimant_label"])


def test_chart_data_limits_rows_keeping_extremes(many_claims: pd.DataFrame) -> None:
    data = charts.chart_data(many_claims, top_claimants=None)
    assert len(data) <= charts.MAX_ROWS
    assert data.attrs["total"] == len(many_claims) and data.attrs["shown"] == len(data)
    assert data.attrs["reduced"].endswith("each claimant's extremes kept")
    full = charts.chart_data(many_claims, top_claimants=None, max_rows=len(many_claims))
    for claimant, figures in full.groupby("claimant_label")["figure"]:
        kept = data.loc[data["claimant_label"] == claimant, "figure"]
        assert kept.min() == figures.min() and kept.max() == figures.max()


def test_identical_points_are_merged_before_sampling(sample_claims: pd.DataFrame) -> None:
    repeated = pd.concat([sample_claims] * 3, ignore_index=True)
    data = charts.chart_data(repeated, max_rows=len(sample_claims))
    assert len(data) == len(sample_claims) and set(data["claims"]) == {3}
    assert data.attrs["reduced"] == "identical points merged"


def test_limit_rows_is_deterministic(many_claims: pd.DataFrame) -> None:
    first = charts.chart_data(many_claims)
    assert first.equals(charts.chart_data(many_claims))


def test_claimant_order_groups_by_country_and_puts_placeholders_last(sample_claims: pd.DataFrame) -> None:
    personnel = sample_claims[sample_claims["category"] == "personnel"]
    order = charts.claimant_order(charts.chart_data(personnel))
    assert order[0] == "National Intelligence Service"  # South Korea has the highest figure
    assert order[-1] == charts.NO_CLAIMANT


@pytest.mark.parametrize(("figures", "expected"), [([10, 20, 30], False), ([4, 12000], True), ([0, 5], False), ([7], False)])
def test_wants_log_scale(figures: list[float], expected: bool) -> None:
    assert charts.wants_log_scale(pd.Series(figures, dtype=float)) is expected


# ---- estimates by claimant -----------------------------------------------------------------

def test_by_claimant_spec(sample_claims: pd.DataFrame) -> None:
    spec = charts.estimates_by_claimant(sample_claims[sample_claims["category"] == "personnel"]).to_dict()
    assert {mark_type(layer) for layer in layers(spec)} == {"rule", "point"}
    (points,) = [layer for layer in by_mark(spec, "point") if "shape" in layer["encoding"]]
    encoding = points["encoding"]
    assert (encoding["x"]["field"], encoding["x"]["type"]) == ("figure", "quantitative")
    assert (encoding["y"]["field"], encoding["y"]["type"]) == ("claimant_label", "nominal")
    assert encoding["y"]["sort"][-1] == charts.NO_CLAIMANT
    assert (encoding["color"]["field"], encoding["color"]["type"]) == ("country_label", "nominal")
    assert encoding["shape"]["field"] == "style" and encoding["fillOpacity"]["field"] == "style"
    assert encoding["shape"]["scale"]["domain"] == list(charts.STYLES)
    (ranges,) = [layer for layer in by_mark(spec, "rule") if "strokeDash" in layer["encoding"]]
    assert (ranges["encoding"]["x"]["field"], ranges["encoding"]["x2"]["field"]) == ("range_low", "range_high")
    assert len(by_mark(spec, "point", "triangle-left")) == 1 and len(by_mark(spec, "point", "triangle-right")) == 1
    for layer in layers(spec):
        assert TOOLTIP_FIELDS <= tooltip_fields(layer), mark_type(layer)


def test_by_claimant_log_scale(sample_claims: pd.DataFrame) -> None:
    spec = charts.estimates_by_claimant(sample_claims, log_scale=True).to_dict()
    (points,) = [layer for layer in by_mark(spec, "point") if "shape" in layer["encoding"]]
    assert points["encoding"]["x"]["scale"]["type"] == "log"
    linear = charts.estimates_by_claimant(sample_claims, log_scale=False).to_dict()
    assert "type" not in layers(linear)[-1]["encoding"]["x"]["scale"]


# ---- estimates over time ---------------------------------------------------------------------

def test_over_time_spec(sample_claims: pd.DataFrame) -> None:
    spec = charts.estimates_over_time(sample_claims[sample_claims["category"] == "personnel"]).to_dict()
    kinds = [mark_type(layer) for layer in layers(spec)]
    assert {"line", "rule", "point"} == set(kinds)
    (repeats,) = by_mark(spec, "line")  # joins one claim across dates, never a claimant's different figures
    assert repeats["encoding"]["detail"]["field"] == "claim_key"
    (points,) = [layer for layer in by_mark(spec, "point") if "shape" in layer["encoding"]]
    encoding = points["encoding"]
    assert (encoding["x"]["field"], encoding["x"]["type"]) == ("date", "temporal")
    assert (encoding["y"]["field"], encoding["y"]["type"]) == ("figure", "quantitative")
    assert (encoding["color"]["field"], encoding["color"]["type"]) == ("claimant_label", "nominal")
    assert encoding["shape"]["field"] == "date_basis"
    assert encoding["shape"]["scale"]["domain"] == [charts.CLAIM_DATE, charts.PUBLISHED]
    (param,) = spec["params"]  # Altair lifts a layer's selection to the top, naming its view
    assert param["select"] == {"type": "point", "fields": ["claimant_label"], "on": "click"} and param["bind"] == "legend"
    assert param["views"] == [points["name"]]
    for layer in layers(spec):
        assert TOOLTIP_FIELDS <= tooltip_fields(layer), mark_type(layer)
        conditions = layer["encoding"]["opacity"]["condition"]  # highlighted where the selection holds
        assert [condition["param"] for condition in conditions] == [param["name"]]
    assert any("without any date" in line for line in spec["title"]["subtitle"])


def test_over_time_leaves_out_undated_claims(sample_claims: pd.DataFrame) -> None:
    spec = charts.estimates_over_time(sample_claims).to_dict()
    (rows,) = spec["datasets"].values()
    assert all(row["date_basis"] != charts.UNDATED for row in rows)


# ---- corroboration -------------------------------------------------------------------------

def test_corroboration_data(sample_claims: pd.DataFrame) -> None:
    data = charts.corroboration_data(sample_claims)
    top = data.iloc[0]
    assert (top["claimant_label"], top["outlets"], top["mentions"], top["support"]) == (
        "National Intelligence Service", 2, 2, charts.SEVERAL_OUTLETS)
    assert top["outlet_label"] == "POLITICO; Times"
    assert data["label"].is_unique
    assert data.attrs["corroborated"] == 1 and data.attrs["total"] == len(data)


def test_corroboration_spec(sample_claims: pd.DataFrame) -> None:
    spec = charts.corroboration(sample_claims).to_dict()
    (bars,) = by_mark(spec, "bar")
    assert (bars["encoding"]["x"]["field"], bars["encoding"]["x"]["type"]) == ("outlets", "quantitative")
    assert (bars["encoding"]["y"]["field"], bars["encoding"]["y"]["type"]) == ("label", "nominal")
    assert bars["encoding"]["color"]["scale"]["domain"] == [charts.SEVERAL_OUTLETS, charts.SINGLE_SOURCE]
    for layer in layers(spec):
        assert TOOLTIP_FIELDS | {"outlets", "mentions"} <= tooltip_fields(layer)


# ---- sizes: one claim, none, 6,000 ---------------------------------------------------------

CHARTS = [charts.estimates_by_claimant, charts.estimates_over_time, charts.corroboration]


@pytest.mark.parametrize("draw", CHARTS)
def test_one_claim(draw, one_claim: pd.DataFrame) -> None:
    spec = draw(one_claim).to_dict()
    assert dataset_rows(spec) == 1
    assert any(mark_type(layer) in ("point", "bar") for layer in layers(spec))


@pytest.mark.parametrize("draw", CHARTS)
def test_empty_table_draws_a_message(draw) -> None:
    spec = draw(empty_claims()).to_dict()
    assert mark_type(spec) == "text"
    (rows,) = spec["datasets"].values()
    assert rows[0]["message"].startswith("No ")
    assert spec["encoding"]["tooltip"][0]["field"] == "message"


@pytest.mark.parametrize("draw", CHARTS)
def test_six_thousand_claims_stay_under_the_row_limit(draw, many_claims: pd.DataFrame) -> None:
    spec = draw(many_claims).to_dict()  # raises MaxRowsError if the limit were exceeded
    assert 0 < dataset_rows(spec) <= charts.MAX_ROWS
    y = layers(spec)[0]["encoding"]["y"]
    rows = {"estimates_by_claimant": charts.TOP_CLAIMANTS_BY_ROW, "corroboration": charts.TOP_CORROBORATED}
    if draw.__name__ in rows:  # a row per claimant, or per claim
        assert len(y["sort"]) <= rows[draw.__name__]


def test_six_thousand_claims_say_they_are_sampled(many_claims: pd.DataFrame) -> None:
    spec = charts.estimates_by_claimant(many_claims).to_dict()
    assert "6,000 claims; drawing 5,000 points" in spec["title"]["subtitle"][0]
    assert not by_mark(spec, "line")


# ---- notebook display ----------------------------------------------------------------------

def test_notebook_mimebundle_is_offline_vega(one_claim: pd.DataFrame) -> None:
    spec = charts.estimates_by_claimant(one_claim).to_dict()
    bundle, metadata = charts.notebook_mimebundle(spec)
    assert bundle[charts.VEGALITE_MIMETYPE] == spec
    vega = bundle[charts.VEGA_MIMETYPE]
    assert vega["$schema"].endswith("/vega/v5.json") and vega["marks"]
    assert "text/html" not in bundle  # Altair's HTML output loads Vega from a CDN
    assert metadata[charts.VEGA_MIMETYPE]["embed_options"]["actions"] is False
