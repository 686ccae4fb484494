"""The house style and deterministic figure files."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis.figures import LEADER_COLOURS, OUTLET_COLOURS, colours, save, style  # noqa: E402


def draw():
    with style():
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot([1, 2, 3], [3, 1, 2], label="a line")
        ax.set_title("Test")
        ax.legend()
    return fig


def test_save_writes_byte_identical_png_and_svg(tmp_path):
    import pandas as pd

    data = pd.DataFrame({"x": [1, 2, 3], "y": [3.0, 1.0, 2.0 / 3]})
    first = save(draw(), "test-figure", data, tmp_path / "a")
    second = save(draw(), "test-figure", data, tmp_path / "b")
    assert (tmp_path / "a" / "test-figure.csv").read_bytes() == (
        tmp_path / "b" / "test-figure.csv").read_bytes()
    assert (tmp_path / "a" / "test-figure.csv").read_text().splitlines()[-1] == "2,3,0.666667"
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()
    png, svg = first
    assert png.suffix == ".png" and svg.suffix == ".svg"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"Software" not in png.read_bytes()  # no matplotlib version stamp
    assert b"<dc:date>" not in svg.read_bytes()


def test_save_prints_the_source_line_once(tmp_path):
    fig = draw()
    save(fig, "source-line", directory=tmp_path)
    save(fig, "source-line", directory=tmp_path)
    assert sum("Corpus: seeds/" in t.get_text() for t in fig.texts) == 1


@pytest.mark.parametrize("label", ["Bad Label", "a/b", "", "-x"])
def test_save_refuses_unstable_labels(tmp_path, label):
    with pytest.raises(ValueError):
        save(draw(), label, directory=tmp_path)


def test_palettes_are_distinct_and_stable():
    assert len(set(LEADER_COLOURS.values())) == len(LEADER_COLOURS)
    assert len(set(OUTLET_COLOURS.values())) == len(OUTLET_COLOURS)
    assert not set(LEADER_COLOURS.values()) & set(OUTLET_COLOURS.values())
    new = colours(["Sky News", "New Outlet A", "New Outlet B"])
    assert new["Sky News"] == OUTLET_COLOURS["Sky News"]
    assert len(set(new.values())) == 3


def test_style_changes_no_global_state():
    before = dict(matplotlib.rcParams)
    with style():
        pass
    assert dict(matplotlib.rcParams) == before


# --- colours by rule, footers with counts and caveat, literal text --------------------------

import pandas as pd  # noqa: E402

from analysis.figures import (  # noqa: E402
    CAVEAT,
    OTHERS,
    article_labels,
    count_note,
    set_note,
    shorten,
)

# The colours the published figures use, copied from analysis/figures.py as it was before the
# colour rule (v0.1.0): the rule must give the seeds exactly these.
PUBLISHED_LEADERS = {
    "Liz Truss": "#D55E00", "James Cleverly": "#E69F00", "Keir Starmer": "#CC79A7",
    "Joe Biden": "#0072B2", "Antony Blinken": "#56B4E9", "Donald Trump": "#009E73",
}
PUBLISHED_OUTLETS = {
    "The Sunday Post (PA Media wire copy)": "#4477AA", "The National (Abu Dhabi)": "#228833",
    "Voice of America (Editorials)": "#CCBB44", "Sky News": "#AA3377",
    "The Independent": "#EE6677",
}
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000"}
TOL_BRIGHT = {"#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377"}


def test_the_seeds_keep_their_published_colours(corpus):
    from analysis.people import followed_people

    assert colours(corpus["outlet"], "outlet") == {o: PUBLISHED_OUTLETS[o]
                                                   for o in corpus["outlet"]}
    people = followed_people(corpus)
    leaders = colours(people.index, "leader", counts=people["n_articles"])
    for name, colour in PUBLISHED_LEADERS.items():
        assert leaders[name] == colour
    # Someone the seeds follow but never coloured gets a free Okabe–Ito colour of their own.
    others = {n: c for n, c in leaders.items() if n not in PUBLISHED_LEADERS}
    assert set(others.values()) <= OKABE_ITO - set(PUBLISHED_LEADERS.values())


def test_many_names_top_ranked_coloured_the_rest_others():
    names = [f"Outlet {i:02d}" for i in range(30) for _ in range(30 - i)]  # 00 most frequent
    mapping = colours(names, "outlet")
    coloured = [n for n, c in mapping.items() if c != OTHERS]
    assert coloured == [f"Outlet {i:02d}" for i in range(6)]
    assert len({mapping[n] for n in coloured}) == 6 and set(mapping[n] for n in coloured) <= (
        TOL_BRIGHT)
    assert colours(list(reversed(names)), "outlet") == mapping  # input order does not matter
    leaders = colours([f"Leader {i:02d}" for i in range(20)], "leader")
    assert sum(c != OTHERS for c in leaders.values()) == 8
    assert len(set(leaders.values())) == 9  # eight colours and "others"


def test_a_house_colour_stays_with_its_owner_and_is_lent_only_when_needed():
    with_sky = colours(["Sky News", "New A", "New B"])
    assert with_sky["Sky News"] == "#AA3377" and "#AA3377" not in (with_sky["New A"],
                                                                     with_sky["New B"])
    assert with_sky["New A"] == "#66CCEE"  # the palette's free colour comes first
    # Without Sky News among them, six new outlets use all six colours, its own included.
    six = colours([f"New {i}" for i in range(6)])
    assert set(six.values()) == TOL_BRIGHT


def test_article_labels_are_readable_and_unique(corpus):
    labels = article_labels(corpus)
    assert labels.is_unique and list(labels.index) == list(corpus["doc_id"])
    for doc_id, label in labels.items():
        outlet = corpus.set_index("doc_id").loc[doc_id, "outlet"]
        assert label.startswith(outlet.split(" (")[0]) and len(label) <= 40
    twice = pd.concat([corpus, corpus.assign(doc_id=corpus["doc_id"] + "-copy")])
    assert article_labels(twice).is_unique


def test_labels_are_shortened_on_words():
    assert shorten("short") == "short"
    long = "The Sunday Post (PA Media wire copy) and its many regional editions"
    assert len(shorten(long)) <= 40 and shorten(long).endswith("…")


def test_the_footer_states_counts_and_caveat_below_everything(tmp_path):
    fig = draw()
    fig.axes[0].legend(loc="upper center", bbox_to_anchor=(0.5, -0.2))
    set_note(fig, count_note(pd.DataFrame({"doc_id": ["a", "a", "b"]})))
    save(fig, "footer", directory=tmp_path)
    texts = [" ".join(t.get_text().split()) for t in fig.texts]  # wrapped to the width
    assert f"n = 3 sentences in 2 articles; {CAVEAT}" in texts
    renderer = fig.canvas.get_renderer()
    footer = [t for t in fig.texts if getattr(t, "_is_footer", False)]
    top = max(t.get_window_extent(renderer).y1 for t in footer)
    legend = fig.axes[0].get_legend().get_window_extent(renderer)
    assert top <= legend.y0  # printed under the legend, not over it
    # A note passed to save wins over the chart's.
    save(fig, "footer", directory=tmp_path, note="n = 1 article")
    assert f"n = 1 article; {CAVEAT}" in [" ".join(t.get_text().split()) for t in fig.texts]
    assert sum("n = " in t.get_text() for t in fig.texts) == 1


def test_corpus_text_is_never_mathtext(tmp_path):
    hostile = r"Costs of $5bn and $3bn, \undefinedmacro$ and $x$"
    with style():
        fig, ax = plt.subplots()
        ax.set_title(hostile)
        ax.set_yticks([0, 1], [hostile, "$x$"])
        ax.legend(handles=[plt.Line2D([], [], label="$\\alpha$")])
    save(fig, "hostile", directory=tmp_path)  # mathtext would raise on the macro
    assert all(not t.get_parse_math() for t in fig.findobj(matplotlib.text.Text))
    renderer = fig.canvas.get_renderer()
    literal = ax.get_yticklabels()[1].get_window_extent(renderer).width
    assert literal > 2 * ax.text(0, 0, "x").get_window_extent(renderer).width
