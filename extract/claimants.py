"""Stage 4b: who a figure is attributed to, as a canonical person or body.

Two steps. `attribution` reads one parsed sentence: the subject of a reporting
verb above the figure ("X said that ..."), "according to X", a passive agent
("was estimated by X"), or a possessive source ("X's figures show"). `resolve`
turns that mention into a canonical claimant with the alias file, the
document's own introductions ("the National Intelligence Service (NIS)"),
surname-only mentions, near-miss spellings, and the previous speaker for
pronouns ("he said", "the agency said").
"""

from __future__ import annotations

import calendar
import difflib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterator

from spacy.tokens import Doc, Span, Token

from . import places as geography
from . import resources

PRONOUNS = {"he", "she", "they", "it", "him", "them"}  # objects too: "according to him"
SINGULAR_PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
FIRST_PERSON = {"i", "we"}
_HEADLINE_NAME_WORDS = 4  # words of a speaker's name after a headline's colon: "Toll rises to 300: Red Cross"
_DASH_SOURCE = re.compile(r"\s(?:-|[-\u2013\u2014]\s)(?P<name>[A-Za-z][\w.'\u2019]*(?:\s[\w.'\u2019]+){0,3})$")
_QUOTE_SPEAKER_REACH = 12  # tokens after a closing quote to its reporting verb: '," a representative of X told'
OBJECT_PRONOUNS = {"it", "them", "us", "him", "her", "me"}
POSSESSIVE_PRONOUNS = {"its", "their", "our", "his", "her", "my"}
OWNER_PRONOUNS = POSSESSIVE_PRONOUNS - {"our", "my"}  # "its own metering": the speaker named before owns it
DASHES = frozenset({"-", "–", "—", "--"})
SUBJECTS = ("nsubj",)  # a passive subject ("temperatures were expected") is never the source
_ACRONYM_INTRODUCTION = re.compile(  # "the Office for the Coordination of Humanitarian Affairs (OCHA)", "Santé publique France (SpF)"
    r"((?:[A-Z][\w\u2019'.&-]*)(?:[^\S\n]+(?:[a-z][\w\u2019'-]*[^\S\n]+){0,2}[A-Z][\w\u2019'.&-]*){0,9})"
    r"[^\S\n]+\(([A-Z][A-Za-z.]{1,9}(?:-[A-Z][A-Za-z.]{0,9})?)\)"  # "(CSP-DPA)" too; a name stays on its line
)
DESCRIPTION_WINDOW = 40  # characters after an acronym's brackets read for the noun that describes the body
_DESCRIPTION_AFTER = re.compile(  # ", the national public health agency," / ", the shadow administration formed by ..."
    r",\s+(?:the|an?)\s+((?:[a-z][\w-]*\s+){0,4}?[a-z][\w-]*)"
    r"(?:\s*[,.;]|\s+(?:formed|set|created|founded|based|run|led|backed|which|that|who|of|in|by|for|at)\b)"
)
# "The spokesman, <person>" too, and "Deputy Inspector General (DIG) <person>"
_WORDS_BEFORE = re.compile(r"(?:[\w.\u2019'-]+,?\s+){1,4}(?:\([A-Z]{2,6}\)\s+)?$")
_BRACKETED_ACRONYM = re.compile(r"\([A-Z]{2,6}\)")
WORDS_BEFORE_WINDOW = 200  # characters: four words and their spaces
# "<person>, a spokesman for the coast guard,": the title words of an apposition, up to its first link word
_ROLE_AFTER = re.compile(r",\s+(?:an?|the)\s+((?:[\w.\u2019'-]+\s+){0,3}?[\w.\u2019'-]+)(?=\s+(?:for|of|at|in|with)\b|\s*[,.;])")
_SOURCE_LINE = re.compile(r"(?:Sources?|Data|Figures)\s*:\s*(?P<name>[^:]+?)\s*\.?")  # "Source: Venice city council"
_SPEAKER_TAG = re.compile(r"([A-Z][A-Z\u2019'.-]+(?: [A-Z][A-Z\u2019'.-]+){0,3})(?: \(([^)]*)\))?:\s")  # "NIMA GYALZEN: "
_POSSESSIVE = re.compile(r"^(.*?)\s*(?:'s|\u2019s|\s's|\s\u2019s)\s+(.+)$")
FUZZY_CUTOFF = 0.86
NAME_PARTICLES = {"of", "for", "and", "the", "on", "in"}  # lowercase words that can sit inside a body's name
_CLAUSES = ("ccomp", "xcomp", "parataxis")  # what a verb reports through
NOUN_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj")  # a verb-like word used as a noun
SIDE_CLAUSE_WORDS = {"as", "while", "whereas"}  # they open a clause whose subject reports on its own
SUBJECT_PREPOSITIONS = {"of", "from", "at", "for", "in", "by"}  # inside a subject phrase: "analysts at X", "figures from X"
_TRAILING_POSSESSIVE = re.compile(r"\s*['\u2019]s$")
_TRAILING_ACRONYM = re.compile(r"\s*\((?:\w+\s?){1,3}\)?\s*$")  # "... Health Organisation (WAHO)"
_ACRONYM = re.compile(r"[A-Z][a-z]?[A-Z][A-Za-z]{0,4}")  # "DfE", "MoD", "NHS": two capitals at least, short
_FUNCTION_WORDS = re.compile(r"\b(?:the|of)\b", re.IGNORECASE)
_TITLE_OF = re.compile(r"(?P<title>[\w-]+) of (?:the )?(?P<field>[\w-]+)$", re.IGNORECASE)  # read as "Defense Minister"
_MEMBERS_OF = re.compile(r"(?:the\s+)?([A-Za-z]+)\s+(?:at|of|from)\s+(?:the\s+)?[A-Z]", re.IGNORECASE)  # "Management at the X"
_CALENDAR_WORDS = {name.casefold() for name in (*calendar.day_name, *calendar.month_name[1:])}
SPEAKER_ENTITIES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")  # "the Port of X Authority" is often LOC
FIGURE_AND_TIME_ENTITIES = ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
SPEAKER_WORD_LISTS = ("speaker_nouns", "titles", "body_nouns", "kind_nouns", "government_nouns", "source_nouns",
                      "organiser_nouns")


@dataclass(frozen=True)
class Claimant:
    """A canonical claimant; `name` None means the outlet states the figure itself."""

    name: str | None = None
    org: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Mention:
    """Who a sentence names as the source of a figure, before resolution."""

    text: str
    persons: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    is_pronoun: bool = False
    is_description: bool = False  # "the agency", "the ministry": a body named earlier
    verb: Token | None = field(default=None, compare=False)
    antecedent: str | None = None  # the body the sentence's main subject names, for a description inside it
    document: str | None = None  # the source noun the mention owns ("a report by X" gives "report")
    is_document: bool = False  # "the report", "the latest figures": a document named earlier, with no owner here
    can_speak: bool = field(default=True, compare=False)  # False for "homes", "five launches", "that": see `_speaks`
    is_plural: bool = False  # "officials", "police"


@dataclass
class DocumentContext:
    """What a document itself teaches about names, and the last speaker seen."""

    acronyms: dict[str, str]
    persons: dict[str, str]
    roles: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, Claimant] = field(default_factory=dict)
    country: str | None = None
    places: tuple[str, ...] = ()  # the GPE and NORP names the document uses
    gpe: frozenset[str] = frozenset()  # its GPE names only: the places that may be cities
    organisations: tuple[str, ...] = ()  # the ORG names the document uses
    events: tuple[str, ...] = ()  # the named events ("the Lisbon Marathon") the document mentions
    last: Claimant = field(default_factory=Claimant)
    # "he" and "she" cannot be the plural last speaker ("Hospital officials said ... he said"): the last person is
    last_is_plural: bool = False
    last_person: Claimant = field(default_factory=Claimant)
    # the one person seen speaking for each body (None once a second one speaks), so "the NEBA chief" is them
    speakers_for: dict[str, Claimant | None] = field(default_factory=dict)
    heard: list[Claimant] = field(default_factory=list)  # every claimant resolved so far, newest last


@lru_cache(maxsize=None)
def _aliases() -> dict[str, Claimant]:
    return {
        _key(row["alias"]): Claimant(row["canonical"], row["org"] or None, row["country"] or None)
        for row in resources.table("aliases")
    }


@lru_cache(maxsize=None)
def _countries() -> dict[str, str]:
    """Lowercased country names, adjectives, capitals and aliases -> country."""
    names: dict[str, str] = {}
    for row in resources.table("countries"):
        for form in [row["country"], *row["adjectives"].split("|"), *row["capital"].split("|"), *row["aliases"].split("|")]:
            if form:
                names[form.lower()] = row["country"]
    return names


@lru_cache(maxsize=None)
def _country_names() -> frozenset[str]:
    """Lowercased names and aliases of countries, without their capitals and adjectives."""
    return frozenset(form.lower() for row in resources.table("countries")
                     for form in [row["country"], *row["aliases"].split("|")] if form)


@lru_cache(maxsize=None)
def _country_adjectives() -> frozenset[str]:
    """Lowercased forms that are only a nationality ("icelandic", "philippine"), not also a name ("us")."""
    rows = resources.table("countries")
    names = {form.lower() for row in rows
             for form in [row["country"], *row["capital"].split("|"), *row["aliases"].split("|")]}
    adjectives = {form.lower() for row in rows for form in row["adjectives"].split("|") if form}
    return frozenset(adjectives - names)


@lru_cache(maxsize=None)
def _reporting_verbs() -> dict[str, str]:
    return {row["verb"]: row["hedge"] for row in resources.table("reporting_verbs")}


@lru_cache(maxsize=None)
def _clause_only_verbs() -> frozenset[str]:
    """Verbs that report only through a clause ("added that ..."), not an object ("add $3 billion")."""
    return frozenset(row["verb"] for row in resources.table("reporting_verbs") if row["needs_clause"] == "yes")


@lru_cache(maxsize=None)
def _citing_verbs() -> frozenset[str]:
    """Verbs whose object is the original source of what their subject reports ("citing", "quoting")."""
    return frozenset(row["verb"] for row in resources.table("reporting_verbs") if row["names_source"] == "yes")


@lru_cache(maxsize=None)
def _acting_verbs() -> frozenset[str]:
    """Verbs whose plain object is what their subject did ("released 90 prisoners"), not what it reported."""
    return frozenset(row["verb"] for row in resources.table("reporting_verbs") if row.get("object_is_act") == "yes")


def _reports(verb: Token, anchor: Token) -> bool:
    """Does `verb` report the figure under `anchor`?"""
    if verb.lemma_.lower() not in _reporting_verbs() or verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(child.dep_ == "neg" for child in verb.children):
        return False  # "11,500 employees did not report for their shifts"
    if _hearsay(verb):
        return False
    path = list(itertools.takewhile(lambda token: token != verb, [anchor, *anchor.ancestors]))
    branch = path[-1] if path and path[-1].head == verb else None
    if branch is not None and _quoted(anchor) and not _quoted(verb) and branch.i < verb.i:
        return True  # '“..., the enemy has lost 42,000 troops,” X stated': the quotation is what X says, however parsed
    if _in_setting(anchor, verb):
        return False  # "In a 9-minute video released on Sunday, the governor said": where it was said, not what
    if any(_side_clause(token) for token in path):
        return False  # "the CGT declared it counted 3.5 million when the ministry counted 1.09 million": the ministry's
    if verb.lemma_.lower() not in _clause_only_verbs():
        return True
    subject = _subject_of(verb)
    if subject is not None and subject.lower_ in resources.words("source_nouns") and _source_of(subject) is not None:
        return True  # "data from the ministry showed 4,500 cases": a source's figures report through the object
    return branch is not None and branch.dep_ in ("ccomp", "parataxis", "xcomp", "advcl")


def _hearsay(verb: Token) -> bool:
    """Is the verb the passive "said to number", "reported to be" of a thing said by nobody named ("A crowd said to
    number in the hundreds of thousands took to the streets"), which the parser reads as "a crowd said", or the
    "claimed 182 lives" of a deadly event, which says nothing?"""
    if verb.lemma_.lower() == "claim" and any(child.dep_ == "dobj" and child.lemma_.lower() == "life" for child in verb.children):
        return True
    levels = resources.words("level_verbs")
    return any(child.dep_ == "xcomp" and (child.lemma_ == "be" or child.lemma_.lower() in levels)
               and any(grand.dep_ == "aux" and grand.lower_ == "to" for grand in child.children)
               for child in verb.children)


def _side_clause(branch: Token | None) -> bool:
    """Is this branch of a verb a clause with its own subject ("US unveils $1.2bn ... as EU adds €500 million")?

    What such a clause says is not what the verb's subject reports.
    """
    return branch is not None and branch.dep_ == "advcl" and any(child.dep_ == "nsubj" for child in branch.children)


def _in_setting(anchor: Token, verb: Token) -> bool:
    """Is the figure in the occasion of the report that opens the sentence ("In a 9-minute video, ...", "Speaking
    after a five-hour meeting, ..."), rather than in what is reported ("... along with two squadrons, X said")?"""
    branch = next((token for token in [anchor, *anchor.ancestors] if token.head == verb and token != verb), None)
    if branch is None or branch.i > verb.i or branch.left_edge.i != 0:
        return False
    return branch.dep_ == "prep" or (branch.dep_ == "advcl" and branch.tag_ == "VBG"
                                     and branch.lemma_.lower() not in _reporting_verbs())


