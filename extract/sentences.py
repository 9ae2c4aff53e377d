"""Stage 2: sentence spans, and which sentences can hold a figure.

Lines are split first (headlines and captions rarely end with a full stop),
then spaCy's rule-based sentencizer splits each line. Long lines are cut into
bounded chunks at whitespace so the cost stays linear in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple

from . import resources

MAX_CHUNK_CHARS = 20_000

_LINE = re.compile(r"[^\n]+")
_NUMBER_HINT = re.compile(r"\d")


class Sentence(NamedTuple):
    """A sentence as character offsets into the document text."""

    start: int
    end: int
    text: str


def _chunks(line: str, offset: int) -> Iterator[tuple[int, str]]:
    """Pieces of a line no longer than MAX_CHUNK_CHARS, cut at whitespace."""
    position = 0
    while len(line) - position > MAX_CHUNK_CHARS:
        cut = line.rfind(" ", position, position + MAX_CHUNK_CHARS)
        cut = cut if cut > position else position + MAX_CHUNK_CHARS
        yield offset + position, line[position:cut]
        position = cut
    yield offset + position, line[position:]


def _headline_items(line: re.Match[str]) -> Iterator[tuple[int, str]]:
    """A line with no closing stop (a headline, a deck) split at its semicolons: "Organisers estimate 150,000 at
    rally; 2 arrested" is two statements, the second nobody's estimate."""
    if _SENTENCE_END.search(line.group()):
        yield line.start(), line.group()
        return
    position = 0
    for separator in _ITEM_SEPARATOR.finditer(line.group()):
        yield line.start() + position, line.group()[position : separator.start() + 1]
        position = separator.end()
    yield line.start() + position, line.group()[position:]


_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]*\s*$")
_ITEM_SEPARATOR = re.compile(r";\s+")


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a text, stripped of surrounding whitespace.

    spaCy's sentencizer misses stops glued to a token ("70 km/h. Last year")
    and leaves an opening quote at the end of the sentence before it; both are
    mended here, so a quote's speaker and a sentence's claimant stay apart.
    """
    splitter = resources.sentence_splitter()
    spans: list[tuple[int, int]] = []
    pieces = [(offset, chunk) for match in _LINE.finditer(text) for start, item in _headline_items(match)
              for offset, chunk in _chunks(item, start)]
    for (offset, chunk), doc in zip(pieces, splitter.pipe(chunk for _, chunk in pieces)):
        for span in doc.sents:
            spans.extend(_missed_stops(text, offset + span.start_char, offset + span.end_char))
    sentences: list[Sentence] = []
    carried = 0
    for index, (start, end) in enumerate(spans):
        start -= carried
        raw = text[start:end]
        carried = 0
        trailing = _TRAILING_OPEN_QUOTE.search(raw)
        if trailing and index + 1 < len(spans) and raw[: trailing.start()].strip():
            carried = len(raw) - trailing.start() - (len(trailing.group()) - len(trailing.group().lstrip()))
            end -= carried
            raw = text[start:end]
        bullet = _BULLET.match(raw)
        if bullet:  # "• Puebla has recorded 13 deaths": the list mark is no word of the sentence
            start, raw = start + bullet.end(), raw[bullet.end() :]
        stripped = raw.strip()
        if stripped:
            begin = start + (len(raw) - len(raw.lstrip()))
            sentences.append(Sentence(begin, begin + len(stripped), stripped))
    return sentences


_BULLET = re.compile(r"^\s*[\u2022\u25aa\u25cf\u25e6\u2023\u00b7*\u2013\u2014-]\s+")
_TRAILING_OPEN_QUOTE = re.compile(r"\s[\"\u201c\u2018]\s*$")
_MISSED_STOP = re.compile(r"(?<=[a-z/]\.)[\"\u201d\u2019)]?\s+(?=[\"\u201c(]?[A-Z])")


def _missed_stops(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) where a full stop ends a token that is not an abbreviation."""
    abbreviations = resources.words("abbreviations")
    spans: list[tuple[int, int]] = []
    for match in _MISSED_STOP.finditer(text, start, end):
        word = text[start : match.start()].split()[-1].lower() if text[start : match.start()].split() else ""
        if word in abbreviations or word.count(".") > 1 or len(word) <= 2:
            continue  # "Nov.", "U.S.", "J."
        spans.append((start, match.start() + len(match.group()) - len(match.group().lstrip())))
        start = match.end()
    spans.append((start, end))
    return spans


@lru_cache(maxsize=None)
def number_words_pattern() -> re.Pattern[str]:
    """A pattern for any spelled-out number or vague magnitude in the knowledge files."""
    vocabulary = {row["word"] for row in resources.table("number_words")}
    vocabulary |= {row["phrase"].split()[0] for row in resources.table("magnitudes")}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, vocabulary))) + r")\b", re.IGNORECASE)


