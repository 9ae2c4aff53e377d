"""The country a city or US state lies in, read by name from GeoNames (see `resources.cities`).

`countries.csv` knows countries, their adjectives and capitals; this knows the other places a
story is set in ("Venice", "Zermatt", "Louisiana"), named as `countries.csv` names the country.
"""

from __future__ import annotations

from functools import lru_cache

from . import resources


@lru_cache(maxsize=None)
def _country_by_code() -> dict[str, str]:
    return {row["code"]: row["country"] for row in resources.table("countries")}


def country_of_city(place: str) -> str | None:
    """The country of the most populous city (or the US state) called `place`, if any.

    Meant for place names (GPE entities) only: a body or person named like a town
    ("Police" is a Polish town) is no place.
    """
    name = place.replace("\u2019", "'").removesuffix("'s").strip()
    code = resources.cities().get(name.casefold())
    return _country_by_code().get(code) if code else None
