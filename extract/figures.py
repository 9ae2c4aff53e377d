"""Stage 3: the figures in a sentence, with their value, bounds and hedge words.

quantulum3 reads physical units well but loses bounds and hedges, reads years
and ordinals as numbers, and mis-scales "$1.2bn" or "half a million" (see the
README). So numbers are found here by a grammar built from the knowledge files
(number words, scale words, currencies, unit symbols, vague magnitudes,
qualifiers), and quantulum3 is asked only which physical unit follows a figure
(`units.physical_unit`). Everything is measured on one sentence at a time.

Every quantity found gets a kind (`KINDS`): ages, the article "one", set counts,
fractions and multipliers are quantities but not claims. `find_quantities` gives
them all; `find_figures`, which the pipeline uses, keeps the claims.
"""

from __future__ import annotations

import calendar
import math
import re
from fractions import Fraction
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from . import resources

# Atomic, so "96.5p" or "3.75degF" is never read as "96" or "3" by backtracking into the decimals;
# a leading decimal point (".540", ".002 per cent") only after a space or a bracket, not in "ID.3".
DIGITS = (
    r"(?>\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?!\d)"  # the Indian grouping: "1,00,000", "11,11,111 crore"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d,]|[^\W\d])"
    # a stray space after the thousands comma ("174, 606 migrants"); not after a day ("May 17, 300 people") nor in a list
    r"|(?<![\d,] )(?<!\d,)(?:[1-9]\d{2}|3[2-9]|[4-9]\d), \d{3}(?![\d.]|,\s?\d|\s+(?:and|or)\s+\d)"
    r"|\d+(?:\.\d+)?|(?<![^\s(])\.\d+)"
)
# "2.5×10−6": a power of ten written out.
EXPONENT = r"(?:\s?\u00d7\s?10\^?(?P<exponent>[-\u2212]?\d+))"
RANGE_JOINERS = r"\s*[-\u2013\u2014]\s*|\s+to\s+|\s+or\s+|\s+and\s+"
SMALL_SET_LIMIT = 10
RATIO_BASES = frozenset({*range(2, 11), 20, 50, 100})  # "one in five", "nine out of 10"; "nine out of 667 staff" counts staff
LABEL_REACH = 24  # characters before a number read for a label word: "category 4 of 5"


@dataclass(frozen=True)
class Figure:
    """A number in a sentence; offsets are relative to the sentence."""

    start: int
    end: int
    surface: str
    value: float | None
    low: float | None
    high: float | None
    approx: bool
    qualifier: str | None
    currency: str | None
    percent: bool
    spelled_out: bool
    symbol_unit: tuple[str, str] | None = None  # (unit, category) of an attached symbol: "278kg"
    kind: str = "figure"  # "figure" is a claim; the other KINDS are quantities the claim rules leave out


KINDS = {
    "figure": "a count or measure: a claim",
    "age": "an age: \"a 34-year-old\", \"aged 71\", \"Worku, 27,\", \"Reyes (42)\", \"people over 80 who\", \"younger than 5\"",
    "one": "the word one as an article or pronoun: \"one of the\", \"said one shopkeeper\"",
    "set": "a small count of a set already named: \"the two sides\", \"those three months\"",
    "fraction": "a fraction: \"a third of\", \"two-thirds\", \"1/2\"",
    "multiplier": "a multiplier: \"six-fold\", \"by a factor of three\", \"three times the\"",
    "compound": "a number glued into an adjective that names a kind of thing: \"a five-point plan\", \"a five-star hotel\"",
}


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: float
    spelled_out: bool
    scaled: bool
    symbol: str | None = None


