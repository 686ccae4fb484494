"""Every chart stays legible on a large corpus: 30 outlets, 20 leaders, 200 articles.

Measured on the rendered figure: heights grow with the rows, no two tick labels overlap
(from the renderer's text extents), no label is longer than the house limit, every coloured
series is named by a legend or by row labels, and every figure states its counts.
"""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from analysis import charts  # noqa: E402
from analysis.figures import (  # noqa: E402
    MAX_LABEL,
    OTHERS,
    article_labels,
    colours,
    note_of,
    save,
)

RNG = np.random.default_rng(7)
N_OUTLETS, N_LEADERS, N_ARTICLES = 30, 20, 200
OUTLETS = [f"Outlet {i:02d} Regional and International Newspaper Group (wire copy)"
           for i in range(N_OUTLETS)]
LEADERS = [f"Leader{i:02d} Surname-Hyphenated" for i in range(N_LEADERS)]
FRAMES = ["economic", "capacity and resources", "morality", "fairness and equality",
          "legality, constitutionality and jurisprudence", "policy prescription and evaluation",
          "crime and punishment", "security and defense", "health and safety", "quality of life",
          "cultural identity", "public opinion"]


def synthetic_corpus(outlets=OUTLETS, leaders=LEADERS, n_articles=N_ARTICLES) -> pd.DataFrame:
    """Articles spread over the outlets (the first five carry the most) and the leaders."""
    outlet = [outlets[i % len(outlets)] if i < 0.6 * n_articles else outlets[i % 5]
              for i in range(n_articles)]
    dates = pd.Timestamp("2004-01-01") + pd.to_timedelta(RNG.integers(0, 900, n_articles), "D")
    half = len(leaders) // 2
    return pd.DataFrame({
        "doc_id": [f"doc-{i:03d}" for i in range(n_articles)],
        "outlet": outlet,
        "published": dates,
        "date_precision": np.where(RNG.random(n_articles) < 0.1, "month", "day"),
        "date_inferred": RNG.random(n_articles) < 0.2,
        "uk_leader": [leaders[i % half] for i in range(n_articles)],
        "us_counterparts": [(leaders[half + i % half],) for i in range(n_articles)],
        "n_words": RNG.integers(150, 1500, n_articles),
    })


CORPUS = synthetic_corpus()


def offices(leaders=LEADERS) -> pd.DataFrame:
    rows = []
    half = len(leaders) // 2
    for country, office, people in (("UK", "Prime Minister", leaders[:half][:3]),
                                    ("UK", "Foreign Secretary", leaders[:half][3:7]),
                                    ("US", "President", leaders[half:][:2]),
                                    ("US", "Secretary of State", leaders[half:][2:6])):
        start = pd.Timestamp("2003-06-01")
        for person in people:
            end = start + pd.Timedelta(days=int(RNG.integers(40, 500)))
            rows.append({"office": office, "country": country, "holder": person,
                         "start": start, "end": end})
            start = end
    return pd.DataFrame(rows)


def interval_table(groups, unit_range=(1, 60)) -> pd.DataFrame:
    estimate = RNG.normal(0.1, 0.2, len(groups))
    spread = RNG.uniform(0.02, 0.2, len(groups))
    table = pd.DataFrame({"estimate": estimate, "low": estimate - spread,
                          "high": estimate + spread,
                          "n_units": RNG.integers(*unit_range, len(groups)),
                          "n_articles": RNG.integers(1, 12, len(groups))}, index=groups)
    table.iloc[::7, table.columns.get_indexer(["low", "high"])] = np.nan  # no interval
    return table