def _key(text: str) -> str:
    text = text.replace("\u2019", "'").replace(" 's", "'s").strip(" ,.;:\"\u201c\u201d()")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).casefold()


def main_country(places: list[str], gpe: frozenset[str] = frozenset()) -> str | None:
    """The country a document is set in: the one its places and nationalities name most, if any.

    A city counts for its country, so a story about Venice is Italy's though it rarely says
    "Italy", and a country named in passing ("runners from Ethiopia") does not outweigh the
    city the story happens in. A country the document invents ("Marovia", see
    `_invented_countries`) counts like a known one. Nationalities count as much as place names:
    counting them half (they also describe foreigners) scored worse on the dev sets.

    Args:
        places: the document's GPE and NORP names, one per mention.
        gpe: which of them are GPE names; only these are looked up as cities.
    """
    invented = _invented_countries(tuple(dict.fromkeys(places)))
    countries = [_countries().get(_place_key(place)) or _countries().get(_place_key(place).removesuffix("s"))  # "Ukrainians"
                 or _invented_country_of(place, invented)
                 or (geography.country_of_city(place) if place in gpe else None) for place in places]
    counts = Counter(country for country in countries if country)
    return counts.most_common(1)[0][0] if counts else None


def _place_key(place: str) -> str:
    return place.replace("\u2019", "'").removesuffix("'s").lower()


@lru_cache(maxsize=256)
def _invented_countries(places: tuple[str, ...]) -> frozenset[str]:
    """The places a document treats as countries that no table knows: those it also derives a nationality from.

    Fiction and new states are named so ("Marovia", with "Marovian officials"). A known place
    ("Venice", with "Venetian") is not one, nor a name the document extends with more words
    ("Zavkhan" and "Zavkhan aimag").
    """
    found: set[str] = set()
    for place in places:
        if not place.isalpha() or not place[:1].isupper():
            continue
        derived = [other for other in places if other != place and other.isalpha() and _derives_from(other, place)]
        if derived and _unknown_place(place):
            found.add(place)
    return frozenset(found)


def _unknown_place(place: str) -> bool:
    """Is the place neither a known country nor a city?"""
    return _place_key(place) not in _countries() and geography.country_of_city(place) is None


def _derives_from(adjective: str, place: str) -> bool:
    """Does a nationality derive from a place name ("Marovian" from "Marovia", "Malawian" from "Malawi")?"""
    stem = place.casefold()[: max(4, len(place) - 1)]
    return adjective.casefold().startswith(stem) and len(adjective) - len(stem) <= 4


def _invented_country_of(place: str, invented: frozenset[str]) -> str | None:
    """The invented country a place or nationality names ("Marovian" -> "Marovia")."""
    return next((country for country in sorted(invented, key=len)
                 if place == country or _derives_from(place, country)), None)


def descriptions(sentences: list[Doc]) -> list[tuple[str, str]]:
    """(noun, name) pairs a text sets in apposition: "SpF, the national health agency" gives ("agency", "SpF").

    The tagger often reads a body's foreign name as a person ("Spain's maritime rescue
    service, Salvamento Marítimo,"); such a name counts unless the noun is a title
    ("the spokesman, Jan Novak," names a person, not a body).
    """
    titles = resources.words("titles")
    pairs: list[tuple[str, str]] = []
    for doc in sentences:
        for token in doc:
            if token.dep_ != "appos":
                continue
            for noun, named in ((token.head, token), (token, token.head)):
                entity = next((e for e in doc.ents if e.start <= named.i < e.end and (
                    e.label_ == "ORG" or (e.label_ == "PERSON" and noun.lower_ not in titles))), None)
                if noun.pos_ == "NOUN" and entity is not None:
                    pairs.append((noun.lower_, entity.text))
        for entity in doc.ents:  # "The drivers' union SEMAF said": a described noun right before a body's name
            before = doc[entity.start - 1] if entity.start else None  # also bare: "local newspaper Hindustan Times"
            if entity.label_ == "ORG" and before is not None and before.pos_ == "NOUN" and before.tag_ == "NN" \
                    and (before.left_edge.lower_ == "the"
                         or (before.dep_ == "compound" and entity.start <= before.head.i < entity.end)):
                pairs.append((before.lower_, entity.text))
    return pairs


def document_context(text: str, persons: list[str], places: list[str] | None = None,
                     described: list[tuple[str, str]] | None = None,
                     organisations: list[str] | None = None, gpe: list[str] | None = None) -> DocumentContext:
    """Acronyms a text introduces, the full names of its people and bodies, the bodies it describes, its main country.

    `places` are the GPE and NORP names the text uses, one per mention; `gpe` the GPE ones among them.
    """
    acronyms: dict[str, str] = {}
    described = list(described or [])
    for match in _ACRONYM_INTRODUCTION.finditer(text):
        full, acronym = _name_start(match.group(1)), match.group(2)
        possessive = _POSSESSIVE.match(full)
        if possessive:
            full = possessive.group(2)
        full = re.sub(r"^(?:The|the)\s+", "", full)
        acronyms.setdefault(acronym, full)
        acronyms.setdefault(acronym.split("-")[0], full)  # the tagger may cut "CSP-DPA" at its hyphen
        following = _DESCRIPTION_AFTER.match(text, match.end())
        if following:  # "Santé publique France (SpF), the national public health agency,"
            described.append((following.group(1).split()[-1].casefold(), full))
        kind = re.match(r"\s+([a-z][\w-]*)\b", text[match.end() : match.end() + DESCRIPTION_WINDOW])
        if kind and kind.group(1) in _speaker_words():  # "the Strategic Framework ... (CSP-DPA) alliance said"
            described.append((kind.group(1), full))
    by_surname: dict[str, str] = {}
    for person in persons:
        name = strip_titles(person)
        if len(name.split()) > 1:
            surname = name.split()[-1].casefold()
            if len(name) > len(by_surname.get(surname, "")):
                by_surname[surname] = name
    roles: dict[str, str] = {}
    headline_roles: dict[str, str] = {}  # a title-case headline's names are the tagger's guesses ("Shoigu Reports")
    headline_end = text.find("\n")
    for person in persons:
        for mention in re.finditer(re.escape(person), text):
            # The words right before a mention ("Regional Health Minister <person>"), read from a short window:
            # one pattern over the whole text for each person grew with both.
            before = _WORDS_BEFORE.search(text, max(0, mention.start() - WORDS_BEFORE_WINDOW), mention.start())
            after = _ROLE_AFTER.match(text, mention.end())
            if after is not None and not after.group(1).islower():
                after = None  # "Meera, the Department of Tourism told us": an address, then a body
            # a title the tagger took into the name counts too: "Interior [CS Ana Lenz]"
            leading = person[: len(person) - len(strip_titles(person))].strip()
            written_before = f"{before.group(before.lastindex or 0) if before else ''} {leading}".strip()
            for words in (written_before, after.group(after.lastindex or 0) if after else ""):
                role = _role(words) if words else None
                if role:
                    (headline_roles if mention.start() < headline_end else roles).setdefault(role, strip_titles(person))
    roles = {**headline_roles, **roles}
    gpe_names = frozenset(gpe or [])
    context = DocumentContext(acronyms=acronyms, persons=by_surname, roles=roles,
                              country=main_country(places or [], gpe_names),
                              places=tuple(dict.fromkeys(places or [])), gpe=gpe_names,
                              organisations=tuple({_key(name): re.sub(r"^(?:The|the)\s+", "", name)
                                                   for name in organisations or []}.values()),
                              events=_events_named(text))
    for noun, name in described:
        context.bodies.setdefault(noun, _organisation(name, context))
    return context


@lru_cache(maxsize=None)
def _institution_words() -> frozenset[str]:
    """Nouns of bodies, their kinds and governments: "ministry", "company", "government"."""
    return resources.words("body_nouns") | resources.words("kind_nouns") | resources.words("government_nouns")


@lru_cache(maxsize=None)
def _body_words() -> frozenset[str]:
    """Nouns that end no person's name after a title word: "Ukraine's General Staff", "Central Command"."""
    return _institution_words() | _speaker_words()


def tag_titled_names(doc: Doc) -> None:
    """Mark as a person each run of capitalised proper nouns outside any entity right after a title
    ("provincial governor Ana Ruiz"): the tagger misses many names it has not seen, and a name it misses can
    neither speak nor be found again by its surname."""
    titles = resources.words("titles")
    bodies = _body_words()
    missed: list[Span] = []
    for token in doc:
        if token.lower_ not in titles or token.ent_type_ or _countries().get(token.lower_) or token.i + 1 >= len(doc):
            continue  # not "U.S. Central Command" nor "the State Department Office"
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_ \
                and doc[end].lower_ not in titles and doc[end].lower_ not in bodies:
            end += 1
        if end > token.i + 1 and (end == len(doc) or doc[end].pos_ != "PROPN"):
            missed.append(Span(doc, token.i + 1, end, label="PERSON"))
    if missed:
        doc.set_ents(missed, default="unmodified")


def tag_known_surnames(doc: Doc, context: DocumentContext) -> None:
    """Mark as a person each capitalised word outside any entity that is the surname of a person the document
    names in full: the tagger often misses a foreign surname on its own ('..., " Petrenkyy wrote.'), and a
    subject it does not know as a name cannot speak."""
    missed = [Span(doc, token.i, token.i + 1, label="PERSON") for token in doc
              if token.is_title and not token.ent_type_ and token.pos_ in ("NOUN", "PROPN")
              and token.lower_ in context.persons]
    if missed:
        doc.set_ents(missed, default="unmodified")


def _events_named(text: str) -> tuple[str, ...]:
    """The distinct names of events in a text: capitalised words ending in an event noun ("Vienna City Marathon")."""
    nouns = "|".join(re.escape(noun.capitalize()) for noun in sorted(resources.words("event_nouns"), key=len, reverse=True))
    found = re.finditer(rf"\b((?:[A-Z][\w\u2019'.&-]*\s+){{1,4}}(?:{nouns}))\b", text)
    names = (re.sub(r"^The\s+", "", match.group(1)) for match in found)
    return tuple(dict.fromkeys(name for name in names if " " in name))  # "The Marathon" names no event


def _name_start(words: str) -> str:
    """Cut what precedes a name: "Tuesday by Santé publique France" -> "Santé publique France"."""
    from spacy.lang.en.stop_words import STOP_WORDS

    split = words.split()
    breaks = [index for index, word in enumerate(split)
              if word.islower() and word in STOP_WORDS and word not in NAME_PARTICLES]
    kept = split[breaks[-1] + 1 :] if breaks else split
    while len(kept) > 1 and (kept[0].casefold() in STOP_WORDS or kept[0].casefold() in _CALENDAR_WORDS):
        kept = kept[1:]  # "On Tuesday Santé publique France"
    return " ".join(kept)


@lru_cache(maxsize=None)
def _title_abbreviations() -> dict[str, str]:
    return {row["abbreviation"]: row["title"] for row in resources.table("title_abbreviations")}


def _role(text: str) -> str | None:
    """The title words at the end of a phrase ("US Defense Secretary" -> "defense secretary")."""
    titles = resources.words("titles") - {"us", "u.s.", "the"}
    spelt_out = _title_abbreviations()
    inverted = _TITLE_OF.search(text)
    if inverted is not None and inverted.group("title").casefold() in titles:
        text = f"{text[: inverted.start()]}{inverted.group('field')} {inverted.group('title')}"  # "Minister of Defense"
    text = _BRACKETED_ACRONYM.sub(" ", text)  # "Inspector General (DIG)": the title, spelt out
    words = [spelt_out.get(word.casefold().strip(",."), word.casefold().strip(",.")) for word in text.split()]
    role: list[str] = []
    for word in reversed(words):
        if word not in titles or _countries().get(word):
            break
        role.insert(0, word)
    return " ".join(role) if role and role[-1] not in ("former", "acting") else None


def strip_titles(name: str) -> str:
    """A person's name without leading titles and roles ("Lieutenant General ...")."""
    titles = resources.words("titles") | set(_title_abbreviations())
    words = name.replace("\u2019s", "'s").split()
    while len(words) > 1 and (words[0].casefold().rstrip(".") in titles or words[0].endswith("'s")):
        words = words[1:]
    return " ".join(words).strip(" ,.")


def main_root(doc: Doc) -> Token | None:
    """The root of a sentence's main clause: the parser gives a dateline ("BATON ROUGE, La.: Gov. X urged ...")
    a root of its own, and the clause with the most words is the sentence's."""
    roots = [token for token in doc if token.dep_ == "ROOT"]
    return max(roots, key=lambda root: sum(1 for _ in root.subtree)) if roots else None


