"""Stage 4a: what a figure counts, and the category of that unit.

The counted noun is read from the parsed sentence: the noun phrase right after
the figure ("450 Nigerian soldiers" -> soldiers), else the subject the
figure is reported of ("the death toll rose to 45,000" -> deaths). Nouns that
only point back ("a figure of 9,000") are resolved by the caller against the
document's previous unit. The taxonomy lives in `data/units.csv`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from spacy.tokens import Doc, Token

from . import resources
from .figures import Figure

_BRACKETED_AFTER_NAME = re.compile(r"\b[A-Z][^\W\d]*\s?\($")  # "Punjab (": a list item's name
_BRACKETED_ITEM = re.compile(r"\b[A-Z][^\W\d]*\s?\(\d")
REFERENCE = "reference"
PERSON = "person"
OTHER = "other"
MAX_GAP_TOKENS = 6
NEAR_VALUE = 0.05  # a bare figure within 5% of an earlier one updates that count ("100,000 refugees" -> "100,417")
NEAR_MIN = 1000  # but small counts are close by chance ("22 vehicles", "23 rescued")
MEASURE_WINDOW = 60  # characters from the figure's start that quantulum3 reads for a unit
# quantulum3's entities that news measures: not counts (dimensionless), money (ours) or time (dates).
MEASURES = {"length", "area", "volume", "mass", "speed", "temperature", "power", "energy", "pressure"}
_SKIPPABLE_POS = {"ADJ", "PROPN", "ADV", "NUM", "DET", "PUNCT", "SYM", "X"}
_SKIPPABLE_TAGS = {"PRP$"}  # "150 of its soldiers"
_ALTERNATIVE_WORDS = r"(?:if not|or even|or perhaps|perhaps even)"
_ALTERNATIVE_AFTER = re.compile(rf",\s*{_ALTERNATIVE_WORDS}\s+[\w.,-]+?\s*,\s*of\b")  # ", if not thousands, of"
_ALTERNATIVE_BEFORE = re.compile(rf"{_ALTERNATIVE_WORDS}\s+$")
_COMMA_OF = re.compile(r"\s*,\s*of\b")


@dataclass(frozen=True)
class Unit:
    """The counted thing: normalised phrase, category, and whether it points back.

    A bare figure that points back carries its sentence's category, so that with nothing to
    point back to ("police say 18,000" in a march headline) it still counts people.
    """

    unit: str | None
    category: str
    refers_back: bool = False


@lru_cache(maxsize=None)
def _taxonomy() -> dict[str, tuple[str, str]]:
    return {row["noun"].lower(): (row["unit"], row["category"]) for row in resources.table("units")}


@lru_cache(maxsize=None)
def _category_cues() -> tuple[tuple[str, str], ...]:
    return tuple((row["cue"].lower(), row["category"]) for row in resources.table("category_cues"))


@lru_cache(maxsize=None)
def _cue_categories() -> dict[str, str]:
    """Each cue word's category, for looking up the one verb a count is linked to."""
    return dict(_category_cues())


def _lookup(tokens: list[Token]) -> tuple[str, str] | None:
    """Taxonomy entry for the longest known suffix of a noun phrase."""
    taxonomy = _taxonomy()
    for first in range(len(tokens)):
        phrase = tokens[first:]
        last = _singular(phrase[-1].lower_) if phrase[-1].tag_ == "NNPS" else phrase[-1].lemma_.lower()  # "Troops"
        for key in (" ".join(t.lower_ for t in phrase), " ".join([*(t.lower_ for t in phrase[:-1]), last])):
            if key in taxonomy:
                return taxonomy[key]
    return None


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    return [token for token in doc if token.idx < end and token.idx + len(token) > start]