@lru_cache(maxsize=None)
def _grammar() -> dict[str, object]:
    """Patterns and lookups compiled once from the knowledge files."""
    number_words = {row["word"]: float(row["value"]) for row in resources.table("number_words")}
    scales = {row["word"]: float(row["multiplier"]) for row in resources.table("scales")}
    weapons = {form for row in resources.table("units") if row["category"] == "equipment"
               for form in (row["noun"].lower(), resources.pluralizer().plural_noun(row["noun"].lower()))}
    scale_words = [word for word in scales if len(word) > 3]
    scale_suffixes = [word for word in scales if len(word) <= 3 and word.isalpha()]
    currencies = {row["symbol"]: row["unit"] for row in resources.table("currencies")}
    word_alternatives = "|".join(sorted(map(re.escape, number_words), key=len, reverse=True))
    scale_word = "|".join(sorted(scale_words, key=len, reverse=True))
    # after digits and a space, a suffix of two letters or more is still a scale ("3 bn euros"); "3 m" is metres
    spaced_scale = "|".join(sorted(scale_words + [word for word in scale_suffixes if len(word) > 1], key=len, reverse=True))
    word_group = rf"(?:{word_alternatives})(?:[-\s](?:{word_alternatives}))?"
    # "thirty-one thousand four hundred and twelve": after a scale word another group may follow.
    word_number = (rf"(?:(?:(?:a|one)\s+(?=dozen|{'|'.join(scale_words)}))?{word_group}|a(?=\s+(?:{scale_word})\b))"
                   rf"(?:(?:\s+(?:{scale_word}))+(?:\s+and)?\s+{word_group})*")
    unit_symbols = {row["symbol"]: (row["unit"], row["category"]) for row in resources.table("unit_symbols")}
    symbols = "|".join(sorted(map(re.escape, unit_symbols), key=len, reverse=True))
    # With a space before them only symbols that cannot be words: "70 km/h", but not "3 C" or "5 g".
    spaced_symbols = "|".join(sorted((re.escape(symbol) for symbol in unit_symbols if len(symbol) > 1 and symbol.lower() not in ("ha", "pc", "hp", "ft", "oz")), key=len, reverse=True))
    number = (
        rf"(?P<half>half\s+an?\s+(?:{scale_word}))"
        rf"|(?P<part_of>(?:an?|one|three)[-\s](?:quarters?|thirds?)\s+of\s+an?\s+(?:{scale_word}))\b"
        rf"|(?P<comma_decimal>\d{{1,3}},\d{{1,2}})(?=(?:\s+(?:{scale_word}))+\b)(?P<comma_scale>(?:\s+(?:{scale_word}))+)\b"
        rf"|(?P<digits>{DIGITS}){EXPONENT}?(?:(?P<suffix>{'|'.join(sorted(scale_suffixes, key=len, reverse=True))})\b"
        rf"|(?P<dscale>(?:\s+(?:{spaced_scale}))+)\b)?(?:(?P<symbol>{symbols})|\s(?P<spaced>{spaced_symbols}))?(?![\w/]|\.\w)"  # not the "p" of "10p.m."
        rf"|(?P<words>\b{word_number}(?:\s+(?:{scale_word}))*)\b"
    )
    fractions = {row["word"]: float(Fraction(row["value"])) for row in resources.table("fractions")}
    fraction_words = [word for word in fractions if word.isalpha()]
    singular = "|".join(sorted((re.escape(w) for w in fraction_words if not w.endswith("s")), key=len, reverse=True))
    plural = "|".join(sorted((re.escape(w) for w in fraction_words if w.endswith("s")), key=len, reverse=True))
    signs = "".join(word for word in fractions if not word.isalpha())
    count = rf"(?:{word_group}|\d{{1,3}})"
    scaled_whole = rf"(?!\s+of\s+an?\s+(?:{scale_word})\b)"  # "a quarter of a million" is a number, not a share
    fraction = (
        rf"\b(?P<whole>an?|one|{word_group})[-\s](?P<part>{singular})\b(?=\s+(?:of|the|its|their|his|her|our)\b){scaled_whole}"
        rf"|\b(?P<parts>{word_group})[-\s](?P<plural>{plural})\b{scaled_whole}"
        rf"|\b(?P<half>half)\b(?<!\bthe\shalf)(?<!\band\shalf)(?<!\ba\shalf)(?<!\bfirst\shalf)(?<!\bfinal\shalf)(?<!\bsecond\shalf)(?=\s+(?:of|the|its|their|his|her|our|all)\b)"
        rf"|\b(?P<numerator>{count})\s+(?:out\s+of|in)\s+(?P<denominator>{count})\b"
        rf"|(?<![\w/.])(?P<top>\d{{1,3}})(?:/|\s?\u2044\s?)(?P<bottom>\d{{1,3}})(?![\w/])"
        rf"|(?<![\w.])(?P<integer>\d+)?(?P<sign>[{signs}])"
    )
    # Capitalised, as in a name: "Wilson Road", but not "down the road".
    street = "|".join(sorted((re.escape(word.capitalize()) for word in resources.words("street_words")), key=len, reverse=True))
    # The fraction pattern is slow; a sentence without one of its cue words skips it.
    fraction_hint = rf"(?:{'|'.join(map(re.escape, fraction_words))}|[{signs}/\u2044]|\bout\s+of\b|\bin\s+(?:{word_alternatives}|\d))"
    multiplier = rf"\b(?P<times>{word_group}|\d+(?:\.\d+)?)-?fold\b"
    # A letter code is a whole word ("RM450", not the "RM" of "FORM 7"); a sign may follow letters ("HK$").
    currency = "|".join((r"(?<![A-Za-z])" if symbol[0].isalpha() else "") + re.escape(symbol)
                        for symbol in sorted(currencies, key=len, reverse=True))
    magnitudes = {row["phrase"]: (float(row["low"]), float(row["high"]) if row["high"] else None)
                  for row in resources.table("magnitudes")}
    magnitude = "|".join(sorted(map(re.escape, magnitudes), key=len, reverse=True))
    qualifiers = [(row["phrase"], row["kind"], row["position"]) for row in resources.table("qualifiers")]
    # "One firefighter, aged 58, died", "killing one soldier": "one" counts when a death or injury
    # word is its own verb, within a few words and not across a clause ("one resident said ... killed").
    harm = "|".join(sorted({form for row in resources.table("category_cues") if row["category"] == "casualties"
                            for form in _inflections(row["cue"].lower())}, key=len, reverse=True))
    labels = resources.table("label_words")
    label_before = "|".join(re.escape(row["word"]) for row in labels if row["position"] == "before")
    label_after = "|".join(re.escape(row["word"]) for row in labels if row["position"] == "after")
    label_joined = "|".join(re.escape(row["word"]) for row in labels if row["position"] == "joined")
    people = "|".join(sorted({form for row in resources.table("units") if row["category"] == "person"
                              for form in (row["noun"], row["noun"] + "s")}, key=len, reverse=True))
    times = {"minute", "hour", "day", "week", "month", "year"}
    counted_singular = "|".join(sorted({re.escape(row["noun"].lower()) for row in resources.table("units")
                                        if row["category"] != "reference" and row["noun"].lower() not in times},
                                       key=len, reverse=True))
    speech = "|".join(sorted({form for row in resources.table("reporting_verbs") for form in _inflections(row["verb"])}
                             | {"said", "told", "wrote"}, key=len, reverse=True))
    changes = "|".join(sorted({form for word in resources.words("change_verbs") for form in _inflections(word)},
                              key=len, reverse=True))
    return {
        "number": re.compile(number, re.IGNORECASE),
        "changed_from": re.compile(rf"\b(?:{changes})\s+(?:[\w%,-]+\s+){{0,5}}?from\s+$", re.IGNORECASE),
        "unit_symbols": {symbol.lower(): unit for symbol, unit in unit_symbols.items()},
        "currency_before": re.compile(rf"(?:{currency})\s?$"),
        "currency_width": max(map(len, currencies)) + 1,
        "currencies": currencies,
        "number_words": number_words,
        "scales": scales,
        "magnitude": re.compile(rf"\b(?:{magnitude})\b", re.IGNORECASE),
        "magnitudes": magnitudes,
        "qualifiers_before": sorted((q for q in qualifiers if q[2] == "before"), key=lambda q: -len(q[0])),
        "qualifiers_after": sorted((q for q in qualifiers if q[2] == "after"), key=lambda q: -len(q[0])),
        "qualifier_patterns": {phrase: _qualifier_pattern(phrase, position) for phrase, _, position in qualifiers},
        "qualifier_reach": max(len(phrase) for phrase, _, _ in qualifiers) + 16,
        "set_nouns": resources.words("set_nouns"),
        "measure_nouns": frozenset(row["noun"].lower() for row in resources.table("units") if row["category"] == "measure"),
        "harmed_nouns": frozenset(form for row in resources.table("units") if row["category"] == "casualties"
                                  for form in (row["noun"].lower(), resources.pluralizer().plural_noun(row["noun"].lower()))),
        # "155mm shells": up to two words, then a weapon or munition of the unit taxonomy
        "calibre_after": re.compile(rf"\s*(?:[a-z-]+\s+){{0,2}}(?:{'|'.join(sorted(map(re.escape, weapons), key=len, reverse=True))})\b",
                                    re.IGNORECASE),
        "counted_nouns": frozenset(row["noun"].lower() for row in resources.table("units"))
                         | {row["unit"].split()[-1] for row in resources.table("unit_symbols")} | {"and", "or"},
        "street": re.compile(rf"\s+(?:[A-Z][\w'.]*\s+){{0,3}}(?:{street})\b"),
        "fraction": re.compile(fraction, re.IGNORECASE),
        "fraction_hint": re.compile(fraction_hint, re.IGNORECASE),
        "fractions": fractions,
        "multiplier": re.compile(multiplier, re.IGNORECASE),
        # "level 4 of 5": the top of the label's scale is part of the label too
        # and the later numbers of a list of labels: "Articles 187 and 353 (1)"
        "label_before": re.compile(rf"(?<![\w.])(?:{label_before})s?\s(?:\d+\s+(?:out\s+)?of\s)?"
                                   rf"(?:(?:\d+,\s)*\d+(?:\s?\(\d+\))?\s(?:and|or|&)\s)?(?:\d+\s\()?$", re.IGNORECASE),
        "label_after": re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{label_after})\b(?!-)", re.IGNORECASE),
        "label_joined": re.compile(rf"-(?:{label_joined})\b", re.IGNORECASE),
        # "people over 80 who live alone": an age limit of a group of people, not a count
        "age_limit": re.compile(rf"\b(?:{people})\s+(?:over|under|above|aged)\s+$", re.IGNORECASE),
        # ... but not across another figure, whose harm it is ("One state reported 45 deaths")
        "harm_after": re.compile(rf"(?:[\s,]+(?!(?:{_CLAUSE_WORDS})\b)(?!\d)[\w-]+){{0,5}}?[\s,]+(?:{harm})\b", re.IGNORECASE),
        "harm_before": re.compile(rf"\b(?:{harm})\s+$", re.IGNORECASE),
        # "one confirmed case", "one enemy drone": up to two modifiers, then a counted noun that is no time
        # ("one day" is an adverb) and no speaker ("one official said", "one woman who fled", "said one resident",
        # "one resident, who lives nearby, said"; but "one firefighter, who was on leave, died" is a count)
        "one_counted": re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{counted_singular})\b"
                                  rf"(?P<speaks>(?:\s*,[^,]{{0,80}},)?\s+(?:{speech})\b|\s+who\b)?", re.IGNORECASE),
        "speech_before": re.compile(rf"\b(?:{speech}|according to)\s+$", re.IGNORECASE),
        "count_before": re.compile(rf"\d|\b(?:{word_alternatives})\b", re.IGNORECASE),  # another count in the sentence
        "people_nouns": frozenset(row["noun"].lower() for row in resources.table("units")
                                  if row["category"] in ("person", "personnel")),
    }