def _subject_of(verb: Token, figure: Token | None = None) -> Token | None:
    """The subject of a verb: its passive agent, its nominal subject (one that does not hold the figure, when the
    parser gave it two), or a name right before it."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [grand for grand in child.children if grand.dep_ == "pobj"]
            if objects:
                return objects[0]
    passive = any(child.dep_ == "auxpass" for child in verb.children)
    subjects = [child for child in verb.children if child.dep_ in SUBJECTS
                and not (child.lower_ == "there" or (child.lower_ == "it" and passive))  # "it was reported that"
                and not _label(child)]
    if len(subjects) > 1:
        subjects = [subject for subject in subjects if not _dateline(subject)]  # "SEATTLE (AP) — Officials have"
    if len(subjects) > 1:  # "a man who they say killed 18": "who" is the subject of the killing, "they" of the saying
        subjects = [subject for subject in subjects if subject.tag_ not in ("WP", "WDT")] or subjects
    if figure is not None and len(subjects) > 1:  # two subjects are a misparse: "More than 135,000 flee RSF
        subjects = [subject for subject in subjects if not _inside(figure, subject)] or subjects  # attacks, IOM says"
    if len(subjects) > 1 and subjects[0].pos_ == "NOUN" and subjects[1].i == subjects[0].i + 1 and subjects[1].pos_ == "PROPN":
        return subjects[1]  # "the state news agency SANA reported": the parser splits the description from its name
    if subjects:
        return subjects[-1] if _addressed(subjects[0]) else subjects[0]
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    if verb.dep_ == "ROOT" and not passive:
        return _name_before(verb)
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker a closing report names after its verb, which the parser reads as the object:
    "..., reported the Funke media group, citing figures from ..."."""
    if not verb.i or verb.doc[verb.i - 1].text != "," or verb.lemma_.lower() not in _reporting_verbs():
        return None
    return next((child for child in verb.children if child.dep_ == "dobj" and child.pos_ == "PROPN"), None)


def _dateline(token: Token) -> bool:
    """Is the token the city of a dateline opening the sentence ("ISLAMABAD –", "SEATTLE (AP) —")?"""
    doc = token.doc
    city = 0
    while city < len(doc) and doc[city].is_alpha and doc[city].text.isupper() and len(doc[city]) > 1:
        city += 1  # "BUENOS AIRES"
    if not (0 < city < len(doc) and token.left_edge.i == 0 and token.i < city):
        return False
    # then the country or the date ("KYIV, Ukraine", "BUENOS AIRES, Oct 26:") and the agency's tag ("(AP)")
    end = next((later.i for later in doc[city : city + 8] if later.text in DASHES or later.text == ":"), None)
    return end is not None and all(between.text in ",()" or between.is_alpha or between.like_num for between in doc[city:end])


def _label(token: Token) -> bool:
    """Is the token a label before a colon ("Lifeboats: The station had 33 callouts, the RNLI said")?

    A roundup item's label names its topic; the parser sometimes takes it for a subject.
    """
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.text == ":" and token.left_edge.i == 0


def _agent_below(verb: Token) -> Token | None:
    """The agent of a passive verb that the parser hung lower down ("was estimated at 9 percent of the herd
    by the National Statistics Office", with "by" attached to "herd")."""
    for token in verb.subtree:
        if token.dep_ == "prep" and token.lower_ == "by" and token.i > verb.i \
                and not any(link.pos_ == "VERB" for link in token.ancestors if link.i > verb.i and _inside(link, verb)):
            names = [child for child in token.children if child.dep_ == "pobj" and child.pos_ == "PROPN"]
            if names:
                return names[0]
    return None


def _subject_of_as_clause(verb: Token) -> Token | None:
    """The named subject of the clause a subjectless "as stated in its press release" comments on.

    "The IFRC launched an appeal for 3.8 million francs, as stated in its press release": the
    IFRC stated it. A subject naming nobody ("As reported earlier, the storm caused ...") gives none.
    """
    if verb.dep_ != "advcl" or not any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children):
        return None
    current = verb.head
    subject = _subject_of(current)
    while subject is None and current.dep_ in ("advcl", "xcomp", "conj") and current.head != current:
        current = current.head  # "launched an appeal ... to support 20,000 families, as stated ..."
        subject = _subject_of(current)
    return subject if subject is not None and subject.pos_ == "PROPN" else None


def _addressed(token: Token) -> bool:
    """Is the token a name said to the listener at the start of a turn ("Meera, the department told us ...")?"""
    doc = token.doc
    start = token.i == 0 or doc[token.i - 1].text == ":"
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return start and token.pos_ == "PROPN" and following is not None and following.text == ","


def _name_before(verb: Token) -> Token | None:
    """A person or body named just before a verb the parser left without a subject.

    "Speaking to Radio X on Wednesday, the mayor, Ana Lenz, said ...": the parser hangs
    the name off the date; the name right before "said" is still who said it.
    """
    previous = verb.i - 1
    while previous >= 0 and verb.doc[previous].is_punct:
        previous -= 1
    entity = next((entity for entity in verb.doc.ents if entity.end == previous + 1), None)
    if entity is None and previous >= 0:  # "..., the Observatory, which relies on activists, said"
        clause = next((token for token in [verb.doc[previous], *verb.doc[previous].ancestors]
                       if token.dep_ in ("relcl", "acl") and token.i < verb.i), None)
        described = clause.head if clause is not None else None
        if described is not None and described.pos_ == "PROPN" and described.ent_type_ not in ("GPE", "NORP", "DATE"):
            return described  # a name, whatever label the tagger gave it
    return entity.root if entity is not None and entity.label_ in ("PERSON", "ORG") else None


def _core(head: Token) -> list[Token]:
    """The noun phrase of a subject without relative clauses, appositions or trailing commas."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl") and child.i > head.i:
            continue
        if child.dep_ == "case":
            continue  # the "'s" of "the ministry's bulletin"
        if child.i > head.i and child.tag_ in ("VBN", "VBG") and head.doc[child.i - 1].text == ",":
            continue  # "three pollsters, based on ballots counted ...": a participle set off after the name
        # "an official with the state authority, who asked not to be named": the clause is not the name, nor is
        # a participle set off by a comma ("Doctors Without Borders, known by its French initials MSF,")
        clauses = {inner.i for token in child.subtree if token.dep_ == "relcl"
                   or (token.dep_ == "acl" and token.i and token.doc[token.i - 1].text == ",") for inner in token.subtree}
        tokens.extend(token for token in child.subtree if token.i not in clauses)
    return sorted(tokens, key=lambda token: token.i)


def _set_off(apposition: Token) -> bool:
    """Is an apposition set off by a comma or dash from what it describes ("AMTI, a project of ...")?"""
    before = apposition.doc[apposition.left_edge.i - 1] if apposition.left_edge.i else None
    return before is not None and (before.text == "," or before.text in DASHES)


def _source_of(noun: Token) -> Token | None:
    """Who a source noun belongs to: "X's figures", "its own figures", "X figures", "figures from X",
    "data compiled by X", "the data X released", "a report quoting X"."""
    for child in noun.children:
        if child.dep_ == "poss" and (child.pos_ in ("PROPN", "NOUN") or child.lower_ in OWNER_PRONOUNS):
            return child
    for child in noun.children:  # a named issuer outranks the words of the document's own title
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            objects = [grand for grand in child.children if grand.dep_ == "pobj"]
            if objects:
                return objects[0]  # "the Nationwide Encounters Report from X"
        if child.dep_ == "relcl":
            subjects = [grand for grand in child.children if grand.dep_ == "nsubj" and grand.tag_ not in ("WDT", "WP")]
            if subjects:
                return subjects[0]  # "the numbers the ministry released show"
        if child.dep_ == "acl":
            cited = next((grand for grand in child.children if grand.dep_ == "dobj"), None)
            if child.lemma_.lower() in _citing_verbs() and cited is not None:
                return cited  # "a local media report quoting the health ministry said": the ministry
            for grand in child.children:
                if grand.dep_ == "agent" or (grand.dep_ == "prep" and grand.lower_ == "from"):
                    objects = [item for item in grand.children if item.dep_ == "pobj"]
                    if objects:
                        return objects[0]  # "data compiled by X", "data sourced from X"
    for child in noun.children:
        if child.dep_ == "compound" and (child.pos_ == "PROPN" or child.lower_ in resources.words("body_nouns")
                                         or _key(child.text) in _aliases()):
            return child  # "a YouGov poll", "UNHCR data", "Customs figures", "Unicef figures" (read as a noun)
        if child.dep_ == "amod" and child.lower_ in resources.words("body_nouns"):
            return child  # "a military statement"
    return None


def _mention(doc: Doc, head: Token, verb: Token | None) -> Mention:
    if head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
        head = head.head.head  # "the union, which says ..." -> the union
    head = _antecedent_in_sentence(doc, head)
    document = None
    written = next((child for child in head.children if child.dep_ == "poss"
                    and child.lower_ in resources.words("source_nouns")), None)
    if written is not None and head.lower_ in resources.words("author_nouns"):
        head = written  # "the report's authors estimate": the report's claim, whoever it belongs to
    while head.lower_ in resources.words("source_nouns"):
        # "the ministry's bulletin listed ..." -> the ministry; "the average of estimates compiled by X" -> X
        source = _source_of(head)
        if source is None or _named_with(head, source):
            break  # but the "US Geological Survey" is a body
        document, head = document or head.lower_, source
    dateline = _dateline(head)
    head = next((child for child in head.children if child.dep_ == "appos"), head) if dateline else head
    # "ISLAMABAD – The National Disaster Management Authority (NDMA) has released": the dateline's city is no subject
    addressed = next((child for child in head.children if child.dep_ == "appos"
                      and any(e.label_ == "ORG" and e.start <= child.i < e.end for e in doc.ents)), None)
    if addressed is not None and _addressed(head):
        head = addressed  # "Meera, the Department of Tourism told us ...": a person addressed, not a body's name
    elif addressed is not None and _set_off(addressed) and (head.ent_type_ == "GPE" or geography.country_of_city(head.text)):
        head = addressed  # "... near the capital Nouakchott, the IOM said": the place ends the clause before the speaker
    if head.pos_ == "NOUN" and head.lower_ not in resources.words("titles") \
            and not any(entity.label_ == "ORG" and entity.start <= token.i < entity.end for token in _core(head) for entity in doc.ents):
        named = next((child for child in head.children if child.dep_ == "appos" and child.i > head.i and child.pos_ == "PROPN"
                      and not any(entity.label_ in ("PERSON", "GPE") and entity.start <= child.i < entity.end for entity in doc.ents)), None)
        if named is not None:
            head = named  # "The provincial emergency service, Rescue 1122, said": the body's name, not its description
    tokens = _core(head) if head.pos_ != "PRON" else [head]
    if head.pos_ == "PROPN" and head.text[:1].isupper() and head.ent_type_ not in ("PERSON", "GPE") \
            and head.lower_ not in _body_words():
        described = [token for token in tokens if token.i < head.i and token.dep_ == "compound" and token.pos_ == "NOUN"
                     and token.text.islower()]
        if described:  # "the state news agency Narvo", "rights group Amnesty International": the name after its kind
            tokens = [token for token in tokens if token.i > described[-1].i]
    coordinated = any(child.dep_ == "cc" for child in head.children)
    if coordinated:
        whole = sorted(head.subtree, key=lambda token: token.i)
        titled = [entity for entity in doc.ents if entity.label_ == "PERSON" and whole[0].i < entity.start
                  and entity.end == whole[-1].i + 1 and doc[entity.start - 1].lower_ in resources.words("titles")]
        if titled:
            return _mention(doc, titled[0].root, verb)  # "fire service and civil defence assistant director Ali Khan"
    if any(child.dep_ == "appos" or (child.dep_ == "conj" and not coordinated) for child in head.children):
        tokens = sorted(head.subtree, key=lambda token: token.i)  # keep "X, the head of Y," (parsed as appos or conj)
    span = doc[tokens[0].i : tokens[-1].i + 1]
    # what a relative clause says of the speaker names no speaker: "X, a charity that works around Calais,"
    described = {inner.i for token in span if token.dep_ in ("relcl", "acl") for inner in token.subtree}
    entities = [entity for entity in doc.ents if entity.start >= span.start and entity.end <= span.end
                and entity.root.dep_ != "npadvmod"  # "a Kraków-based research group" is no person or place
                and entity.root.i not in described]
    appositions = [child for child in head.children if child.dep_ == "appos"]
    named_as = {entity.label_ for entity in entities if entity.start <= head.i < entity.end}
    if "ORG" in named_as or (head.pos_ == "PROPN" and "PERSON" not in named_as):
        # "AMTI, a project of the Center for ...,": the body speaks, not the one its apposition names
        # but "the Lahore Waste Management Company spokesperson Ali Raza" (no comma) is the person
        described_by = {inner.i for child in appositions if _set_off(child) for inner in child.subtree}
        entities = [entity for entity in entities if entity.root.i not in described_by]
    if head.pos_ == "PROPN" and appositions and all(child.pos_ == "NOUN" for child in appositions) \
            and not any(entity.label_ in ("PERSON", "ORG") for entity in entities):
        core = _core(head)  # "Utopia 56, a French charity ...,": the name the tagger missed, without its description
        span = doc[core[0].i : core[-1].i + 1]
    # the person the phrase is headed by first: "Cal Fire spokesman Tom Lee", with "Cal Fire" tagged a person too
    persons = [entity.text for entity in sorted((entity for entity in entities if entity.label_ == "PERSON"),
                                                key=lambda entity: not entity.start <= head.i < entity.end)]
    based = {inner.i for child in head.children if child.dep_ == "amod" and child.lower_ == "based" for inner in child.subtree}
    national = {child.i for child in head.children if child.dep_ in ("amod", "compound")
                and (child.ent_type_ in ("NORP", "GPE") or child.tag_ == "JJ")}  # "the separatist alliance"
    is_description = head.tag_ == "NN" and [token.lower_ for token in span if token.i not in based | national][:-1] \
        in (["the"], ["this"], ["that"])  # "the agency", "the Rome-based agency", "the British brand"
    is_document = head.lower_ in resources.words("source_nouns") and span[0].lower_ in ("the", "this", "these") \
        and all(token.pos_ == "ADJ" for token in span[1:-1]) and not entities
    if head.lower_ in resources.words("titles") and not persons:
        whole = sorted(head.subtree, key=lambda token: token.i)  # "the group's leader, who gave his name as Ko Thura,"
        persons = [entity.text for entity in doc.ents if entity.start >= whole[0].i and entity.end <= whole[-1].i + 1
                   and (entity.label_ == "PERSON" or (entity.label_ == "ORG" and entity.root.dep_ == "appos"))]
        if not persons and whole[-1].i + 2 < len(doc) and doc[whole[-1].i + 1].text == ",":
            # "according to the EU's chief diplomat, Josep Borrell, ahead of ...": an apposition the parser cut off
            persons = [entity.text for entity in doc.ents if entity.label_ == "PERSON" and entity.start == whole[-1].i + 2
                       and (entity.end == len(doc) or doc[entity.end].is_punct)]
        body = next((grand for child in head.children if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with")
                     for grand in child.children if grand.dep_ == "pobj"), None)
        if not persons and body is not None and head.pos_ == "NOUN":
            return _mention(doc, body, verb)  # "a spokeswoman for the airline": the body speaks
    # a "person" modifying a plural noun is a nationality the tagger does not know ("Lutanian officials"), and
    # one modifying an institution's noun or a title is its place ("Nepal tourism department", "Bohol Governor X")
    adjectives = [entity.text for entity in entities if entity.label_ == "PERSON" and len(entity) == 1
                  and entity.root.dep_ in ("amod", "compound")
                  and (entity.root.head.tag_ == "NNS" or entity.root.head.lower_ in resources.words("body_nouns")
                       or entity.root.head.lower_ in resources.words("titles") and len(persons) > 1)]
    # a country the tagger reads as a body ("Moldova's Ministry of ...") is a place
    countries = [entity.text for entity in entities if entity.label_ == "ORG" and _place_key(entity.text) in _countries()]
    return Mention(
        text=span.text,
        persons=tuple(person for person in persons if person not in adjectives),
        # the tagger's span may keep the owner's "'s" ("Lopes’s office said")
        orgs=tuple(_TRAILING_POSSESSIVE.sub("", entity.text) for entity in entities
                   if entity.label_ == "ORG" and entity.text not in countries),
        places=tuple(entity.text for entity in entities if entity.label_ in ("GPE", "NORP")) + tuple(adjectives)
        + tuple(countries),
        is_pronoun=head.lower_ in PRONOUNS or head.lower_ in OWNER_PRONOUNS,
        is_plural=head.tag_ in ("NNS", "NNPS"),
        is_description=is_description,
        is_document=is_document,
        verb=verb,
        antecedent=_antecedent(doc, head) if is_description else None,
        document=document,
        # a nationality says nothing by itself: "the African continent had reported" is no source, "Kenyan officials" are
        can_speak=_names_speaker([entity for entity in entities if not _nationality_of(entity, head)]) or _speaks(head),
    )


def _named_with(noun: Token, other: Token) -> bool:
    """Are both words inside one name the tagger found ("US Geological Survey")?"""
    return any(entity.start <= noun.i < entity.end and entity.start <= other.i < entity.end for entity in noun.doc.ents)


def _antecedent_in_sentence(doc: Doc, pronoun: Token) -> Token:
    """The subject of the sentence's main clause that a later pronoun in it points to ("Authorities searched for a
    man who they say killed 18", "President X last spoke of losses in February, when he said ..."), or the
    pronoun itself."""
    if pronoun.lower_ not in ("they", "he", "she"):
        return pronoun
    root = main_root(doc)
    subject = _subject_of(root) if root is not None else None
    if subject is None or subject.i >= pronoun.i or not _speaks(subject):
        return pronoun
    agrees = subject.tag_ in ("NNS", "NNPS") if pronoun.lower_ == "they" else subject.ent_type_ == "PERSON"
    return subject if agrees else pronoun


def _nationality_of(entity: Span, head: Token) -> bool:
    return entity.label_ == "NORP" and entity.root.head == head and entity.root.dep_ in ("amod", "compound")


@lru_cache(maxsize=None)
def _speaker_words() -> frozenset[str]:
    """Head nouns that name a person, a body or a document that can be a source."""
    people = {row["noun"] for row in resources.table("units") if row["category"] in ("person", "personnel")}
    words = frozenset(people).union(*(resources.words(name) for name in SPEAKER_WORD_LISTS))
    return words | {word.removesuffix("s") for word in words}  # the lists mix singulars and plurals; match lemmas


@lru_cache(maxsize=None)
def _count_nouns() -> frozenset[str]:
    """Nouns that stand for a figure ("number", "total") and are no source's document, as "figures" are."""
    references = {row["noun"] for row in resources.table("units") if row["category"] == "reference"}
    return frozenset(references - resources.words("source_nouns"))


