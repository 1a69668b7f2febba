"""The ingest speed-ups give the answers of the slow paths they replace.

- ``typology.is_candidate`` (prefix index) against the one big regex
  ``typology.is_candidate_regex``, sentence by sentence;
- ``typology.find_triggers`` (each trigger tried where it can start) against every
  trigger run over the whole sentence, and the same for the feature triggers;
- the English reader's ``denies_takeover`` (cue words first) against its pattern,
  and its attribution's verb tests against the patterns they spare;
- ``Extractor.read_chunk`` (many articles, one spaCy call) against ``read``;
- the pipeline's chunked duplicate checks against one look-up per article;
- ``ingest.detect_language``'s short sample against the long one.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.core.config import Config
from sitrep.core.records import Article
from sitrep.ingest import sources as ingest_mod
from sitrep.pipeline import ingest
from sitrep.read import typology
from sitrep.read.en.extract import (
    ArticleReading,
    EnglishReader,
    Extractor,
    _Reach,
    _reach_before,
)
from sitrep.read.typology import (
    TRIGGERS,
    is_candidate,
    is_candidate_regex,
    pattern_prefixes,
)
from sitrep.store import Store
from sitrep.text.sentences import split_sentences

DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo" / "reports.jsonl"

# Sentences written for the edge cases: triggers inside longer words (the
# candidate regex has no word boundaries), upper case, curly quotes, characters
# that IGNORECASE folds unlike str.lower, triggers at the very start and end.
OWN_SENTENCES = [
    "Government forces recaptured the town of Mayadin on Saturday.",
    "RE-TAKEN: the army says the village is back under its control.",
    "Militants retook it.",
    "Recaptured",
    "The mobile phone network was down all week.",
    "Shares in the airline rose 3% after the announcement.",
    "An airstrike hit the market, killing 12 people, activists said.",
    "Protesters marched to the ministry; police fired tear gas.",
    "“They shelled us all night,” a resident told Reuters.",
    "The council approved the budget for next year.",
    "",
    "a",
    "in",
    "The Kelvin sign \u212a and the long \u017f are folded by IGNORECASE.",
    "Re\u017fidents \u017fay the town was captured.",
    "\u0130nsurgents seized the checkpoint.",
    "Dıstrict officials were arrested.",
    "Ça va: the café reopened after the riots.",
    "Nothing to see here.",
    "A car bomb exploded outside the base, and gunmen abducted two aid workers.",
    "The two sides signed a ceasefire agreement in Astana.",
]


def _demo_sentences() -> list[str]:
    rows = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines() if line.strip()]
    return [s.span.text for r in rows for s in split_sentences(r["text"])]


def _mismatches(sentences: list[str]) -> list[str]:
    return [s for s in sentences if is_candidate(s) != is_candidate_regex(s)]


def test_is_candidate_matches_the_regex_on_demo_and_own_sentences() -> None:
    sentences = _demo_sentences() + OWN_SENTENCES
    assert len(sentences) > 100
    assert _mismatches(sentences) == []
    # the corpus has both kinds, so the comparison means something
    answers = {is_candidate(s) for s in sentences}
    assert answers == {True, False}


def test_is_candidate_finds_triggers_inside_words_like_the_regex() -> None:
    # "mobs?" inside "mobile": the reference regex has no word boundaries
    assert is_candidate_regex("The mobile phone network was down.")
    assert is_candidate("The mobile phone network was down.")
    assert not is_candidate("The council approved the budget.")


def test_is_candidate_on_every_trigger_word_and_its_neighbours() -> None:
    # each trigger pattern's literal spelled out, in three cases and inside text
    words = set()
    for trigger in TRIGGERS:
        words.update(re.findall(r"[a-z]{3,}", trigger.pattern))
    sentences = []
    for w in sorted(words):
        sentences += [w, w.upper(), w.title(), f"x{w}y", f"The {w}, said one."]
    assert _mismatches(sentences) == []


def test_find_triggers_finds_what_every_trigger_over_the_sentence_finds() -> None:
    words = set()
    for trigger in TRIGGERS:
        words.update(re.findall(r"[a-z]{3,}", trigger.pattern))
    sentences = _demo_sentences() + OWN_SENTENCES
    for w in sorted(words):
        sentences += [w.upper(), f"x{w}y {w}", f"The {w}, said one; {w.title()} again."]
    found = [typology._find_where(s, feature_only=False) for s in sentences]
    assert found == [typology.find_triggers_regex(s) for s in sentences]
    assert sum(map(bool, found)) > 100  # triggers were found: the comparison means something
    features = [c for c in typology._COMPILED if c[0].feature]
    assert [typology._find_where(s, feature_only=True) for s in sentences] == [
        typology._find_among(s, features) for s in sentences
    ]


def test_candidate_triggers_answers_as_the_candidate_regex_and_every_trigger() -> None:
    words = set()
    for trigger in TRIGGERS:
        words.update(re.findall(r"[a-z]{3,}", trigger.pattern))
    sentences = _demo_sentences() + OWN_SENTENCES + DENIALS
    for w in sorted(words):
        # a bare match before the first trigger between word boundaries ("xkilled
        # killed"), and a bare match with none ("xkilledy")
        sentences += [f"x{w}y {w}.", f"x{w}y", f"The {w.title()}, said one; {w} again."]
    typology._cached_triggers.answers.clear()
    found = [typology.candidate_triggers(s) for s in sentences]
    expected = [
        (typology.is_candidate_regex(s), typology.find_triggers_regex(s)) for s in sentences
    ]
    assert found == expected
    assert sum(bool(t) for _, t in found) > 100  # triggers were found
    assert sum(c and not t for c, t in found) > 20  # candidates with no trigger too
    # what it remembered is what find_triggers answers
    assert [typology.find_triggers(s) for s in sentences] == [t for _, t in expected]


def test_each_key_s_one_pattern_matches_where_its_triggers_and_shorter_keys_do() -> None:
    """The candidate test tries, at a position, the one pattern of the longest key
    starting there: it matches where a trigger of that key, or of a shorter key it
    starts with, does (and nowhere else)."""
    index = typology._prefix_index()
    sentences = _demo_sentences() + OWN_SENTENCES + DENIALS
    sentences += [f"x{key}y {key}ed {key}s, {key.title()}" for key in index.table]
    tried = 0
    for s in sentences:
        lowered = typology.folded_lower(s)
        if lowered is None:
            continue
        for i in range(len(lowered)):
            for length in index.lengths:
                key = lowered[i : i + length]
                merged = index.merged.get(key)
                if merged is None:
                    continue
                own = [rx for n in range(1, len(key) + 1) for rx in index.table.get(key[:n], ())]
                expected = any(rx.match(s, i) is not None for rx in own)
                assert (merged.match(s, i) is not None) == expected, (key, s, i)
                tried += expected
    assert tried > 100  # patterns did match
    # a longer key holds the patterns of the shorter key it starts with
    longer = [k for k in index.table if k[:2] in index.table and len(k) > 2]
    assert longer
    for key in longer:
        assert set(index.table[key[:2]]) <= set(_alternatives(index, key))


def _alternatives(index: typology._PrefixIndex, key: str) -> list[re.Pattern[str]]:
    merged = index.merged[key]
    if isinstance(merged, typology._AnyOf):
        return list(merged.patterns)
    # (an alternation of the patterns, each as a group of its own)
    return [
        rx
        for n in range(1, len(key) + 1)
        for rx in index.table.get(key[:n], ())
        if f"(?:{rx.pattern})" in merged.pattern or merged is rx
    ]


def test_patterns_that_cannot_join_are_tried_in_turn() -> None:
    """Patterns with group references keep their own (an alternation renumbers groups)."""
    a = re.compile(r"(ab)\1", re.IGNORECASE)
    b = re.compile(r"abc", re.IGNORECASE)
    either = typology._alternation([a, b])
    assert isinstance(either, typology._AnyOf)
    assert either.match("xabab", 1) is not None and either.match("xabc", 1) is not None
    assert either.match("xabd", 1) is None
    joined = typology._alternation([b, re.compile("abd", re.IGNORECASE)])
    assert isinstance(joined, re.Pattern)
    assert joined.match("ABD") is not None and joined.match("abe") is None


def test_fold_special_lists_every_character_str_lower_gets_wrong() -> None:
    # every character that IGNORECASE matches to a character the index keys on,
    # or whose lower case is not one character, must send the sentence to the regex
    keys = set("".join(typology._prefix_index().table))
    cls = re.compile("[" + re.escape("".join(sorted(keys))) + "]", re.IGNORECASE)
    special = typology._FOLD_SPECIAL
    missing = []
    for cp in range(0x80, sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        folds_wrong = len(ch.lower()) != 1 or (cls.fullmatch(ch) and ch.lower() not in keys)
        if folds_wrong and not special.match(ch):
            missing.append(ch)
    assert missing == []


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"re-?(?:tak(?:e|es)|took)", {"re-", "ret"}),
        (r"air\s?strikes?", {"air"}),
        (r"(?:sh|b)elled|mob", {"she", "bel", "mob"}),
        (r"vx", {"vx"}),
        (r"(?:\w+\s+){0,2}?gas", {"", "gas"}),
        (r"[A-C]x|[^a]bc", {"ax", "bx", "cx", ""}),
        (r"(?:ab){2,}c", {"aba"}),
        (r"a{0,3}b", {"b", "ab", "aab", "aaa"}),
    ],
)
def test_pattern_prefixes(pattern: str, expected: set[str]) -> None:
    assert pattern_prefixes(pattern) == expected


def test_every_match_starts_with_one_of_its_prefixes() -> None:
    rx_text = "Troops RE-TOOK the town; air strikes and shelling, VX gas, rebels ambushed"
    for trigger in TRIGGERS:
        prefixes = pattern_prefixes(trigger.pattern)
        for m in re.finditer(trigger.pattern, rx_text, re.IGNORECASE):
            low = m.group(0).lower()
            assert any(low.startswith(p) for p in prefixes), (trigger.pattern, low)


@pytest.mark.shared
def test_is_candidate_matches_the_regex_on_guardian_and_gwn_corpora() -> None:
    from sitrep.quality.bench.ingest import load_corpus

    for name in ("guardian", "general"):
        sentences = [s.span.text for r in load_corpus(name) for s in split_sentences(r["text"])]
        assert len(sentences) > 5000
        assert _mismatches(sentences) == [], name


# -- the denial cues -------------------------------------------------------------

DENIALS = [
    "The army denied that the town had fallen.",
    "Officials DISMISSED the reports.",
    "The ministry said the claim was false.",
    "That report is baseless, a spokesman said.",
    "The town is not in the hands of the rebels.",
    "The rebels took the town, a claim Kyiv denied.",
    "The village was captured, which the army disputed.",
    "Armenia's defence ministry denied this.",
    "Rebels said they took the town, but the army said it repelled the attack.",
    "They entered the city, but the governor insists his forces remain in control.",
    "The town fell, but residents said fighting was still raging.",
    "The town fell, but officials maintain troops are still holding out.",
    "The town fell, but locals said gunmen were still roaming the streets.",
    "Re\u017fidents \u017faid the claim was fal\u017fe.",
    "The \u212aurdish forces denied it.",
    "\u0130t was reported that the town is not in the hands of \u0130S.",
    "But the council said it would meet again on Friday.",
    "The report was published on Monday.",
]


def test_denies_takeover_answers_as_the_pattern() -> None:
    from sitrep.read.en import extract

    sentences = DENIALS + OWN_SENTENCES + _demo_sentences()
    found = [extract.denies_takeover(s) for s in sentences]
    assert found == [extract.DENIED_TAKEOVER.search(s) is not None for s in sentences]
    assert sum(found[: len(DENIALS)]) >= 12  # the comparison means something
    # the cue words are plain lower-case ASCII of the letters str.lower folds as
    # IGNORECASE does (test_fold_special_lists_every_character_str_lower_gets_wrong)
    # (a space folds as itself: "far from" is a cue of two words)
    letters = set("".join(typology._prefix_index().table)) | {" "}
    for cue in extract._DENIAL_CUES:
        for words in cue:
            for w in words:
                assert w.isascii() and w == w.lower() and set(w) <= letters, w


def test_attribution_searches_every_sentence_its_patterns_match() -> None:
    from sitrep.read.en import attribution

    sentences = DENIALS + OWN_SENTENCES + _demo_sentences()
    sentences += [
        "The ministry issued a statement on Sunday.",
        "Rebels, who hold the north, said they had withdrawn.",
        "He later tweeted that the road was open.",
    ]
    verb = [s for s in sentences if attribution._SUBJECT_VERB.search(s)]
    statement = [s for s in sentences if attribution._STATEMENT.search(s)]
    assert len(verb) > 20 and statement  # the checks below mean something
    assert all(attribution._HAS_VERB.search(s) for s in verb)
    assert all(any(v in s for v in attribution._STATEMENT_VERBS) for s in statement)


# -- batched reading -------------------------------------------------------------


def _demo_articles() -> list[Article]:
    rows = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines() if line.strip()]
    return [
        Article.make(r["text"], language="en", outlet=r.get("outlet"), title=r.get("title"))
        for r in rows
    ]


def _same(a: ArticleReading, b: ArticleReading) -> None:
    assert a.article == b.article
    assert a.sentences == b.sentences
    assert a.claims == b.claims
    assert a.mentions == b.mentions
    assert a.candidates == b.candidates


def test_read_chunk_gives_the_readings_of_read(extractor: Extractor) -> None:
    articles = _demo_articles()
    one_by_one = [extractor.read(a) for a in articles]
    chunked = extractor.read_chunk(articles, batch_size=8)
    assert len(chunked) == len(articles)
    for a, b in zip(one_by_one, chunked, strict=True):
        assert isinstance(b, ArticleReading)
        _same(a, b)
    assert sum(len(r.mentions) for r in one_by_one) > 0
    streamed = list(extractor.read_many(articles, chunk_size=3, batch_size=4))
    for a, b in zip(one_by_one, streamed, strict=True):
        _same(a, b)


def test_read_chunk_sends_persian_articles_to_the_persian_reader(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sitrep.read.fa as fa

    english = _demo_articles()[:2]
    persian = Article.make(
        "ارتش سوریه روز جمعه شهر دیرالزور را از داعش پس گرفت.", language="fa", outlet="Tabnak"
    )
    seen: list[str] = []
    real = fa.read_persian

    def spy(ex: Extractor, article: Article) -> ArticleReading:
        seen.append(article.id)
        return real(ex, article)

    monkeypatch.setattr(fa, "read_persian", spy)
    out = extractor.read_chunk([english[0], persian, english[1]])
    assert seen == [persian.id]
    assert [o.article.id for o in out if isinstance(o, ArticleReading)] == [
        english[0].id,
        persian.id,
        english[1].id,
    ]


def test_one_failing_article_does_not_spoil_its_chunk(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _demo_articles()[:3]
    bad = articles[1].id
    # the English reader's first pass (it was the Extractor's before readers were pluggable)
    real = EnglishReader._prepare

    def prepare(self: EnglishReader, article: Article):  # type: ignore[no-untyped-def]
        if article.id == bad:
            raise ValueError("broken on purpose")
        return real(self, article)

    monkeypatch.setattr(EnglishReader, "_prepare", prepare)
    out = extractor.read_chunk(articles)
    assert isinstance(out[1], ValueError)
    assert isinstance(out[0], ArticleReading) and isinstance(out[2], ArticleReading)
    with pytest.raises(ValueError, match="broken on purpose"):
        list(extractor.read_many(articles))


# -- pipeline and store -------------------------------------------------------------


def test_repeats_inside_one_chunk_count_as_duplicates(
    app_config: Config, store: Store, tmp_path: Path
) -> None:
    rows = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines() if line.strip()]
    src = tmp_path / "twice.jsonl"
    src.write_text(
        "".join(json.dumps(r) + "\n" for r in [rows[0], rows[1], rows[0]]), encoding="utf-8"
    )
    summary = ingest([src], config=app_config, store=store, workers=1)
    assert (summary.articles, summary.duplicates) == (2, 1)
    again = ingest([src], config=app_config, store=store, workers=1)
    assert (again.articles, again.duplicates) == (0, 3)


def test_known_articles(app_config: Config, store: Store, extractor: Extractor) -> None:
    a, b = _demo_articles()[:2]
    store.save_reading(extractor.read(a))
    assert store.known_articles([a.id, b.id, a.id]) == {a.id}
    assert store.known_articles([]) == set()


# -- language identification ------------------------------------------------------


class _Counting:
    def __init__(self, real: object) -> None:
        self.real = real
        self.lengths: list[int] = []

    def classify(self, text: str) -> tuple[str, float]:
        self.lengths.append(len(text))
        return self.real.classify(text)  # type: ignore[attr-defined, no-any-return]


def test_detect_language_decides_long_texts_on_a_short_sample(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = _Counting(ingest_mod._identifier())
    monkeypatch.setattr(ingest_mod, "_identifier", lambda: counting)
    # the plainly-English shortcut off: this test is about py3langid's samples
    monkeypatch.setattr(ingest_mod, "_plainly_english", lambda head: False)
    english = (
        "Government forces recaptured the town on Saturday after a week of heavy fighting, "
        "officials said. The army said it had cleared the last districts of the city and that "
        "engineers were removing mines from the roads. Residents who fled the violence began "
        "to return on Sunday, while aid agencies warned that hospitals were short of medicine "
        "and water. "
    ) * 20
    assert ingest_mod.detect_language(english) == "en"
    assert counting.lengths == [ingest_mod.QUICK_SAMPLE]


def test_plainly_english_text_needs_no_language_model(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _Counting(ingest_mod._identifier())
    monkeypatch.setattr(ingest_mod, "_identifier", lambda: counting)
    english = (
        "Government forces recaptured the town on Saturday after a week of heavy fighting, "
        "officials said. The army said it had cleared the last districts of the city and that "
        "engineers were removing mines from the roads. Residents who fled the violence began "
        "to return on Sunday, while aid agencies warned that hospitals were short of medicine "
        "and water."
    )
    assert ingest_mod.detect_language(english) == "en"
    assert counting.lengths == []
    # other languages in Latin letters, and short texts, are py3langid's to decide
    others = {
        "es": "Las fuerzas del gobierno recuperaron la ciudad el sábado después de una semana "
        "de intensos combates, dijeron los funcionarios. El ejército dijo que había limpiado "
        "los últimos barrios de la ciudad y que los ingenieros retiraban minas de las "
        "carreteras. Los residentes que huyeron regresaron el domingo.",
        "de": "Regierungstruppen haben die Stadt am Samstag nach einer Woche schwerer Kämpfe "
        "zurückerobert, sagten Beamte. Die Armee sagte, sie habe die letzten Viertel der Stadt "
        "geräumt und Ingenieure würden Minen von den Straßen entfernen. Bewohner, die vor der "
        "Gewalt geflohen waren, kehrten am Sonntag zurück.",
        "nl": "Regeringstroepen heroverden de stad op zaterdag na een week van zware gevechten, "
        "zeiden functionarissen. Het leger zei dat het de laatste wijken van de stad had "
        "vrijgemaakt en dat ingenieurs mijnen van de wegen verwijderden. Bewoners die het "
        "geweld waren ontvlucht keerden zondag terug naar huis.",
    }
    for code, text in others.items():
        counting.lengths.clear()
        assert not ingest_mod._plainly_english(text)
        assert ingest_mod.detect_language(text) == code
        assert counting.lengths
    counting.lengths.clear()
    assert ingest_mod.detect_language("The army took the town.") == "en"
    assert counting.lengths  # too short to be plain: the model decided


def test_detect_language_keeps_the_long_sample_for_unsure_and_arabic_script_texts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = _Counting(ingest_mod._identifier())
    monkeypatch.setattr(ingest_mod, "_identifier", lambda: counting)
    persian = "نیروهای ارتش سوریه شهر را پس گرفتند و گفتند که جنگ تمام شد. " * 60
    assert ingest_mod.detect_language(persian) == "fa"
    # mostly Arabic-script: the whole sample decides, as the Persian rules need
    assert counting.lengths == [min(len(persian), 20_000)]
    counting.lengths.clear()
    # digits and names: no language is near-certain on the short sample
    unsure = "Ok 12 34 56 xz qv 78 90. " * 200
    ingest_mod.detect_language(unsure)
    assert counting.lengths[-1] == min(len(unsure), 20_000)


def test_deferred_lemmas_are_the_lemmatizers(extractor: Extractor) -> None:
    """A lemma computed on read (the parse skips the lemmatizer) is the pipeline's own."""
    from sitrep.read.en.extract import _lemma

    reader = extractor.reader("en")
    assert isinstance(reader, EnglishReader)
    texts = [*_demo_sentences(), *OWN_SENTENCES]
    deferred = reader._parse(texts, 64)
    full = list(extractor.nlp.pipe(texts))
    assert extractor.nlp.pipe_names[-1] == "lemmatizer"
    assert any(tok.lemma == 0 for doc in deferred for tok in doc)  # the parse did defer
    for lazy, whole in zip(deferred, full, strict=True):
        assert [_lemma(t) for t in lazy] == [t.lemma_ for t in whole]
        assert [_lemma(t) for t in lazy] == [t.lemma_ for t in whole]  # read twice: the same


