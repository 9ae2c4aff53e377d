"""The scorer's field comparisons: what counts as the same claimant and the same unit."""

import pytest

from extract.evaluate import same_claimant, same_unit


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("Ministry of Health", "Ministry of Health of Peru"),  # a token subset
        ("Air Force of Ukraine", "Ukrainian Air Force"),  # a country by its adjective
        ("Ministry of Defence of Russia", "Ministry of Defence of the Russian Federation"),  # by its alias
        ("U.S. Treasury Department", "United States Department of the Treasury"),
        ("Ministry of Interior of France", "French Ministry of the Interior"),  # link words left out
        ("Ministry of Defense of Japan", "Japanese Ministry of Defence"),  # both spellings
        ("Africa Centers for Disease Control and Prevention", "Africa Centres for Disease Control and Prevention"),
        ("NIS", "National Intelligence Service"),  # an acronym
        ("Budanov", "Kyrylo Budanov"),
        ("Joint Chiefs of Staff of South Korea", "Joint Chiefs of Staff (JCS)"),  # a bracketed acronym is a gloss
        ("WFP", "World Food Programme (WFP)"),
    ],
)
def test_same_claimant_written_another_way(predicted, gold):
    assert same_claimant(predicted, gold)
    assert same_claimant(gold, predicted)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("Ministry of Defence of Taiwan", "Ministry of Defence of Japan"),
        ("Ukrainian Air Force", "Russian Air Force"),
        ("Ministry of Health", None),
        ("Israeli military", "Israel Defense Forces"),  # world knowledge the scorer does not have
        ("United Nations", "World Food Programme (WFP)"),
    ],
)
def test_different_claimants_do_not_match(predicted, gold):
    assert not same_claimant(predicted, gold)


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("miles per hour", "mph", True),  # a symbol is its unit written out
        ("kilometres", "km", True),
        ("troops", "soldiers", False),
        ("degrees celsius", "degrees", False),
        ("special forces troops", "troop", True),  # the last word, singularised
        ("", "tonnes", False),  # a blank unit is no error, and no match
    ],
)
def test_same_unit(predicted, gold, same):
    assert same_unit(predicted, gold) is same