def _noun_phrase_after(doc: Doc, last: Token) -> list[Token]:
    """The counted noun phrase to the right of a figure, or [] when there is none.

    Reads past adjectives, nationalities and participles ("19 destroyed Dravenian
    tanks"), through "of the" ("61 of the 141 seats") and through a coordinated
    figure that shares the noun ("640 Dravenian and 210 Marovian deaths").
    """
    phrase: list[Token] = []
    gap = 0
    taxonomy = _taxonomy()
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    start = last.i + 1
    if following is not None and following.text == "-" and not last.whitespace_ and last.i + 2 < len(doc):
        if doc[last.i + 2].lower_ == "plus":
            start = last.i + 3  # "166,000-plus residents": a bound word, then the counted noun if any
        elif doc[last.i + 2].pos_ != "ADJ":
            return [doc[last.i + 2]]  # "48-hour strike", "a 20-metre wave": the measure, not the thing
        else:
            start = last.i + 3  # "a 3,000-strong force": the adjective says the figure counts the noun
    of_the = False
    after = doc.text[last.idx + len(last) :]
    alternative = _ALTERNATIVE_AFTER.match(after) or (_ALTERNATIVE_BEFORE.search(doc.text[: last.idx])
                                                      and _COMMA_OF.match(after))
    if alternative:  # "hundreds, if not thousands, of deaths": both figures count the deaths
        start, of_the = next(token.i for token in doc[last.i + 1 :] if token.lower_ == "of") + 1, True
    skip_to = start
    for token in doc[start:]:
        if token.i < skip_to:
            continue
        if token.text == "(" and not phrase and doc[token.i - 1].like_num:
            closing = _figure_in_brackets_after(doc, doc[token.i - 1])
            if closing is not None:
                skip_to = closing + 1  # "860 of the 1,100 (78%) gas stations": a share between a figure and its noun
                continue
        known = token.lower_ in taxonomy or token.lemma_.lower() in taxonomy \
            or (token.tag_ == "NNPS" and _singular(token.lower_) in taxonomy)  # a title-case "Troops" keeps its plural lemma
        if phrase:
            if phrase[-1].dep_ == "compound" and (token.pos_ == "NOUN" or known) \
                    or phrase[-1].dep_ == "amod" and phrase[-1].head == token and token.pos_ == "NOUN":
                phrase.append(token)  # "special forces troops", "eight firefighting planes"
                continue
            break
        if _hyphenated(doc, token) and gap < MAX_GAP_TOKENS:
            gap += 1  # "second-hand", "F-16", "self-propelled": a modifier, not the counted noun
            continue
        glued_to_number = doc[token.i - 1].like_num and not doc[token.i - 1].whitespace_ and token.i - 1 != last.i
        if glued_to_number and gap < MAX_GAP_TOKENS:
            gap += 1  # the "mm" of "18 155mm howitzers": a calibre, not the counted noun
            continue
        owner = token.dep_ == "poss" and token.head.i > token.i or token.dep_ == "case"
        if of_the and owner and gap < MAX_GAP_TOKENS:
            gap += 1  # "two of the city's five metro lines": the owner, not the counted noun
            continue
        if token.tag_ == "NN" and not known and resources.only_a_verb(token.lower_):
            break  # "135,000 flee rebel attacks": a headline's bare verb, which the tagger read as a noun
        if token.pos_ == "NOUN" or (known and token.pos_ in ("PROPN", "ADV")) or _people_named(doc, token):
            phrase.append(token)
            continue
        # "32,000 still missing", "Hundreds feared dead", "12 believed killed"
        adverbs_only = all(between.pos_ == "ADV" or between.tag_ == "VBN" and between.lemma_.lower() in _hedge_cues()
                           for between in doc[start : token.i])
        as_written = token.lower_ in taxonomy or token.pos_ == "ADJ"  # "12 wounded"; but "1,907 voted" is no vote
        next_count = doc[token.i + 1 : token.i + 3]
        before_next_count = len(next_count) == 2 and next_count[0].pos_ == "CCONJ" and next_count[1].like_num
        if adverbs_only and token.pos_ in ("ADJ", "VERB") and known and as_written \
                and not (token.dep_ == "amod" and token.head.i > token.i and not before_next_count):
            # "45 dead", "12 wounded"; but "31 civilian deaths" counts deaths, while "9,240 injured and 1,329 houses"
            # are two counts however parsed
            return _noun_before_and(doc, last) or [token]
        if gap == 0 and token.lower_ in ("a", "an") or token.lower_ == "the" and token.i == last.i + 1 \
                and (token.ent_type_ in ("DATE", "TIME") or token.head.dep_ == "npadvmod"):
            break  # "100,000 a day", "two a week": a rate's period; "355 the following night": a time, not the noun
        if token.lower_ in ("this", "that", "last", "next") and token.ent_type_ in ("DATE", "TIME"):
            break  # "risen to 61 this year", "was 5,551 that year": a time, not the counted noun
        if token.lower_ == "of" and all(between.is_quote or between.lower_ == "out" for between in doc[last.i + 1 : token.i]):
            # right after the figure, or after the quote that closes it: '"tens of thousands" of complaints';
            # and "12 out of 300 schools"
            of_the = True
            continue
        if token.lower_ == "out" and token.i == last.i + 1 and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
            continue  # the "out" of "out of", read with the "of" next
        ahead = next((ahead for ahead in doc[token.i + 1 : token.i + 4] if ahead.pos_ == "NUM"), None)
        if token.pos_ == "CCONJ" and ahead is not None \
                and not any(between.pos_ in ("VERB", "AUX", "ADP", "NOUN") for between in doc[token.i + 1 : ahead.i]):
            of_the = True  # "640 Dravenian and 210 Marovian deaths": the next figure's noun is ours too, but not the
            continue  # object of its own verb ("killed 12 and injured 40"), nor another's count ("250,000 and police at 48,000")
        if _cue_verb_misread(token, taxonomy) and all(between.pos_ == "ADV" for between in doc[start : token.i]):
            break  # "1.27 million protested pension reforms": the figure's verb, read as a modifier of its object
        participle = token.pos_ == "VERB" and (token.tag_ in ("VBN", "VBG") or token.dep_ == "amod")  # or "VBD" misread
        if token.tag_ == "VBG" and all(between.pos_ == "ADV" for between in doc[start : token.i]) \
                and any(child.dep_ == "dobj" for child in token.children):
            break  # "21 million suffering various degrees of damage", "four still receiving care": a clause on the figure
        following_word = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.pos_ == "CCONJ" and doc[token.i - 1].dep_ == "amod" and following_word is not None and gap < MAX_GAP_TOKENS \
                and (following_word.pos_ == "ADJ" or following_word.tag_ in ("VBN", "VBG")):
            gap += 1  # "16,700 confirmed or suspected cases": two modifiers of one noun
            continue
        if token.text in ("-", "\u2013", "\u2014") and token.whitespace_ and doc[token.i - 1].whitespace_:
            break  # "Floods displace 40,000 - sources": a dash set off by spaces ends the phrase
        skippable = token.pos_ in _SKIPPABLE_POS or token.tag_ in _SKIPPABLE_TAGS or participle
        if skippable and token.text not in ",;:()" and gap < MAX_GAP_TOKENS:
            if token.ent_iob_ == "B" and (token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT") or (token.ent_type_ == "CARDINAL" and not of_the)):
                break  # another figure's noun; but the "K9" of "18 K9 howitzers" and the "Swiss" of "3.8 million Swiss francs" are inside our own
            gap += 1
            continue
        break
    if len(phrase) >= 2 and phrase[-2].tag_ == "NNS" and phrase[-1].tag_ == "NN" and phrase[-1].dep_ != "compound":
        phrase = phrase[:-1]  # "Thousands of firefighters battle wildfires": a headline's verb read as a noun
    modified = phrase[-1].head if phrase else None
    if modified is not None and phrase[-1].dep_ in ("nmod", "compound") and modified.pos_ == "NOUN" \
            and modified.i > phrase[-1].i and any(child.dep_ == "conj" for child in phrase[-1].children):
        phrase = [modified]  # "1,800 air, rocket and mortar strikes": the strikes; each kind modifies them
    if phrase and phrase[0].i > 0:
        previous = doc[phrase[0].i - 1]
        if previous.pos_ == "ADJ" and f"{previous.lower_} {phrase[0].lower_}" in _taxonomy():
            phrase.insert(0, previous)
    counted = last.head
    if phrase and last.dep_ == "nummod" and counted.pos_ == "NOUN" and phrase[-1].i < counted.i <= phrase[-1].i + 4 \
            and phrase[-1].tag_ != "NNS":  # but "500 Rohingya refugees land in ...": a headline's verb read as a noun
        # the figure's own noun lies beyond where the words stopped: "12 combat armored vehicles", "two cruise Kh-59
        # cruise missiles"; the words between when they are plain modifiers, else the noun and its compounds
        between = doc[phrase[0].i : counted.i + 1]
        plain = all(token.pos_ in ("ADJ", "NOUN") or token.tag_ == "VBN" for token in between)
        phrase = list(between) if plain else _compound_phrase(counted)
    return phrase + _coordinated(doc, phrase)


def _cue_verb_misread(token: Token, taxonomy: Mapping[str, tuple[str, str]]) -> bool:
    """Is a past verb of a people cue ("protested", "fled") read as a modifier of a noun that counts nothing?

    "300 displaced families" has a counted modifier and a counted noun; "1.27 million protested pension
    reforms" has neither: the verb is the figure's, and the noun is its object.
    """
    if token.pos_ != "VERB" or token.tag_ not in ("VBN", "VBD") or token.dep_ != "amod" or token.head.i < token.i:
        return False
    known = (token.lower_, token.head.lower_, token.head.lemma_.lower())
    return token.lemma_.lower() in _cue_categories() and not any(word in taxonomy for word in known)


def _singular(word: str) -> str:
    return resources.pluralizer().singular_noun(word) or word


def _people_named(doc: Doc, token: Token) -> bool:
    """Is the token a plural nationality or people's name that is itself the counted noun ("196,000 Ukrainians
    have fled", "21,000 Rohingyas"), not an adjective before one ("300 Georgian soldiers")?"""
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS") and token.text.endswith("s") \
        and not (following is not None and following.pos_ in ("NOUN", "PROPN"))


def _coordinated(doc: Doc, phrase: list[Token]) -> list[Token]:
    """"and" and a noun of the same kind that share the figure: "1,100 soldiers and police officers".

    The second noun must have no figure or article of its own ("45 soldiers and 12 tanks", "two
    boats and an aircraft" are two counts) and the same category, so "200 soldiers and their
    commander" stays "soldiers".
    """
    if not phrase or phrase[-1].i + 2 >= len(doc) or doc[phrase[-1].i + 1].lower_ != "and":
        return []
    head = phrase[-1]
    conj = next((child for child in head.children if child.dep_ == "conj" and child.pos_ == "NOUN"), None)
    if conj is None or conj.i > head.i + 4 or any(child.dep_ in ("nummod", "det") for child in conj.children):
        return []
    second = list(doc[head.i + 2 : conj.i + 1])
    mine, theirs = _lookup(phrase), _lookup(second)
    if mine is None or theirs is None or mine[1] != theirs[1]:
        return []
    return [doc[head.i + 1], *second]


def _noun_before_and(doc: Doc, last: Token) -> list[Token]:
    """The people noun of the count coordinated before a bare one: "87 soldiers killed and 240
    wounded" counts soldiers twice, as does a list ("2,000 people were dead, 9,000 injured and ...");
    "38 dead and 40 injured" has no noun to share."""
    joined = [token for token in doc[max(0, last.i - 2) : last.i] if token.lower_ in ("and", ",")]
    if not joined:
        return []
    for token in reversed(doc[max(0, joined[-1].i - 5) : joined[-1].i]):
        if token.pos_ == "NOUN":
            entry = _lookup([token])
            return [token] if entry is not None and entry[1] in (PERSON, "personnel") else []
    return []


def _hyphenated(doc: Doc, token: Token) -> bool:
    """Is the token joined by a hyphen to a neighbour ("second-hand", "F-16")?"""
    joined_after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    joined_before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return token.text != "-" and (joined_after or joined_before)


def _measure_before(doc: Doc, first: Token) -> list[Token]:
    """A measure named before its figure: "a magnitude 6.9 quake"."""
    if first.i == 0:
        return []
    previous = doc[first.i - 1]
    entry = _taxonomy().get(previous.lemma_.lower())
    return [previous] if entry is not None and entry[1] == "measure" else []


def _whole_before(last: Token) -> Token | None:
    """The whole a bare figure is a part of, named before it: "Of the suspected cases, 412 have been
    confirmed" (cases), "citizens ..., of whom 38,000 had left" (whom).

    A relative pronoun is returned as such: the parse hangs its clause on the nearest noun, often
    the wrong one, so the caller lets the figure point back to the previous counted unit instead.
    """
    if last.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if last.head.lemma_ == "be" and any(child.dep_ == "attr" and child.pos_ == "NOUN" for child in last.head.children):
        return None  # "Of the 558 people who died, 50 are children": what they are is what is counted
    for prep in last.head.children:
        if prep.lower_ == "of" and prep.i < last.i:
            for whole in prep.children:
                if whole.dep_ == "pobj" and (whole.lower_ in ("whom", "which") or whole.pos_ == "NOUN"):
                    return whole
    return None


def _figure_in_brackets_after(doc: Doc, last: Token) -> int | None:
    """The index of the ")" that closes a short bracket with a figure in it right after the figure, if any."""
    if last.i + 1 >= len(doc) or doc[last.i + 1].text != "(":
        return None
    closing = next((token.i for token in doc[last.i + 2 : last.i + 2 + _BRACKET_TOKENS] if token.text == ")"), None)
    if closing is None or not any(token.like_num for token in doc[last.i + 2 : closing]):
        return None
    return closing


def _cue_verb_after(doc: Doc, last: Token) -> str | None:
    """The category of a people verb written right after a bare figure ("3,700 evacuated", "200 fled").

    Headlines drop the noun and the auxiliary, and the parse then hangs the figure on whatever
    noun precedes it; the verb itself says that people are counted and what happened to them.
    """
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if following is None:
        return None
    past = following.pos_ == "VERB" and following.tag_ in ("VBN", "VBD")
    if not past and not (following.tag_ == "NN" and resources.only_a_verb(following.lower_)):
        return None  # a bare present verb the tagger read as a noun counts too: "200 flee", "40 perish"
    return _cue_categories().get(following.lemma_.lower())


_LIST_GLUE = {",", "and"}
_BRACKET_TOKENS = 5  # "(78%)", "(about 16%)": a share in brackets between a figure and its noun


def _cue_noun(phrase: list[Token]) -> str | None:
    """The category of a lone singular noun that is a people verb's word ("rally", "march", "protest"),
    which the tagger reads as a noun where a headline uses the verb ("Tens of thousands rally in Paris")
    or where a figure counts an event's crowd ("a rally which drew 80,000")."""
    if len(phrase) != 1 or phrase[0].tag_ != "NN" or _lookup(phrase) is not None:
        return None
    return _cue_categories().get(phrase[0].lower_)


_LABEL_GAP_TOKENS = 3  # "Homes without power: about 12,400": bound and hedge words between colon and figure
_PRESENT_TAGS = {"VBZ", "VBP", "MD"}  # fact-box labels are noun phrases, at most with a past participle the parse may tag VBD
_CLAUSE_DEPS = {"dobj", "attr", "ccomp"}


@lru_cache(maxsize=None)
def _reporting_lemmas() -> frozenset[str]:
    """Verbs of saying: before a colon they open a quote ("Police said: 3,000"), not a fact-box label."""
    return frozenset(row["verb"] for row in resources.table("reporting_verbs"))


def _label_before(doc: Doc, first: Token) -> list[Token]:
    """The counted noun of a fact-box line, named in its label: "Homes without power: 12,400".

    Only a label that opens the sentence and ends in the colon right before the figure (bound
    words aside) counts, so a colon that opens a quote or a list later in a sentence does not.
    """
    before = doc[max(0, first.i - _LABEL_GAP_TOKENS - 1) : first.i]
    colon = next((token for token in reversed(before) if token.text == ":"), None)
    if colon is None or any(token.pos_ not in ("ADV", "ADP", "ADJ", "DET", "PART") for token in doc[colon.i + 1 : first.i]):
        return []
    if any(token.tag_ in _PRESENT_TAGS or token.dep_ in _CLAUSE_DEPS or token.lemma_.lower() in _reporting_lemmas()
           for token in doc[: colon.i]):
        return []  # "Officials gave one figure: 3,000", "Police said: 3,000" are clauses; "Stewards deployed at gates" a label
    if any(doc[: colon.i].text.lower().endswith(tag) for tag in resources.words("headline_tags")):
        return []  # "Storm Corinne live: 600,000 without power": a live blog's tag, not a label
    label = next((chunk for chunk in doc[: colon.i].noun_chunks), None)
    if label is None or label.start != 0 or label.root.pos_ != "NOUN":
        return []
    return _compound_phrase(label.root)


_COMPARATORS = (("instead", "of"), ("rather", "than"), ("up", "from"), ("down", "from"), ("compared", "with"),
                ("compared", "to"))
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_COMPARED_REACH = 8  # tokens back to the figure a bare one is compared with: "three days a week instead of five"


def _compared_noun(doc: Doc, first: Token) -> list[Token]:
    """The noun of the figure a bare one is set against: "three days a week instead of five" (days).

    The noun is elided because it is the other figure's; pointing back to the document's previous
    unit would skip measures such as days, and often lands on another sentence's noun.
    """
    if first.i < 3 or (doc[first.i - 2].lower_, doc[first.i - 1].lower_) not in _COMPARATORS:
        return []
    for token in reversed(doc[max(0, first.i - 2 - _COMPARED_REACH) : first.i - 2]):
        if token.pos_ == "NUM" and not _YEAR.fullmatch(token.text):  # "32,945 people in 2019 compared with"
            return _noun_phrase_after(doc, token)
    return []


def _reported_subject(last: Token) -> list[Token]:
    """The noun a bare figure is said of: "the toll rose to 45", "a figure of 9,000"."""
    token = last
    for _ in range(8):
        head = token.head
        if head is token:
            return []
        if head.pos_ in ("NOUN",) and token.dep_ in ("pobj", "nummod", "appos", "attr") and head.i < last.i:
            if token.dep_ == "appos" and head.tag_ == "NN" and _lookup([head]) is None:
                return []  # "recorded at the Medyka checkpoint - 21,500": a place's count, not checkpoints
            return _compound_phrase(head)
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            objects = [child for child in head.children if child.dep_ == "dobj" and child.i < last.i and child.pos_ == "NOUN"]
            # nearest first: a second subject is a misparse ("UPDATE 3-City toll rises to 14")
            # nor is a time ("the number of cases reported so far this year has passed 3,200")
            subjects = sorted((child for child in head.children if child.dep_ in ("nsubj", "nsubjpass")
                               and child.ent_type_ not in ("DATE", "TIME")), key=lambda child: abs(head.i - child.i))
            # the tagger may hang the object as an adverbial: "and displaced 5,000"
            is_object = token is last and (token.dep_ == "dobj" or (token.dep_ == "npadvmod" and token.i == head.i + 1))
            if is_object and head.lemma_.lower() in _people_verbs():
                return [head]  # "the quake killed 12", "rescuers evacuated 300": the people, not the agents
            if head.lemma_.lower() in resources.words("level_verbs") and subjects and subjects[0].pos_ == "NOUN" \
                    and _lookup(_compound_phrase(subjects[0])) is None:
                return _compound_phrase(subjects[0])  # "cholera cases pass 3,000": what reached the level
            for candidate in (*objects, *subjects):
                entry = _lookup(_compound_phrase(candidate)) if candidate.pos_ == "NOUN" else None
                if entry is not None and entry[1] == REFERENCE:
                    return _counted_in(candidate) or _compound_phrase(candidate)
                if entry is not None:
                    return _compound_phrase(candidate)
            attributes = [child for child in head.children if child.dep_ == "attr" and child.pos_ == "NOUN"]
            if token.dep_ == "nsubj" and head.lemma_ == "be" and attributes:
                return _compound_phrase(attributes[0])  # "19 of the dead were children"
            if head.dep_ in ("acl", "relcl") and head.head.pos_ == "NOUN" and head.lemma_.lower() not in _reporting_lemmas() \
                    and not (is_object and head.lemma_.lower() not in resources.words("level_verbs")
                             and _cue_noun([head.head]) is None):
                # but "organizers claiming tens of thousands" counts no organizers, "a boat carrying 36" no boats,
                # while "a rally which drew 80,000" counts its crowd
                return _compound_phrase(head.head)
            if subjects:
                return []
        token = head
    return []


def _counted_in(reference: Token) -> list[Token]:
    """What a reference noun counts: "the number of people", and a participle the taxonomy names ("the number
    of injured"; but "the number of dead and missing" counts people); [] when it names nothing."""
    counted = [grand for child in reference.children if child.lower_ == "of"
               for grand in child.children if grand.dep_ == "pobj"
               and (grand.pos_ == "NOUN" or (_lookup([grand]) is not None and not grand.conjuncts))]
    return _compound_phrase(counted[0]) if counted else []


@lru_cache(maxsize=None)
def _hedge_cues() -> frozenset[str]:
    """Words that hedge a figure (see hedges.csv): as a participle they stand between a count and its condition."""
    return frozenset(row["cue"] for row in resources.table("hedges"))


@lru_cache(maxsize=None)
def _people_verbs() -> frozenset[str]:
    """Verbs whose bare numeric subject counts people: every cue of a people category."""
    return frozenset(cue for cue, _ in _category_cues())


def _compound_phrase(noun: Token) -> list[Token]:
    compounds = [child for child in noun.lefts if child.dep_ == "compound" and child.pos_ in ("NOUN", "ADJ")]
    return [*compounds, noun]


def _category_from_sentence(doc: Doc) -> str:
    # "in March" is no march, but "the July 1 march" is one
    words = [token for token in doc if not (token.ent_type_ in ("DATE", "TIME") and token.text[:1].isupper())]
    lemmas = {token.lemma_.lower() for token in words} | {token.lower_ for token in words}
    for cue, category in _category_cues():
        if cue in lemmas:
            return category
    return OTHER


def counted_unit(doc: Doc, figure: Figure) -> Unit:
    """The unit and category of a figure in a parsed sentence.

    Args:
        doc: the parsed sentence (offsets as in `figure`).
        figure: a figure found in that sentence.
    """
    if figure.percent:
        return Unit("percent", "percent")
    if figure.symbol_unit is not None:
        return Unit(*figure.symbol_unit)
    tokens = _tokens_in(doc, figure.start, figure.end)
    if not tokens:
        return Unit(None, OTHER)
    if figure.currency:
        return Unit(figure.currency, "money")
    measured = physical_unit(doc.text[figure.start :][:MEASURE_WINDOW], figure.end - figure.start)
    if measured is not None:
        return measured
    item = _BRACKETED_AFTER_NAME.search(doc.text[: figure.start])
    if item and doc.text[figure.end : figure.end + 1] == ")" and len(_BRACKETED_ITEM.findall(doc.text)) > 1 \
            and _lookup([token for token in doc if token.idx == item.start()]) is None:  # but "Marines (300)" counts them
        # "469 deaths, followed by Punjab (165), Sindh (51)": an item's count of what the list counts
        return Unit(None, _category_from_sentence(doc), refers_back=True)
    glued = doc.text[tokens[0].idx : figure.start]
    entry = _taxonomy().get(glued[:-1].lower()) if glued.endswith("-") else None
    if entry is not None and entry[1] == "measure":
        return Unit(glued[:-1].lower(), "measure")  # "the magnitude-6.8 tremor", one token to the tagger
    respective = _respective_noun(doc, tokens[-1])
    if respective is not None:
        return _classify(doc, _compound_phrase(respective), tokens[-1])  # "... drones ... to 666, 19 and 16 respectively"
    phrase = _measure_before(doc, tokens[0]) or _noun_phrase_after(doc, tokens[-1])
    whole = _whole_before(tokens[-1]) if not phrase else None
    if whole is not None and whole.pos_ == "PRON":
        return Unit(None, _category_from_sentence(doc), refers_back=True)
    if whole is not None:
        phrase = _compound_phrase(whole)
    if not phrase:
        cue = _cue_verb_after(doc, tokens[-1])
        if cue is not None:
            return Unit("people", cue)  # "3,700 evacuated from the town", a headline's bare count
        phrase = _label_before(doc, tokens[0]) or _compared_noun(doc, tokens[0])
    elif phrase[0].i > tokens[-1].i and _is_plural_count(figure) and (cue := _cue_noun(phrase)) is not None:
        return Unit("people", cue)  # "3,000 rally": a plural count takes no singular noun
    elif len(phrase) == 1 and phrase[0].pos_ in ("ADJ", "VERB") and _conditions_listed(doc, phrase[0]):
        return Unit("people", _classify(doc, phrase, tokens[-1]).category)  # "13,000 dead, missing": people in both
    elif phrase[0].i > tokens[-1].i and _is_plural_count(figure) and len(phrase) == 1 and phrase[0].tag_ == "NN" \
            and phrase[0].lemma_.lower() in _reporting_lemmas():
        return Unit(None, _category_from_sentence(doc), refers_back=True)  # "up from 5,400 forecast in May"
    if not phrase:
        phrase = _reported_subject(tokens[-1])
        if phrase == [tokens[-1].head] and phrase[0].pos_ == "VERB":
            # "the quake killed 12": its verb's category ("and displaced 5,000"), or the sentence's
            return Unit("people", _cue_categories().get(phrase[0].lemma_.lower()) or _category_from_sentence(doc))
        if (cue := _cue_noun(phrase)) is not None:
            return Unit("people", cue)  # "a rally which drew 80,000"
    verb = tokens[-1].head
    shared = _counted_subject(verb.head) if not phrase and tokens[-1].dep_ in ("nsubj", "nsubjpass") \
        and verb.dep_ == "conj" else None
    if shared is not None:
        return _classify(doc, _compound_phrase(shared), tokens[-1])  # "4 soldiers died and 9 were wounded"
    if not phrase and tokens[-1].dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in _people_verbs():
        return Unit("people", _category_from_sentence(doc))  # "140,000 have fled", "thousands evacuated"
    if not phrase and (measured_event := _event_measured(tokens[-1])) is not None:
        return Unit(measured_event, "measure")
    if not phrase:
        return Unit(None, _category_from_sentence(doc), refers_back=True)
    unit = _classify(doc, phrase, tokens[-1])
    written = _written(doc, phrase)
    hyphenated = phrase[-1].i > 0 and doc[phrase[-1].i - 1].text == "-" and phrase[-1].i - 2 == tokens[-1].i
    if (figure.value == 1 or hyphenated) and phrase[-1].tag_ == "NN" and unit.unit == written:
        # "One woman died", "a 48-hour strike": the unit is named in the plural, like every other count's
        plural = resources.pluralizer().plural_noun(phrase[-1].lower_)
        return Unit(written.removesuffix(phrase[-1].lower_) + plural, unit.category, unit.refers_back)
    return unit


def _conditions_listed(doc: Doc, condition: Token) -> bool:
    """Is a condition word after a bare figure ("dead") listed with another ("dead, missing", "dead or injured")?"""
    following = doc[condition.i + 1 : condition.i + 3]
    return len(following) == 2 and following[0].text in (",", "and", "or") and _lookup([following[1]]) is not None \
        and following[1].pos_ in ("ADJ", "VERB")


def _respective_noun(doc: Doc, last: Token) -> Token | None:
    """The noun a figure of a "respectively" list counts: the one at its place in the sentence's list of as many
    nouns ("losses of tanks, armoured vehicles and drones rose to 410, 1,120 and 2,300 respectively")."""
    end = next((token for token in doc[last.i + 1 :] if not (token.like_num or token.lower_ in _LIST_GLUE)), None)
    if end is None or end.lower_ != "respectively":
        return None
    start = last.i
    while start > 0 and (doc[start - 1].like_num or doc[start - 1].lower_ in _LIST_GLUE):
        start -= 1
    figures = [token for token in doc[start : end.i] if token.like_num]
    for head in doc[:start]:
        if head.pos_ == "NOUN" and head.dep_ not in ("conj", "nsubj", "nsubjpass"):  # the sources are no units
            nouns = [head]
            while conj := next((child for child in nouns[-1].children if child.dep_ == "conj" and child.pos_ == "NOUN"), None):
                nouns.append(conj)
            if len(nouns) == len(figures) > 1:
                return nouns[figures.index(last)] if last in figures else None
    return None


def _counted_subject(verb: Token) -> Token | None:
    """The counted noun subject of a verb ("soldiers" of "4 soldiers lost their lives"), which a bare figure
    in a clause joined to it counts too."""
    return next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN"
                 and any(grand.like_num and grand.dep_ == "nummod" for grand in child.children)), None)


