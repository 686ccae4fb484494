"""Speaker attribution on short texts written here: each cue shape, each coreference rule,
each kind of speaker, and quotations in single marks.

The shapes are those of ordinary newswire (issue 12): a surname after a titled first
mention, "told" with an object, appositives and party tags, transcripts, single marks.
"""

import pandas as pd
import pytest

from analysis.cues import cue_after, cue_before
from analysis.mentions import find_mentions
from analysis.quotemarks import quote_marks
from analysis.quotes import extract_quotes, reported_speech
from analysis.subjects import MentionIndex, subject_before


def quotes_of(*paragraphs, date="2016-05-01"):
    corpus = pd.DataFrame({"doc_id": ["t"], "published": [pd.Timestamp(date)],
                           "text": ["\n\n".join(paragraphs)]})
    return extract_quotes(corpus)


def who(*paragraphs, date="2016-05-01"):
    """(speaker, speaker_kind) of each quotation."""
    return [tuple(x) for x in quotes_of(*paragraphs, date=date)[["speaker", "speaker_kind"]]
            .values.tolist()]


# --- the cue finder on its own ------------------------------------------------------


def test_cue_after_a_quotation_with_an_object():
    text = "“You should resign,” Warren told Stumpf, who sat silent."
    verb, slot = cue_after(text, text.index("”") + 1, len(text), MentionIndex(find_mentions(text)))
    assert (verb, text[slot.start:slot.end]) == ("told", "Warren")


def test_cue_before_a_quotation_skips_tags_and_appositives():
    text = "Rep. Jim Clyburn (D-S.C.), the assistant Democratic leader, said “we will win.”"
    verb, slot = cue_before(text, 0, text.index("“"), MentionIndex(find_mentions(text)))
    assert (verb, slot.mention.name) == ("said", "Jim Clyburn")


def test_the_subject_of_a_verb_after_several_descriptive_phrases():
    text = "Cecelia Purner, 67, a retired teacher in Allentown, Pa., said"
    slot = subject_before(text, text.index("said"), 0, MentionIndex(find_mentions(text)))
    assert slot.mention.name == "Cecelia Purner"


# --- cue shapes, end to end -----------------------------------------------------------


@pytest.mark.parametrize("paragraph, speaker", [
    ("“It was a mistake,” said Kenneth Baer, a former Obama administration official.",
     "Kenneth Baer"),
    ("“It was a mistake,” said former Obama adviser David Axelrod.", "David Axelrod"),
    ("“It was a mistake,” Sen. Lindsey Graham (R-S.C.) said on Monday.", "Lindsey Graham"),
    ("“It was a mistake,” Terrie Rizzo, the chair of Florida’s Palm Beach County, said.",
     "Terrie Rizzo"),
    ("Rep. Jim Clyburn (D-S.C.), the assistant Democratic leader, said “it was a mistake.”",
     "Jim Clyburn"),
    ("In a statement, Priorities USA chief strategist Guy Cecil said: “It was a mistake.”",
     "Guy Cecil"),
    ("“It was a mistake,” according to Bill Bratton.", "Bill Bratton"),
    ("According to Bill Bratton, “it was a mistake.”", "Bill Bratton"),
    ("Trump on Monday said the plan was “a total disaster.”", "Donald Trump"),
    ("“Jeb wants to be a tough guy tonight,” Trump shot back.", "Donald Trump"),
    ("Mr. Christie gloated: “I told you he wouldn’t be ready.”", "Christie"),
    ("Kasich: ‘We Are Going To Go All The Way To Cleveland.’", "Kasich"),
    ("Said Dorothy Poynter, who grew up nearby, “We were all so proud of him.”",
     "Dorothy Poynter"),
    ("“Do I think that dealer should be sued?” Sanders asked rhetorically.", "Sanders"),
    ("As Akhil Amar, a professor at Yale, put it, “Republicans should remember that.”",
     "Akhil Amar"),
    ("When Wallace died, President Clinton released the following statement: “We grieve.”",
     "Clinton"),
    ("“We don't believe troops are the answer,” Benjamin J. Rhodes, Mr. Obama's deputy "
     "national security adviser, said.", "Benjamin J. Rhodes"),
    ("Mr. Putin also veered close to an admission about eastern Ukraine, saying, “We never "
     "said there were no people there.”", "Vladimir Putin"),
])
def test_cue_shapes(paragraph, speaker):
    assert who(paragraph)[0][0] == speaker