# the attribute ruler's own exceptions (two-token rules, regular expressions, spaces)
RULER_SENTENCES = [
    "He ai n't gon na go, and we got ta leave; let's see if y'all can.",
    "I ain't gonna do it, nothin' doing, yall.",
    "There is a checkpoint and there were two more; there's none left.",
    "Gunmen   fired\n\non the convoy .  They had been  waiting.",
    "It could have been shelled, the army said it would not be.",
]


def test_compiled_attribute_ruler_sets_what_spacy_sets(extractor: Extractor) -> None:
    """The parse's compiled attribute ruler leaves every token as spaCy's own component does."""
    from sitrep.read.en.attribute_rules import compile_attribute_ruler

    reader = extractor.reader("en")
    assert isinstance(reader, EnglishReader)
    nlp = extractor.nlp
    assert reader._compiled_ruler(nlp) is not None  # the shipped model's ruler compiles
    texts = [*_demo_sentences(), *OWN_SENTENCES, *RULER_SENTENCES]
    ours = list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer"]))
    theirs = [doc.copy() for doc in ours]
    component = nlp.get_pipe("attribute_ruler")
    ruler = compile_attribute_ruler(component)
    assert ruler is not None
    lemmatizer = nlp.get_pipe("lemmatizer")

    def view(doc: object) -> list[tuple[str, str, str, str, str]]:
        return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in lemmatizer(doc)]

    changed = 0
    for a, b in zip(ours, theirs, strict=True):
        before = [(t.pos_, str(t.morph)) for t in a]
        assert view(ruler(a)) == view(component(b))
        changed += before != [(t.pos_, str(t.morph)) for t in a]
    assert changed == sum(1 for d in ours if len(d))  # it set parts of speech in every text
    # the rules that fire on two tokens or by regular expression did fire
    assert {
        m[0] for d in ours[-len(RULER_SENTENCES) :] for m in ruler.matches(d) if m[2] - m[1] > 1
    }
    # a token of a word and tag seen before is matched from what the ruler kept of it
    again = list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer"]))
    assert ruler._by_row  # it kept the rules of the rows it met
    for a, b in zip(again, [doc.copy() for doc in again], strict=True):
        assert view(ruler(a)) == view(component(b))