def drawings(outlets=OUTLETS, leaders=LEADERS, articles=CORPUS):
    """(name, figure, rows) for every chart function, on a corpus of this size."""
    n_outlets, n_leaders = len(outlets), len(leaders)
    outlet_colours = colours(articles["outlet"], "outlet")
    leader_colours = colours(leaders, "leader")
    speakers = leaders + [f"Spokesperson of body {i}" for i in range(10)]
    words = pd.DataFrame(RNG.integers(0, 40, (len(articles), len(speakers))),
                         index=articles["doc_id"], columns=speakers)
    # Quoted words are 20–80% of each article's words.
    totals = (words.sum(axis=1) / RNG.uniform(0.2, 0.8, len(words))).astype(int)
    summary = pd.DataFrame({"full": RNG.integers(0, 9, len(speakers)),
                            "partial": RNG.integers(0, 5, len(speakers)),
                            "reported": RNG.integers(0, 6, len(speakers))}, index=speakers)
    summary["events"] = summary.sum(axis=1)
    summary["own_words"] = (summary["full"] + summary["partial"]) / summary["events"]
    summary["low"] = summary["own_words"] * 0.5
    summary["high"] = np.minimum(1, summary["own_words"] * 1.3 + 0.05)
    series = pd.concat([interval_table(outlets).assign(voice=v, group=outlets)
                        for v in ("quoted speech", "narrative")]).reset_index(drop=True)
    labels = pd.DataFrame(RNG.dirichlet([1, 2, 1], len(outlets)), index=outlets,
                          columns=["negative", "neutral", "positive"])
    labels["n_units"] = RNG.integers(5, 90, len(outlets))
    lengths = pd.DataFrame({"outlet": np.repeat(outlets, 12),
                            "doc_id": np.repeat([f"d{i}" for i in range(len(outlets))], 12),
                            "words": RNG.integers(5, 60, 12 * len(outlets))})
    tokens = pd.DataFrame([{"group": g, "token": f"token-number-{j}-of-a-long-word",
                            "per_1000": 30 - j + RNG.random(), "low": 25 - j, "high": 35 - j,
                            "n_tokens": 1000 + i} for i, g in enumerate(leaders)
                           for j in range(10)])
    heat = pd.DataFrame(RNG.random((len(FRAMES), len(outlets))), index=FRAMES, columns=outlets)
    mix = pd.DataFrame(RNG.dirichlet(np.ones(15), len(leaders)), index=leaders,
                       columns=[f"frame {c}" for c in "abcdefghijklmno"])
    shares = pd.DataFrame(RNG.random((len(leaders), len(FRAMES))), index=leaders,
                          columns=FRAMES)
    tone = interval_table(leaders)
    n = pd.Series(RNG.integers(0, 40, len(leaders)), index=leaders)
    return [
        ("timeline", charts.timeline(articles, offices(leaders), outlet_colours=outlet_colours),
         n_outlets),
        ("speaker_shares", charts.speaker_shares(words, totals, "Quoted words, per article",
                                                 colour_of=leader_colours,
                                                 labels=article_labels(articles)), len(articles)),
        ("own_words", charts.own_words(summary, "Own words", colour_of=leader_colours),
         len(speakers)),
        ("intervals", charts.intervals(interval_table(outlets), "Tone", "Tone per outlet",
                                       colour_of=outlet_colours, reference=0), n_outlets),
        ("intervals-series", charts.intervals(series, "Tone", "Quoted and narrative",
                                              series="voice"), n_outlets),
        ("label_shares", charts.label_shares(labels, "Labels"), n_outlets),
        ("distributions", charts.distributions(lengths, "outlet", "words", "Words",
                                               "Sentence lengths", colour_of=outlet_colours),
         n_outlets),
        ("bar_panels", charts.bar_panels(tokens, "per_1000", "Top words", "per 1,000",
                                         colour_of=leader_colours), n_leaders),
        ("heatmap", charts.heatmap(heat, "Frames per outlet",
                                   note=f"n = {len(articles)} articles"), n_outlets),
        ("stacked", charts.stacked(mix, "Mix", "Share", n=n), n_leaders),
        ("leader_panels", charts.leader_panels(shares, tone, tone, n, "Leaders side by side",
                                               colour_of=leader_colours), n_leaders),
    ]


@pytest.fixture(scope="module")
def large():
    figures = drawings()
    yield figures
    for _, fig, _ in figures:
        plt.close(fig)


def tick_labels(fig):
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for axis in (ax.xaxis, ax.yaxis):
            labels = [t for t in axis.get_ticklabels() if t.get_visible() and t.get_text()]
            if labels:
                yield ax, labels


