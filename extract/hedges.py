"""Stage 4d: how sure a claim is: asserted, estimated, projected, reported or denied."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from . import resources

ASSERTED = "asserted"
STRENGTH = ("denied", "projected", "reported", "estimated")


@lru_cache(maxsize=None)
def _cues() -> dict[str, str]:
    return {row["cue"]: row["hedge"] for row in resources.table("hedges")}


def hedge(doc: Doc, anchor: Token, verb: Token | None, verb_hedge: str | None, approx: bool) -> str:
    """The hedge of a figure, from the words between its reporting verb and the figure.

    Args:
        doc: the parsed sentence.
        anchor: the figure's last token.
        verb: the reporting verb, if any; cues are read from there to the figure.
        verb_hedge: the hedge the reporting verb itself gives ("estimate" -> estimated).
        approx: whether the figure carries an approximating qualifier.
    """
    cues = _cues()
    start = verb.i if verb is not None and verb.i < anchor.i else 0
    found = {verb_hedge} if verb_hedge else set()
    modifiers = [child for ancestor in anchor.ancestors for child in ancestor.children if child.dep_ == "advmod"]
    for token in [*doc[start : anchor.i + 1], *modifiers]:  # "40 soldiers were reportedly killed"
        for form in (token.lower_, token.lemma_.lower()):
            if form in cues:
                found.add(cues[form])
    if approx:
        found.add("estimated")
    return next((name for name in STRENGTH if name in found), ASSERTED)