@lru_cache(maxsize=None)
def _event_measures() -> dict[str, str]:
    return {row["event"]: row["unit"] for row in resources.table("event_measures")}


def _event_measured(last: Token) -> str | None:
    """What a bare figure measures when its verb's subject is an event that is measured ("the quake measured 6.4",
    "the quake was measured at 6.1", "the tremor, which registered 5.8,"), rather than an earlier count."""
    verb = last.head.head if last.dep_ == "pobj" else last.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _people_verbs():
        return None
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    subject = subjects[0] if subjects else None
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head
    return _event_measures().get(subject.lemma_.lower()) if subject is not None else None


def _is_plural_count(figure: Figure) -> bool:
    return max(number or 0 for number in (figure.value, figure.low, figure.high)) > 1


def physical_unit(text: str, number_length: int) -> Unit | None:
    """A physical unit written right after the number at the start of `text`, read by quantulum3.

    quantulum3 knows units of measure ("120 millimetres", "10 square miles",
    "800 miles per hour"); counts of things it leaves dimensionless, and those
    are ours to read from the parse.
    """
    following = re.match(r"\s?([A-Za-z]{3,})", text[number_length:])
    if following is None:
        return None  # a word must follow: not "18 155mm", not "30 AT"
    if following.group(1).casefold() not in _measure_words():
        return None  # quantulum3 parses a 60-character window slowly; most figures count things, not measures
    for quantity in resources.quantity_parser().parse(text):
        end = quantity.span[1]
        written = text[number_length:end].strip().lower()
        if quantity.span[0] != 0 or quantity.unit.entity.name not in MEASURES or text[end : end + 1] == "-" or not written:
            continue  # "49 second-hand jets" is no duration; nor is "383m tonnes" the metres of its "m"
        return Unit(written, "measure")
    return None