@lru_cache(maxsize=None)
def _speaker_endings() -> tuple[str, ...]:
    """Endings that make a noun a speaker noun ("-ologists"), the `-` entries of speaker_nouns.txt."""
    return tuple(word[1:] for word in resources.words("speaker_nouns") if word.startswith("-"))


def _names_speaker(entities: list[Span]) -> bool:
    """Does a phrase name a person, body or place ("A nurse, Lotte Peeters,", "analysts at X")?"""
    return any(entity.label_ in SPEAKER_ENTITIES for entity in entities)


def _speaks(head: Token) -> bool:
    """Can a subject phrase headed by `head` be the source of a figure at all?

    Attribution rules find the subject of a reporting verb, but on real news that subject is
    sometimes a thing ("homes", "wire fraud"), a figure ("24 per cent of adults", "five
    launches"), a time ("a busy December") or a bare determiner ("that"): none of them can say
    anything, whatever the phrasing. A person, a body, a document or a named entity can.
    """
    entity = next((entity for entity in head.doc.ents if entity.start <= head.i < entity.end), None)
    if entity is not None:
        return entity.label_ not in FIGURE_AND_TIME_ENTITIES
    if (head.pos_ in ("PRON", "DET") or head.tag_ in ("WDT", "DT")) and not (len(head) > 1 and head.text.isupper()):
        return head.lower_ in PRONOUNS or head.lower_ in POSSESSIVE_PRONOUNS  # but "WHO confirms 63 cases" is a body
    if head.pos_ == "PROPN" or _key(head.text) in _aliases():
        return True  # a name the tagger did not recognise ("Unicef figures show", read as a common noun)
    if head.lower_ in _count_nouns():
        return False  # "the number of cases reported so far": a figure's noun, not a speaker
    # "organisation evofenedex"; but a document's word names no speaker ("the party-list contest")
    named = [head, *(child for child in head.children if child.dep_ == "compound"
                     and child.lower_ not in resources.words("source_nouns"))]
    return sum(letter.isupper() for letter in head.text) > 1 or any(_speaker_word(token) for token in named)


def _speaker_word(token: Token) -> bool:
    """Is the token, or its lemma, a speaker noun or a word with a speaker noun's ending ("seismologists")?"""
    forms = (token.lower_, token.lemma_.lower())
    return any(form in _speaker_words() or form.endswith(_speaker_endings()) for form in forms)


def _antecedent(doc: Doc, head: Token) -> str | None:
    """The organisation a description refers back to within its sentence.

    "Lufthansa cancelled 1,100 flights, a stoppage the airline said would affect ...":
    a description after the main clause's named subject is that subject.
    """
    root = main_root(doc)
    subject = _subject_of(root) if root is not None else None
    if root is not None and subject is not None and _inside(subject, head):
        # "Volkswagen will cut 4,000 jobs, the company said": the subject of the clause the description closes
        reported = next((child for child in root.children if child.dep_ == "ccomp" and child.i < head.i), None)
        subject = _subject_of(reported) if reported is not None else None
    if subject is None or subject.i >= head.i or _inside(head, subject):
        return None
    return next((entity.text for entity in doc.ents if entity.label_ == "ORG" and entity.start <= subject.i < entity.end), None)


def _inside(token: Token, head: Token) -> bool:
    return head == token or head in token.ancestors


def attribution(doc: Doc, anchor: Token) -> Mention | None:
    """The source a sentence gives for the figure whose last token is `anchor`.

    Args:
        doc: one parsed sentence.
        anchor: the figure's last token in `doc`.

    Returns:
        The first candidate mention that can speak (see `_speaks`), or None when the sentence gives no source.
    """
    return next((mention for mention in _candidate_mentions(doc, anchor) if mention.can_speak), None)


def _candidate_mentions(doc: Doc, anchor: Token) -> Iterator[Mention]:
    """Every source a sentence may give for the figure, most likely first.

    The subjects of the reporting verbs over the figure, "according to X", the speaker of a
    surface-order report, the nearest reporting verb's subject, an ownerless "according to"
    source, and the owner of a source noun.
    """
    verbs = _reporting_verbs()
    quoted = _speaker_after_quote(doc, anchor)
    if quoted is not None:
        yield quoted
    headline = _headline_speaker(doc, anchor)
    if headline is not None:
        yield headline
    if anchor.dep_ == "ROOT" and anchor.pos_ == "VERB" and anchor.lemma_.lower() in verbs:
        subject = _subject_of(anchor)  # a whole sentence's own verb, as for the line that closes a quote
        if subject is not None and subject.lower_ not in FIRST_PERSON \
                and not _first_person_owned(subject):  # but '"Our customers are telling us the same"' is a quote
            yield _mention(doc, subject, anchor)  # '"...," he said, according to the Ledger': he, relayed by it
    gapped = _gapped_speaker(anchor)
    if gapped is not None:
        yield _mention(doc, gapped, gapped.head)
    owned = _owned_document(anchor)
    if owned is not None:
        yield _mention(doc, owned, None)
    candidates = _reporting_verbs_over(anchor)
    speakers = [_speaker_of(verb, anchor) for verb in candidates]
    surface = _surface_report(doc, anchor)
    for position, (verb, subject) in enumerate(zip(candidates, speakers)):
        if surface is not None and surface.verb is not None and verb.i < surface.verb.i and _side_report(surface.verb):
            yield surface  # "US unveils $1.2bn ... as EU adds €500 million": the side clause nearer the figure
        if subject is None or subject.lower_ in FIRST_PERSON or _first_person_owned(subject):
            continue  # "we counted 3,000", "our data show" inside a quote: the speaker is outside
        mention = _mention(doc, subject, verb)
        if subject.lower_ in resources.words("source_nouns") and _source_of(subject) is None and not mention.is_document:
            continue  # "with estimates suggesting that ...": nobody's estimates; but "the assessment found" is one seen
        if any(outer is not None and _defers(mention, subject, outer) for outer in speakers[position + 1 :]):
            continue  # "the minister said the government had offered 3.5 percent": the minister
        place_only = mention.text in mention.places and not mention.orgs and not mention.persons
        relayed = verb.dep_ == "ccomp" and verb.head in candidates[position + 1 :]
        if place_only and (relayed or _cites_source(doc)):
            continue  # "PAHO said Mexico reported 268,000 cases", "according to X, four countries reported": X relays
        yield mention
    closing = _closing_source(doc, anchor)
    if closing is not None:
        yield closing
    ownerless: Mention | None = None  # "according to data released under ...": used only if nobody else speaks
    # "107,000 according to the ministry, 300,000 according to the union": the nearest one after the figure first
    for token in sorted(doc, key=lambda token: (token.i < anchor.i, abs(token.i - anchor.i))):
        if token.lower_ == "according" or (token.lower_ == "as" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "per"):
            # "according to X", and "as per X" of South Asian English
            objects = [grand for child in token.children if child.lower_ in ("to", "per") for grand in child.children if grand.dep_ == "pobj"]
            if objects and not _inside(anchor, objects[0]):
                mention = _mention(doc, objects[0], token)  # "according" stands in for the reporting verb
                if objects[0].lower_ not in resources.words("source_nouns") or _source_of(objects[0]) is not None \
                        or mention.orgs:  # "according to the WHO epidemiological update": the WHO's
                    yield mention
                ownerless = ownerless or mention
    if surface is not None:
        yield surface
    for token in sorted(doc, key=lambda token: abs(token.i - anchor.i)):
        if token.lemma_.lower() in verbs and token.pos_ == "VERB" and not _reports_other(token, anchor) \
                and not _hearsay(token) and not _in_setting(anchor, token) and not _describes_a_noun(token, anchor):
            subject = _subject_of(token) or _subject_of_as_clause(token)
            if subject is not None and not _inside(anchor, subject) and subject.lower_ not in FIRST_PERSON \
                    and not _first_person_owned(subject):  # "Our customers are telling us": a quote, not a source
                mention = _mention(doc, subject, token)  # "SEPA recorded 12 breaches, according to data ...": SEPA
                if token.lemma_.lower() in resources.words("place_verbs") and mention.places and not mention.orgs \
                        and not mention.persons and subject.pos_ == "PROPN":
                    continue  # but "Kenya has recorded 16,700 cases": the place where they were recorded
                yield mention
    if ownerless is not None:
        yield ownerless
    sources = resources.words("source_nouns")
    for token in doc:
        # in the figure's own clause: not "... survived seven attempts and has topped Israel's most wanted list"
        if token.lower_ in sources and _inside(anchor, token.head):
            owners = [child for child in token.children if child.dep_ == "poss"]
            if owners and owners[0].pos_ in ("PROPN", "NOUN"):
                yield _mention(doc, owners[0], None)


