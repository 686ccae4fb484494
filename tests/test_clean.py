"""Cleaning keeps every article paragraph and nothing else.

The expected paragraphs below were written by reading each raw page, not by
running the cleaner: for each seed, the opening words of every paragraph of the
article body, in order.
"""

import pytest

from analysis import clean_text

ARTICLE_PARAGRAPHS = {
    "2022-09-25-sundaypost-truss": [
        "Liz Truss has insisted", "The Prime Minister also urged", "In a wide-ranging interview",
        "Ms Truss was asked about concerns", "The Prime Minister said her first meeting",
        "She told CNN’s State Of The Union", "“I’m determined that we make",
        "Ms Truss said the UK and US were", "She told allies not to fall",
        "The Russian president also announced", "Ms Truss said: “We should not",
        "“Instead, what we need to do", "“So this is why it’s so important",
        "The Prime Minister said the world needed", "But she refused to go as far",
        "The Prime Minister’s goal of strengthening", "Ms Truss sought to reassure",
        "Asked about their conversation", "“What’s important is that we protect",
        "“So what I want to do is find", "The UK Government’s approach",
        "Ms Truss sparked a diplomatic row", "While she declined to call Mr Macron",
        "“I’m looking forward to working with him",
    ],
    "2022-03-08-thenational-truss": [
        "British Foreign Minister Liz Truss will meet", "Ms Truss will hold talks in Washington",
        "Ms Truss said the crisis was", "“The UK, US and our allies",
        "“We need to maintain that unity", '"I am in the US to talk',
        "Ms Truss will meet members of Congress",
    ],
    "2023-01-voa-cleverly": [
        "In a recent meeting, Secretary of State", "Secretary Blinken applauded",
        "“We remain united", "“We’re undertaking these efforts", "With regard to Iran",
        "“We’ll continue to work with", "The People’s Republic of China",
        "On the subject of Northern Ireland",
        "The United States and United Kingdom, said Secretary Blinken",
    ],
    "2025-02-26-skynews-starmer": [
        "Prime Minister Sir Keir Starmer has arrived", "In a short speech at the British",
        "“We want to work with you", "On Wednesday, the prime minister had brushed",
        "Speaking to reporters ahead", "Asked if he could trust President Trump",
        "“I’ve got a good relationship with him", "“As you know, I’ve met him",
        "“And as I say, I want it to go", "Even before Sir Keir arrived",
        "“I’m not going to make security guarantees", "“We’re going to have Europe do that",
        "His remarks seemed at odds", "“We all want a peaceful outcome",
        "“It’s got to be a lasting peace", "“Exactly what the configuration",
        "He added: “But the reason", "While European allies such as the UK",
        "President Zelenskyy has also demanded", "Ahead of the trip to Washington",
        "“When it comes to defence and security", "“I’ve been absolutely resolute",
        "Sir Keir also gave the British public", "“I want to reassure the British public",
        "“I want to also be clear",
    ],
    "2022-02-02-independent-truss": [
        "Foreign Secretary Liz Truss has stressed", "Ms Truss, who was due to travel to Kyiv",
        "Foreign minister Dmytro Kuleba and Ms Truss agreed", "They said: “Both agreed",
        "Ms Truss also confirmed she would travel", "No 10 insisted",
        "But the Prime Minister has warned", "Mr Putin has said he does not intend",
        "While a senior US official confirmed", "In the UK, Downing Street said",
        "The Prime Minister’s official spokesman told reporters",
        "“I think the Prime Minister was very clear", "“It will severely damage the economy",
        "The No 10 spokesman added", "“So, we are ready to act",
    ],
}

