"""Quotation extraction and speaker attribution.

The seed expectations are in ``data/quotes_gold.csv``: every quotation in the five
cleaned bodies with its kind and speaker, written by reading the articles (the
``note`` column says why). The synthetic tests cover each attribution pattern on
short paragraphs the seeds do not contain.
"""

from pathlib import Path

import pandas as pd
import pytest

from analysis import sentences
from analysis.quotes import KINDS, extract_quotes, find_quote_spans, reported_speech
from analysis.voices import speaker_sentences

GOLD = pd.read_csv(Path(__file__).parent / "data" / "quotes_gold.csv", keep_default_na=False)


def quotes_of(*paragraphs, date="2022-09-25"):
    corpus = pd.DataFrame({"doc_id": ["t"], "published": [pd.Timestamp(date)],
                           "text": ["\n\n".join(paragraphs)]})
    return extract_quotes(corpus)


def speakers(*paragraphs, date="2022-09-25"):
    return quotes_of(*paragraphs, date=date)["speaker"].tolist()


@pytest.fixture(scope="module")
def matched(corpus):
    """Each gold quotation with the extracted one that starts with the same words."""
    found = extract_quotes(corpus)
    rows = []
    for g in GOLD.itertuples():
        hit = found[(found["doc_id"] == g.doc_id) & (found["paragraph"] == g.paragraph)
                    & found["quote"].str.startswith(g.quote_start)]
        rows.append({"kind": g.kind, "gold": g.speaker, "found": len(hit) > 0,
                     "speaker": hit["speaker"].iloc[0] if len(hit) else None,
                     "got_kind": hit["kind"].iloc[0] if len(hit) else None})
    return pd.DataFrame(rows), found


def test_full_quotation_recall_and_speaker_accuracy(matched):
    table, _ = matched
    full = table[table["kind"] == "full"]
    recall = full["found"].mean()
    accuracy = (full.loc[full["found"], "speaker"] == full.loc[full["found"], "gold"]).mean()
    assert recall >= 0.95, recall
    assert accuracy >= 0.95, accuracy


def test_partial_quotations_mostly_attributed(matched):
    table, _ = matched
    partial = table[table["kind"] == "partial"]
    assert partial["found"].mean() >= 0.95
    assert (partial["speaker"] == partial["gold"]).mean() >= 0.8


def test_kinds_agree_with_the_reading(matched):
    table, _ = matched
    hits = table[table["found"]]
    assert (hits["got_kind"] == hits["kind"]).mean() >= 0.95


def test_no_quotation_found_that_the_reading_missed(matched):
    _, found = matched
    assert len(found) == len(GOLD)


def test_spokespeople_are_never_labelled_as_leaders(corpus):
    found = extract_quotes(corpus)
    leaders = {"Liz Truss", "Boris Johnson", "Keir Starmer", "Joe Biden", "Donald Trump",
               "James Cleverly", "Antony Blinken"}
    spokes = found[found["doc_id"] == "2022-02-02-independent-truss"]
    said_by_no10 = spokes[spokes["quote"].str.contains("sanctions package|strong preference")]
    assert len(said_by_no10) >= 3
    assert not set(said_by_no10["speaker"]) & leaders


# --- each pattern on synthetic text -------------------------------------------------


def test_closing_attribution_with_pronoun():
    assert speakers("Ms Truss met the press.", "“We stand together,” she said.") == ["Liz Truss"]


def test_said_colon_and_quotation_over_paragraphs():
    found = quotes_of("The Foreign Secretary said: “We will not waver.",
                      "“We will stand with Ukraine.”", date="2022-03-01")
    assert found["speaker"].tolist() == ["Liz Truss", "Liz Truss"]
    assert found["kind"].tolist() == ["full", "full"]
    assert found["continued"].tolist() == [False, True]
    assert found["flag"].tolist() == ["", ""]


@pytest.mark.parametrize("attribution", ["said Secretary Blinken",
                                         "said State Secretary Antony Blinken",
                                         "Mr Blinken said", "the US Secretary of State said"])
def test_inverted_and_titled_attributions(attribution):
    assert speakers(f"“The alliance is strong,” {attribution}.", date="2023-01-17") == \
        ["Antony Blinken"]


def test_he_added_resolves_to_last_speaker():
    found = quotes_of("“We are ready,” Sir Keir said.", "Ms Truss was not there.",
                      "He added: “We will act.”", date="2025-02-26")
    assert found["speaker"].tolist() == ["Keir Starmer", "Keir Starmer"]
    assert found["cue"].tolist() == ["said", "added"]


def test_they_said_resolves_to_the_source_named_before():
    found = quotes_of("Ms Truss and Mr Kuleba “agreed to act”, a Foreign Office spokesperson said.",
                      "They said: “Both agreed to meet again.”", date="2022-02-02")
    assert found["speaker"].tolist() == ["Foreign Office spokesperson"] * 2


def test_pronoun_takes_the_nearest_compatible_name():
    # "he" cannot be Ms Truss: it is Mr Putin, named earlier in the sentence.
    found = quotes_of("Ms Truss warned allies about Mr Putin’s threats, after he said Russia "
                      "would use “all means” to defend itself.")
    assert found["speaker"].tolist() == ["Vladimir Putin"]