def test_an_attribution_the_sentence_splitter_cut_off_still_counts():
    # "?”" followed by a capital looks like a sentence end; the cue is in the next "sentence".
    assert who("“How big is that wall going to be?” Pence said in response.")[0][0] == "Pence"


def test_a_sentence_that_reports_speech_of_its_own_is_no_attribution():
    found = who("“It is a sad development.” Kasich said the party would unite.")
    assert found == [("", "unknown")]


def test_a_participle_attributes_the_quotation_to_its_subject():
    found = who("Sanders compared himself to Clinton, saying, “I don’t get speaking fees.”")
    assert found == [("Sanders", "other person")]


def test_a_place_is_not_taken_for_a_person():
    # "El Paso" is a capitalised name with no sign of a person: not the subject of
    # "suggested", so the quotation paragraph keeps the last speaker.
    found = who("“They vote,” said Rep. Beto O'Rourke, whose El Paso district went for her "
                "and who suggested that voters might come out.", "“In El Paso, she won.”")
    assert [s for s, _ in found] == ["Beto O'Rourke", "Beto O'Rourke"]


def test_coordinated_verbs_share_their_subject():
    found = who("De Blasio said the move was made by commissioner Bill Bratton and said, "
                "“Who are you going to trust?”")
    assert found[0][0] == "De Blasio"


def test_a_colon_at_the_end_of_the_paragraph_before():
    found = who("Trump said in a statement:", "“We will win.”")
    assert found == [("Donald Trump", "registry person")]


def test_a_quotation_paragraph_after_reported_speech_is_its_speakers():
    found = who("“Trump will lose,” said Craig Robinson, an editor.",
                "Professor Dianne Bystrom agreed.", "“Mainstream Republicans are running out "
                                                   "of time.”")
    assert [s for s, _ in found] == ["Craig Robinson", "Dianne Bystrom"]


def test_transcripts():
    found = quotes_of("Mike Pence spoke to Chris Wallace.", "WALLACE: Is that right?",
                      "PENCE: Well, look, it is.", "WALLACE: Really?")
    assert found[["quote", "speaker", "cue"]].values.tolist() == [
        ["Is that right?", "Chris Wallace", ":"], ["Well, look, it is.", "Mike Pence", ":"],
        ["Really?", "Chris Wallace", ":"]]


def test_a_label_that_names_no_one_is_no_speaker():
    found = quotes_of("UPDATE: The talks ended on Friday.", "It rained.")
    assert found.empty or (found["speaker"] == "").all()


# --- coreference -------------------------------------------------------------------------


def test_a_bare_surname_resolves_to_the_full_name_used_earlier():
    found = who("Sen. Lindsey Graham (R-S.C.) told The Huffington Post he was worried.",
                "“It is bad,” Graham said.")
    assert found == [("Lindsey Graham", "other person")]


def test_pronouns_resolve_by_gender_to_the_nearest_name():
    found = who("Hillary Clinton and Bill Clinton arrived. Mrs. Clinton spoke first.",
                "“We will win,” she said.", "Mr. Clinton waited.", "“We will,” he said.")
    assert [s for s, _ in found] == ["Hillary Clinton", "Bill Clinton"]


def test_the_senator_is_the_senator_the_article_named():
    found = who("Sen. Elizabeth Warren questioned the bank.", "“Resign,” the senator said.")
    assert found == [("Elizabeth Warren", "other person")]


def test_offices_resolve_by_the_articles_date():
    text = "“We must stay united,” the prime minister said."
    assert who(text, date="2025-02-26") == [("Keir Starmer", "registry person")]
    assert who(text, date="2004-11-03") == [("Tony Blair", "registry person")]
    assert who(text, date="1985-05-01") == [("", "unnamed")]  # no holder on record then


# --- kinds of speaker --------------------------------------------------------------------


@pytest.mark.parametrize("paragraph, expected", [
    ("The New York Times reported: “Sales are down.”", ("New York Times", "organisation")),
    ("“No comment,” White House press secretary Josh Earnest said.",
     ("Josh Earnest", "spokesperson")),
    ("“No comment,” a spokeswoman for the State Department said.",
     ("State Department spokesperson", "spokesperson")),
    ("“No comment,” a senior official said.", ("", "unnamed")),
    ("“No comment,” officials said.", ("", "unnamed")),
    ("“No comment,” said two people familiar with the talks.", ("", "unnamed")),
    ("“No comment,” Critics said.", ("", "unnamed")),
    ("“No comment.”", ("", "unknown")),
])
def test_speaker_kinds(paragraph, expected):
    assert who(paragraph)[0] == expected