# Page furniture seen on each page (one example per kind the issue names).
FURNITURE = {
    "2022-09-25-sundaypost-truss": [
        "An icon of", "Toby Melville/PA", "Stefan Rousseau/PA",
        "Liz Truss visit to US for the United Nations General Assembly",
        "UK-US relationship still ‘special,’ says Liz Truss",
    ],
    "2022-03-08-thenational-truss": [
        "date 2022-03-08", "LONDON, ENGLAND", "Getty", "Soraya Ebrahimi", "Mar 08, 2022",
        "Live updates", "READ MORE", "Putin isn't alone", "sandbags", "Updated:",
        "EDITOR'S PICKS", "NEWSLETTERS", "MORE FROM THE NATIONAL", "An image that illustrates",
        "UK foreign secretary heads to US", "Antony Blinken and National Security Adviser",
    ],
    "2023-01-voa-cleverly": [
        "Accessibility links", "Breaking News", "please wait", "No media source", "0:03:40",
        "shake hands", "U.S.-UK Alliance Delivers on Global Priorities",
    ],
    "2025-02-26-skynews-starmer": [
        "Please use Chrome browser", "0:57", "1:04", "Starmer: ‘We want to strike",
        "Politics latest", "Can Starmer ‘win’", "Read more:", "CIA asked to look",
        "Trump threatens 25% tariffs", "Trump’s top moments", "Putin is ‘very cunning’",
        "Spreaker", "cookies", "Privacy Options", "podcast app",
    ],
    "2022-02-02-independent-truss": [
        "notifications", "Notifications", "Geraldine Scott", "10:16 EST", "Aaron Chown/PA",
        "PA Wire", "Your support", "reproductive rights", "paywalls", "Your donation",
        "Thank you for registering", "refresh the page", "logged in",
        "Truss: Responding strongly", "Liz Truss spoke to her Ukrainian counterpart",
    ],
}


@pytest.mark.parametrize("doc_id", sorted(ARTICLE_PARAGRAPHS))
def test_every_article_paragraph_is_kept_in_order(corpus, doc_id):
    paragraphs = corpus.set_index("doc_id").loc[doc_id, "text"].split("\n\n")
    expected = ARTICLE_PARAGRAPHS[doc_id]
    assert len(paragraphs) == len(expected)
    for paragraph, opening in zip(paragraphs, expected):
        assert paragraph.startswith(opening), (paragraph[:60], opening)


@pytest.mark.parametrize("doc_id", sorted(ARTICLE_PARAGRAPHS))
def test_paragraphs_are_the_raw_lines_unaltered(corpus, raw_lines, doc_id):
    row = corpus.set_index("doc_id").loc[doc_id]
    raw = {line.strip() for line in raw_lines[row["file"]]}
    for paragraph in row["text"].split("\n\n"):
        assert paragraph in raw


@pytest.mark.parametrize("doc_id", sorted(FURNITURE))
def test_no_furniture_left_in_body(corpus, doc_id):
    text = corpus.set_index("doc_id").loc[doc_id, "text"] + "\n"
    for furniture in FURNITURE[doc_id]:
        assert furniture not in text, furniture


def test_headline_standfirst_and_byline_become_fields(corpus):
    row = corpus.set_index("doc_id").loc["2022-03-08-thenational-truss"]
    assert row["headline"] == "UK foreign secretary heads to US for talks on Ukraine crisis"
    assert row["standfirst"].startswith("Liz Truss will meet US Secretary of State")
    assert row["byline"] == "Soraya Ebrahimi"


def test_typography_that_carries_meaning_is_kept(corpus):
    text = "".join(corpus["text"])
    for mark in "“”’–£" if "£" in text else "“”’–":
        assert mark in text, mark
    assert "--" in corpus.set_index("doc_id").loc["2023-01-voa-cleverly", "text"]


def test_audit_names_every_removed_line_with_its_reason(corpus, raw_lines):
    from analysis import cleaning_audit

    audit = cleaning_audit(corpus)
    for row in corpus.itertuples():
        lines = raw_lines[row.file]
        kept = set(row.text.split("\n\n"))
        removed = audit[audit["doc_id"] == row.doc_id]
        assert (removed["reason"] != "").all()
        # Every non-blank raw line is either kept in the body or in the audit.
        for number, line in enumerate(lines, 1):
            if line.strip() and " ".join(line.split()) not in kept:
                assert number in set(removed["line"]), (row.file, number, line[:50])