def oriented_box(text, renderer):
    """Centre, unrotated width and height and angle of a text, from its rendered extent."""
    box = text.get_window_extent(renderer)
    angle = math.radians(text.get_rotation() % 180)
    c, s = abs(math.cos(angle)), abs(math.sin(angle))
    if abs(c - s) < 0.05:  # 45°: the extent cannot be inverted; use the extent itself
        return (box.x0 + box.width / 2, box.y0 + box.height / 2), box.width, box.height, 0.0
    det = c * c - s * s
    width = (box.width * c - box.height * s) / det
    height = (box.height * c - box.width * s) / det
    return (box.x0 + box.width / 2, box.y0 + box.height / 2), width, height, angle


def overlap(a, b, tolerance=0.5):
    """Two labels of one axis (same angle) overlap: compare them in the text's own frame."""
    (ax, ay), aw, ah, angle = a
    (bx, by), bw, bh, _ = b
    dx, dy = bx - ax, by - ay
    along = abs(dx * math.cos(angle) + dy * math.sin(angle))
    across = abs(-dx * math.sin(angle) + dy * math.cos(angle))
    return along < (aw + bw) / 2 - tolerance and across < (ah + bh) / 2 - tolerance


def test_no_two_tick_labels_overlap(large):
    for name, fig, _ in large:
        renderer = fig.canvas.get_renderer()
        for _, labels in tick_labels(fig):
            boxes = [oriented_box(t, renderer) for t in labels]
            for i in range(len(boxes) - 1):
                assert not overlap(boxes[i], boxes[i + 1]), (
                    name, labels[i].get_text(), labels[i + 1].get_text())


def test_no_label_is_longer_than_the_house_limit(large):
    for name, fig, _ in large:
        for _, labels in tick_labels(fig):
            for label in labels:
                for line in label.get_text().split("\n"):
                    assert len(line) <= MAX_LABEL, (name, line)
        for ax in fig.axes:
            legend = ax.get_legend()
            for text in legend.get_texts() if legend else []:
                assert len(text.get_text()) <= MAX_LABEL, (name, text.get_text())


def test_every_figure_states_its_counts(large):
    for name, fig, _ in large:
        assert note_of(fig).startswith("n = "), name


def test_figures_grow_with_their_rows(large):
    small = {}
    few_outlets, few_leaders = OUTLETS[:5], LEADERS[:6]
    with matplotlib.rc_context({"figure.max_open_warning": 0}):
        figures = drawings(few_outlets, few_leaders, synthetic_corpus(few_outlets, few_leaders, 40))
    for name, fig, _ in figures:
        small[name] = fig.get_figheight()
        plt.close(fig)
    for name, fig, rows in large:
        if name != "heatmap" or rows > len(FRAMES):
            assert fig.get_figheight() > small[name], name


def data_colours(ax):
    """Colours of the bars and markers of the data (not reference lines or whiskers)."""
    found = set()
    for patch in ax.patches:
        colour = to_hex(patch.get_facecolor(), keep_alpha=False)
        if colour not in ("#ffffff",):
            found.add(colour.upper())
    for line in ax.lines:
        if line.get_marker() not in (None, "None", "", " ") and line.get_linestyle() == "None":
            found.add(to_hex(line.get_markerfacecolor(), keep_alpha=False).upper())
    return found - {"#FFFFFF"}


def legend_colours(ax):
    legend = ax.get_legend()
    found = set()
    for handle in legend.legend_handles if legend else []:
        if hasattr(handle, "get_facecolor"):
            found.add(to_hex(handle.get_facecolor(), keep_alpha=False).upper())
        if hasattr(handle, "get_markerfacecolor"):
            found.add(to_hex(handle.get_markerfacecolor(), keep_alpha=False).upper())
    return found


@pytest.mark.parametrize("name", ["speaker_shares", "label_shares", "stacked",
                                  "intervals-series"])