@lru_cache(maxsize=None)
def _measure_words() -> frozenset[str]:
    """First words quantulum3 can read as a MEASURES unit: its unit names and symbols, and its powers ("km squared")."""
    resources.quantity_parser()  # imported once, its warning silenced
    from quantulum3 import load, regex

    units = load.units("en_US")
    surfaces = {**units.surfaces_all, **units.symbols_all}
    first_words = {
        surface.split()[0].casefold()
        for surface, candidates in surfaces.items()
        if surface.strip() and any(unit.entity.name in MEASURES for unit in candidates)
    }
    return frozenset(first_words | set(regex.powers("en_US")))


def _written(doc: Doc, phrase: list[Token]) -> str:
    """The phrase in lower case as the text writes it: "asylum-seekers" keeps its hyphen."""
    between = doc[phrase[0].i : phrase[-1].i + 1]
    if all(token in phrase or token.text == "-" for token in between):
        return between.text.lower()
    return " ".join(token.lower_ for token in phrase)


def _classify(doc: Doc, phrase: list[Token], number: Token) -> Unit:
    entry = _lookup(phrase) or (("", PERSON) if _people_named(doc, phrase[-1]) else None)  # "Ukrainians" are people
    written = _written(doc, phrase)
    if entry is None:
        return Unit(written, OTHER)
    unit, category = entry
    if category == REFERENCE and phrase[-1].tag_ == "NNS":
        return Unit(written, OTHER)  # "struck 1,600 targets": a plural counts the things themselves
    counted = _counted_in(phrase[-1]) if category == REFERENCE and phrase[0].i > number.i else []
    if counted:
        return _classify(doc, counted, number)  # "estimated at 40,000 the number of people who marched"
    if category == REFERENCE:
        return Unit(None, _category_from_sentence(doc), refers_back=True)  # "a target of 8,000", "the 20,000 mark"
    if category in (PERSON, "personnel"):
        linked = _linked_category(number, phrase[-1])
        if linked is not None:
            return Unit(unit or written, linked)  # "killed 1,200 soldiers": troops counted as casualties
    if category == PERSON:
        return Unit(unit or written, _category_from_sentence(doc))
    return Unit(unit or written, category)