_CLAUSE_WORDS = "said|says|say|told|tells|who|whose|whom|where|that|which|when|after|as|and|but|while|because|of"


def _inflections(lemma: str) -> set[str]:
    """The forms of a cue word that news uses around a count: "kill", "kills", "killed", "killing"."""
    past = lemma + ("d" if lemma.endswith("e") else "ed")
    present = lemma[:-2] + "y" if lemma.endswith("ie") else lemma[:-1] if lemma.endswith("e") else lemma  # dying
    return {lemma, lemma + "s", past, present + "ing"}


def _qualifier_pattern(phrase: str, position: str) -> re.Pattern[str]:
    """A qualifier phrase ending the text before a number, or starting the text after it."""
    if position == "after":
        return re.compile(rf"\s*{re.escape(phrase)}\b")
    space = "" if phrase.endswith("-") else r"\s+"  # "sub-400" is glued
    return re.compile(rf"(?<!\w){re.escape(phrase)}{space}$")


_GONE_UP_TO = re.compile(r"\b(?:go|goes|going|gone|went)\s+up\s+to\s+$", re.IGNORECASE)  # a rise to a level, no bound
_MONTHS = "|".join(
    sorted({name.lower() for name in (*calendar.month_name[1:], *calendar.month_abbr[1:])} | {"sept"}, key=len, reverse=True)
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?,?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|or|-|\u2013)\s*)?$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?,?\s*(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"^(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?(?![a-z])|GMT|UTC|[A-Z][DS]T\b|hrs\b|o'clock)|^:\d", re.IGNORECASE
)
_AGE = re.compile(r"^(?:-|\s)(?:years?|months?|weeks?)(?:-|\s)old\b", re.IGNORECASE)
_AGE_BETWEEN_COMMAS = re.compile(r"\b[A-Z][\w'\u2019-]+,\s$")  # "Tadesse Worku, 27, won"
_AGE_IN_BRACKETS = re.compile(r"\b[A-Z][\w'\u2019-]+\s?\($")  # "Ravi Kumar (31), a resident of"
_COUNT_IN_BRACKETS = re.compile(r"\(\s*\d[\d,]*\s+[a-z]{3,}")  # "(42 deaths)"
_BARE_BRACKETED = re.compile(r"\((\d[\d,]*)\)")
MAX_AGE = 120
_AGE_COMPARED = re.compile(r"\b(?:younger|older)\s+than\s+$|\bages?\s+(?:groups?\s+)?(?:of\s+|from\s+(?:\d+\s+to\s+)?)?$"
                           r"|\bthe\s+age\s+of\s+$", re.IGNORECASE)
# "children younger than 10", "age group five to 14", "under the age of 5", "the retirement age from 62 to 64"
# What makes a glued "m" metres, not million: a length in feet after it, or a dimension word
_METRES_AFTER = re.compile(r"\s*(?:\(\s*[\d,.]+\s*(?:ft|feet)\b|-?(?:high|tall|long|wide|deep)\b|in\s+(?:width|length|height|depth|diameter)\b"
                           r"|(?:above|below)\s+sea\s+level\b)", re.IGNORECASE)
_HEDGED_HIGH_END = re.compile(r"(?:(?<=\bto)|(?<=\band))\s+(?:nearly|almost|about|around|roughly|approximately)\s+", re.IGNORECASE)
_YEAR_SPAN_END = re.compile(r"\b(?:1[89]|20)\d\d[-\u2013/]$")  # the "22" of "2021-22"
_TIME_FROM = re.compile(r"\s+(?:after|before|later|ago|since)\b", re.IGNORECASE)
# the verb left out: "and rape cases by 8%, from 973 to 1,051"
_CHANGED_BY_FROM = re.compile(r"\bby\s+[\d.,]+\s*(?:%|per\s?cent|percent|points?)?\s*,?\s+from\s+$", re.IGNORECASE)
MODEL_REACH_WORDS = 3  # words after a model's name read for the counted noun: "30 Leopard 1 A5 tanks"
TITLE_CASE_MIN_WORDS = 4  # words of four letters or more, after the first
TITLE_CASE_SHARE = 0.8
_CHANGE_TO_LEVEL_RATIO = 3  # "by N to M" with M this many times N or more is a change and a level, not a range
_SPAN_BOUNDED = re.compile(r"\b(?:for|in|after|of)\s+(?:over|under)\s+$", re.IGNORECASE)
_TIMES_AFTER = re.compile(r"\s+times\s+(?:the|as|more|less|fewer|higher|lower|larger|smaller|bigger|greater|over|that|what)\b", re.IGNORECASE)
_PHONE = re.compile(  # "+1 555-123-4567", "0 800 123 456", "555-123-4567", "8 727 254 11 22"; not "12 500 000"
    r"\+\d[\d\s().-]{6,}\d|\(?\b0\d{0,4}\)?(?:[\s.-]\d{2,4}){2,}|\b\d{3}[.-]\d{3,4}[.-]\d{4}\b"
    r"|\b(?!\d{1,3}(?: \d{3})+(?! \d))\d{1,4}(?: \d{2,4}){3,}\b"  # four or more groups, not thousands
)
# What may open a sentence inside a sentence, so a capitalised number word after it is no name:
# "LONDON: Two", "KYIV (Reuters) - Three", '"Two people died," he said'.
_NAMED_IN_QUOTES = re.compile(r"\b(?:named|called|dubbed|titled|entitled|billed\s+as|known\s+as|codenamed)\s+"
                              r"[\"\u201c\u201e\u2018\u00ab'][^\"\u201c\u201d\u201e\u00bb]{0,40}$", re.IGNORECASE)