def test_the_parse_multiplies_with_numpy_on_one_thread_and_parses_as_blis(
    extractor: Extractor,
) -> None:
    """The loaded pipeline's layers multiply with NumPy's BLAS, one thread while
    the reader parses, and every token gets the tag, head and label that thinc's
    default (BLIS) gives."""
    import spacy

    from sitrep.core.resources import _blas_threads, one_blas_thread

    nlp = extractor.nlp
    layers = [
        layer
        for _, component in nlp.pipeline
        if getattr(component, "model", None) is not None
        for layer in component.model.walk()
    ]
    assert layers and not any(getattr(layer.ops, "use_blis", False) for layer in layers)
    with one_blas_thread():
        # NumPy's BLAS, loaded with NumPy before any parse, is one of those limited
        limited = _blas_threads().info()
        assert limited and {lib["num_threads"] for lib in limited} == {1}
    plain = spacy.load(extractor.config.spacy_model, exclude=["ner"])
    assert any(
        getattr(layer.ops, "use_blis", False) for layer in plain.get_pipe("tok2vec").model.walk()
    )
    reader = extractor.reader("en")
    assert isinstance(reader, EnglishReader)
    texts = [*_demo_sentences(), *OWN_SENTENCES, *RULER_SENTENCES]

    def view(docs: list[object]) -> list[list[tuple[str, str, int]]]:
        return [[(t.tag_, t.dep_, t.head.i) for t in doc] for doc in docs]  # type: ignore[attr-defined]

    assert view(reader._parse(texts, 64)) == view(list(plain.pipe(texts)))