def test_a_legend_names_every_coloured_series(large, name):
    fig = dict((n, f) for n, f, _ in large)[name]
    ax = fig.axes[0]
    assert data_colours(ax) <= legend_colours(ax), name
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) == len(set(labels))
    # No two entries share a colour unless told apart by hatching ("others").
    handles = ax.get_legend().legend_handles
    plain = [to_hex(h.get_facecolor()) for h in handles
             if hasattr(h, "get_hatch") and not h.get_hatch()]
    assert len(plain) == len(set(plain)), name


@pytest.mark.parametrize("name", ["own_words", "intervals", "distributions", "leader_panels",
                                  "timeline"])
def test_rows_coloured_by_name_are_labelled_by_name(large, name):
    fig, rows = next((f, r) for n, f, r in large if n == name)
    labelled = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert len(labelled) >= rows and len(set(labelled)) == len(labelled)


def test_the_large_timeline_gives_each_outlet_a_row(large):
    fig = dict((n, f) for n, f, _ in large)["timeline"]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    for outlet in OUTLETS:
        assert any(label.startswith(outlet[:20]) for label in labels)
    assert note_of(fig) == f"n = {N_ARTICLES} articles from {N_OUTLETS} outlets"


def test_per_article_rows_are_articles(large):
    fig = dict((n, f) for n, f, _ in large)["speaker_shares"]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == N_ARTICLES == len(set(labels))


def test_past_the_palette_others_share_one_grey_and_are_named(large):
    fig = dict((n, f) for n, f, _ in large)["speaker_shares"]
    texts = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert any(t.startswith("others (") for t in texts)
    mapping = colours(LEADERS, "leader")
    assert sum(c == OTHERS for c in mapping.values()) == N_LEADERS - 8


def test_hostile_names_draw_literally_in_every_chart(tmp_path):
    outlets = ["$5bn and $3bn Times", r"Tax \undefined$ News", "Plain News", "$ Daily",
               "The $x$ Post"]
    leaders = ["Mr $5bn", r"Ms \frac$", "A $b$ C", "D", "E $", "F"]
    with matplotlib.rc_context({"figure.max_open_warning": 0}):
        figures = drawings(outlets, leaders, synthetic_corpus(outlets, leaders, 30))
    for i, (name, fig, _) in enumerate(figures):
        if i == 0:  # one through save (footer, PNG and SVG), all through the renderer
            save(fig, "hostile-" + name.replace("_", "-"), directory=tmp_path)
        fig.canvas.draw()  # mathtext would raise on "\undefined$" or "\frac$"
        drawn = [t for t in fig.findobj(matplotlib.text.Text)
                 if t.get_visible() and t.get_text() and (t.axes is None or t.axes.get_visible())]
        corpus_text = [t for t in drawn if "$" in t.get_text()]
        assert corpus_text and all(not t.get_parse_math() for t in corpus_text), name
        plt.close(fig)


def test_a_benchmark_band_is_drawn_and_named():
    table = interval_table(OUTLETS[:5], (10, 30))
    fig = charts.intervals(table, "Flesch–Kincaid grade", "Reading grade per article",
                           reference=10.7, band=(9.7, 11.9),
                           band_label="BBC news stories, middle half")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "BBC news stories, middle half"]
    spans = [p for p in ax.patches if p.get_x() == pytest.approx(9.7)]
    assert spans and spans[0].get_width() == pytest.approx(11.9 - 9.7)
    plt.close(fig)


# --- the book's page: legible at its width; a colour means one thing -------------------------

BOOK_OUTLETS = ["The Sunday Post (PA Media wire copy)", "The National (Abu Dhabi)",
                "Voice of America (Editorials)", "Sky News", "The Independent"]
BOOK_LEADERS = ["Liz Truss", "James Cleverly", "Keir Starmer", "Joe Biden", "Antony Blinken",
                "Donald Trump"]
PERSON_AND_OUTLET_COLOURS = {c.upper() for c in (*charts.PALETTES["leader"],
                                                 *charts.PALETTES["outlet"])}


@pytest.fixture(scope="module")
def book_sized():
    with matplotlib.rc_context({"figure.max_open_warning": 0}):
        figures = drawings(BOOK_OUTLETS, BOOK_LEADERS,
                           synthetic_corpus(BOOK_OUTLETS, BOOK_LEADERS, 12))
    yield figures
    for _, fig, _ in figures:
        plt.close(fig)