def _owned_document(anchor: Token) -> Token | None:
    """The owner of the document a figure is the content of: "the UN estimate of 670", "the ministry's tally of 45"."""
    preposition = anchor.head
    if anchor.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.lower_ not in resources.words("source_nouns"):
        return None
    return next((child for child in preposition.head.children if child.dep_ in ("poss", "compound")), None)


def _gapped_speaker(anchor: Token) -> Token | None:
    """The second speaker of a report whose verb is left out ("organisers put the turnout at 250,000 and police
    at 48,000"): the noun the parser hangs on the verb between the first speaker's figure and this one's "at".
    One that cannot speak ("put the turnout at 250,000 and the crowd at 300,000") is passed over."""
    preposition = anchor.head
    verb = preposition.head
    if anchor.dep_ != "pobj" or preposition.dep_ != "prep" or verb.lemma_.lower() not in _reporting_verbs():
        return None
    earlier = [child.i for child in verb.children if child.dep_ == "prep" and child.lower_ == preposition.lower_
               and child.i < preposition.i]
    speakers = [child for child in verb.children if child.dep_ in ("conj", "dobj") and child.pos_ in ("NOUN", "PROPN")
                and earlier and earlier[-1] < child.i < preposition.i]
    return speakers[-1] if speakers else None


def _speaker_after_quote(doc: Doc, anchor: Token) -> Mention | None:
    """The speaker of a quotation the figure is in, named right after it ('"..., we expect another 25,000,"
    a representative of X told'), however the parser hung the verb."""
    if not _quoted(anchor):
        return None
    closing = next((token for token in doc[anchor.i + 1 :] if token.is_quote), None)
    if closing is None:
        return None
    verb = next((token for token in doc[closing.i + 1 : closing.i + 1 + _QUOTE_SPEAKER_REACH]
                 if token.pos_ == "VERB" and token.lemma_.lower() in _reporting_verbs()), None)
    subject = _subject_of(verb) if verb is not None else None
    if subject is None or subject.i < closing.i or subject.lower_ in FIRST_PERSON:
        return None
    # '"...," X quoted the committee as saying' and '"...," Polish Radio quotes Y': the one quoted
    cited = next((child for child in verb.children if child.dep_ == "dobj"), None) \
        if verb.lemma_.lower() in _citing_verbs() else None
    return _mention(doc, _quoted_as_saying(verb) or cited or subject, verb)


def _headline_speaker(doc: Doc, anchor: Token) -> Mention | None:
    """The speaker a headline names after a colon at its end: "Arrivals may top 25,000: Bowles", "...: Lebanese
    health ministry".

    A name before a colon at the start ("Police: 12 arrested") is left alone: there it is as often a label.
    A wire headline credits its source after a closing dash instead ("... after camp fire -UN", "... - police").
    """
    dashed = _DASH_SOURCE.search(doc.text.rstrip())
    if dashed is not None and anchor.idx < dashed.start():
        name = dashed.group("name")
        last = name.split()[-1].casefold()
        speaker = last in _speaker_words() and last not in resources.words("source_nouns") \
            or last in resources.words("body_nouns")  # "- police", "- health ministry"; but not "- live updates"
        tagged = any(name.casefold().endswith(tag) for tag in resources.words("headline_tags"))
        if (name[:1].isupper() or speaker) and not tagged:
            return Mention(text=name, orgs=(name,) if name[:1].isupper() else (), can_speak=True)
    if doc.text.count(":") != 1:
        return None
    words = [token for token in doc if not (token.is_punct and token.text != ":")]
    colons = [index for index, token in enumerate(words) if token.text == ":"]
    if len(colons) != 1:
        return None
    after = words[colons[0] + 1 :]
    # capitalised words, but not a list's one country ("two nationals from one country: Italy")
    if 0 < len(after) <= _HEADLINE_NAME_WORDS and after[0].text[:1].isupper() and anchor.i < after[0].i \
            and not any(token.like_num or token.ent_type_ == "DATE" for token in after) \
            and doc[after[0].i : after[-1].i + 1].text.lower() not in _countries() \
            and (all(token.text[:1].isupper() or token.lower_ in ("of", "the", "for") for token in after)
                 or after[-1].lower_ in resources.words("body_nouns")) \
            and any(token.pos_ in ("NOUN", "PROPN") for token in after):  # not a link's "Watch" or "Read"
        return replace(_span_mention(doc[after[0].i : after[-1].i + 1], None), can_speak=True)  # a name, however tagged
    return None


def _cites_source(doc: Doc) -> bool:
    """Does the sentence cite a source with "according to" or "as per"?"""
    return any(token.lower_ in ("according", "as") and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("to", "per")
               for token in doc)


def _closing_source(doc: Doc, anchor: Token) -> Mention | None:
    """The source of a closing ", <name> has disclosed." whose name the parser did not make the verb's subject
    ("..., the West African Health Organisation (WAHO) has disclosed.")."""
    words = [token for token in doc if not token.is_punct]
    # the verb ends the sentence but for its own adjuncts: "... has disclosed", "... disclosed yesterday";
    # the tagger may read it as a plural noun the parse still joins to the main clause ("..., X reports as of noon")
    # or as the last noun of a compound it closes: "..., air force records show[NN]."
    relayed = {inner.i for token in words if token.lower_ == "according" for inner in token.subtree}
    words = [token for token in words if token.i not in relayed]  # "..., X announced on Friday, according to N-tv."
    verb = next((token for token in reversed(words) if token.pos_ == "VERB" or token.tag_ == "NNS" and token.dep_ == "conj"
                 and token.lower_ != token.lemma_.lower()
                 or token == words[-1] and token.dep_ == "ROOT" and any(child.dep_ == "compound" for child in token.children)), None)
    if verb is None or verb.lemma_.lower() not in _reporting_verbs() or verb.i <= anchor.i \
            or verb.dep_ in ("acl", "relcl", "amod"):
        return None  # "according to X data published on Sunday": the participle describes the data
    if not all(any(above.i > verb.i and above.dep_ in ("npadvmod", "advmod", "prep") for above in [token, *token.ancestors])
               for token in words if token.i > verb.i):
        return None  # time and place words only, wherever the parser hung them
    end = verb.i
    while end > 0 and doc[end - 1].pos_ == "AUX":
        end -= 1
    comma = next((token.i for token in reversed(doc[anchor.i + 1 : end]) if token.text == ","), None)
    if comma is None or comma + 1 >= end:
        return None
    if any(child.dep_ in ("nsubj", "nsubjpass") and child.i > comma for child in verb.children):
        return None  # the parse found the subject: the rules over the figure read it; but not one before the comma
        # ("... cases recorded in India, a media report quoting the ministry said": a misparse)
    phrase = doc[comma + 1 : end]
    if phrase.root.lower_ in resources.words("source_nouns") and _source_of(phrase.root) is not None:
        return _mention(doc, phrase.root, verb)  # ", a list released by X later in the night said.": X's
    if len(phrase) > 1 and phrase[-1].lower_ in resources.words("source_nouns") and phrase[-2].pos_ in ("NOUN", "PROPN"):
        return _span_mention(phrase[:-1], verb)  # ", air force records show.": the parse hangs both words on the verb
    return _span_mention(phrase, verb) if any(token.pos_ == "PROPN" for token in phrase) else None


CIRCUMSTANCE_MARKS = frozenset({"with", "after", "once", "when", "before", "until", "since"})


def _surface_report(doc: Doc, anchor: Token) -> Mention | None:
    """The speaker of the nearest "<subject phrase> <reporting verb>" before the figure, read in surface order.

    The parser sometimes tags the verb as a noun ("Figures from the council show ...", "Analysts
    at X estimate that ..."), leaves it without a subject ("... as EU adds €500 million") or leaves
    the figure outside it; the words still say who reports. A form that does not agree with the
    noun before it ("a council report says") is a noun, not a verb.
    """
    for verb in reversed(doc[: anchor.i]):
        if verb.lemma_.lower() not in _reporting_verbs() or verb.tag_ == "VBN" or _parsed_report(verb, anchor) \
                or _hearsay(verb) or _describes_a_noun(verb, anchor):
            continue  # a participle ("the 55 percent recorded in 2019") describes a noun
        if _quoted(verb) and not _quoted(anchor):
            continue  # '"SACMEX counts them as consumption," said X': the quoted words are X's
        if any(child.dep_ == "mark" and child.lower_ in CIRCUMSTANCE_MARKS for child in verb.children):
            continue  # "With all 650 results declared, turnout was 59.9%": a circumstance, not a report
        subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
        if verb.pos_ == "VERB" and subject is not None and not _inside(anchor, subject):
            return _mention(doc, subject, verb)  # a real verb whose clause the parser left the figure out of
        phrase = _phrase_before(verb)
        if phrase is not None and _agrees(phrase, verb):
            owner = _owner_in(phrase)
            return _span_mention(owner, verb) if owner is not None else None
    return None


def _describes_a_noun(verb: Token, anchor: Token) -> bool:
    """Is the verb a clause inside a prepositional phrase that leaves the figure out ("strikes against what it
    claims are militant targets, killing 40")? What it reports is the phrase's noun, not the figure."""
    return verb.dep_ == "pcomp" and not _inside(anchor, verb)


def _quoted(token: Token) -> bool:
    """Is the token between an opening and a closing quotation mark of its sentence?"""
    return sum(1 for before in token.doc[: token.i] if before.is_quote) % 2 == 1


def _side_report(verb: Token) -> bool:
    """Does a surface report open a side clause ("as EU adds", "while the union says")?"""
    phrase = _phrase_before(verb)
    return phrase is not None and phrase.start > 0 and phrase.doc[phrase.start - 1].lower_ in SIDE_CLAUSE_WORDS


def _parsed_report(verb: Token, anchor: Token) -> bool:
    """Does the parse already read this token as a verb with a subject over the figure, or as a noun phrase?"""
    before = verb.doc[verb.i - 1] if verb.i else None
    if before is not None and (before.pos_ == "DET" or before.tag_ in ("POS", "PRP$")):
        return True  # "the report", "the ministry's estimate", "its count"
    if verb.pos_ not in ("VERB", "AUX") and (verb.tag_ == "NNS" or verb.dep_ in NOUN_ROLES):
        return True  # "member states have pledged", "police records": a noun the parse uses as one
    return verb.pos_ in ("VERB", "AUX") and _inside(anchor, verb) and any(child.dep_ == "nsubj" for child in verb.children)


def _phrase_before(verb: Token) -> Span | None:
    """The noun phrase right before a token, up to the start of its clause ("as", a comma, a verb)."""
    start = verb.i
    while start > 0:
        token = verb.doc[start - 1]
        if token.pos_ in ("NOUN", "PROPN", "ADJ", "DET") or token.tag_ == "POS" \
                or (token.pos_ == "ADP" and token.lower_ in SUBJECT_PREPOSITIONS):
            start -= 1
        else:
            break
    phrase = verb.doc[start : verb.i]
    while len(phrase) and phrase[0].pos_ in ("ADP", "DET") and phrase[0].lower_ != "the":
        phrase = phrase[1:]
    return phrase if len(phrase) and phrase[-1].pos_ in ("NOUN", "PROPN") else None


def _head_of(phrase: Span) -> Token:
    """The last noun before the phrase's first preposition ("analysts" in "Danske Bank analysts at ...")."""
    nouns = [token for token in phrase if token.pos_ in ("NOUN", "PROPN")]
    before = [token for token in nouns if not any(t.pos_ == "ADP" for t in phrase.doc[phrase.start : token.i])]
    return before[-1] if before else nouns[-1]


def _agrees(phrase: Span, verb: Token) -> bool:
    """Does the verb form agree with the phrase's head ("figures show", "EU adds"), as a verb would?"""
    head, form, lemma = _head_of(phrase), verb.lower_, verb.lemma_.lower()
    if form == lemma:
        return head.tag_ in ("NNS", "NNPS")
    if form in (lemma + "s", lemma + "es"):
        return head.tag_ in ("NN", "NNP")
    return True  # a past form agrees with any subject


def _owner_in(phrase: Span) -> Span | None:
    """Who speaks in a subject phrase: the owner of a source noun ("Figures from the council"), else the phrase."""
    head = _head_of(phrase)
    if head.lower_ not in resources.words("source_nouns"):
        return phrase
    after = [token for token in phrase if token.i > head.i and token.pos_ == "ADP" and token.lower_ in ("from", "by", "of")]
    if after:
        return phrase.doc[after[0].i + 1 : phrase.end]
    owners = [token for token in phrase if token.i < head.i and (token.pos_ == "PROPN" or token.lower_ in resources.words("body_nouns"))]
    return phrase.doc[owners[0].i : head.i] if owners else None