def test_models_are_loaded_before_the_pool_forks(
    app_config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a pool the models are loaded in the ingest process, before the workers start."""
    from sitrep import pipeline
    from sitrep.store import open_store

    loaded: list[str] = []
    real = pipeline._load_models
    monkeypatch.setattr(pipeline, "_load_models", lambda ex: (loaded.append("x"), real(ex)))
    src = tmp_path / "in.jsonl"
    lines = DEMO.read_text("utf-8").splitlines()[:3]
    src.write_text("\n".join(lines) + "\n", "utf-8")
    with open_store(str(tmp_path / "p.db")) as store:
        summary = ingest([src], config=app_config, store=store, workers=2)
    assert loaded == ["x"] and summary.articles == 3


def test_attribute_ruler_with_rules_it_cannot_compile_runs_as_it_is() -> None:
    """A quantifier or an attribute the compiled ruler does not test: None (spaCy's runs)."""
    import spacy

    from sitrep.read.en.attribute_rules import compile_attribute_ruler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}]], {"POS": "DET"})
    assert compile_attribute_ruler(ruler) is not None
    ruler.add([[{"LOWER": "big", "OP": "+"}]], {"POS": "ADJ"})
    assert compile_attribute_ruler(ruler) is None
    other = spacy.blank("en").add_pipe("attribute_ruler")
    other.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    assert compile_attribute_ruler(other) is None


