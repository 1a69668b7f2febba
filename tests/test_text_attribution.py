"""Sentence splitting and attribution on short fixtures of our own."""

from __future__ import annotations

from sitrep.core.records import Article
from sitrep.read.en.attribution import attribute, attribute_sentence
from sitrep.text.sentences import normalize, split_sentences


def test_split_keeps_offsets_and_abbreviations() -> None:
    text = (
        "Maj. Gen. Sami Hadi said the town fell. It was quiet on Nov. 3 in the U.S. zone.\n"
        "A new paragraph starts here! Does it? Yes."
    )
    sentences = split_sentences(text)
    assert [s.span.text for s in sentences] == [
        "Maj. Gen. Sami Hadi said the town fell.",
        "It was quiet on Nov. 3 in the U.S. zone.",
        "A new paragraph starts here!",
        "Does it?",
        "Yes.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1, 1]
    for s in sentences:
        assert text[s.span.start : s.span.end] == s.span.text


def test_normalize_keeps_zwnj_and_drops_controls() -> None:
    assert normalize("می\u200cگوید\x07\r\nدوم") == "می\u200cگوید\nدوم"


def test_according_to_outlet_with_nested_speaker() -> None:
    a = attribute_sentence(
        "According to The Washington Post, the Syrian government announced Friday that it "
        "had recaptured the city."
    )
    assert a.source == "The Washington Post"
    assert a.speaker == "the Syrian government"
    assert a.verb == "announced"


def test_outlet_reports_notes_writes() -> None:
    assert attribute_sentence("In a separate development, Press TV reports that X.").source == (
        "Press TV"
    )
    assert attribute_sentence("On the whole, BBC notes that the town mattered.").source == "BBC"
    assert attribute_sentence("The New York Times writes that the army won.").source == (
        "The New York Times"
    )


def test_trailing_speaker_and_appositive() -> None:
    a = attribute_sentence(
        "Troops have retaken the town from the militants, Prime Minister Omar Said has announced."
    )
    assert a.speaker == "Prime Minister Omar Said"
    assert a.verb == "announced"
    b = attribute_sentence("Col. Rami Aziz, a military spokesman, described the victory.")
    assert b.speaker == "Col. Rami Aziz"


def test_denial_verb_and_no_false_speaker() -> None:
    a = attribute_sentence("The coalition denied that its aircraft struck the market.")
    assert a.speaker == "The coalition"
    assert a.verb == "denied"
    assert attribute_sentence("Fighting continued in the old city.").speaker is None


def test_source_carries_over_until_another_outlet_is_named() -> None:
    text = (
        "Reuters reports that the army entered the town.\n"
        "The commander said the operation was over.\n"
        "Al Jazeera wrote that fighting went on.\n"
        "He said it would take days."
    )
    article = Article.make(text, language="en", outlet="Sample Daily")
    claims = attribute(article, split_sentences(text))
    assert [c.source for c in claims] == ["Reuters", "Reuters", "Al Jazeera", "Al Jazeera"]
    assert [c.inherited for c in claims] == [False, True, False, True]
    assert claims[1].speaker == "The commander"


def test_article_outlet_is_default_source() -> None:
    text = "Clashes were reported near the dam."
    article = Article.make(text, language="en", outlet="Washington Post")
    (claim,) = attribute(article, split_sentences(text))
    assert claim.source == "The Washington Post"  # canonical spelling
    assert claim.inherited is False


def test_a_short_name_in_brackets_keeps_the_speaker() -> None:
    a = attribute_sentence(
        "The Syrian Observatory for Human Rights (SOHR) said on Sunday that the town fell."
    )
    assert a.speaker == "The Syrian Observatory for Human Rights"
    # not a parenthesis that is no name ("(pictured)") nor one in the middle of a clause
    assert attribute_sentence("Rebels (pictured) said the town fell.").speaker is None
