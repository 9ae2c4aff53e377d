"""Properties of `claims_from_text` on any text: it never raises, and every row is consistent.

Example counts are fixed by `settings(max_examples=...)` below (run pytest with
`--hypothesis-show-statistics` to see them); the spaCy pipeline is loaded once
per process, so no example pays for it.
"""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from extract import claims_from_text

NEWS_FRAGMENTS = [
    "Police said", "officials estimated", "according to the UN", "the ministry told reporters", "he said", "they claimed",
    "about", "around", "up to", "at least", "more than", "fewer than", "nearly", "almost", "some", "between", "and", "to",
    "from", "-", "\u2013", "million", "billion", "thousand", "hundred", "bn", "m", "k", "per cent", "%", "$", "\u20ac",
    "\u00a3", "half a million", "dozens of", "tens of thousands", "two", "three", "twenty-five", "a", "one", "people",
    "troops", "homes", "tonnes", "km", "killed", "injured", "on March", "Tuesday", "2024", "aged", "years old", "st", "th",
    "Mr Smith", "(", ")", "\"", "'", ".", ",", ":", ";", "\n", "\n\n", "  ",
]
NUMBERS = st.one_of(
    st.integers(0, 10**12).map(str),
    st.integers(0, 10**12).map("{:,}".format),
    st.decimals(0, 10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.text("0123456789,. ", min_size=1, max_size=12),
)
NEWS_TEXT = st.lists(st.one_of(st.sampled_from(NEWS_FRAGMENTS), NUMBERS), max_size=20).map(" ".join)
GLUED_TEXT = st.lists(st.one_of(st.sampled_from(NEWS_FRAGMENTS), NUMBERS, st.text(max_size=3)), max_size=20).map("".join)
PROPERTY_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _number(value: object) -> float | None:
    return None if pd.isna(value) else float(value)  # type: ignore[arg-type]


def assert_claim_properties(text: str) -> pd.DataFrame:
    """Rows index the text, figures are finite and ordered, and a second run gives the same rows."""
    claims = claims_from_text(text)
    for row in claims.itertuples():
        assert text[row.char_start:row.char_end] == row.surface
        low, value, high = _number(row.low), _number(row.value), _number(row.high)
        present = [number for number in (low, value, high) if number is not None]
        assert all(math.isfinite(number) for number in present), (row.surface, present)
        assert present == sorted(present), (row.surface, low, value, high)
    pd.testing.assert_frame_equal(claims_from_text(text), claims)
    return claims


@settings(PROPERTY_SETTINGS, max_examples=400)
@given(st.text())
def test_any_text(text: str) -> None:
    assert_claim_properties(text)


@settings(PROPERTY_SETTINGS, max_examples=250)
@given(NEWS_TEXT)
def test_news_like_text(text: str) -> None:
    assert_claim_properties(text)


@settings(PROPERTY_SETTINGS, max_examples=250)
@given(GLUED_TEXT)
def test_news_fragments_glued_to_any_characters(text: str) -> None:
    assert_claim_properties(text)


@settings(PROPERTY_SETTINGS, phases=[Phase.explicit])
@example("Police said " + "9" * 400 + " people marched.")
@example("Police said 5" + " trillion" * 30 + " people marched.")
@example("Police said 0" + " trillion" * 30 + " people marched.")
@given(NEWS_TEXT)
def test_figures_beyond_float_range_are_finite(text: str) -> None:
    claims = assert_claim_properties(text)
    assert (claims["value"].notna() | claims["low"].notna() | claims["high"].notna()).all()
