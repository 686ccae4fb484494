"""Candidate mentions, the lexicons they use, and the in-article entity table, each on its own.

Short texts written here, none from the seeds: the mention layer must find names in any
news article, with or without a title, in or out of the registry.
"""

import pytest

from analysis.entities import Entities, Salience
from analysis.lexicons import speech_verbs, titles
from analysis.mentions import description_after, description_before, find_mentions


def named(text, date=None):
    """(text of the mention, kind, name) of every mention that is not a pronoun."""
    return [(text[m.start:m.end], m.kind, m.name) for m in find_mentions(text, date)
            if m.kind != "pronoun"]


@pytest.mark.parametrize("text, span, name, title", [
    ("Sen. Lindsey Graham (R-S.C.) spoke.", "Sen. Lindsey Graham", "Lindsey Graham", "Sen."),
    ("Miss Universe Alicia Machado spoke.", "Miss Universe Alicia Machado", "Alicia Machado",
     "Miss Universe"),
    ("Former Secretary of State Hillary Clinton spoke.",
     "Former Secretary of State Hillary Clinton", "Hillary Clinton",
     "Former Secretary of State"),
    ("South Carolina Gov. Nikki Haley spoke.", "South Carolina Gov. Nikki Haley",
     "Nikki Haley", "South Carolina Gov."),
    ("Speaker of the House Rep. Paul Ryan (R-WI) spoke.", "Speaker of the House Rep. Paul Ryan",
     "Paul Ryan", "Speaker of the House Rep."),
    ("Director of National Intelligence James Clapper spoke.",
     "Director of National Intelligence James Clapper", "James Clapper",
     "Director of National Intelligence"),
])
def test_titles_before_a_name_are_titles_not_name(text, span, name, title):
    first = find_mentions(text)[0]
    assert (text[first.start:first.end], first.kind, first.name, first.title) == \
        (span, "person", name, title)


def test_surnames_that_are_titles_stay_names():
    text = "Martin Luther King spoke. Representative Peter T. King of New York spoke."
    assert named(text)[:2] == [("Martin Luther King", "person", "Martin Luther King"),
                               ("Representative Peter T. King", "person", "Peter T. King")]


@pytest.mark.parametrize("place", ["El Paso", "San Jose", "Santa Monica", "Des Moines"])
def test_places_whose_first_word_is_also_a_first_name_are_no_people(place):
    assert named(f"They met in {place} on Monday.")[0][1:] == ("name", place)


def test_a_name_ends_at_a_full_stop_or_a_quotation_mark():
    text = "It came from Victor Pinchuk.'' Mrs. Clinton replied. Said Trump. Clinton agreed."
    assert [n for _, _, n in named(text)] == ["Victor Pinchuk", "Clinton", "Donald Trump",
                                              "Clinton"]


@pytest.mark.parametrize("text, kind, name", [
    ("The New York Times reported it.", "organisation", "New York Times"),
    ("CNN reported it.", "organisation", "CNN"),
    ("The Department of the Treasury said so.", "organisation", "Department of the Treasury"),
    ("No 10 said so.", "organisation", "Downing Street"),
    ("The Clinton Foundation said so.", "organisation", "Clinton Foundation"),
])
def test_organisations(text, kind, name):
    assert named(text)[0][1:] == (kind, name)


def test_offices_resolve_by_date_and_spokespeople_by_whom_they_speak_for():
    text = "The prime minister’s spokesman and the prime minister met."
    found = named(text, "2022-09-25")
    assert found == [("The prime minister’s spokesman", "spokesperson",
                      "Downing Street spokesperson"), ("the prime minister", "role", "Liz Truss")]


def test_a_named_spokesperson_is_one_mention():
    text = "White House press secretary Josh Earnest said so."
    m = find_mentions(text)[0]
    assert (text[m.start:m.end], m.name, m.title) == (
        "White House press secretary Josh Earnest", "Josh Earnest", "spokesperson")


def test_names_are_found_only_at_the_start_of_a_word():
    text = ("Anti-Trump crowds met pro-Biden ones. XMr Smith left. The No 10 spokesman, "
            "not aspokesman, spoke.")
    found = named(text)
    assert not any(name in ("Donald Trump", "Joe Biden", "Smith") for _, _, name in found)
    assert [t for t, kind, _ in found if kind == "spokesperson"] == ["The No 10 spokesman"]