_QUOTE_CLOSES = re.compile(r"[^\"\u201c\u201d\u201e\u00bb]{0,40}[\"\u201d\u2019\u00bb]")
_OPENERS = (":", "-", "\u2013", "\u2014", '"', "\u201c", "'", "\u2018", "(", "[")
_WEEKDAYS = frozenset(calendar.day_name) | frozenset(calendar.day_abbr)
_WEEKDAY_BRACKET = re.compile(rf"\b(?:{'|'.join(calendar.day_name)})\s?\($")
# The capitalised words after a number, and the lowercase words after them: "787 Dreamliner", "87 Dravenian soldiers".
_NAME_AFTER = re.compile(r"\s(?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)(?![\w-])(?P<next>(?:\s[a-z\d][\w-]*){0,3})")
_SET_BEFORE = re.compile(r"\b(?:these|those|both|all|its|their|our|no|any|every|each)\s+$", re.IGNORECASE)
_OF_SET_AFTER = re.compile(r"^\s+(?:of\s+(?:the|them|those|these|us|whom|its|their)\b|another\b)", re.IGNORECASE)
_OF_PHRASE = re.compile(r"^\s+of\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}", re.IGNORECASE)  # "of the city's five "
_NEXT_WORD = re.compile(r"^[\s-]+([A-Za-z]+)")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)  # the other determiners of a set are `_SET_BEFORE`'s
_JOINED_BEFORE = re.compile(r"\w[-\u2013\u2014]$")  # "Niger-two countries"
_NAMING_AFTER = re.compile(r"^\s*(?:[-\u2013\u2014:(]|,\s+(?:namely\b|[A-Z]))")  # "two countries-Chad and Niger"
_DURATION_AFTER = re.compile(r"\s+(?:hours?|days?|weeks?|months?|years?|decades?)\b", re.IGNORECASE)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_NEGATIVE = re.compile(r"(?:^|[^\w.-])((?:minus[-\s]|-))$", re.IGNORECASE)  # "-1.3%", "minus-5", "$-4.2bn"
_YEAR_AFTER_PREPOSITION = re.compile(r"\b(?:in|since|during|until|by)\s+(?:1[89]|20)\d\d$", re.IGNORECASE)
_YEAR_SPAN_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d[-\u2013/]$")
_RATE_BASE_BEFORE = re.compile(r"\bper\s+(?:every\s+)?$", re.IGNORECASE)
_LISTED_ONE = re.compile(r"\s+(?:in|from|at|on)\s+[A-Z]")  # "... two in Idlib and one in Hama"
_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b)", re.IGNORECASE)
# but "budget estimates" and "revised estimates" are a budget's planned figures, not approximations
ESTIMATE_CUE = re.compile(r"\b(?<!budget\s)(?<!revised\s)estimat\w*", re.IGNORECASE)


def _parse_number(match: re.Match[str]) -> _Number:
    grammar = _grammar()
    scales: dict[str, float] = grammar["scales"]  # type: ignore[assignment]
    text = match.group()
    if match.group("half"):
        return _Number(match.start(), match.end(), 0.5 * scales[text.split()[-1].lower()], True, True)
    if match.group("part_of"):  # "a quarter of a million", "three-quarters of a billion"
        share, = (value for word, value in grammar["fractions"].items() if re.search(rf"\b{word}\b", text, re.IGNORECASE))  # type: ignore[union-attr]
        parts = 3 if text.lower().startswith("three") else 1
        return _Number(match.start(), match.end(), parts * share * scales[text.split()[-1].lower()], True, True)
    if match.group("comma_decimal"):  # "32,6 million": a decimal comma, as continental Europe writes it
        value = float(match.group("comma_decimal").replace(",", "."))
        multiplier = math.prod(scales[word.lower()] for word in match.group("comma_scale").split())
        return _Number(match.start(), match.end(), value * multiplier, False, True)
    if match.group("digits"):
        value = float(re.sub(r"[,\s\u00a0\u202f]", "", match.group("digits")))
        if match.group("exponent"):
            # Read as a float literal, so "×10999999" is infinite (and dropped), not an OverflowError.
            value *= float("1e" + match.group("exponent").replace("\u2212", "-"))
        multiplier = 1.0
        if match.group("suffix") == "m" and _METRES_AFTER.match(match.string, match.end()) \
                and not _currency_before(match.string[: match.start()]):
            return _Number(match.start(), match.end(), value, False, False, "m")  # "100m (328ft) in width": metres
        if match.group("suffix"):
            multiplier = scales[match.group("suffix").lower()]
        elif match.group("dscale"):
            for word in match.group("dscale").split():
                multiplier *= scales[word.lower()]
        symbol = match.group("symbol") or match.group("spaced")
        return _Number(match.start(), match.end(), value * multiplier, False, multiplier != 1.0, symbol)
    value, scaled = _words_value(text)
    return _Number(match.start(), match.end(), value, True, scaled)


def _words_value(text: str) -> tuple[float, bool]:
    """The value of a spelled-out number ("thirty-one thousand four hundred", "a dozen", "an"), and whether a
    scale word ("thousand", "million") multiplied it."""
    grammar = _grammar()
    number_words: dict[str, float] = grammar["number_words"]  # type: ignore[assignment]
    scales: dict[str, float] = grammar["scales"]  # type: ignore[assignment]
    total, current, scaled, article = 0.0, 0.0, False, False
    for word in re.split(r"[-\s]+", text.lower()):
        if word in number_words:
            current += number_words[word]
        elif word in scales:
            scaled = True
            if not current and total:  # "a thousand million", "one hundred thousand million": scales multiply
                total *= scales[word]
                continue
            current = (current or 1.0) * scales[word]  # "a hundred": no number word before the scale
            if scales[word] >= 1000:  # "thirty-one thousand four hundred": the thousands are complete
                total, current = total + current, 0.0
        elif word in ("a", "an"):
            article = True
    return (total + current) or (1.0 if article else 0.0), scaled


