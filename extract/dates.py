"""Stage 4c: when a claim was made, and the date a figure is about.

Date phrases come from spaCy's DATE entities and are resolved with dateparser
against the publication date: claim dates prefer the past ("on Monday" in a
Wednesday paper is two days earlier), target dates prefer the future ("by
Nov. 1"). Only phrases that name one day are kept; "last week" is a week.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from . import resources

TARGET_PREPOSITIONS = {"by", "until", "till", "before"}
_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_DURATION = re.compile(r"(?:(?:the|a|an|over|for|about|some|nearly|almost)\s+)*(?:[\w-]+\s+)?(?:hours?|days?|weeks?|months?|years?)",
                       re.IGNORECASE)
_DAY_PARTS = {"morning", "afternoon", "evening", "night", "late", "early", "earlier", "later", "midday"}


@lru_cache(maxsize=1)
def _parsers() -> dict[str, object]:
    from dateparser.date import DateDataParser

    return {
        prefer: DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False})
        for prefer in ("past", "future")
    }


@lru_cache(maxsize=4096)
def resolve_day(phrase: str, published: dt.date | None, prefer: str = "past") -> dt.date | None:
    """The one day a date phrase names, relative to `published`; None if not a single day.

    A bare weekday that is the publication weekday means the publication day
    ("the minister said Wednesday" in Wednesday's paper).
    """
    words = phrase.lower().replace("on ", "").split()
    if published is None and not any(word.isdigit() and len(word) == 4 for word in words):
        return None
    if _DURATION.fullmatch(phrase.strip()):
        return None  # "over eight days", "48 hours": an amount of time, which dateparser would count back from today
    weekday = [word for word in words if word not in _DAY_PARTS]  # "Wednesday morning", "late Tuesday" name the day
    if len(weekday) == 1 and weekday[0] in _WEEKDAYS and len(weekday) < len(words):
        phrase, words = weekday[0], weekday
    if published is not None and len(words) == 1 and words[0] in _WEEKDAYS and _WEEKDAYS[words[0]] == published.weekday():
        return published
    parser = _parsers()[prefer]
    base = dt.datetime.combine(published or dt.date.today(), dt.time())
    parser._settings.RELATIVE_BASE = base  # type: ignore[attr-defined]
    data = parser.get_date_data(phrase)  # type: ignore[attr-defined]
    if data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


def _preposition(entity: Span) -> str | None:
    head = entity.root.head
    if head.pos_ == "ADP" and head.i < entity.start:
        return head.lower_
    previous = entity.doc[entity.start - 1] if entity.start > 0 else None
    return previous.lower_ if previous is not None and previous.pos_ == "ADP" else None


def _clause_of(anchor: Token, verb: Token | None) -> Token | None:
    """The child of the reporting verb whose subtree holds the figure."""
    if verb is None:
        return None
    for token in [anchor, *anchor.ancestors]:
        if token.head == verb and token != verb:
            return token
    return None


def _within(token: Token, head: Token | None) -> bool:
    return head is not None and (token == head or head in token.ancestors)


def _time_phrase_root(entity: Span) -> Token:
    """The top of a time phrase: "Monday" in "Monday evening" rises to "evening"."""
    root = entity.root
    while root.head != root and root.head.ent_type_ in ("DATE", "TIME"):
        root = root.head
    return root


def _attached_to(entity: Span, verb: Token) -> bool:
    """Is the date an adjunct of the verb itself ("said Monday", "on Monday, X said")?"""
    if verb.lower_ == "according":
        return _within(entity.root, verb)  # "according to figures released on Tuesday by ..."
    root = _time_phrase_root(entity)
    if root.dep_ in ("poss", "compound", "amod"):
        return False  # "Sunday's election" dates the election, not the statement, also right after the verb ("put
        # Friday's death toll at 57")
    if entity.start in (verb.i + 1, verb.i + 2) or entity.end == verb.i:
        return True  # next to the verb, whatever the parser attached it to
    doc = entity.doc
    if root.dep_ == "npadvmod" and root.head == verb and 0 < entity.start and entity.end < verb.i \
            and not doc[entity.start - 1].is_punct and doc[entity.end].text == ",":
        return False  # "... after two trains collided in India Sunday, police said": the event's day, hung on "said"
    chain = [root.head, root.head.head, root.head.head.head, root.head.head.head.head]
    return (
        chain[0] == verb
        or (chain[0].pos_ == "ADP" and chain[1] == verb)
        # "put the toll at 34 in a statement on Tuesday": the date of the statement that made the claim;
        # "it was informed by the agency on Wednesday": the date of the agent's statement
        or (chain[0].pos_ == "ADP" and chain[1].pos_ in ("NOUN", "PROPN") and chain[2].pos_ == "ADP"
            and chain[3] == verb)
        # "launched an appeal on Wednesday, warning that ...": the date of the act the report is part of
        or (chain[0].pos_ == "ADP" and chain[1].dep_ == "dobj" and chain[2] == verb)
        # "Speaking to reporters on Monday, X said": the occasion of the statement
        or (chain[0].pos_ == "ADP" and chain[1].dep_ == "advcl" and chain[1].tag_ == "VBG" and chain[2] == verb)
        or _dates_medium(root, verb)
    )


def _dates_medium(root: Token, verb: Token) -> bool:
    """Does the date time the document the verb speaks in ("said in a statement issued on Tuesday")?

    The statement or report is the saying itself, so its date is the claim's, however deep the parser
    hangs the date inside the phrase that names it.
    """
    for ancestor in root.ancestors:
        if ancestor == verb:
            return False
        if ancestor.lower_ in resources.words("source_nouns") and ancestor.dep_ == "pobj" \
                and ancestor.head.lower_ == "in" and ancestor.head.head == verb:
            return True
    return False


def claim_and_target(doc: Doc, anchor: Token, verb: Token | None, published: dt.date | None
                     ) -> tuple[dt.date | None, dt.date | None]:
    """The claim date and target date a sentence gives one figure.

    The claim date is a date attached to the reporting verb (or, for "according
    to X", any date outside the figure's clause). The target date is a future
    date the figure's clause points to ("ready by Nov. 1", "will reach 300 on Friday").

    Args:
        doc: the parsed sentence.
        anchor: the figure's last token.
        verb: the reporting verb that attributes the figure, if any.
        published: the document's publication date, the base for relative words.
    """
    clause = _clause_of(anchor, verb)
    claim_date: dt.date | None = None
    target_date: dt.date | None = None
    future_clause = _is_future_clause(doc, anchor)
    for entity in doc.ents:
        if entity.label_ == "TIME" and verb is not None and claim_date is None and published is not None \
                and any(_attached_to(entity, speech) for speech in _speech_verbs(verb)):
            day = resolve_day(entity.text, published, "past")
            if day == published or _names_weekday(entity):
                claim_date = day  # "told us this afternoon"; "told supporters on Monday night" (a clock time alone is today)
        if entity.label_ != "DATE":
            continue
        preposition = _preposition(entity)
        in_clause = _within(entity.root, clause) or (verb is None and entity.start > anchor.i)
        if preposition in TARGET_PREPOSITIONS or (in_clause and future_clause):
            target = resolve_day(entity.text, published, "future")
            if target is not None and (published is None or target > published or future_clause):
                target_date = target_date or target
            continue
        attached = any(_attached_to(entity, speech) for speech in _speech_verbs(verb)) if verb is not None \
            else not in_clause and entity.root.dep_ != "poss"
        if attached and claim_date is None:
            claim_date = resolve_day(entity.text, published, "past")
    update = _updated_count(anchor)
    if update is not None:
        own = [entity for entity in doc.ents if entity.label_ == "DATE" and _verb_of(_time_phrase_root(entity)) == update]
        # "rose to 97 on Tuesday and to 164 by Wednesday night": each figure takes the date after it
        own.sort(key=lambda entity: (entity.start < anchor.i, abs(entity.start - anchor.i)))
        claim_date = resolve_day(own[0].text, published, "past") if own else None
    return claim_date, target_date


def _names_weekday(entity: Span) -> bool:
    """Does a time phrase name its day ("Monday night", "Tuesday evening")?"""
    return any(token.lower_ in _WEEKDAYS for token in entity)


def _updated_count(anchor: Token) -> Token | None:
    """The verb of "a figure that rose to 97 on Tuesday": a count updated after the report.

    The date of such a clause, not the first report's, is when the new figure was
    given; with no date of its own it has none.
    """
    verb = _verb_of(anchor)
    if verb is None or verb.dep_ != "relcl" or verb.head.lower_ not in resources.words("source_nouns"):
        return None
    return verb


def _verb_of(token: Token) -> Token | None:
    return next((ancestor for ancestor in token.ancestors if ancestor.pos_ == "VERB"), None)


def _speech_verbs(verb: Token) -> list[Token]:
    """The reporting verb and the verb its participle tail or its "as saying" hangs from.

    "UNHCR launched an appeal on Wednesday, warning that only 12 percent ..." and "the
    ministry said on Monday ..., adding that ..." are dated by the main verb.
    """
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head != verb:
        return [verb, verb.head]
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.pos_ == "VERB":
        return [verb, verb.head.head]  # "the agency on Tuesday quoted X as saying ...": when it quoted X
    return [verb]


def _is_future_clause(doc: Doc, anchor: Token) -> bool:
    """Does the figure's clause speak of the future ("will be ready", "is expected to")?"""
    for token in [anchor, *anchor.ancestors]:
        if any(child.lower_ in ("will", "'ll", "shall") or child.lemma_ == "expect" for child in token.children):
            return True
        if token.lemma_ == "expect":
            return True
    return False