def _span_mention(span: Span, verb: Token | None) -> Mention:
    """A mention read from the words of a span, not from its parse."""
    entities = [entity for entity in span.doc.ents if entity.start >= span.start and entity.end <= span.end]
    words = [token.lower_ for token in span]
    return Mention(
        text=span.text,
        persons=tuple(entity.text for entity in entities if entity.label_ == "PERSON"),
        orgs=tuple(entity.text for entity in entities if entity.label_ == "ORG"),
        places=tuple(entity.text for entity in entities if entity.label_ in ("GPE", "NORP")),
        is_description=len(words) == 2 and words[0] == "the" and span[-1].tag_ == "NN",
        verb=verb,
        can_speak=_names_speaker(entities) or _speaks(_head_of(span)),
    )


def source_line(text: str) -> Mention | None:
    """The body a "Source: X" credit names, for the figure set just before it on the same line.

    Fact boxes and charts credit each line's figure so ("Residents: 48,800. Source: X").
    """
    match = _SOURCE_LINE.fullmatch(text.strip())
    return Mention(text=match.group("name"), orgs=(match.group("name"),)) if match else None


def speaker_turn(line: str, text: str) -> Mention | None:
    """The speaker a transcript line is tagged with ("NIMA GYALZEN: We have 38 companies ..."), for its figures.

    A turn of the outlet's own staff ("PRESENTER:", or a name the text introduces as "our
    correspondent") gives no source: what they say is the outlet's.
    """
    match = _SPEAKER_TAG.match(line)
    if match is None:
        return None
    roles = resources.words("outlet_roles")
    tag = " ".join(part for part in match.groups() if part)
    if any(word in roles for word in re.findall(r"\w+", tag.casefold())):
        return None
    if geography.country_of_city(match.group(1).title()) and match.group(1).casefold() not in _country_names():
        return None  # "ISLAMABAD: The authority said ...": a city's dateline, not a turn; but "U.S.: Up to 900 killed"
    surname = match.group(1).split()[-1].casefold()
    for introduction in re.finditer(r"\b[Oo]ur\s+(\w+)((?:\s+[A-Z][\w\u2019'-]*){1,4})", text):
        if introduction.group(1).casefold() in roles and surname in introduction.group(2).casefold().split():
            return None  # "Our correspondent Dev Karki is in Kathmandu."
    if _key(match.group(1)) in _aliases():
        return Mention(text=match.group(1), orgs=(match.group(1),))  # "UN: More than 136,000 displaced": a body
    name = match.group(1).title()
    return Mention(text=name, persons=(name,))


def _reporting_verbs_over(anchor: Token) -> list[Token]:
    """The reporting verbs that govern a figure, innermost first.

    A reporting verb set beside a clause ("412 were confirmed by tests, the ministry
    added", parsed as parataxis) governs that clause from outside.
    """
    verbs: list[Token] = []
    for ancestor in anchor.ancestors:
        if _reports(ancestor, anchor) or _gives_count(ancestor, anchor):
            verbs.append(ancestor)
        verbs.extend(child for child in ancestor.children if (child.dep_ == "parataxis" or _closing_report(child))
                     and child.lemma_.lower() in _reporting_verbs() and not _inside(anchor, child)
                     and (child.pos_ == "VERB" or any(grand.dep_ == "nsubj" for grand in child.children)))
        # a word with a subject is a verb, however tagged: "..., the agency reports as of noon"
    # a report in brackets speaks for the brackets only: "80,000 took part (the police place the figure at 26,000)"
    return [verb for verb in verbs if _bracketed(verb) <= _bracketed(anchor)]


def _bracketed(token: Token) -> int:
    """How many brackets are open at the token."""
    before = token.doc[: token.i]
    return sum(1 for word in before if word.text == "(") - sum(1 for word in before if word.text == ")")


def _closing_report(clause: Token) -> bool:
    """Is this the sentence's closing ", <source> said." that the parser hung on the main verb as a clause
    or a conjunct ("About 9,000 gathered ..., a police report showed.", "..., the agency reports as of
    noon on Monday.")? A clause opened by a word ("as the union says") reports on its own, and one
    with an object or a clause of its own reports that."""
    if clause.dep_ in ("advcl", "conj") and _inverted_subject(clause) is not None:
        return True  # "..., reported the Funke media group, citing ..."
    if clause.dep_ not in ("advcl", "conj") or any(child.dep_ in ("mark", "dobj", *_CLAUSES) for child in clause.children):
        return False
    if any(token.pos_ in ("VERB", "AUX") for token in clause.doc[clause.i + 1 :]):
        return False  # only time and place words may follow
    subject = next((child for child in clause.children if child.dep_ == "nsubj" and child.i < clause.i), None)
    if subject is None or subject.left_edge.i == 0 or subject.right_edge.i != clause.i - 1:
        return False
    return clause.doc[subject.left_edge.i - 1].text == ","


def _gives_count(verb: Token, anchor: Token) -> bool:
    """Does the verb's object name the figure as a count ("officials used a figure of 120,000")?"""
    branch = next((token for token in [anchor, *anchor.ancestors] if token.head == verb and token != verb), None)
    return verb.pos_ == "VERB" and branch is not None and branch.dep_ == "dobj" \
        and branch.lower_ in resources.words("source_nouns")


def _speaker_of(verb: Token, anchor: Token) -> Token | None:
    """The subject of a reporting verb, or of the verb it hangs from ("..., warning that" -> who warned).

    A source the verb's subject cites ("AIM, citing the health directorate, reported")
    is the speaker instead.
    """
    quoted = _quoted_as_saying(verb.head.head) if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None
    if quoted is not None:
        return quoted  # "the agency quoted X as saying", "X was quoted as saying": X speaks
    reported = verb.head if verb.dep_ == "advcl" and verb.tag_ == "VBG" else None
    if reported is not None and reported.dep_ == "ccomp" and reported.lemma_.lower() not in _reporting_verbs() \
            and reported.head.lemma_.lower() in _reporting_verbs() and reported.head.pos_ == "VERB":
        return _speaker_of(reported.head, anchor)  # "X said the board will meet, adding that ...": X adds it
    subject: Token | None = None
    current: Token | None = verb
    while current is not None and subject is None:
        found = _subject_of(current, anchor)
        if found is None and any(child.dep_ == "auxpass" for child in current.children):
            found = _agent_below(current)
        subject = found if found is not None and not _inside(anchor, found) else None
        reported_itself = any(child.dep_ == "nsubjpass" and _inside(anchor, child) for child in current.children)
        if reported_itself:
            break  # "..., while 24 people were reported dead at X": by someone unnamed, not by the main clause's subject
        current = current.head if current.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and current.head != current else None
    participles = [child for child in verb.children if child.dep_ == "advcl"]  # "AIM, citing X, reported"
    participles += [child for child in subject.children if child.dep_ == "acl"] if subject is not None else []
    cited = [grand for child in participles if child.lemma_.lower() in _citing_verbs()
             for grand in child.children if grand.dep_ == "dobj" and not _owned_by_pronoun(grand)]
    return cited[0] if cited else subject


def _quoted_as_saying(quoting: Token) -> Token | None:
    """Whom a verb quotes "as saying" ("the agency quoted X as saying", "X was quoted as saying"), if it does."""
    if quoting.pos_ != "VERB" or not any(child.lower_ == "as" and any(grand.dep_ == "pcomp" for grand in child.children)
                                         for child in quoting.children):
        return None
    return next((child for child in quoting.children if child.dep_ in ("dobj", "nsubjpass")), None)


def _owned_by_pronoun(noun: Token) -> bool:
    """Is a source noun owned by a pronoun ("citing its own survey")? Then its owner is the one who cites it."""
    owner = _source_of(noun) if noun.lower_ in resources.words("source_nouns") else None
    return owner is not None and owner.lower_ in OWNER_PRONOUNS


def _defers(inner: Mention, subject: Token, outer: Token) -> bool:
    """Does an inner speaker give way to the speaker `outer` of a reporting verb above it?

    A passive agent ("confirmed by laboratory tests, the ministry added") or a pronoun
    ("the agency said it had recorded", "the agency said its figures showed") always does.
    A plain noun phrase naming nobody does inside the outer speaker's clause, with or without "that" ("the
    minister said (that) the government had offered 3.5 percent"): what it offered is what the minister says.
    With the inner speaker first ("police say 18,000, organisers claim 75,000"), each keeps its own figure.
    """
    if subject.dep_ == "pobj" or inner.is_pronoun or _told_the_speaker(subject.head):
        return True
    named = inner.persons or inner.orgs or inner.places or any(token.pos_ == "PROPN" for token in subject.subtree)
    # "that" may be left out, but testimony told to another is kept ("the charity said survivors told the BBC ...")
    told_another = any(child.dep_ in ("dobj", "dative") for child in subject.head.children)
    unmarked = subject.head.dep_ == "ccomp" and subject.head.head == outer.head and not told_another
    marked = unmarked or any(child.dep_ == "mark" and child.lower_ == "that" for child in subject.head.children)
    return not named and outer.i < subject.i and marked


def _told_the_speaker(verb: Token) -> bool:
    """Is the verb told to the outer speaker ("survivors had told its staff", "witnesses told them")?

    Testimony given to the speaker is relayed by the speaker: "the charity said survivors
    had told its staff 80 people boarded" is the charity's figure. Told to anyone else
    ("survivors told reporters") the inner speaker keeps it.
    """
    listeners = [child for child in verb.children if child.dep_ in ("dobj", "dative")]
    return verb.lemma_.lower() == "tell" and any(
        listener.lower_ in OBJECT_PRONOUNS
        or any(child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS for child in listener.children)
        for listener in listeners)


def _reports_other(verb: Token, anchor: Token) -> bool:
    """Does a reporting verb near the figure report something else instead?

    "as Verdi says 20,000 staff walked out", "the CEC put the number of ballots at ...",
    "WHO warns of spread" (no clause) and "a bill that would add $3 billion" (the figure
    is the object of a relative clause describing the bill, not a report) do not
    attribute the figure; "the monitor counted 640 deaths" does.
    """
    if _inside(anchor, verb):
        objects = [child for child in verb.children if child.dep_ == "dobj"]
        branch = next((token for token in [anchor, *anchor.ancestors] if token.head == verb), None)
        if branch is None:
            return False  # the figure's token is the verb itself
        if branch.dep_ == "dobj" and verb.lemma_.lower() in _acting_verbs() \
                and branch.lower_ not in resources.words("source_nouns"):
            return True  # "Israel releases 90 prisoners": an act, told by the outlet
        return _side_clause(branch) or (verb.lemma_.lower() in _clause_only_verbs() and verb.dep_ == "relcl"
                                         and any(obj in (anchor, anchor.head) for obj in objects))
    if verb.lemma_.lower() in _clause_only_verbs() and not any(child.dep_ in _CLAUSES for child in verb.children):
        return True
    return any(child.dep_ in (*_CLAUSES, "dobj") for child in verb.children)


def _first_person_owned(noun: Token) -> bool:
    return any(child.dep_ == "poss" and child.lower_ in ("our", "my") for child in noun.children)


def is_outlet(claimant: Claimant, outlet: str | None) -> bool:
    """Is the claimant the outlet that publishes the text ("a tally by The Yomiuri Shimbun" in its own paper)?"""
    if not claimant.name or not outlet:
        return False
    name, outlet_key = _key(claimant.name), _key(outlet)
    return len(name) > 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", outlet_key) is not None


def remember_subject(doc: Doc, context: DocumentContext) -> None:
    """Note a named subject that reports nothing ("The union, the GUHW, is demanding ...")
    as the antecedent of a later "it" or "he"."""
    root = main_root(doc)
    subject = _subject_of(root) if root is not None else None
    if subject is None or subject.lower_ in PRONOUNS or subject.lower_ in FIRST_PERSON:
        return
    mention = _mention(doc, subject, root)  # the verb, for the documents it issues ("X released a report")
    if mention.persons or mention.orgs or subject.pos_ == "PROPN":  # "Renfe rejected those figures."
        resolve(mention, context)


def continues_speaker(mention: Mention | None) -> bool:
    """Does a mention pick up the previous sentence's statement ("He added", "The agency said")?

    Only a pronoun or a description naming the speaker again as the subject of a reporting
    verb links the two sentences; "according to the commission's results" cites a source
    and says nothing about when.
    """
    return mention is not None and (mention.is_pronoun or mention.is_description) \
        and mention.verb is not None and mention.verb.lower_ != "according"


def reporting_hedge(mention: Mention | None) -> str | None:
    """The hedge a reporting verb gives ("estimated", "denied"), if any."""
    if mention is None or mention.verb is None:
        return None
    return _reporting_verbs().get(mention.verb.lemma_.lower()) or None


def _country_of(*texts: str) -> str | None:
    """The known country the first text that names one names: as a whole, as a run of capitalised words
    ("Ukraine's defence ministry"), or by a nationality inside a name ("Philippine Coast Guard").

    Each text is read whole before the next, so a body's own name ("the Icelandic Meteorological
    Office") wins over other places in its mention.
    """
    countries = _countries()
    for text in texts:
        cleaned = text.replace("\u2019", "'").replace(" 's", "'s")
        runs = re.findall(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)", cleaned)
        for candidate in (cleaned, *runs):
            candidate = re.sub(r"'s$", "", candidate.strip())
            candidate = re.sub(r"^the\s+", "", candidate, flags=re.IGNORECASE)
            if candidate.lower() in countries:
                return countries[candidate.lower()]
        adjective = next((word for run in runs for word in run.lower().split() if word in _country_adjectives()), None)
        if adjective:
            return countries[adjective]
    return None


