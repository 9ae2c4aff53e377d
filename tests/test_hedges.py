"""Hedges: asserted, estimated, projected, reported and denied figures told apart."""

import pytest

from extract import claims_from_text


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("Police said 3,000 people marched on Sunday.", "asserted"),
        ("The agency estimated that 1,500 troops had arrived.", "estimated"),
        ("Officials said about 300 homes were damaged.", "estimated"),
        ("The ministry said the toll could reach 500.", "projected"),
        ("The army is expected to send 2,000 more troops.", "projected"),
        ("Some 40 soldiers were reportedly killed.", "reported"),
        ("The government denied that 200 protesters were detained.", "denied"),
    ],
)
def test_hedge(sentence, hedge):
    assert claims_from_text(sentence).iloc[0]["hedge"] == hedge