def test_partial_quotation_tied_to_its_speech_verb():
    found = quotes_of("Liz Truss has insisted the relationship is still “special” as she "
                      "travels to New York.")
    assert found[["kind", "speaker", "cue"]].values.tolist() == [["partial", "Liz Truss",
                                                                 "insisted"]]


@pytest.mark.parametrize("second", [
    "“We are ready,” a senior official said.",
    "“We are ready,” said the artists.",
    "The minister told reporters: “We are ready.”",
    "One aide added: “We are ready.”",
])
def test_an_unnamed_source_is_not_the_last_speaker(second):
    # Without a name the rules can resolve, the speaker is unknown: crediting the last
    # named speaker would put words in Mr Smith's mouth.
    found = quotes_of("“Talks went well,” Mr Smith said.", second)
    assert found["speaker"].tolist() == ["Smith", ""]


@pytest.mark.parametrize("second", ["“We are ready.”", "“We are ready,” he added.",
                                    "He told reporters: “We are ready.”"])
def test_a_quotation_paragraph_or_pronoun_keeps_the_last_speaker(second):
    found = quotes_of("“Talks went well,” Mr Smith said.", second)
    assert found["speaker"].tolist() == ["Smith", "Smith"]


def test_role_phrases_resolve_by_the_articles_date():
    text = "“We must stay united,” the Prime Minister said."
    assert speakers(text, date="2022-02-02") == ["Boris Johnson"]
    assert speakers(text, date="2022-09-25") == ["Liz Truss"]
    assert speakers(text, date="2025-02-26") == ["Keir Starmer"]


def test_spokesperson_speaks_for_the_office_not_the_leader():
    found = quotes_of("The Prime Minister’s official spokesman told reporters: “We are ready.”",
                      "No 10 insisted the plan was “on track”.", date="2022-02-02")
    assert found["speaker"].tolist() == ["Downing Street spokesperson"] * 2


def test_question_put_to_a_speaker_is_not_their_words():
    found = quotes_of("She declined to answer when asked if Mr Macron was a “friend or foe”.")
    assert found["speaker"].tolist() == [""]


def test_people_missing_from_the_registry_are_still_attributed():
    found = quotes_of("“Taxes will not rise,” said Gordon Brown.",
                      "Mr Brown added: “We will keep our promises.”",
                      "“It is a fraud,” Michael Howard told reporters.")
    assert found["speaker"].tolist() == ["Gordon Brown", "Gordon Brown", "Michael Howard"]


@pytest.mark.parametrize("paragraph", [
    "He said “yes and then nothing more",
    "It ended” without an opening mark.",
    "“", "”", "\"", "Odd \" straight \" marks \" everywhere",
    "“Nested “marks” here”",
])
def test_unbalanced_quotation_marks_never_raise(paragraph):
    found = quotes_of(paragraph, "Next paragraph.")
    assert (found["paragraph"] == 1).all()
    assert found["end"].le(len(paragraph)).all()


def test_unclosed_quotation_ends_at_paragraph_end_and_is_flagged():
    found = quotes_of("He said “we will win", "Then the talks ended.")
    assert found[["quote", "flag"]].values.tolist() == [["we will win", "unclosed"]]


def test_find_quote_spans_straight_and_curly():
    assert find_quote_spans('"I am here," she said') == [(0, 11, "")]
    assert find_quote_spans("It ended” here") == [(-1, 8, "unopened")]


def test_offsets_point_at_the_quotation(corpus):
    found = extract_quotes(corpus)
    texts = corpus.set_index("doc_id")["text"]
    for row in found.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.quote


def test_sentences_gain_a_speaker_column(corpus):
    table = speaker_sentences(corpus)
    voa = table[table["doc_id"] == "2023-01-voa-cleverly"]
    quoted = voa[voa["text"].str.startswith("“We remain united")]
    assert quoted["speaker"].tolist() == ["Antony Blinken"]
    narrative = voa[voa["text"].str.startswith("To prevent greater humanitarian")]
    assert narrative["speaker"].tolist() == [""] and not narrative["quoted"].any()


def test_splitting_sentences_does_not_ask_who_speaks(corpus):
    plain = sentences(corpus)
    assert "speaker" not in plain.columns
    assert plain["text"].tolist() == speaker_sentences(corpus)["text"].tolist()
    with pytest.raises(TypeError, match="speaker_sentences"):
        sentences(corpus, speakers=True)


def test_every_quotation_has_a_speaker_kind(corpus):
    found = extract_quotes(corpus)
    assert set(found["speaker_kind"]) <= set(KINDS)
    named = found[found["speaker"] != ""]
    assert (named["speaker_kind"].isin(["registry person", "other person", "organisation",
                                        "spokesperson"])).all()
    assert (found.loc[found["speaker"] == "", "speaker_kind"].isin(["unnamed", "unknown"])).all()
    leaders = found[found["speaker"].isin(["Liz Truss", "Antony Blinken", "Keir Starmer"])]
    assert (leaders["speaker_kind"] == "registry person").all() and len(leaders) > 20


def test_reported_speech_has_a_speaker_kind(corpus):
    reports = reported_speech(corpus)
    assert list(reports.columns) == ["doc_id", "paragraph", "speaker", "speaker_kind", "cue",
                                     "text"]
    putin = reports[reports["speaker"] == "Vladimir Putin"]
    assert len(putin) and (putin["speaker_kind"] == "registry person").all()
