"""The stages joined: documents -> sentences -> figures -> context -> claim records.

`claims_in_document` is pure over one `Document`; `extract_corpus` adds I/O at
the edge (reading paths) and gathers what was skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd
from spacy.tokens import Doc, Token

from . import claimants, dates, figures, hedges, resources, sentences, table, units
from .documents import Document, Skipped, load_documents


@dataclass
class Extraction:
    """The claims of a corpus, with how many documents were read, what was skipped and what was warned about."""

    claims: pd.DataFrame
    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)


@dataclass(frozen=True)
class _Speaker:
    sentence_index: int
    claimant: claimants.Claimant
    claim_date: dt.date | None


def _anchor(doc: Doc, start: int, end: int) -> Token:
    """The last token that overlaps the figure's characters (the sentence's last token if none does)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else doc[-1]


def _root(doc: Doc) -> Token:
    return claimants.main_root(doc) or doc[0]


def claims_in_document(document: Document) -> list[dict[str, object]]:
    """Claim records (plain dicts in table column order) for one document."""
    split = sentences.split_sentences(document.text)
    number_words = sentences.number_words_pattern()
    found = {
        index: figures.find_figures(sentence.text)
        for index, sentence in enumerate(split)
        if sentences.may_hold_figure(sentence.text, number_words)
    }
    found = {index: figure_list for index, figure_list in found.items() if figure_list}
    if not found:
        return []
    closers = sentences.quote_closers([sentence.text for sentence in split])
    openers = sentences.quote_openers([sentence.text for sentence in split])
    continued = sentences.quote_continuations([sentence.text for sentence in split])
    paragraph_starts = [index == 0 or "\n" in document.text[split[index - 1].end : sentence.start]
                        for index, sentence in enumerate(split)]
    listed = sentences.list_introducers([sentence.text for sentence in split], paragraph_starts)
    quoting = sentences.quoted_paragraphs([sentence.text for sentence in split], paragraph_starts)
    # Sentences up to the last figure (or the end of its quotation) give names, speakers and dates: a speaker named
    # several sentences before is the "she" who gives the figure.
    last_needed = max(max(found), *(closers.get(index, index) for index in found))
    parsed = resources.parse(sentence.text for sentence in split[: last_needed + 1])
    for doc in parsed:
        claimants.tag_titled_names(doc)
    context = claimants.document_context(
        document.text,
        claimants.entities_in(parsed, "PERSON"),
        claimants.entities_in(parsed, "GPE", "NORP"),
        claimants.descriptions(parsed),
        claimants.entities_in(parsed, "ORG"),
        gpe=claimants.entities_in(parsed, "GPE"),
    )
    for doc in parsed:
        claimants.tag_known_surnames(doc, context)
    records: list[dict[str, object]] = []
    counted: list[units.Unit] = []
    speaker: _Speaker | None = None
    for index, (sentence, doc) in enumerate(zip(split, parsed)):
        if index not in found:
            mention = claimants.attribution(doc, _root(doc))
            if mention is not None:
                claimant = claimants.resolve(mention, context)
                claim_date, _ = dates.claim_and_target(doc, _root(doc), mention.verb, document.published)
                speaker = _Speaker(index, claimant, claim_date)
            else:
                claimants.remember_subject(doc, context)
            continue
        for figure in found[index]:
            anchor = _anchor(doc, figure.start, figure.end)
            mention = claimants.attribution(doc, anchor)
            if mention is None and index in closers:
                closing = parsed[closers[index]]
                mention = claimants.attribution(closing, _root(closing))
            if mention is None and index in openers:
                opening = parsed[openers[index]]
                mention = claimants.attribution(opening, _root(opening))
            if mention is None and index in continued:
                quoted = parsed[continued[index]]
                mention = claimants.attribution(quoted, _root(quoted))
            if mention is None and index in listed:
                introduction = parsed[listed[index]]
                mention = claimants.attribution(introduction, _root(introduction))
            if mention is None:
                line_start = document.text.rfind("\n", 0, sentence.start) + 1
                mention = claimants.speaker_turn(document.text[line_start : sentence.end], document.text)
            if mention is None and index + 1 < len(split) and not paragraph_starts[index + 1]:
                mention = claimants.source_line(split[index + 1].text)
            # a quotation paragraph with no speaker of its own gives the words of the one named right before it
            introduced = mention is None and speaker is not None and index in quoting \
                and quoting[index] in (speaker.sentence_index, quoting.get(speaker.sentence_index))
            claimant = speaker.claimant if introduced else claimants.resolve(mention, context)  # type: ignore[union-attr]
            verb = mention.verb if mention is not None and mention.verb is not None and mention.verb.doc is doc else None
            claim_date, target_date = dates.claim_and_target(doc, anchor, verb, document.published)
            if claimant.name is None:
                claim_date = document.published
            elif claimants.is_outlet(claimant, document.outlet):
                claim_date = claim_date or document.published  # "according to a tally by The Daily X", in The Daily X
            elif introduced:
                claim_date = claim_date or speaker.claim_date  # type: ignore[union-attr]
            elif claim_date is None and speaker is not None and speaker.claimant == claimant \
                    and (speaker.sentence_index == index or (speaker.sentence_index == index - 1
                                                              and claimants.continues_speaker(mention))):
                claim_date = speaker.claim_date
            if claimant.name is not None:
                speaker = _Speaker(index, claimant, claim_date)
            counted.append(units.counted_unit(doc, figure))
            char_start = sentence.start + figure.start
            char_end = sentence.start + figure.end
            records.append({
                "claim_id": table.claim_id(document.doc_id, char_start, char_end),
                "doc_id": document.doc_id,
                "file": document.file,
                "title": document.title,
                "outlet": document.outlet,
                "url": document.url,
                "published": document.published,
                "sentence": sentence.text,
                "char_start": char_start,
                "char_end": char_end,
                "surface": figure.surface,
                "value": figure.value,
                "low": figure.low,
                "high": figure.high,
                # "..., the ministry estimated": an estimate word after the figure hedges it too
                "approx": figure.approx or bool(verb is not None and figures.ESTIMATE_CUE.fullmatch(verb.text)),
                "qualifier": figure.qualifier,
                "claimant": claimant.name,
                "claimant_org": claimant.org,
                "claimant_country": claimant.country,
                "claim_date": claim_date,
                "target_date": target_date,
                "hedge": hedges.hedge(doc, anchor, verb, claimants.reporting_hedge(mention), figure.approx),
            })
        if speaker is None or speaker.sentence_index != index:
            claimants.remember_subject(doc, context)
    records = claimants.credit_headline_descriptions(claimants.credit_denials(records), document.text.find("\n"),
                                                     document.text, context)
    for record, unit in zip(records, units.resolve_references(counted, [record["value"] for record in records])):
        record["unit"] = unit.unit
        record["category"] = unit.category
        record["claim_key"] = table.claim_key(
            record["claimant"], unit.category, record["value"], record["low"], record["high"]  # type: ignore[arg-type]
        )
    return records