def _currency_before(text: str) -> re.Match[str] | None:
    """The currency mark that ends `text` ("$", "US$ "); looked for only in the last few characters,
    since every mark is short, so the cost does not grow with the sentence."""
    grammar = _grammar()
    pattern: re.Pattern[str] = grammar["currency_before"]  # type: ignore[assignment]
    return pattern.search(text, max(0, len(text) - grammar["currency_width"]))  # type: ignore[operator]


def _count_value(text: str) -> float:
    """The value of a short count written in digits or words: "3", "two", "twenty-five"."""
    return float(text) if text[:1].isdigit() else _words_value(text)[0]


def _fractions_and_multipliers(sentence: str) -> Iterator[tuple[int, int, float, str]]:
    """(start, end, value, kind) of fractions ("a third of", "two-thirds", "one in five", "1/2", "2½")
    and multipliers ("six-fold"), each finite (a run of 400 digits is no quantity)."""
    for start, end, value, kind in _fraction_and_multiplier_matches(sentence):
        if math.isfinite(value):
            yield start, end, value, kind


def _fraction_and_multiplier_matches(sentence: str) -> Iterator[tuple[int, int, float, str]]:
    grammar = _grammar()
    fractions: dict[str, float] = grammar["fractions"]  # type: ignore[assignment]
    fraction_matches = grammar["fraction"].finditer(sentence) if grammar["fraction_hint"].search(sentence) else ()  # type: ignore[attr-defined]
    for match in fraction_matches:
        groups = match.groupdict()
        if groups["part"] or groups["plural"]:
            value = _count_value(groups["whole"] or groups["parts"]) * fractions[(groups["part"] or groups["plural"]).lower()]
        elif groups["half"]:
            value = fractions["half"]
        elif groups["sign"]:
            value = float(groups["integer"] or 0) + fractions[groups["sign"]]
            if groups["integer"]:
                yield match.start(), match.end(), value, "figure"  # "2½ hours": a mixed number measures
                continue
        else:
            top = _count_value(groups["numerator"] or groups["top"])
            bottom = _count_value(groups["denominator"] or groups["bottom"])
            if not 0 < top < bottom:
                continue  # "24/7", "2 in 2": not a fraction
            if groups["denominator"] and bottom not in RATIO_BASES:
                continue  # "12 out of 300 schools": a part and its whole, two counts
            value = top / bottom
        yield match.start(), match.end(), value, "fraction"
    multiplier_matches = grammar["multiplier"].finditer(sentence) if "fold" in sentence.lower() else ()  # type: ignore[attr-defined]
    for match in multiplier_matches:
        yield match.start(), match.end(), _count_value(match.group("times")), "multiplier"


def _numbers(sentence: str) -> list[_Number]:
    """The numbers of a sentence; one too large for a float ("9" * 400) is a string of digits, not a figure."""
    pattern: re.Pattern[str] = _grammar()["number"]  # type: ignore[assignment]
    parsed = (_parse_number(match) for match in pattern.finditer(sentence))
    return [number for number in parsed if math.isfinite(number.value)]


def _title_case(sentence: str) -> bool:
    """Is the sentence a headline written in title case ("Troops Killed in Three Days of Attacks")?"""
    words = re.findall(r"[^\W\d_]{4,}", sentence)[1:]  # the first is capitalised in any sentence
    return len(words) >= TITLE_CASE_MIN_WORDS and sum(word[0].isupper() for word in words) >= TITLE_CASE_SHARE * len(words)