def _linked_category(number: Token, noun: Token) -> str | None:
    """The category cue of the verb the counted people undergo, read from the parse around the figure.

    A count of people takes the category of what happens to them: "killed 1,200 soldiers",
    "87 soldiers killed", "150 of its soldiers had been killed", "3,000 residents were
    displaced"). Only the figure's and the noun's own verb are read, so a cue elsewhere in the
    sentence ("400 firefighters fought the blaze that killed two") does not count.
    """
    cues = _cue_categories()
    whole = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" else None
    # a bare figure's own verb first: "300 were evacuated and 12 were hurt"; then the noun's, or its whole's: "a
    # total of 113 officers were injured"
    for token in (number, noun, *([whole] if whole is not None else [])):
        for child in token.children:
            if child.dep_ in ("acl", "relcl", "amod") and child.lemma_.lower() in cues:
                return cues[child.lemma_.lower()]  # "87 soldiers killed", "displaced families"
        verb = token.head
        if verb is token or verb.pos_ not in ("VERB", "AUX"):
            continue
        objects = [child for child in verb.children if child.dep_ == "dobj"]
        undergoes = token.dep_ in ("dobj", "nsubjpass") or (token.dep_ == "nsubj" and not objects)
        if not undergoes:
            continue  # "troops killed 40 militants": the troops are the agents
        for word in (verb, *objects):
            if word.lemma_.lower() in cues:
                return cues[word.lemma_.lower()]
    return None