@pytest.mark.parametrize("text, gender", [
    ("Mrs. Clinton spoke.", "female"),  # honorific
    ("Mr Brown spoke.", "male"),
    ("Alicia Machado spoke.", "female"),  # first name, from the gender-guesser list
    ("Lindsey Graham spoke.", ""),  # a first name given to both
    ("Ms Truss spoke.", "female"),
    ("Truss spoke.", "female"),  # the registry
    ("Dr Smith spoke.", ""),
])
def test_gender_from_honorifics_first_names_and_the_registry(text, gender):
    assert find_mentions(text)[0].gender == gender


def test_possessives_and_prepositions_are_not_subjects():
    text = "Trump’s aide met with Clinton. The Joneses’ house. Trump spoke."
    flags = [(m.name, m.can_be_subject) for m in find_mentions(text)]
    assert flags == [("Donald Trump", False), ("Clinton", False), ("Joneses", False),
                     ("Donald Trump", True)]


def test_mentions_inside_quotations_are_left_out():
    text = "“Trump is wrong,” Clinton said."
    assert [m.name for m in find_mentions(text, inside=[(0, 17)])] == ["Clinton"]


@pytest.mark.parametrize("text, described", [
    ("“Yes,” a senior official said", "a senior official"),
    ("“Yes,” Republican officials said", "Republican officials"),
    ("“Yes,” two people familiar with the talks said", "two people familiar with the talks"),
    ("“Yes,” the artists said", "the artists"),
    ("“Yes,” Graham said", None),
])
def test_descriptions_before_a_verb(text, described):
    found = description_before(text, text.rindex(" said"), 0)
    assert (text[found[0]:text.rindex(" said")] if found else None) == described


def test_descriptions_after_a_verb():
    text = "“Yes,” said a senior official, who asked not to be named."
    end = description_after(text, text.index("a senior"), len(text))
    assert text[text.index("a senior"):end] == "a senior official"
    assert description_after("said Graham.", 5, 12) is None


def test_one_speech_verb_list_with_forms_objects_and_particles():
    verbs = speech_verbs()
    assert verbs.lemma["told"] == "tell" and not verbs.inverts("told")  # "told Stumpf"
    assert verbs.inverts("said") and not verbs.inverts("saying")
    assert verbs.phrasal["shot"] == "back"
    assert "Sen." in titles() and titles().gender["Mrs."] == "female"


def entity_names(text, date=None):
    entities = Entities()
    ids = [entities.add(m) for m in find_mentions(text, date) if m.kind != "pronoun"]
    return [None if e is None else (entities.names[e], entities.kinds[e]) for e in ids]


def test_a_bare_surname_and_a_title_resolve_to_the_full_name_used_earlier():
    found = entity_names("Sen. Lindsey Graham met Graham’s staff. Mr. Graham left.")
    assert found == [("Lindsey Graham", "other person")] * 3


def test_the_fullest_form_wins_whatever_comes_first():
    entities = Entities()
    for m in find_mentions("Mr. Graham arrived. Lindsey Graham spoke."):
        entities.add(m)
    assert entities.names == ["Lindsey Graham"]


def test_honorifics_tell_apart_people_who_share_a_surname():
    found = entity_names("Hillary Clinton and Bill Clinton came. Mrs. Clinton spoke. "
                         "Mr. Clinton spoke. Clinton spoke.")
    assert [name for name, _ in found] == ["Hillary Clinton", "Bill Clinton", "Hillary Clinton",
                                           "Bill Clinton", "Hillary Clinton"]


def test_registry_people_keep_canonical_names_unless_the_article_means_someone_else():
    assert entity_names("Trump spoke.") == [("Donald Trump", "registry person")]
    assert entity_names("Gary Johnson spoke. Johnson left.") == \
        [("Gary Johnson", "other person")] * 2
    assert entity_names("Boris Johnson spoke. Johnson left.") == \
        [("Boris Johnson", "registry person")] * 2


def test_an_office_resolves_to_whoever_held_that_title_in_the_article():
    found = entity_names("Sen. Elizabeth Warren spoke. The senator left.")
    assert found == [("Elizabeth Warren", "other person")] * 2


def test_a_capitalised_word_that_names_no_one_is_no_entity():
    assert entity_names("Iowa voted.") == [None]


def test_pronouns_take_the_nearest_compatible_entity():
    entities = Entities()
    salience = Salience(entities)
    clinton, trump = (entities.add(m) for m in find_mentions("Hillary Clinton. Donald Trump."))
    salience.seen(clinton, subject=True)
    salience.seen(trump, subject=True)
    assert salience.resolve("female") == clinton and salience.resolve("male") == trump
    salience.new_sentence()
    salience.spoke(clinton)
    assert salience.resolve("female") == clinton and salience.resolve("plural") is None