def _kind(sentence: str, number: _Number) -> str | None:
    """The kind of a number (see KINDS), or None when it is no quantity at all: a date, a year, a
    time, a number in a name, a phone number, a page artefact."""
    before, after = sentence[: number.start], sentence[number.end :]
    surface = sentence[number.start : number.end]
    integer = re.fullmatch(r"\d+", surface) is not None
    currency = _currency_before(before)
    if currency is not None and re.fullmatch(r"[A-Za-z]", currency.group().strip()) and integer and not number.scaled:
        return None  # a one-letter mark counts only with a scale or separators: "R15 million", "R1,500"; "the R2 road" is a name
    if integer and number.value <= 31 and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)
                                           or _WEEKDAY_BRACKET.search(before) and after.startswith(")")):
        # "on October 23", and "on Tuesday (14)": the day of the month after its weekday, as Brazilian papers write it
        return None
    if integer and len(surface) == 4 and 1800 <= number.value <= 2100 and not currency:
        return None  # a year, but "$2000" is money
    if integer and len(surface) > 1 and surface.startswith("0"):
        return None  # "from 0700 (0500 GMT)", "bus 07": no count is written with a leading zero
    if integer and len(surface) == 2 and _YEAR_SPAN_BEFORE.search(before):
        return None  # "the 2021-22 season"
    if re.match(r"^(?:st|nd|rd|th)\b", after) or _TIME_AFTER.match(after):
        return None
    if _AGE.match(after):
        return "age"
    whole = float(number.value).is_integer() and not number.scaled  # "children under 5", "children under five"
    if whole and number.value < MAX_AGE and _grammar()["age_limit"].search(before, max(0, len(before) - 30)) \
            and not re.match(r"\s+(?:per\s?cent|percent|%|years?\b|of\b)", after):  # type: ignore[attr-defined]
        return "age"
    if whole and number.value < MAX_AGE \
            and (_AGE_IN_BRACKETS.search(before) and after.startswith(")") and not _counts_in_brackets(sentence)
                 or _AGE_COMPARED.search(before)):
        return "age"
    if re.search(r"\bfactor\s+of\s+$", before[-12:], re.IGNORECASE) or _TIMES_AFTER.match(after):
        return "multiplier"  # "higher by a factor of three", "three times the permitted number"
    if re.search(r"\d[:.]$", before):
        return None
    if _RATE_BASE_BEFORE.search(before):
        return None  # "12 cases per 100,000 people": the base of a rate counts nothing
    if re.search(r"\baged\s+(?:\w+\s+){0,2}$", before, re.IGNORECASE) or _AGE_BETWEEN_COMMAS.search(before) \
            and integer and number.value < MAX_AGE and after.startswith(","):
        return "age"
    if currency:
        before = before[: currency.start()]
    elif before[-1:].isalnum() or re.search(r"[A-Za-z][-.]$", before) and not _glued_prefix(before) \
            and not _listed_value(sentence, number.start, number.end):
        return None  # "G7", "F-16", "ID.3"; but "minus-5", "sub-400", "Ann Mora-14,318"
    if re.match(r"^-?[A-Za-z]*\d", after):
        return None
    if integer and re.search(r"\b[a-z]+[A-Z][\w]*\s$|\b[A-Z]+&[A-Z]+\s$", before):
        return None  # "iPhone 14", "S&P 500"
    if integer and re.search(r"(?<=\S )[A-Z][\w.&/]*\s$", before) and not before.rstrip().endswith(("%",)):
        previous_word = before.split()[-1]
        if not _MONTH_BEFORE.search(previous_word) and previous_word.lower() not in _qualifier_words() \
                and previous_word.rstrip(",") not in _WEEKDAYS and not _title_case(sentence):  # "..., Leaving 38 Missing"
            return None  # "Boeing 737", "Apollo 11"; but "on Monday 300 people marched"
    if integer and _model_name_after(after) and not _title_case(sentence):
        return None  # "the 787 Dreamliner"; but "22 People Still Missing As Building Collapse Toll Rises"
    if integer and re.fullmatch(r"[A-Z][\w.&/-]*\s", before) and re.match(r",\s+(?:a|an|the)\s", after):
        return None  # "Utopia 56, a charity for migrants, said": a name the apposition describes
    if integer and (_grammar()["label_before"].search(before, max(0, len(before) - LABEL_REACH))  # type: ignore[attr-defined]
                    or _grammar()["label_after"].match(after, 0, 40)):  # type: ignore[attr-defined]
        return None  # "a category 4 storm", "the 112 emergency number": a label
    if _grammar()["label_joined"].match(after):  # type: ignore[attr-defined]
        return "compound"
    if number.symbol and re.search(r"\d\s$", before):
        return None  # "18 155mm howitzers": a calibre naming the counted thing
    if number.symbol and number.symbol.lower() == "mm" and _grammar()["calibre_after"].match(after):  # type: ignore[attr-defined]
        return None  # "155mm shells are scarce", "a 120 mm mortar round": a calibre, not a length
    hyphenated_mm = re.match(r"-mm\b", after)
    if hyphenated_mm and _grammar()["calibre_after"].match(after, hyphenated_mm.end()):  # type: ignore[attr-defined]
        return None  # "700,000 155-mm shells"
    if any(m.start() <= number.start and number.end <= m.end() for m in _PHONE.finditer(sentence)):
        return None
    if not sentence[: number.start].strip(" [(") and not sentence[number.end :].strip(" .)]"):
        return None
    if _grammar()["street"].match(after):  # type: ignore[attr-defined]
        return None  # "10 Downing Street", "14 Ave Kléber": an address
    if _NAMED_IN_QUOTES.search(before) and _QUOTE_CLOSES.match(after):
        return None  # 'the protest, named "15 for 15,"': a name in quotation marks
    if number.spelled_out and surface[:1].isupper() and before.strip() and not before.rstrip().endswith(_OPENERS) \
            and not _title_case(sentence):
        return None  # "Three Crosses Square", "BBC One": a name; but "LONDON: Two people died", "Killed in Three Days"
    if number.spelled_out and not number.scaled and number.value <= SMALL_SET_LIMIT:
        if _SET_BEFORE.search(before) or _OF_SET_AFTER.match(after) and not _part_of_counted_whole(before, after) \
                and not _qualifiers(sentence, number.start, number.end):  # but "at least six of the workers" is a count
            return "one" if number.value == 1 else "set"
        next_word = _NEXT_WORD.match(after)
        set_nouns: frozenset[str] = _grammar()["set_nouns"]  # type: ignore[assignment]
        if next_word and next_word.group(1).lower() in set_nouns and _names_a_set(before, after[next_word.end() :]):
            return "set"
        if next_word and _THE_BEFORE.search(before) and _anaphoric_plural(next_word.group(1).lower()):
            return "set"  # "the three prefectures", "the two fires": a set the text has named; but "the nine deaths"
    if number.spelled_out and not number.scaled and number.value == 1 and not _PERCENT.match(after):
        grammar = _grammar()
        if grammar["harm_after"].match(after, 0, 80) or grammar["harm_before"].search(before, max(0, len(before) - 20)):  # type: ignore[attr-defined]
            return "figure"  # "One firefighter died", "killing one soldier": a death count
        counted = grammar["one_counted"].match(after)  # type: ignore[attr-defined]
        speaker = counted is not None and counted.group("noun").lower() in grammar["people_nouns"] \
            and (counted.group("speaks") or grammar["speech_before"].search(before))  # type: ignore[attr-defined]
        if counted is not None and not speaker or _LISTED_ONE.match(after) and grammar["count_before"].search(before):  # type: ignore[attr-defined]
            return "figure"  # "confirmed one case", "two in Idlib and one in Hama"
        return "one"  # "one of", "said one shopkeeper": an article, not a count; but "one per cent"
    return "figure"


def _anaphoric_plural(word: str) -> bool:
    """Is the word after "the two" a plural of no counted kind (places, events, things), which points back to a set,
    unlike a count of people, harm or equipment ("the three soldiers", "the two fatalities") or a superlative
    ("the six worst")?"""
    counted: frozenset[str] = _grammar()["counted_nouns"]  # type: ignore[assignment]
    singular = resources.pluralizer().singular_noun(word)
    return bool(singular) and not word.endswith("ss") and word not in counted and singular not in counted \
        and word not in ("others", "times", "days", "weeks", "months", "years")


def _names_a_set(before: str, after_noun: str) -> bool:
    """Is "two countries" a set the text names ("the two countries", "two countries-Chad and Niger",
    "Niger-two countries"), not a count ("drought has hit four countries")?"""
    return bool(_THE_BEFORE.search(before) or _JOINED_BEFORE.search(before) or _NAMING_AFTER.match(after_noun))


def _part_of_counted_whole(before: str, after: str) -> bool:
    """Does "N of them / of the ..." count part of a whole the sentence counts too? "19 were hurt, four of them
    seriously", "81 of the drones and nine of the missiles", "two of the city's five lines" are counts; "two of
    the world's most isolated nations" names a set."""
    if re.search(r"\d", before):
        return True
    of_phrase = _OF_PHRASE.match(after)
    number_words: dict[str, float] = _grammar()["number_words"]  # type: ignore[assignment]
    harmed: frozenset[str] = _grammar()["harmed_nouns"]  # type: ignore[assignment]
    return of_phrase is not None and any(
        word[:1].isdigit() or word in number_words or word in harmed for word in of_phrase.group().lower().split()
    )  # "four of the dead were children", "two of the injured": part of a toll