def resolve_references(units: Iterable[Unit], values: Iterable[float | None] | None = None) -> list[Unit]:
    """Give figures that point back the unit of the document's previous counted figure, or of an earlier one of
    nearly the same value ("More than 100,000 refugees ... ethnic Armenians ... put the exact figure at 100,417")."""
    resolved: list[Unit] = []
    previous: Unit | None = None
    counted: list[tuple[float | None, Unit]] = []
    for unit, value in zip(units, values if values is not None else itertools.repeat(None)):
        near = [earlier for figure, earlier in counted
                if value and value >= NEAR_MIN and figure and abs(figure - value) <= NEAR_VALUE * value]
        if unit.refers_back and near and near[-1] is not counted[-1][1]:
            unit = Unit(_head(near[-1].unit), near[-1].category)
        elif unit.refers_back and previous and previous.unit:
            unit = Unit(_head(previous.unit), previous.category)
        elif unit.refers_back:
            people = unit.category != OTHER and unit.category in _cue_categories().values()  # not "arrested"
            unit = Unit("people", unit.category) if people else Unit(None, OTHER)
        elif unit.unit and unit.category not in ("percent", "money", "measure"):
            previous = unit
            counted.append((value, unit))
        resolved.append(unit)
    return resolved


def _head(unit: str | None) -> str | None:
    return unit.split()[-1] if unit else None