def test_every_chart_is_legible_at_the_width_of_the_books_page(book_sized, tmp_path):
    # A figure is scaled to the HTML page's content column (672 px); on it every label,
    # title and value is at least 9 px high, and the counts line under it at least 8 px.
    from analysis.figures import MIN_LABEL_PX, MIN_NOTE_PX, legibility

    for name, fig, _ in book_sized:
        if name in ("own_words", "leader_panels"):  # not drawn by the book
            continue
        save(fig, "legible-" + name.replace("_", "-"), directory=tmp_path)
        report = legibility(fig)
        assert report["label_px"] >= MIN_LABEL_PX, (name, report)
        assert report["note_px"] >= MIN_NOTE_PX, (name, report)


def test_the_footer_grows_with_a_wide_figure(tmp_path):
    # A figure twice the page's width still prints its counts at 8 px or more on the page.
    from analysis.figures import MIN_NOTE_PX, legibility

    fig, ax = plt.subplots(figsize=(16, 3))
    ax.plot([0, 1], [0, 1])
    save(fig, "wide", directory=tmp_path, note="n = 3 articles")
    assert legibility(fig)["note_px"] >= MIN_NOTE_PX
    plt.close(fig)


def drawn_colours(fig):
    found = set()
    for ax in fig.axes:
        if ax.get_visible():
            found |= data_colours(ax)
            found |= {to_hex(p.get_facecolor(), keep_alpha=False).upper() for p in ax.patches}
    return found


@pytest.mark.parametrize("name", ["label_shares", "stacked", "intervals-series"])
def test_categories_are_never_drawn_in_a_persons_or_an_outlets_colour(book_sized, name):
    fig = dict((n, f) for n, f, _ in book_sized)[name]
    assert not drawn_colours(fig) & PERSON_AND_OUTLET_COLOURS, name


def test_categories_differ_by_marker_shape_too(book_sized):
    fig = dict((n, f) for n, f, _ in book_sized)["intervals-series"]
    handles = fig.axes[0].get_legend().legend_handles
    markers = [h.get_marker() for h in handles if hasattr(h, "get_marker")]
    assert len(markers) == 2 and len(set(markers)) == 2


def test_the_timeline_colours_outlets_only(book_sized):
    # People and outlets never share a figure's colours: the office holders are greys,
    # named on their bars; the articles carry the outlets' colours.
    fig = dict((n, f) for n, f, _ in book_sized)["timeline"]
    colours_drawn = drawn_colours(fig)
    assert not colours_drawn & {c.upper() for c in charts.PALETTES["leader"]}
    assert colours_drawn & {c.upper() for c in charts.PALETTES["outlet"]}


def test_faint_rows_of_a_stacked_chart_are_lighter_and_named():
    table = pd.DataFrame({"quoted": [1.0, 0.5], "reported": [0.0, 0.5]}, index=["A", "B"])
    fig = charts.stacked(table, "Events", "share", n=pd.Series({"A": 1, "B": 8}),
                         faint=pd.Series({"A": True, "B": False}), faint_label="lighter: one event")
    ax = fig.axes[0]
    alphas = {round(p.get_y() + p.get_height() / 2): p.get_alpha() for p in ax.patches
              if p.get_width() > 0}
    assert alphas[0] < alphas[1]
    assert "lighter: one event" in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close(fig)


def test_a_reference_mark_is_a_dotted_line_named_in_the_legend():
    t = pd.DataFrame({"estimate": [12.0, 14.0], "low": [11.0, 13.0], "high": [13.5, 15.0],
                      "n_units": [20, 30]}, index=["a", "b"])
    fig = charts.intervals(t, "grade", "Grades", band=(9.7, 11.9), band_label="middle half",
                           marks={"nine in ten stay under": 13.0})
    ax = fig.axes[0]
    dotted = [line for line in ax.lines if line.get_linestyle() == ":"]
    assert len(dotted) == 1 and dotted[0].get_xdata()[0] == 13.0
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["middle half",
                                                                  "nine in ten stay under"]
    plt.close(fig)