def test_an_unseen_outlets_page_comes_out_clean():
    """Furniture of kinds and wordings not in the seeds, around a short article."""
    page = "\n".join([
        "Skip to main content",
        "Menu",
        "Biden and Sunak sign Atlantic Declaration",
        "By Jane Doe-Smith",
        "Thursday 8 June 2023 14:05 BST",
        "Joe Biden and Rishi Sunak at the White House (Jim Watson/AFP)",
        "",
        "The US president and the Prime Minister agreed a new economic partnership on Thursday.",
        "“This is a new chapter,” Mr Sunak said.",
        "Related: Sunak arrives in Washington",
        "The declaration covers critical minerals and artificial intelligence.",
        "Watch: Sunak on the special relationship",
        "2:15",
        "Sunak on the special relationship",
        "Officials said talks would continue in the autumn.",
        "We use cookies to personalise content. You can manage your preferences at any time.",
        "Sign up to our politics newsletter",
        "Most read",
        "Last updated: 9 June 2023, 08:00",
    ])
    result = clean_text(page)
    assert result.text.split("\n\n") == [
        "The US president and the Prime Minister agreed a new economic partnership on Thursday.",
        "“This is a new chapter,” Mr Sunak said.",
        "The declaration covers critical minerals and artificial intelligence.",
        "Officials said talks would continue in the autumn.",
    ]
    assert result.headline == "Biden and Sunak sign Atlantic Declaration"
    assert result.byline == "Jane Doe-Smith"


def test_plain_news_text_loses_only_its_title():
    """A text with no page furniture (like the BBC news dataset) keeps every paragraph."""
    page = ("Blair backs Bush on climate talks\n\n"
            "Tony Blair has said he will work with President Bush on climate change.\n\n"
            "Arsenal v Chelsea\n\n"
            "He told MPs the special relationship was \"in good shape\" and support us all.\n\n"
            "Ticket sales for cookies and cakes rose, a member of staff said.\n")
    result = clean_text(page)
    assert result.headline == "Blair backs Bush on climate talks"
    assert len(result.text.split("\n\n")) == 4
    assert [r.category for r in result.removed] == ["headline"]


def test_unbalanced_or_empty_input_never_raises():
    assert clean_text("").text == ""
    assert clean_text("\n\n\n").removed == []
    assert clean_text("“Unclosed quotation at the end of a page").text


def test_a_broadsheet_page_with_tags_and_footer():
    """Another page shape: skip links, a two-line head, byline with a job title, footer tags."""
    page = "\n".join([
        "Skip to main content", "Skip to navigation", "Print subscriptions", "Sign in",
        "UK foreign secretary meets Rubio in Washington",
        'Lammy says alliance "rock solid" as tariffs loom',
        "Patrick Wintour Diplomatic editor",
        "Wed 5 Feb 2025 18.30 GMT",
        "Share",
        'David Lammy has said the relationship between the UK and the US is "rock solid".',
        'The foreign secretary told reporters: "We have a shared history and a shared future."',
        "Officials said tariffs were not discussed in detail.",
        "Explore more on these topics", "Foreign policy", "David Lammy", "Share",
        "Reuse this content", "Most viewed",
    ])
    result = clean_text(page)
    assert result.headline == "UK foreign secretary meets Rubio in Washington"
    assert result.standfirst.startswith("Lammy says alliance")
    assert result.dateline == "Wed 5 Feb 2025 18.30 GMT"
    assert len(result.text.split("\n\n")) == 3
    assert result.text.startswith("David Lammy has said") and "Most viewed" not in result.text


def test_fixture_lists_at_the_end_of_a_report_are_kept():
    """Short lines after the last sentence stay unless page furniture is there too."""
    page = ("Cup draw made\n\nThe draw for the next round was made on Monday.\n\n"
            "Arsenal v Chelsea\n\nLeeds v Hull\n")
    assert clean_text(page).text.split("\n\n")[1:] == ["Arsenal v Chelsea", "Leeds v Hull"]


def test_a_page_is_normalised_exactly_as_line_by_line():
    # clean_text normalises the whole page at once; each line must come out as
    # normalise_line would make it (composed accents, layout spaces, invisible characters).
    from analysis.clean import _normalise_lines, normalise_line

    raw = ("\u0301 accent first\n Cafe\u0301\u00a0\u00a0au\u200b lait \n\t\u2003tabbed\u2009in\n"
           "\ufeffbom\u00ad line  \u200b  end\n\n\u3000\n e\u0301\u0327 \u202f")
    assert _normalise_lines(raw) == [normalise_line(line) for line in raw.split("\n")]