def test_save_readings_writes_the_rows_of_one_save_reading_per_article(
    app_config: Config, tmp_path: Path, extractor: Extractor
) -> None:
    """A batch in one transaction: the same rows, duplicates and repeats as one at a time."""
    import sqlite3
    from dataclasses import replace
    from datetime import date

    from sitrep.store import open_store

    demo = _demo_articles()
    day = date(2017, 10, 17)
    arts = [replace(a, published_at=day, origin=f"demo.jsonl:{n}") for n, a in enumerate(demo[:4])]
    # the same text from another outlet (an exact duplicate), a lightly edited copy
    # two days on (a near duplicate), and an article whose reading failed
    same = Article.make(arts[0].text, language="en", outlet="Other", published_at=day)
    edited = Article.make(
        arts[1].text.replace(" the ", " a ", 1),
        language="en",
        outlet="Third",
        published_at=date(2017, 10, 19),
    )
    failed = Article.make("Unreadable.", language="en", outlet="X", origin="demo.jsonl:9")
    items: list[tuple[object, str | None]] = [
        *((extractor.read(a), None) for a in [*arts, same, edited]),
        (failed, "the reader failed"),
    ]
    items.insert(3, items[0])  # a repeat: not stored twice
    controller_of = extractor.actors.controller_of

    def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
        with sqlite3.connect(db) as conn:
            tables = [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            out = {}
            for t in tables:
                cols = [
                    c[1] for c in conn.execute(f"PRAGMA table_info({t})") if c[1] != "ingested_at"
                ]
                out[t] = conn.execute(
                    f"SELECT {', '.join(cols)} FROM {t} ORDER BY rowid"
                ).fetchall()
        conn.close()
        return out

    flags = {}
    for name, batched in (("one", False), ("batch", True)):
        with open_store(str(tmp_path / f"{name}.db")) as store:
            store.save_failure("demo.jsonl:1", "an earlier run could not read it")
            if batched:
                flags[name] = store.save_readings(items, controller_of=controller_of)  # type: ignore[arg-type]
            else:
                flags[name] = [
                    store.save_reading(r, error=e, controller_of=controller_of) for r, e in items
                ]
    assert flags["one"] == flags["batch"] == [True, True, True, False, True, True, True, True]
    one, batch = rows(tmp_path / "one.db"), rows(tmp_path / "batch.db")
    # the generation counts commits: one per article against one per batch
    assert [r for r in one.pop("sitrep_meta") if r[0] != "generation"] == [
        r for r in batch.pop("sitrep_meta") if r[0] != "generation"
    ]
    assert one == batch
    dups = [r for r in one["articles"] if r[0] in (same.id, edited.id)]
    assert len(dups) == 2 and all(any(v in (arts[0].id, arts[1].id) for v in r) for r in dups)
    assert one["mentions"] and one["claims"] and not one["failures"]


# -- sentences whose parse is spared -------------------------------------------------

# Articles written for the deferral: sentences with a trigger that name no place,
# no actor and no country, whose mention (if any) only the context gives: a
# reference back ("the advance"), "the town" named before, a dropped subject.
DEFERRAL_ARTICLES = [
    # an acronym the article defines is the only taker a weak trigger has
    "The Somali National Army (SONA) pushed north on Sunday. SONA entered Bulo Burde "
    "on Monday, officials said.",
    "Government forces recaptured the town of Mayadin on Saturday, the army said. "
    "The advance came after weeks of fighting. Residents reported shelling overnight. "
    "Soldiers later stormed the town and raised a flag over the hospital.",
    "Fighting was reported near the river on Sunday. An explosion damaged a bridge. "
    "The attack was the third this month. Nobody was hurt in the blast.",
    "Rebels seized Kafr Nabudah on Monday. They also captured two hills nearby. "
    "The capture of the hills opens the road north.",
]


def _deferral_articles() -> list[Article]:
    return [
        *_demo_articles(),
        *(Article.make(t, language="en", outlet="Test") for t in DEFERRAL_ARTICLES),
    ]


def test_deferred_sentences_give_the_readings_of_parsing_every_one(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sentences ``_quiet`` lets through are parsed only when their context lets them
    yield a mention (and those ``_may_yield`` rules out before, never); the readings
    are those of parsing every sentence with a trigger."""
    articles = _deferral_articles()
    parsed: list[int] = []
    real_parse = EnglishReader._parse

    def counting(self: EnglishReader, texts: list[str], batch_size: int) -> list[object]:
        parsed.append(len(texts))
        return real_parse(self, texts, batch_size)

    monkeypatch.setattr(EnglishReader, "_parse", counting)
    spared = extractor.read_chunk(articles, batch_size=8)
    spared_parses = sum(parsed)
    rounds = len(parsed)
    parsed.clear()
    monkeypatch.setattr(EnglishReader, "_quiet", lambda self, *args: False)
    monkeypatch.setattr(EnglishReader, "_may_yield", lambda self, *args: True)
    every = extractor.read_chunk(articles, batch_size=8)
    assert len(parsed) == 1  # no deferral: one call for the chunk
    # some sentences were spared, and some deferred ones were parsed in a later round
    assert spared_parses < sum(parsed) and rounds > 1
    for a, b in zip(every, spared, strict=True):
        assert isinstance(a, ArticleReading) and isinstance(b, ArticleReading)
        _same(a, b)
    assert any(m.reference for r in spared if isinstance(r, ArticleReading) for m in r.mentions)


def test_a_failing_deferred_parse_fails_its_article_alone(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _deferral_articles()[-3:]
    real_parse = EnglishReader._parse

    def failing(self: EnglishReader, texts: list[str], batch_size: int) -> list[object]:
        if any(t.startswith("The advance") for t in texts):
            raise ValueError("unparsable on purpose")
        return real_parse(self, texts, batch_size)

    monkeypatch.setattr(EnglishReader, "_parse", failing)
    out = extractor.read_chunk(articles)
    assert isinstance(out[0], ValueError)
    assert isinstance(out[1], ArticleReading) and isinstance(out[2], ArticleReading)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian troops took the hill.", True),
        ("Turkish-led forces entered the town.", True),
        ("U.S. aircraft struck the convoy.", True),
        ("Ukraine's army pulled out.", True),
        ("After a week, South Sudan closed the crossing.", True),
        ("The advance came after weeks of fighting.", False),
        ("Residents said the explosion shook windows.", False),
        ("the syrian word in lower case is still a demonym", True),
    ],
)
def test_may_name_country(extractor: Extractor, text: str, expected: bool) -> None:
    gazetteer = extractor.gazetteer
    assert gazetteer.may_name_country(text) is expected
    # never no where a word is a demonym or a capitalized country name
    words = re.findall(r"[\w.'’-]+", text)
    if any(gazetteer.country_of_adjective(w) for w in words):
        assert gazetteer.may_name_country(text)


def test_ingest_leaves_garbage_collection_as_it_found_it(
    app_config: Config, tmp_path: Path
) -> None:
    """The ingest freezes the loaded models out of garbage collection while it runs
    (``pipeline._freeze_heap``) and unfreezes them when it ends; the collector's
    thresholds, raised while it runs (``pipeline.INGEST_YOUNG_GC``), are as before."""
    import gc

    from sitrep.store import open_store

    assert gc.get_freeze_count() == 0
    thresholds = gc.get_threshold()
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(DEMO.read_text("utf-8").splitlines()[:3]) + "\n", "utf-8")
    with open_store(str(tmp_path / "p.db")) as store:
        summary = ingest([src], config=app_config, store=store, workers=1)
    assert summary.articles == 3
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds


def _first_trigger_sentence(reader: EnglishReader, text: str) -> tuple[Any, Any, Any, Any]:
    """(claim, triggers, places, the article's prepared first pass) of the first
    sentence with a trigger of a one-article reading of ``text``."""
    prep = reader._prepare(
        Article.make(text, language="en", outlet="Test", published_at=date(2020, 3, 2))
    )
    i = min(i for i, found in prep.triggers.items() if found)
    return prep.claims[i], prep.triggers[i], prep.places[i], prep


def _reach(prep: Any, i: int, *, told: bool) -> _Reach:
    return replace(_reach_before(i, told, prep.places, prep.countries), exact=False)


@pytest.mark.parametrize(
    ("text", "alone", "after_an_event"),
    [
        # a control statement needs a controller: none named, none speaks
        ("The courts in Oregon are tightly controlled by the party.", False, False),
        # just inside: the speaker may be the one in control
        (
            "The courts in Oregon are tightly controlled by the party, the minister said.",
            True,
            True,
        ),
        # no place and no taker: only a reference back to an event told before
        ("The assault lasted three days.", False, True),
        # a claimed event is no reference back ("claimed" is never told as having happened)
        ("The assault lasted three days, a witness claimed.", False, False),
        # a weak trigger ("dispatched") at a place needs a taker: none named
        ("Officials dispatched snow ploughs to Salem, Oregon.", False, False),
        # a weak takeover ("advance") may have the taker told before ("they")
        ("Organisers hope to advance the cause in Salem, Oregon.", False, True),
        # just inside: a strong trigger needs no taker
        ("Organisers hope to capture the mood in Salem, Oregon.", True, True),
    ],
)
def test_may_yield_rules_out_what_no_parse_and_no_context_can_read(
    extractor: Extractor, text: str, alone: bool, after_an_event: bool
) -> None:
    reader = extractor.reader("en")
    assert isinstance(reader, EnglishReader)
    claim, triggers, places, prep = _first_trigger_sentence(reader, text)
    i = claim.sentence.index
    assert reader._may_yield(claim, triggers, places, _reach(prep, i, told=False)) is alone
    assert reader._may_yield(claim, triggers, places, _reach(prep, i, told=True)) is after_an_event


SPARED_ARTICLES = [
    # the second sentence may refer back to the first's takeover: parsed
    "Government forces recaptured the town of Mayadin in Syria on Saturday. "
    "The assault lasted three days.",
    # a claimed assault refers back to nothing, a control statement with no controller
    # tells none, and a weak trigger with no taker yields nothing: none parsed
    "Government forces recaptured the town of Mayadin in Syria on Saturday. "
    "The assault lasted three days, a witness claimed. "
    "The courts in Oregon are tightly controlled by the party. "
    "Officials dispatched snow ploughs to Salem, Oregon.",
    "The courts in Oregon are tightly controlled by the party. "
    "Police arrested two men in Portland on Monday.",
]


def test_sentences_no_context_can_give_a_mention_are_not_parsed(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sentence ``_may_yield`` rules out is not parsed, and parsing it anyway gives
    the same readings: it yields no mention and changes no context."""
    articles = [
        *_deferral_articles(),
        *(
            Article.make(t, language="en", outlet="Test", published_at=date(2020, 3, 2))
            for t in SPARED_ARTICLES
        ),
    ]
    parsed: list[str] = []
    real_parse = EnglishReader._parse

    def counting(self: EnglishReader, texts: list[str], batch_size: int) -> list[object]:
        parsed.extend(texts)
        return real_parse(self, texts, batch_size)

    monkeypatch.setattr(EnglishReader, "_parse", counting)
    spared = extractor.read_chunk(articles, batch_size=8)
    spared_parses = list(parsed)
    parsed.clear()
    monkeypatch.setattr(EnglishReader, "_may_yield", lambda self, *args: True)
    every = extractor.read_chunk(articles, batch_size=8)
    assert set(spared_parses) < set(parsed)
    for skipped in (
        "The assault lasted three days, a witness claimed.",
        "The courts in Oregon are tightly controlled by the party.",
        "Officials dispatched snow ploughs to Salem, Oregon.",
    ):
        assert skipped not in spared_parses and skipped in parsed
    assert "The assault lasted three days." in spared_parses
    for a, b in zip(every, spared, strict=True):
        assert isinstance(a, ArticleReading) and isinstance(b, ArticleReading)
        _same(a, b)
    referred = [m for m in spared[-3].mentions if m.reference]  # type: ignore[union-attr]
    assert referred  # "The assault" of the first article, told again


def test_a_pools_chunks_double_up_to_their_cap(
    app_config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a pool, 100 new articles go to the workers 16, then 32, then the 52 left
    (the cap, 64, not reached): a short corpus is shared, a long one read in fewer
    chunks; each chunk is stored in one transaction, in the order read."""
    from sitrep import pipeline
    from sitrep.store import open_store

    assert (pipeline.POOL_CHUNK_ARTICLES, pipeline.POOL_CHUNK_MAX) == (16, 64)
    stored: list[int] = []
    real = Store.save_readings
    monkeypatch.setattr(
        Store,
        "save_readings",
        lambda self, batch, **kw: (stored.append(len(batch)), real(self, batch, **kw))[1],
    )
    src = tmp_path / "in.jsonl"
    rows = [
        {"text": f"The council met on Monday to discuss item {i} of the budget.", "outlet": "Post"}
        for i in range(100)
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    with open_store(str(tmp_path / "p.db")) as store:
        summary = ingest([src], config=app_config, store=store, workers=2)
    assert summary.articles == 100
    assert stored == [16, 32, 52]
