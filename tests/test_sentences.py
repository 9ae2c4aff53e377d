"""Sentences: spans that index the text, and quotations that run over several sentences."""

import pytest

from extract.sentences import (list_introducers, quote_closers, quote_continuations, quote_openers, quoted_paragraphs,
                               split_sentences)


def test_spans_index_the_text_and_lines_split():
    text = "Headline without a stop\n\nThe U.S. defense secretary said Wednesday. Troops will be ready on Nov. 1, he said."
    found = split_sentences(text)
    assert [text[s.start : s.end] for s in found] == [s.text for s in found]
    assert [s.text for s in found] == [
        "Headline without a stop",
        "The U.S. defense secretary said Wednesday.",
        "Troops will be ready on Nov. 1, he said.",
    ]


def test_long_line_is_cut_without_losing_text():
    text = "word " * 30_000
    found = split_sentences(text)
    assert "".join(s.text for s in found).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Winds reached 70 km/h. Last year a blaze burned 3,000 hectares.",
         ["Winds reached 70 km/h.", "Last year a blaze burned 3,000 hectares."]),
        ('Villagers said they watched. "We took the animals," said a farmer.',
         ["Villagers said they watched.", '"We took the animals," said a farmer.']),
        ("Lt. Gen. Smith agreed with the U.S. envoy.", ["Lt. Gen. Smith agreed with the U.S. envoy."]),
    ],
)
def test_sentencizer_misses_are_mended(text, expected):
    found = split_sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["“We lost 600 nurses.", "Patients wait,” she said."], {0: 1}),
        (["“Short quote,” he said.", "Next."], {}),
        (['"It is 5.', 'Really," X said.'], {0: 1}),
        (["“A.", "B.", "C,” X said."], {0: 2, 1: 2}),
    ],
)
def test_quote_closers(texts, expected):
    assert quote_closers(texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["A spokesperson said: “No branch will close.", "We must save £38 million.”", "Next."], {1: 0}),
        (["“A.", "B.", "C,” X said."], {1: 0, 2: 0}),
        (['She said: "It is 5.', 'Really."', 'He called it "odd".'], {1: 0}),
        (["“Short quote,” he said.", "Next."], {}),
    ],
)
def test_quote_openers(texts, expected):
    assert quote_openers(texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["“We lost 600 nurses,” she said.", "“Patients wait longer.”"], {1: 0}),
        (['"We lost 600," she said.', '"It is 5."', "Next."], {1: 0}),
        (["She spoke.", "“Patients wait longer.”"], {}),  # nobody quoted before it
        (["“We lost 600 nurses,” she said.", "“Patients wait,” he added."], {}),  # more than a quotation
    ],
)
def test_quote_continuations(texts, expected):
    assert quote_continuations(texts) == expected


@pytest.mark.parametrize(
    ("texts", "starts", "expected"),
    [
        (["The chairman gave the other votes:", "Ann Mora-14,318", "Ben Osei -41,207", "Turnout was low."],
         [True, True, True, True], {1: 0, 2: 0}),
        (["The chairman gave the other votes:", "Ann Mora-14,318"], [True, False], {}),  # not a paragraph of its own
        (["He said:", "“We lost 600 nurses.”"], [True, True], {}),  # a quotation ends with a full stop: prose
        (["Results so far.", "Ann Mora-14,318"], [True, True], {}),  # nothing introduced a list
    ],
)
def test_list_introducers(texts, starts, expected):
    assert list_introducers(texts, starts) == expected


def test_a_headline_splits_at_its_semicolons_and_a_sentence_does_not():
    text = "Organisers claim 9,000 at rally; 12 arrested near the station\n\nPolice said 3 were hurt; 4 fled."
    assert [sentence.text for sentence in split_sentences(text)] == [
        "Organisers claim 9,000 at rally;", "12 arrested near the station", "Police said 3 were hurt; 4 fled."]


def test_a_quotation_paragraph_gives_its_introducer_only_the_quoted_sentences():
    texts = ["The mayor spoke first.", "\u201cWe lost 13 people,\u201d she told reporters.", "She thanked rescuers.",
             "The crash came four months after another.", "\u201cIt is hard,\u201d she added.", "\u201cVery hard."]
    starts = [True, True, False, False, True, False]
    assert quoted_paragraphs(texts, starts) == {1: 0, 4: 3, 5: 3}


def test_a_list_mark_is_not_part_of_its_sentence():
    text = "Deaths by state:\n\n\u2022 Puebla has recorded 13 deaths.\n- Hidalgo: 16 dead.\n-5 degrees overnight."
    assert [sentence.text for sentence in split_sentences(text)][1:] == [
        "Puebla has recorded 13 deaths.", "Hidalgo: 16 dead.", "-5 degrees overnight."]