def _country_of_places(places: tuple[str, ...], context: DocumentContext) -> str | None:
    """The country of a mention's places: a known country, one the document invents, or a city's."""
    return _country_of(*places) or _named_in_document(places, context) or _city_country(places, context)


def _city_country(places: tuple[str, ...], context: DocumentContext) -> str | None:
    """The country of the first of a mention's places that the document names as a GPE and that is a city."""
    return next((country for place in places if place in context.gpe
                 and (country := geography.country_of_city(place))), None)


def _international(claimant: Claimant) -> bool:
    """Does the claimant belong to no single country (a UN agency, the EU, NATO, a wire agency)?"""
    for name in (claimant.name, claimant.org):
        acronym = re.search(r"\s*\(([^)]+)\)?\s*$", name or "")  # "UN Refugee Agency (UNHCR)"
        bare = name[: acronym.start()] if name and acronym else name
        if bare and (_key(bare) in _international_bodies()
                     or (acronym is not None and _key(acronym.group(1)) in _international_bodies())):
            return True
    return False


@lru_cache(maxsize=None)
def _international_bodies() -> frozenset[str]:
    return frozenset(_key(name) for name in resources.words("international_bodies"))


def _lookup(name: str, context: DocumentContext) -> Claimant | None:
    """Exact alias, the document's acronym, or a near-miss spelling of an alias."""
    aliases = _aliases()
    key = _key(name)
    national = key.split(maxsplit=1)  # lowercase only: "Central Electoral Commission" is a name
    unmarked = national[1] if len(national) == 2 and national[0] in resources.words("national_words") \
        and national[0] in name else key
    # "the U.N.'s migration agency" is the "U.N. migration agency", "the federal health ministry" the "health ministry"
    for form in (key, key.replace("'s ", " "), unmarked):
        if form in aliases:
            return aliases[form]
    bare = name.strip(" ,.()")
    expanded = context.acronyms.get(bare)
    if expanded:
        return aliases.get(_key(expanded), Claimant(expanded, expanded, _country_of(name)))
    if _ACRONYM.fullmatch(bare):  # "according to the Department for Education ... The DfE's figures", never introduced so
        return next((claimant for claimant in reversed(context.heard)
                     if claimant.name is not None and bare.casefold() in _initials(claimant.name)), None)
    return _expanded(key, context)


def _expanded(short: str, context: DocumentContext) -> Claimant | None:
    """The one body heard in the document whose longer name `short` shortens ("the Coordination HQ": the
    "Coordination Headquarters for the Treatment of ..." that spoke before)."""
    longer = {claimant.name: claimant for claimant in context.heard
              if claimant.name is not None and _shortens(short, claimant.name)}
    return longer.popitem()[1] if len(longer) == 1 else None


def _initials(name: str) -> set[str]:
    """The acronyms a name may be shortened to: of every word ("DfE") or of its capitalised words ("NHS")."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", name)
    return {"".join(word[0] for word in chosen).casefold()
            for chosen in (words, [word for word in words if word[0].isupper()]) if len(chosen) >= 2}


def _near_miss(name: str) -> Claimant | None:
    """An alias spelled almost like `name` ("Kyrlo" for "Kyrylo"); for personal names only."""
    aliases = _aliases()
    close = difflib.get_close_matches(_key(name), list(aliases), n=1, cutoff=FUZZY_CUTOFF)
    return aliases[close[0]] if close and len(name) > 5 else None


def _person(name: str, context: DocumentContext) -> Claimant:
    name = strip_titles(name)
    words = name.split()
    if len(words) == 1:
        full = context.persons.get(name.casefold())
        if full is None:
            close = difflib.get_close_matches(name.casefold(), list(context.persons), n=1, cutoff=FUZZY_CUTOFF)
            full = context.persons[close[0]] if close else None
        if full is None:
            known = [claimant for claimant in set(_aliases().values())  # persons only: "Defense" is no surname
                     if claimant.name and claimant.name != claimant.org and claimant.name.split()[-1].casefold() == name.casefold()]
            if len(known) == 1:
                return known[0]
        name = full or name
    found = _lookup(name, context)
    if found is None and len(words) > 1:
        surname = context.persons.get(words[-1].casefold())
        if surname and surname != name and difflib.SequenceMatcher(None, surname, name).ratio() >= FUZZY_CUTOFF:
            name = surname
            found = _lookup(name, context)
    return found or _near_miss(name) or Claimant(name, None, None)


def _organisation(text: str, context: DocumentContext) -> Claimant:
    text = _TRAILING_ACRONYM.sub("", text) or text  # "West African Health Organisation (WAHO": the tagger's span
    found = _lookup(text, context)
    if found:
        return found
    possessive = _POSSESSIVE.match(text.replace("\u2019", "'"))
    if possessive:
        inner = _lookup(possessive.group(2), context)
        country = _country_of(possessive.group(1))
        if inner:
            return Claimant(inner.name, inner.org, inner.country or country)
    cleaned = re.sub(r"^(?:the)\s+", "", text.strip(" ,.;:"), flags=re.IGNORECASE)
    if len(cleaned.split()) == 1:
        person = _person(cleaned, context)  # NER often tags a bare surname as an organisation
        if person.name != cleaned:
            return person
    longer = next((full for full in context.acronyms.values() if full.startswith(cleaned) and full != cleaned), None)
    if longer:
        return _organisation(longer, context)  # NER cut "Organization for ... in Europe" short
    cleaned = _of_form(cleaned)
    return Claimant(cleaned, cleaned, _country_of(text))


def _shortens(short: str, full: str) -> bool:
    """Is `short` a shortened form of the longer body name `full`: the same first word, then words whose letters
    run in order through one later word of it ("Coordination HQ", "Coordination Headquarters for the ...")?"""
    words, full_words = short.casefold().split(), full.casefold().split()
    if len(words) < 2 or len(full_words) <= len(words) or words[0] != full_words[0]:
        return False
    return all(any(_letters_in_order(word, later) for later in full_words[1:]) for word in words[1:])


def _letters_in_order(letters: str, word: str) -> bool:
    remaining = iter(word)
    return letters[:1] == word[:1] and all(letter in remaining for letter in letters)


def _placed_owner(name: str, context: DocumentContext) -> str:
    """ "the city's health department" -> "Almaty health department": a place noun owning a body stands for the
    document's own place (its main country, or its first city); with none known the owner is dropped."""
    possessive = _POSSESSIVE.match(name.replace("\u2019", "'"))
    owner = possessive.group(1).strip().casefold().removeprefix("the ").strip() if possessive else ""
    if owner not in resources.words("place_nouns"):
        return name
    if owner in ("country", "nation"):
        place = context.country
    else:
        place = next((gpe for gpe in context.places if gpe in context.gpe and _place_key(gpe) not in _countries()
                      and geography.country_of_city(gpe)), None)
    return f"{place} {possessive.group(2).strip()}" if place else possessive.group(2).strip()


def _of_form(name: str) -> str:
    """ "Marovia's government" -> "Government of Marovia": the form canonical names of bodies take."""
    possessive = _POSSESSIVE.match(name.replace("\u2019", "'"))
    if not possessive or not possessive.group(2).strip():
        return name
    owner = re.sub(r"^(?:the)\s+", "", possessive.group(1).strip(), flags=re.IGNORECASE)
    owned = possessive.group(2).strip()
    if not set(owned.casefold().split()) & resources.words("local_government_words"):
        owner = _capitals().get(owner.casefold(), owner)  # "Kyiv's air force" is Ukraine's; "Madrid's regional government" not
    return f"{owned[:1].upper()}{owned[1:]} of {owner}" if owner[:1].isupper() else f"{owned} of the {owner}"


@lru_cache(maxsize=None)
def _capitals() -> dict[str, str]:
    """Lowercased capitals -> country: a capital owning a body stands for its country."""
    return {capital.lower(): row["country"] for row in resources.table("countries")
            for capital in row["capital"].split("|") if capital}


def resolve(mention: Mention | None, context: DocumentContext) -> Claimant:
    """The canonical claimant for a mention, updating the document's last speaker and its documents.

    Whatever path names the claimant, the documents it spoke in ("said in its daily bulletin") or owns
    ("a report by X") are its, so that a later "the bulletin recorded" or "the report estimates" is too.

    Args:
        mention: what `attribution` found, or None for an unattributed figure.
        context: the document's acronyms, people and last speaker.
    """
    if mention is None:
        return Claimant()
    claimant = _placed(_canonical(mention, context), context)
    earlier = next((heard for heard in reversed(context.heard)
                    if claimant.org is None and heard.name == claimant.name and heard.org not in (None, heard.name)), None)
    claimant = earlier or claimant  # "NDMA chairman Inam Haider said ... Haider added": still the NDMA's chairman
    context.heard.append(claimant)
    context.last_is_plural = mention.is_plural
    if mention.persons:
        context.last_person = claimant
    if claimant.name is not None and claimant.org is not None and claimant.name != claimant.org:
        known = context.speakers_for.setdefault(_key(claimant.org), claimant)
        if known != claimant:
            context.speakers_for[_key(claimant.org)] = None
    for document in [*_documents_spoken_in(mention.verb), *([mention.document] if mention.document else [])]:
        context.bodies.pop(document, None)  # re-inserted, so that the newest document is last
        context.bodies[document] = _body_of(claimant)  # a director quoted in the release does not own it
    member = _MEMBERS_OF.match(mention.text)
    noun = member.group(1).casefold() if member is not None else None
    if noun is not None and mention.orgs and not mention.persons and claimant.name is not None \
            and noun not in _tokens_of(" ".join(mention.orgs)):  # "the Ministry of Defence" is a name, not a member
        context.bodies.setdefault(noun, claimant)  # "Management at the X disputed ...", later "the management"
    return claimant


def _canonical(mention: Mention, context: DocumentContext) -> Claimant:
    """The canonical claimant for a mention (see `resolve`)."""
    if mention.is_pronoun:
        singular = mention.text.casefold() in SINGULAR_PERSON_PRONOUNS
        return context.last_person if singular and context.last_is_plural and context.last_person.name else context.last
    noun = mention.text.split()[-1].casefold()
    if mention.orgs and not mention.persons and mention.text.lower().startswith("the ") \
            and noun in resources.words("titles"):
        holder = context.speakers_for.get(_key(_organisation(mention.orgs[0], context).name or ""))
        if holder is not None:
            context.last = holder
            return holder  # "The NEBA Chairman, Prof. Amara Bello, said ... The NEBA Chief added": her
    titled = context.acronyms.get(_key(mention.text).upper())
    holder = _holder_of(_role(titled), context) if titled and _is_title(titled) and not mention.persons else None
    if holder:
        context.last = _person(holder, context)
        return context.last  # "Deputy Inspector General (DIG) X said ... the DIG said": X
    known = _lookup(mention.text, context)
    described = context.bodies.get(noun) if not mention.persons and not mention.orgs else None
    if described is not None and noun in resources.words("kind_nouns") and context.last.name is not None \
            and context.last.name == context.last.org and known is None \
            and not any(body == context.last for body in context.bodies.values()):
        # "X, a medical group, said ... The RSF denied ... the group said": the body just named, unless the text
        # described that body by another noun ("the union is demanding ... The company says": not the union)
        described = context.last
    if described is None and mention.is_document:
        documents = [body for key, body in context.bodies.items() if key in resources.words("source_nouns")]
        # "according to X data ... the figures show": X's, the newest; with no document seen, the last speaker's body's
        described = documents[-1] if documents else _body_of(context.last) if context.last.name else None
    if described is not None and known is None:
        context.last = described
        return described  # "the agency", "the national health agency" -> the body introduced so
    if mention.is_description and known is None:
        role_holder = _holder_of(_role(mention.text), context)
        if role_holder:
            return _person(role_holder, context)
        others = {holder for held, holder in context.roles.items() if held.split()[-1] == noun}
        if noun in resources.words("titles") and noun not in _institution_words() and context.last.name \
                and context.last.name != context.last.org \
                and others <= {context.last.name}:
            return context.last  # "Commander-in-Chief X claimed ... According to the general, ...": the person just heard
        if context.last.name is not None and _describes(noun, context.last):
            return context.last
        earlier = next((claimant for claimant in reversed(context.heard)
                        if claimant.name is not None and _describes(noun, claimant)
                        and _role(claimant.name) is None), None)  # "a department official" is no department
        if earlier is not None and not mention.places:
            context.last = earlier
            return earlier  # "the French coastguard said ... Police said ... the coastguard said": the coastguard
        named = {full for full in context.acronyms.values() if mention.text.split()[-1].casefold() in _tokens_of(full)}
        if len(named) == 1:
            claimant = _organisation(named.pop(), context)
            context.last = claimant
            return claimant  # "the commission": the one body the text introduced with that word in its name
        if mention.antecedent is not None:
            claimant = _organisation(mention.antecedent, context)
            context.bodies.setdefault(mention.text.split()[-1].casefold(), claimant)  # later "the airline" too
            context.last = claimant
            return claimant
        if noun in resources.words("kind_nouns") and context.last.name is not None and not _unnamed(context.last):
            claimant = context.bodies.setdefault(noun, _body_of(context.last))  # later "the company" too
            context.last = claimant
            return claimant  # "HS Orka said ... A spokesperson for the company said": the body that spoke
    role = _role(mention.text)
    if not mention.persons and role in context.roles \
            and len(role.split()) == len(_FUNCTION_WORDS.sub(" ", mention.text).split()):
        holder = _person(context.roles[role], context)  # "according to the Minister of Defence": the one named so
        context.last = holder
        return holder
    if mention.persons:
        claimant = _person(mention.persons[0], context)
        if claimant.org is None or claimant.country is None:
            # the document's acronym first: the tagger may see no organisation in "UNICEF Executive Director
            # Henrietta Fore", or take "UNICEF Executive" for one
            named = [word for word in re.findall(r"[\w&-]+", mention.text) if word in context.acronyms
                     and not _is_title(context.acronyms[word])] \
                + [org for org in mention.orgs if not _is_title(context.acronyms.get(org, org))]  # not "Defense" Minister
            org = _organisation(named[0], context) if named else None
            if org is None and mention.text.split()[0].casefold() in OWNER_PRONOUNS and context.last.name is not None \
                    and context.last.name == context.last.org:
                org = context.last  # "Lanvoy said ... Its chief executive, Jon Marsh, said": Lanvoy's
            claimant = Claimant(
                claimant.name,
                claimant.org or (org.name if org else None),
                claimant.country or (org.country if org else None) or _country_of(mention.text)
                or _country_of_places(mention.places, context),
            )
    else:
        if known is not None:
            claimant = known
        elif mention.orgs:
            known = [org for org in mention.orgs if _lookup(org, context) is not None]
            claimant = _organisation(max(known, key=len) if known else mention.orgs[0], context)
            if claimant.country is None:
                claimant = Claimant(claimant.name, claimant.org,
                                    _country_of(mention.text) or _country_of_places(mention.places, context))

        else:
            claimant = _generic(mention, context)
    claimant = _national(claimant, mention, context)
    context.last = claimant
    return claimant


