"""Countries of places and claimants: cities (GeoNames), the document's main country, bodies' own names."""

import pytest

from extract.claimants import Claimant, DocumentContext, attribution, document_context, main_country, resolve
from extract.figures import find_figures
from extract.places import country_of_city
from extract.resources import language_model


def claimant_in(sentence: str, context: DocumentContext) -> Claimant:
    doc = language_model()(sentence)
    figure = find_figures(sentence)[0]
    anchor = [token for token in doc if token.idx < figure.end and token.idx + len(token) > figure.start][-1]
    return resolve(attribution(doc, anchor), context)


def context_of(text: str, places: list[str], gpe: list[str] | None = None) -> DocumentContext:
    return document_context(text, [], places, gpe=gpe if gpe is not None else places)


@pytest.mark.parametrize(
    ("place", "country"),
    [
        ("Graz", "Austria"),
        ("Davos", "Switzerland"),  # a town of some 11,000
        ("Gdańsk", "Poland"),
        ("Cologne", "Germany"),  # an exonym of Köln outweighs a small Italian Cologne
        ("Texas", "United States"),  # a US state
        ("Kandy's", "Sri Lanka"),
        ("Qwertyville", None),
    ],
)
def test_country_of_a_city(place, country):
    assert country_of_city(place) == country


@pytest.mark.parametrize(
    ("places", "gpe", "country"),
    [
        (["Graz", "Linz", "Graz", "Hungary"], ["Graz", "Linz", "Graz", "Hungary"], "Austria"),  # cities count
        (["Hungary", "Graz"], ["Hungary", "Graz"], "Hungary"),  # a tie goes to the first named
        (["Liberal", "Liberal"], [], None),  # a NORP word is no town, though Kansas has a Liberal
        (["Eldoria", "Eldorian", "Eldoria", "Spain"], ["Eldoria", "Eldoria", "Spain"], "Eldoria"),  # invented
        (["Qwertyville", "Qwertyville", "Spain"], ["Qwertyville", "Qwertyville", "Spain"], "Spain"),
        ([], [], None),
    ],
)
def test_main_country(places, gpe, country):
    assert main_country(places, frozenset(gpe)) == country


@pytest.mark.parametrize(
    ("sentence", "places", "country"),
    [
        # a body's own nationality beats other places in its sentence
        ("The Icelandic Coast Guard said it had tracked 14 Russian trawlers.", ["Icelandic", "Russian"], "Iceland"),
        ("The Philippine Navy said 30 Chinese vessels were near the reef.", ["Philippine", "Chinese"], "Philippines"),
        ("Kazakhstan's Ministry of Emergency Situations said 300 people were evacuated.", ["Kazakhstan"], "Kazakhstan"),
        # a city's body is its country's; the city is no country
        ("Graz police said 40 people were detained.", ["Graz"], "Austria"),
        # a place the data lacks, used as itself, is no country unless the text derives a nationality from it
        ("Qwertyville police said 40 people were detained.", ["Qwertyville"], None),
        ("Eldoria's army said 40 soldiers were wounded.", ["Eldoria", "Eldorian"], "Eldoria"),
    ],
)
def test_claimant_country_from_its_name_and_places(sentence, places, country):
    assert claimant_in(sentence, context_of(sentence, places)).country == country


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("The health ministry said 45 people had died.", "Austria"),  # a generic national body: the story's country
        ("The fire brigade said 12 homes burned.", "Austria"),
        ("The World Food Programme said 12,000 families needed aid.", None),  # international bodies have none
        ("The UN refugee agency said 2,000 people had crossed from Hungary.", None),
        ("According to the European Commission, 4,000 jobs are at risk.", None),
    ],
)
def test_document_country_goes_to_domestic_bodies_only(sentence, country):
    text = f"Floods swept through Graz and Linz on Monday. {sentence}"
    context = context_of(text, ["Graz", "Linz", "Hungary"], ["Graz", "Linz", "Hungary"])
    assert claimant_in(sentence, context).country == country


def test_the_city_table_is_derived_once_kept_and_derived_again_when_damaged(tmp_path, monkeypatch):
    from extract import config, resources

    monkeypatch.setenv(config.CACHE_DIR_ENV, str(tmp_path))
    resources.cities.cache_clear()
    try:
        derived = resources.cities()
        kept = list(tmp_path.glob("cities-*.json"))
        assert len(kept) == 1 and not list(tmp_path.glob("*.tmp"))
        resources.cities.cache_clear()
        assert resources.cities() == derived  # read back from the kept table
        kept[0].write_text('{"AT": ["gr', encoding="utf-8")  # cut short
        resources.cities.cache_clear()
        assert resources.cities() == derived
    finally:
        resources.cities.cache_clear()