def _model_name_after(after: str) -> bool:
    """Whether a bare integer is followed by a name, as in a model ("the 787 Dreamliner"), not by a
    nationality or name that describes what is counted ("87 Dravenian soldiers", "12 Marines",
    "640 Dravenian and 210 Marovian deaths")."""
    match = _NAME_AFTER.match(after)
    if match is None:
        return False
    counted: frozenset[str] = _grammar()["counted_nouns"]  # type: ignore[assignment]
    name = match.group("name")
    if not re.search(r"\b[A-Z][a-z]{2,}", name) or name.endswith("s") or name.split()[-1].lower() in counted:
        return False  # "300 UN peacekeepers", "12 Marines", "450 Nm", "-387 Fahrenheit"
    if any(word.endswith("s") or word in counted for word in match.group("next").split()):
        return False
    following = re.findall(r"[A-Za-z]+", after[match.end("name") :])[:MODEL_REACH_WORDS]
    # "30 Leopard 1 A5 tanks": a model's name, then the counted noun
    return not any(word.lower() in counted or word.lower().removesuffix("s") in counted for word in following)


def _listed_value(sentence: str, start: int, end: int) -> bool:
    """Is this a value a list sets after a name and a dash ("Ann Mora-14,318", "Ben Osei -41,207")? A model
    number or a negative figure is not written with thousands separators after a word."""
    return _GROUPED.fullmatch(sentence[start:end]) is not None and re.search(r"[A-Za-z]\s?-$", sentence[:start]) is not None


def _counts_in_brackets(sentence: str) -> bool:
    """Does the sentence list counts in brackets ("Swabi (42 deaths), Shangla (36)", "Punjab (165), Sindh (51)"),
    so that a small bracketed number after a name is a count, not an age ("Ravi Kumar (31)")?"""
    if _COUNT_IN_BRACKETS.search(sentence):
        return True
    return any(float(value.replace(",", "")) >= MAX_AGE for value in _BARE_BRACKETED.findall(sentence))


def _glued_prefix(before: str) -> bool:
    """Whether `before` ends with a sign or a bound glued by a hyphen ("minus-5", "sub-400"), not a name."""
    if re.search(r"\bminus-$", before, re.IGNORECASE):
        return True
    measured = re.search(r"\b([a-z]+)-$", before, re.IGNORECASE)
    if measured and measured.group(1).lower() in _grammar()["measure_nouns"]:  # type: ignore[operator]
        return True  # "the magnitude-6.8 tremor": a measure named before its value
    rows: list[tuple[str, str, str]] = _grammar()["qualifiers_before"]  # type: ignore[assignment]
    head = before.lower()
    return any(phrase.endswith("-") and re.search(rf"(?:^|\W){re.escape(phrase)}$", head) for phrase, _, _ in rows)


@lru_cache(maxsize=None)
def _qualifier_words() -> frozenset[str]:
    rows = _grammar()["qualifiers_before"]
    return frozenset(word for phrase, _, _ in rows for word in phrase.split())  # type: ignore[attr-defined]


def _qualifiers(sentence: str, start: int, end: int) -> list[tuple[str, str]]:
    """Qualifier phrases (phrase, kind) right before or after the span [start, end)."""
    grammar = _grammar()
    found: list[tuple[str, str]] = []
    patterns: dict[str, re.Pattern[str]] = grammar["qualifier_patterns"]  # type: ignore[assignment]
    reach: int = grammar["qualifier_reach"]  # type: ignore[assignment]
    matched = True
    while matched:
        matched = False
        # Only the stretch a phrase can span is read, so the cost does not grow with the sentence;
        # one character more lets the pattern see that the phrase starts a word.
        left = max(0, start - reach - 1)
        head = sentence[left:start].lower()
        for phrase, kind, _ in grammar["qualifiers_before"]:  # type: ignore[attr-defined]
            if patterns[phrase].search(head, 1 if left else 0):
                start = left + head.rstrip().rfind(phrase)
                found.insert(0, (phrase, kind))
                matched = True
                break
    tail = sentence[end : end + reach].lower()
    for phrase, kind, _ in grammar["qualifiers_after"]:  # type: ignore[attr-defined]
        if patterns[phrase].match(tail):
            found.append((phrase, kind))
            break
    return found


def _figure(sentence: str, start: int, end: int, value: float | None, low: float | None, high: float | None,
            spelled_out: bool, approx: bool = False, symbol: str | None = None, kind: str = "figure") -> Figure:
    grammar = _grammar()
    if value is not None and _NEGATIVE.search(sentence[:start]) and not _listed_value(sentence, start, end):
        value = -value  # "-1.3%", "minus 5"
        start = _NEGATIVE.search(sentence[:start]).start(1)  # type: ignore[union-attr]
    symbol_unit = grammar["unit_symbols"].get(symbol.lower()) if symbol else None  # type: ignore[attr-defined]
    currency = None
    currency_match = _currency_before(sentence[:start])
    if currency_match:
        currency = grammar["currencies"][currency_match.group().strip()]  # type: ignore[index]
        start = currency_match.start()
    qualifiers = _qualifiers(sentence, start, end)
    if _GONE_UP_TO.search(sentence[:start]):
        qualifiers = [(phrase, kind) for phrase, kind in qualifiers if phrase != "up to"]  # "has gone up to 2.15 per cent"
    duration = _DURATION_AFTER.match(sentence[end:])
    if duration and not _SPAN_BOUNDED.search(sentence[:start]) and not _TIME_FROM.match(sentence, end + duration.end()):
        # "over 12 months" is a period; "for over two weeks", "in under 10 years", "over 60 hours after" bound one
        qualifiers = [(phrase, kind) for phrase, kind in qualifiers if phrase not in ("over", "under")]
    kinds = {kind for _, kind in qualifiers}
    if value is not None and "upper" in kinds:
        high = value
    if value is not None and "lower" in kinds:
        low = value
    approx = approx or "approx" in kinds
    percent_match = _PERCENT.match(sentence[end:])
    if percent_match:
        end += percent_match.end()
    return Figure(
        start=start,
        end=end,
        surface=sentence[start:end],
        value=value,
        low=low,
        high=high,
        approx=approx,
        qualifier=" ".join(phrase for phrase, _ in qualifiers) or None,
        currency=currency,
        percent=percent_match is not None or (symbol_unit is not None and symbol_unit[1] == "percent"),
        spelled_out=spelled_out,
        symbol_unit=symbol_unit,
        kind=kind,
    )