def may_hold_figure(sentence: str, words: re.Pattern[str]) -> bool:
    """Cheap test: does the sentence contain a digit or a number word?"""
    return bool(_NUMBER_HINT.search(sentence) or words.search(sentence))


def quote_closers(texts: list[str]) -> dict[int, int]:
    """For sentences inside a quotation that runs on, the index of the sentence that closes it.

    News puts the speaker after a multi-sentence quote ("... in three years. ...
    patients wait,” said the nurse), so a figure early in the quote is attributed
    where the quotation ends.
    """
    closers: dict[int, int] = {}
    pending: list[int] = []
    inside = False
    for index, text in enumerate(texts):
        touched = inside
        for character in text:
            if character == "\u201c":
                inside, touched = True, True
            elif character == "\u201d":
                inside = False
            elif character == '"':
                inside, touched = not inside, True
        if inside:
            pending.append(index)
        elif touched and pending:
            closers.update({waiting: index for waiting in pending})
            pending = []
    return closers


def quote_openers(texts: list[str]) -> dict[int, int]:
    """For sentences that begin inside a quotation, the index of the sentence that opened it.

    A speaker introduced before a colon ("A council spokesperson said: “No library will
    close. We have had to find £38 million.”") is the source of a figure later in the quote.
    """
    openers: dict[int, int] = {}
    opened: int | None = None
    for index, text in enumerate(texts):
        if opened is not None:
            openers[index] = opened
        for character in text:
            if character == "\u201c" or (character == '"' and opened is None):
                opened = index if opened is None else opened
            elif character in ("\u201d", '"'):
                opened = None
    return openers


_FULL_STOPS = (".", "!", "?", '"', "\u201d")
_WHOLE_QUOTATION = re.compile(r"^\s*[\"\u201c][^\"\u201c\u201d]+[\"\u201d]\s*$")


def quote_continuations(texts: list[str]) -> dict[int, int]:
    """For a sentence that is a quotation and nothing else, the index of the sentence before it when that one
    quotes too: news continues a speaker's words after the attribution ("“... 42,000 troops,” General Kovacs stated.
    “Total losses this year are about 78,000.”"), and the speaker is the one just named."""
    return {index: index - 1 for index, text in enumerate(texts)
            if index and _WHOLE_QUOTATION.match(text) and any(mark in texts[index - 1] for mark in '"\u201d')}


def quoted_paragraphs(texts: list[str], paragraph_starts: list[bool]) -> dict[int, int]:
    """For each sentence of a paragraph that opens with a quotation mark, the index of the sentence right before
    the run of such paragraphs when that one is no quotation itself: news names a speaker ("X said the cost was
    not only monetary.") and gives their words in the paragraphs that follow, often with no "she said" of their
    own. After a quotation the chain is not followed: whose words those were is the closing speaker's affair."""
    def quotes(text: str) -> bool:
        return text.lstrip()[:1] in ('"', "\u201c")

    introducers: dict[int, int] = {}
    introducer: int | None = None
    in_quote = False
    for index, text in enumerate(texts):
        if paragraph_starts[index]:
            opens = quotes(text) and index > 0 and (introducer is not None or not quotes(texts[index - 1]))
            introducer = (introducer if introducer is not None else index - 1) if opens else None
        elif not (in_quote or quotes(text)):
            introducer = None  # '"...," X told CNN. She said ... . The crash came ...': the prose after the quote
        if introducer is not None:
            introducers[index] = introducer
        in_quote = _still_open(text, in_quote)
    return introducers


def _still_open(text: str, was_open: bool) -> bool:
    """Is a quotation open at the end of this sentence, given whether it was open at its start?"""
    straight = text.count('"')
    opened = was_open
    for mark in re.findall(r'[\u201c\u201d]', text):
        opened = mark == "\u201c"
    return opened if "\u201c" in text or "\u201d" in text else (was_open != (straight % 2 == 1))


def list_introducers(texts: list[str], paragraph_starts: list[bool]) -> dict[int, int]:
    """For each item of a list, the index of the sentence that introduced it with a colon.

    A source that introduces a list ("The commission chairman added the votes of the other candidates are:")
    gives every item that follows, one paragraph each without a full stop ("Ann Mora-14,318"), until
    the prose resumes. `paragraph_starts[i]` says whether sentence i opens a paragraph.
    """
    def alone(index: int) -> bool:
        return paragraph_starts[index] and (index + 1 == len(texts) or paragraph_starts[index + 1])

    introducers: dict[int, int] = {}
    opened: int | None = None
    for index, text in enumerate(texts):
        if opened is not None and alone(index) and not text.rstrip().endswith(_FULL_STOPS):
            introducers[index] = opened
            continue
        opened = index if text.rstrip().endswith(":") and alone(index) else None
    return introducers