WARM_UP_TEXT = "Officials said on Monday that 40 people had walked 5 km."


def claims_or_skip(document: Document) -> list[dict[str, object]] | Skipped:
    """The claims of one document, or why it failed: a text the rules cannot read stops no batch."""
    try:
        return claims_in_document(document)
    except Exception as error:  # noqa: BLE001 - whatever a rule trips on in one text, the others are still read
        where = document.file if document.doc_id in (document.file, "") else f"{document.file} ({document.doc_id})"
        return Skipped(where, f"extraction failed ({type(error).__name__}: {error}); document left out")


def load_resources() -> None:
    """Load every model and knowledge table the pipeline uses, by running it once on a short text.

    Processes forked afterwards (the workers of a local cluster) inherit them
    warm, instead of each loading spaCy and quantulum3 again.
    """
    claims_in_document(Document(doc_id="warm-up", file="warm-up", text=WARM_UP_TEXT, published=dt.date(2024, 1, 3)))
    resources.cities()  # read only when a story names a city, which nearly every corpus does


def extract_corpus(paths: Iterable[Path | str], manifest: Path | str | None = None,
                   on_document: Callable[[Document | Skipped], None] | None = None) -> Extraction:
    """Claims from files and folders of articles, and what could not be read.

    Args:
        paths: files or folders (.txt, .md, .html, .jsonl).
        manifest: a manifest CSV for all paths (default: each folder's manifest.csv).
        on_document: called after each document or skip, e.g. to move a progress bar.

    Raises:
        documents.InputError: a path is missing or a manifest is unreadable.
    """
    records: list[dict[str, object]] = []
    skipped: list[Skipped] = []
    warnings: list[Skipped] = []
    count = 0
    for item in load_documents(paths, manifest):
        if isinstance(item, Skipped):
            (warnings if item.warning else skipped).append(item)
        else:
            claims = claims_or_skip(item)
            if isinstance(claims, Skipped):
                skipped.append(claims)
            else:
                count += 1
                records.extend(claims)
        if on_document is not None:
            on_document(item)
    return Extraction(table.claims_frame(records), count, skipped, warnings)


def claims_from_paths(paths: Iterable[Path | str], manifest: Path | str | None = None) -> pd.DataFrame:
    """The claims table of files and folders (see `extract_corpus` for skips)."""
    return extract_corpus(paths, manifest).claims


def claims_from_text(text: str, *, doc_id: str = "text", title: str | None = None, outlet: str | None = None,
                     url: str | None = None, published: dt.date | str | None = None) -> pd.DataFrame:
    """The claims table of one text, with optional metadata."""
    from .documents import parse_published

    if isinstance(published, str):
        published = parse_published(published)
    document = Document(doc_id=doc_id, file=doc_id, text=text, title=title, outlet=outlet, url=url, published=published)
    return table.claims_frame(claims_in_document(document))