def _join_ranges(sentence: str, numbers: list[_Number]) -> Iterator[tuple[_Number, _Number | None]]:
    """Pairs (low, high) for written ranges, (number, None) for single numbers."""
    index = 0
    while index < len(numbers):
        current = numbers[index]
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        if following is not None:
            joiner = sentence[current.end : following.start]
            currency: re.Pattern[str] = _grammar()["currency_before"]  # type: ignore[assignment]
            head = sentence[: current.start]
            mark = _currency_before(head)
            is_between = re.search(r"\bbetween\s+$", head[: mark.start()] if mark else head, re.IGNORECASE)
            percent_first = _PERCENT.match(joiner)
            joiner = currency.sub("", joiner[percent_first.end() :] if percent_first else joiner)  # "5% to 10%", "$3bn to $5bn"
            joiner = _HEDGED_HIGH_END.sub(" ", joiner)  # "from 30% to nearly 43%"
            joined = re.fullmatch(RANGE_JOINERS, joiner) and (" and " not in f" {joiner} " or is_between)
            if percent_first and not _PERCENT.match(sentence[following.end :]):
                joined = False  # "rose 9.5 per cent to $42": a change, then the level it reached
            if _YEAR_AFTER_PREPOSITION.search(sentence, max(0, current.end - 16), current.end) or _YEAR_SPAN_END.search(head):
                joined = False  # "rose 40% in 2023 to 2.1 million", "£2.12bn in 2021-22 to £3.97bn": a year is no range end
            before_mark = head[: mark.start()] if mark else head
            if _grammar()["changed_from"].search(before_mark) or _CHANGED_BY_FROM.search(before_mark):  # type: ignore[attr-defined]
                joined = False  # "raised from Rs 50,000 to Rs 75,000": the old level and the new, not a range
            if re.search(r"\bby\s+$", head[: mark.start()] if mark else head, re.IGNORECASE) \
                    and following.value > _CHANGE_TO_LEVEL_RATIO * current.value:
                joined = False  # "down by 35,000 to 831,000": a change, then the level; but "rise by 10 to 15 percent"
            if joined and current.value < following.value:
                yield current, following
                index += 2
                continue
        yield current, None
        index += 1


def _range_low(low: _Number, high: _Number) -> float:
    """The low end, sharing the high end's scale: "2 to 3 million", "14 to 15,000"."""
    if low.scaled or low.value <= 0 or low.value >= 1000:
        return low.value  # "$50,000 to $2 million": a low end with its own thousands is complete
    for multiplier in (1e3, 1e6, 1e9):
        if high.value / multiplier >= 1 and low.value * multiplier <= high.value and low.value * multiplier * 10 > high.value:
            if high.scaled or multiplier == 1e3:
                return low.value * multiplier
    return low.value


def _quantities(sentence: str) -> list[Figure]:
    """Every quantity of a sentence with its kind, in reading order, before estimate cues are spread."""
    grammar = _grammar()
    figures: list[Figure] = []
    claimed: list[tuple[int, int]] = []
    for match in grammar["magnitude"].finditer(sentence):  # type: ignore[attr-defined]
        low, high = grammar["magnitudes"][match.group().lower()]  # type: ignore[index]
        figures.append(_figure(sentence, match.start(), match.end(), None, low, high, True, approx=True))
        claimed.append((match.start(), match.end()))
    for start, end, value, kind in _fractions_and_multipliers(sentence):
        if not any(start < other_end and other_start < end for other_start, other_end in claimed):
            figures.append(_figure(sentence, start, end, value, None, None, not sentence[start].isdigit(), kind=kind))
            claimed.append((start, end))
    numbers = [
        number for number in _numbers(sentence)
        if not any(start <= number.start < end for start, end in claimed)
    ]
    for first, second in _join_ranges(sentence, numbers):
        if second is None:
            # Left over after ranges are joined, "N-" or "N/" before a number is a score or a code: "won 2-1", "24/7".
            kind = None if re.search(r"\d[/\u2013-]$", sentence[max(0, first.start - 2) : first.start]) else _kind(sentence, first)
            if kind is not None:
                figures.append(_figure(sentence, first.start, first.end, first.value, None, None, first.spelled_out,
                                       symbol=first.symbol, kind=kind))
        else:
            low_kind = _kind(sentence, first)
            if sentence[first.start - 1 : first.start].isalpha() and low_kind is None:
                continue  # "flight J2-8243": a code, not a range
            kinds = {low_kind, _kind(sentence, second)} - {None}
            if kinds:  # a range is a claim when either end is one ("one to two years"), unless an end is an age
                kind = "age" if "age" in kinds else "figure" if "figure" in kinds else min(kinds)  # "19 and 29 years old"
                hedged = _HEDGED_HIGH_END.search(sentence, first.end, second.start) is not None
                figures.append(_figure(sentence, first.start, second.end, None, _range_low(first, second), second.value,
                                       first.spelled_out, approx=hedged, symbol=second.symbol, kind=kind))
    figures.sort(key=lambda figure: figure.start)
    return figures


def find_quantities(sentence: str) -> list[Figure]:
    """Every quantity in a sentence, claims or not, each marked with its kind (see KINDS).

    Args:
        sentence: one sentence of news text.

    Returns:
        Figures in reading order; dates, years, times and numbers in names are not quantities.
    """
    return _mark_estimates(sentence, _quantities(sentence))


def find_figures(sentence: str) -> list[Figure]:
    """Every figure in a sentence that counts or measures something: the quantities of kind "figure".

    Args:
        sentence: one sentence of news text.

    Returns:
        Figures in reading order; ranges and vague magnitudes are single figures.
    """
    return _mark_estimates(sentence, [figure for figure in _quantities(sentence) if figure.kind == "figure"])


def _mark_estimates(sentence: str, figures: list[Figure]) -> list[Figure]:
    """An "estimate" word earlier in the same stretch of text hedges the figure, and a conversion
    in brackets ("about 8,500 hectares (21,000 acres)", "above 51 degrees Celsius (124 degrees
    Fahrenheit)") shares the hedge and the bound of the figure it converts."""
    marked: list[Figure] = []
    previous_end = 0
    for figure in figures:
        converted = bool(marked) and re.fullmatch(r"\s*(?:[^\s()]+\s+){0,2}[^\s()]*\s*\(", sentence[previous_end : figure.start]) \
            and re.match(r"[^()\d]{0,30}\)", sentence[figure.end :]) is not None
        if not figure.approx and (ESTIMATE_CUE.search(sentence[previous_end : figure.start])
                                  or (converted and marked[-1].approx)):
            figure = Figure(**{**figure.__dict__, "approx": True})
        source = marked[-1] if converted else None
        if source is not None and figure.qualifier is None and figure.value is not None and source.value is not None:
            low = figure.value if source.low == source.value else figure.low
            high = figure.value if source.high == source.value else figure.high
            figure = Figure(**{**figure.__dict__, "low": low, "high": high})
        marked.append(figure)
        previous_end = figure.end
    return marked