def test_an_unnamed_source_is_never_the_last_person_named():
    found = who("“Talks went well,” Kenneth Baer said.", "“We are not so sure,” an aide said.")
    assert found == [("Kenneth Baer", "other person"), ("", "unnamed")]


def test_reported_speech_names_people_outside_the_registry():
    corpus = pd.DataFrame({"doc_id": ["t"], "published": [pd.Timestamp("2016-05-01")],
                           "text": ["Sen. Lindsey Graham told reporters the plan would fail."]})
    assert reported_speech(corpus)[["speaker", "speaker_kind", "cue"]].values.tolist() == [
        ["Lindsey Graham", "other person", "told"]]



@pytest.mark.parametrize("text, speakers", [
    ("Senator Ann Lee and Governor Tom Ruiz reaffirmed their support for the bill.",
     ["Ann Lee", "Tom Ruiz"]),
    ("Ann Lee, Tom Ruiz and Foreign Minister Kim Park said the talks had failed.",
     ["Ann Lee", "Tom Ruiz", "Kim Park"]),
    ("In a recent meeting, Secretary of State Ann Lee and Foreign Secretary Tom Ruiz "
     "reaffirmed their support.", ["Ann Lee", "Tom Ruiz"]),
    ("Secretary of State Ann Lee and Tom Ruiz reaffirmed their support.",
     ["Ann Lee", "Tom Ruiz"]),
    # Not a joint subject: the first name is the object of another verb.
    ("Ann Lee met Tom Ruiz, and Kim Park said the talks had failed.", ["Kim Park"]),
])
def test_a_joint_statement_reports_every_subject(text, speakers):
    corpus = pd.DataFrame({"doc_id": ["t"], "published": [pd.Timestamp("2023-01-20")],
                           "text": [text]})
    assert reported_speech(corpus)["speaker"].tolist() == speakers

# --- single quotation marks -------------------------------------------------------------


def test_single_marks_are_quotations_in_british_style():
    found = quotes_of("‘It’s Putin’s war and we won’t back down,’ the prime minister said.",
                      date="2025-02-26")
    assert found[["quote", "speaker"]].values.tolist() == [
        ["It’s Putin’s war and we won’t back down,", "Keir Starmer"]]


@pytest.mark.parametrize("paragraph", [
    "Putin's plan in the '90s was rock 'n' roll, and the Joneses' house burned.",
    "Putin’s plan in the ’90s was rock ’n’ roll, and the Joneses’ house burned.",
    "Don't say 'em, y'all.",
])
def test_apostrophes_are_not_quotation_marks(paragraph):
    assert quotes_of(paragraph).empty


def test_quotations_nest():
    found = quotes_of("“He called it ‘a disaster’ and left,” she said.",
                      "‘They wore “Settle for Hillary” shirts,’ he said.")
    assert found["quote"].tolist() == ["He called it ‘a disaster’ and left,",
                                       "They wore “Settle for Hillary” shirts,"]


def test_a_plural_possessive_inside_a_single_quotation():
    text = "He said 'the voters' anger is real,' and left"
    spans = quote_marks(text)
    assert [(a, b) for a, _, b, _, _, _ in spans] == [(8, text.index("real,'") + 5)]


def test_two_apostrophes_are_a_double_mark():
    found = quotes_of("''We won,'' said Mr. Smith.")
    assert found[["quote", "speaker"]].values.tolist() == [["We won,", "Smith"]]


def test_a_missing_closing_mark_does_not_swallow_the_next_quotation():
    found = quotes_of("“We won. “It was close,” Smith said.")
    assert found["quote"].tolist() == ["We won.", "It was close,"]


def test_markup_attributes_are_not_quotations():
    assert quotes_of('<tweet author="LindseyGrahamSC" date="1449075600">We won</tweet>').empty


def test_a_quoted_title_is_nobodys_words():
    found = who("Trump told “Fox and Friends” that he was fine.")
    assert found == [("", "unknown")]