def _is_title(name: str) -> bool:
    """Is a name all title words ("Deputy Inspector General"), a person's role rather than a body?"""
    return _role(name) == " ".join(name.casefold().split())


def _holder_of(role: str | None, context: DocumentContext) -> str | None:
    """The person the text gave a role, or the one person whose role ends in this word ("the diplomat" after
    "the EU's chief diplomat, Josep Borrell")."""
    if not role:
        return None
    if role in context.roles:
        return context.roles[role]
    holders = {holder for held, holder in context.roles.items() if " " not in role and held.split()[-1] == role}
    return holders.pop() if len(holders) == 1 else None


def _national(claimant: Claimant, mention: Mention, context: DocumentContext) -> Claimant:
    """A body the alias data names for no country ("Ministry of Defence"), named with the country its mention
    gives: "Taiwan's defense ministry" and "Japan's defense ministry" are two claimants, not one."""
    known = _aliases().get(_key(claimant.name)) if claimant.name is not None else None
    generic = known is not None and known.country is None and known.name == claimant.name and not _international(known)
    country = _country_of(mention.text, *mention.places) if generic and not mention.persons else None
    if country is None and generic and not mention.persons \
            and set(_key(mention.text).split()) & resources.words("national_words"):
        country = context.country  # "the federal health ministry" of a story set in India
    if country is None:
        return claimant
    name = f"{claimant.name} of {country}"
    return Claimant(name, name, country)


def _placed(claimant: Claimant, context: DocumentContext) -> Claimant:
    """The claimant with its country settled: none for an international body ("UNHCR in Poland said"),
    the document's main country for a body or person the text does not place ("the fire brigade" in a
    Greek story), whichever path in `_canonical` named it."""
    if _international(claimant):
        return Claimant(claimant.name, claimant.org, None)
    if claimant.name and claimant.country is None:
        return Claimant(claimant.name, claimant.org, context.country)
    return claimant


def _documents_spoken_in(verb: Token | None) -> list[str]:
    """The source nouns a verb names as its medium or its product ("said in a statement", "has released an
    updated report" give "statement", "report")."""
    if verb is None:
        return []
    sources = resources.words("source_nouns")
    issued = [child.lower_ for child in verb.children if child.dep_ == "dobj" and child.lower_ in sources]
    return issued + [grand.lower_ for child in verb.children if child.dep_ == "prep" and child.lower_ == "in"
                     for grand in child.children if grand.dep_ == "pobj" and grand.lower_ in sources]


def _describes(noun: str, claimant: Claimant) -> bool:
    """Can "the <noun>" refer to this claimant ("the ministry" to the Ministry of Health)?"""
    noun = noun.casefold()
    names = [claimant.name or "", claimant.org or ""]
    names += [alias for alias, known in _aliases().items() if known == claimant]
    return any(noun in _tokens_of(name) for name in names)


def _unnamed(claimant: Claimant) -> bool:
    """Is the claimant a group the text does not name ("Officials", "local media"), which no "the company" is?"""
    name = claimant.name or ""
    return claimant.org is None and bool(name) and not any(letter.isupper() for letter in name[1:]) \
        and name.split()[-1].casefold() in _speaker_words()  # but "Renfe", a name the tagger did not know


def _body_of(claimant: Claimant) -> Claimant:
    """The organisation a claimant speaks for, or the claimant itself (the tagger reads many bodies as persons)."""
    return Claimant(claimant.org, claimant.org, claimant.country) if claimant.org else claimant


def _tokens_of(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.casefold()))


def _government_of(country: str) -> str:
    return f"Government of {country}"


def _generic(mention: Mention, context: DocumentContext) -> Claimant:
    """A claimant named by a place or a plain noun phrase ("Ukrainian officials", "police")."""
    text = re.sub(r"^(?:the)\s+", "", mention.text.strip(" ,.;:"), flags=re.IGNORECASE)
    if text.casefold() in resources.words("organiser_nouns") and len(context.events) == 1:
        return Claimant(context.events[0], context.events[0], context.country)  # "organisers said": the one event's
    country = _country_of(mention.text, *mention.places) or _demonym_country(mention.places) \
        or _named_in_document(mention.places, context)
    governing = len(text.split()) > 1 and text.split()[-1].lower() in resources.words("government_nouns") \
        and not resources.words("local_government_words") & set(text.lower().split())
    bare_place = bool(mention.places) and _key(text) in {_key(p) for p in mention.places}
    if country and (governing or (bare_place and _governs(country, context))):
        name = _government_of(country)  # "Kyiv said", "the Ukrainian government", "Malawian officials"
        return _aliases().get(_key(name), Claimant(name, name, country))
    unplaced = re.sub(r"^(?:%s)(?:'s)?\s+" % "|".join(re.escape(place) for place in mention.places), "", text) \
        if mention.places else text
    known = _lookup(unplaced, context) if unplaced != text else None
    if known is not None:
        return known  # "the Kenyan health ministry": the alias data's body, named with its country by `_national`
    if text[:1].isupper() and len(text.split()) == 1:
        return _person(text, context)
    role_holder = _holder_of(_role(text), context)
    if role_holder:
        return _person(role_holder, context)
    named = _named_body(text, mention.places, context)
    if named is not None:
        return named
    text = _of_form(_placed_owner(text, context))
    return Claimant(text if text[:1].isupper() else text.lower(), None,
                    country or _city_country(mention.places, context))


def _demonym_country(places: tuple[str, ...]) -> str | None:
    """The country a plural demonym names ("Belgians" -> Belgium); the countries data lists adjectives singular."""
    singulars = [place.removesuffix("s") for place in places if place.endswith("s")]
    return _country_of(*singulars) if singulars else None


def _governs(place: str, context: DocumentContext) -> bool:
    """Can a place named alone ("Kyiv said", "Marovia said") stand for its government?

    Not when the place is a name the document also uses for an organisation, or one the countries data
    does not know and the document gives in no other form (an adjective sharing its stem, "Marovian"):
    that is a body's name the tagger read as a place ("Nevsun said"), and "Government of Nevsun"
    would name a body that does not exist.
    """
    if _key(place) in {_key(name) for name in context.organisations}:
        return False
    if place.casefold() in {country.casefold() for country in _countries().values()}:
        return True
    stem = _key(place)[:4]
    return any(_key(other) != _key(place) and _key(other).startswith(stem) for other in context.places)


def _named_body(text: str, places: tuple[str, ...], context: DocumentContext) -> Claimant | None:
    """The one body the document names with every word of a description ("Nepal tourism department" for
    "the Department of Tourism"), if the description is headed by an institution's noun.

    Headlines and ledes describe a body in lowercase words that its proper name, given elsewhere
    in the text, contains; the place words of the description are left out of the comparison.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _tokens_of(text) - STOP_WORDS - {word for place in places for word in _tokens_of(place)}
    words = {word for word in words if word not in _countries()}
    head = text.split()[-1].casefold()
    if len(words) < 2 or head not in resources.words("body_nouns"):
        return None
    wanted = _singulars(words)  # "the emergencies ministry" is the "Ministry of Emergency Situations"
    candidates = {name for name in context.organisations  # a lowercase "ORG" is a description too, not a name
                  if wanted <= _singulars(_tokens_of(name)) and any(word[:1].isupper() for word in name.split())}
    return _organisation(candidates.pop(), context) if len(candidates) == 1 else None


def _singulars(words: set[str]) -> set[str]:
    return {_singular(word) for word in words}


@lru_cache(maxsize=4096)
def _singular(word: str) -> str:
    """inflect's singular of a word (itself when it is not a plural); the same organisation names are compared
    for every description in a document, so each word is asked once."""
    return resources.pluralizer().singular_noun(word) or word


def _named_in_document(adjectives: tuple[str, ...], context: DocumentContext) -> str | None:
    """A country the document invents that a nationality derives from ("Marovian" from "Marovia").

    A place used as itself ("Munich police") is such a country only when the document also
    derives a nationality from it elsewhere ("Marovia's army" beside "Marovian troops").
    """
    invented = _invented_countries(context.places)
    for adjective in adjectives:
        for place in sorted(context.places, key=len):  # "Marovia" is Marovia, not the longer "Marovian"
            if _derives_from(adjective, place) and (adjective != place or place in invented) and _unknown_place(place):
                return place
    return None


ATTRIBUTION_FIELDS = ("claimant", "claimant_org", "claimant_country", "claim_date")


def credit_denials(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claim records with each denied figure credited to whoever asserted it earlier in the document.

    "Hamas denied that 20 of its fighters had been inside" repeats the army's figure in order to
    reject it: the claim is the army's (the row keeps its `denied` hedge). A denied figure nobody
    asserted before stays the denier's.
    """
    credited: list[dict[str, Any]] = []
    for record in records:
        if record["hedge"] == "denied":
            numbers = _figures_of(record)
            asserter = next((earlier for earlier in reversed(credited) if earlier["hedge"] != "denied"
                             and earlier["claimant"] is not None and earlier["claimant"] != record["claimant"]
                             and numbers & _figures_of(earlier)), None)
            if asserter is not None:
                record = {**record, **{name: asserter[name] for name in ATTRIBUTION_FIELDS}}
        credited.append(record)
    return credited


def credit_headline_descriptions(records: list[dict[str, Any]], headline_end: int, text: str,
                                 context: DocumentContext) -> list[dict[str, Any]]:
    """Claim records with a headline's bare description ("union claims 70%", "..., report finds") credited to the
    body the article goes on to name by it: the CGIL of "the CGIL union", the owner of "a new report from X".

    Args:
        records: the document's claim records, in order.
        headline_end: where the headline line ends in `text` (records before it are the headline's).
        text: the document's text.
        context: the document's context after every sentence was read.
    """
    body = text[headline_end:].casefold()
    credited: list[dict[str, Any]] = []
    for record in records:
        name = record["claimant"]
        if record["char_start"] < headline_end and name is not None and name == name.lower():
            noun = name.split()[-1]
            named = context.bodies.get(noun) or next(
                (claimant for claimant in context.heard if claimant.name is not None and claimant.name != name
                 and (_describes(noun, claimant) or f"{claimant.name} {noun}".casefold() in body)),
                None)
            if named is not None and named.name is not None:
                record = {**record, "claimant": named.name, "claimant_org": named.org, "claimant_country": named.country}
        elif record["char_start"] < headline_end and name is not None and (longer := _expanded(_key(name), context)):
            # "... – Coordination HQ": the body the article names in full
            record = {**record, "claimant": longer.name, "claimant_org": longer.org, "claimant_country": longer.country}
        elif record["char_start"] < headline_end and record["claimant_country"] is not None \
                and name == _government_of(record["claimant_country"]):
            # "French officials say 1.27 million ...", and the body: "1.27 million ..., according to the Interior
            # Ministry": the body of that country that the article credits with the same figure
            named = next((other for other in records if other["char_start"] >= headline_end
                          and other["claimant"] not in (None, name) and other["claimant_country"] == record["claimant_country"]
                          and _figures_of(other) == _figures_of(record)), None)
            if named is not None:
                record = {**record, **{key: named[key] for key in ("claimant", "claimant_org", "claimant_country")}}
        credited.append(record)
    return credited


def _figures_of(record: dict[str, Any]) -> set[float]:
    return {record[name] for name in ("value", "low", "high") if record[name] is not None}


def entities_in(sentences: list[Doc], *labels: str) -> list[str]:
    """The text of every entity with one of `labels` in the parsed sentences."""
    return [entity.text for doc in sentences for entity in doc.ents if entity.label_ in labels]
