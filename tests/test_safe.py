"""Corpus text is shown as text in HTML, MyST Markdown, figures and CSV files."""

import csv
import io

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from docutils import nodes
from docutils.core import publish_doctree, publish_parts
from myst_parser.parsers.docutils_ import Parser

from analysis import book, figures, safe

from .hostile import FORMULAS, LONG_WORD, PAYLOADS, UNICODE

MYST = {"myst_enable_extensions": ["dollarmath", "colon_fence", "substitution"],
        "output_encoding": "unicode", "report_level": 2, "halt_level": 5}
HOSTILE = [*PAYLOADS, *FORMULAS, UNICODE, "# heading\n- item\n```{raw} html\n<b>x</b>\n```",
           ":::{note}\nx\n:::", "% comment", "1. list", "> quote", "    code", "\\", "*em* _u_",
           "a | b | c", "[^note]", "<http://example.invalid>", "&amp; &#60; &copy;"]


def myst(source: str):
    return publish_doctree(source, parser=Parser(), settings_overrides=MYST)


def rendered_text(value: str) -> str:
    return " ".join(value.replace("\u2028", " ").split())


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_text_is_read_back_as_the_same_plain_text(value):
    tree = myst(f"Before {safe.markdown_text(value)} after.")
    kinds = {type(node).__name__ for node in tree.findall()}
    assert kinds <= {"document", "paragraph", "Text"}, kinds  # no raw, math, link, role, list
    assert rendered_text(tree.astext()) == rendered_text(f"Before {value} after.")


def test_format_markdown_keeps_the_template_and_escapes_the_values():
    source = safe.format_markdown("**{who}** said {quote} ({share:.0%}).",
                                  who=PAYLOADS[0], quote=PAYLOADS[9], share=0.25)
    tree = myst(source)
    strong = next(tree.findall(nodes.strong))
    assert strong.astext() == PAYLOADS[0]
    assert "raw" not in {type(n).__name__ for n in tree.findall()}
    assert tree.astext().endswith(f"said {PAYLOADS[9]} (25%).")


def test_figure_markdown_keeps_alt_text_and_caption_literal():
    alt = 'Bars for "A" \\ <b>\n:class: evil\n```\n```{raw} html'
    caption = f"Tone of {PAYLOADS[0]} and {PAYLOADS[10]}"
    html = publish_parts(safe.figure_markdown("x.png", alt, caption, name="fig-x"),
                         parser=Parser(), writer_name="html5", settings_overrides=MYST)["body"]
    tree = myst(safe.figure_markdown("x.png", alt, caption, name="fig-x"))
    image = next(tree.findall(nodes.image))
    assert image["alt"] == " ".join(alt.split("\n"))
    assert next(tree.findall(nodes.caption)).astext() == caption
    assert "<script>" not in html and "<b>" not in html and "evil" not in image.get("classes")
    with pytest.raises(ValueError):
        safe.figure_markdown("x.png\n:class: y", "alt")


def test_html_text_and_format_html_escape_every_payload():
    for payload in PAYLOADS:
        assert "<" not in safe.html_text(payload) and '"' not in safe.html_text(payload)
    assert safe.format_html("<td title='{0}'>{0}</td>", "'><script>") == \
        "<td title='&#39;&gt;&lt;script&gt;'>&#39;&gt;&lt;script&gt;</td>"


def styled_table():
    table = pd.DataFrame({"<b>outlet</b>": [PAYLOADS[0], PAYLOADS[2]],
                          "terms": [[PAYLOADS[1]], ("a", "<i>b</i>")],
                          "share": [0.25, 0.5], "plain": ["Tom & Jerry", "a < b"]},
                         index=pd.Index([PAYLOADS[5], "ok"], name="<u>doc</u>"))
    return (table.style.format({"share": "{:.0%}", "<b>outlet</b>": "{}"})
            .format(lambda v: f"{v} words", subset=["plain"])
            .format_index(lambda v: f"id {v}")
            .set_caption(f"Caption {PAYLOADS[7]}"))


def test_escape_styler_escapes_cells_labels_names_and_caption_once():
    html = safe.escape_styler(styled_table()).to_html()
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert "<b>" not in html and "<u>" not in html and "<i>" not in html
    assert "25%" in html and "50%" in html  # the chapter's formats still apply
    assert "Tom &amp; Jerry words" in html and "a &lt; b words" in html  # escaped once
    assert "id &#34;&gt;&lt;script&gt;" in html
    assert "&lt;u&gt;doc&lt;/u&gt;" in html and "&lt;b&gt;outlet&lt;/b&gt;" in html
    assert "<caption>Caption &lt;/td&gt;" in html


def test_escape_styler_leaves_the_original_and_trusted_html_alone():
    styler = styled_table()
    safe.escape_styler(styler)
    assert styler.caption == f"Caption {PAYLOADS[7]}"  # the chapter's object is unchanged
    assert "<script>" in styler.to_html()
    trusted = pd.DataFrame({"a": ["x"]}).style.format(lambda v: safe.format_html("<em>{}</em>", v))
    assert "<em>x</em>" in safe.escape_styler(trusted).to_html()


def test_escape_styler_with_pandas_own_escaping_does_not_escape_twice():
    styler = pd.DataFrame({"a": ["Tom & Jerry <3"]}).style.format(escape="html")
    html = safe.escape_styler(styler).to_html()
    assert "Tom &amp; Jerry &lt;3" in html and "&amp;amp;" not in html


def test_escape_styler_escapes_concatenated_tables_and_tooltips():
    top = pd.DataFrame({"a": [PAYLOADS[0]]})
    styler = top.style.concat(pd.DataFrame({"a": [PAYLOADS[1]]}).style)
    styler.set_tooltips(pd.DataFrame({"a": [f"</style>{PAYLOADS[0]}"]}))
    html = safe.escape_styler(styler).to_html()
    assert "<script" not in html and "<img" not in html and "</style><script" not in html


def test_notebook_display_of_any_styler_is_escaped():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    parse_math = plt.rcParams["text.parse_math"]
    try:
        assert book.escape_display(shell)
        data, _ = shell.display_formatter.format(styled_table())
        html = data["text/html"]
        assert "<script" not in html and "&lt;script&gt;" in html
        frame, _ = shell.display_formatter.format(pd.DataFrame({PAYLOADS[0]: [PAYLOADS[1]]}))
        assert "<script" not in frame["text/html"] and "<img" not in frame["text/html"]
        assert "tex2jax_ignore" in html and "tex2jax_ignore" in frame["text/html"]
    finally:
        InteractiveShell.clear_instance()
        pd.reset_option("styler.format.escape")
        pd.reset_option("styler.html.mathjax")
        pd.reset_option("display.html.use_mathjax")
        plt.rcParams["text.parse_math"] = parse_math


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cell_neutralises_what_a_spreadsheet_evaluates(formula):
    assert safe.csv_cell(formula) == "'" + formula
    assert safe.csv_cell("\tcmd") == "'\tcmd" and safe.csv_cell("\r=1") == "'\r=1"


def test_csv_cell_leaves_numbers_and_ordinary_text():
    for value in (-0.5, 3, "-0.5", "+12", "1e-3", "Sky News", "", None, "a=b"):
        assert safe.csv_cell(value) == value


def test_figure_csv_with_a_formula_as_doc_id_and_outlet(tmp_path):
    data = pd.DataFrame({"outlet": [FORMULAS[3], "Sky News"], "tone": [-0.25, 0.5],
                         "n": [3, 4]},
                        index=pd.Index([FORMULAS[0], "2024-01-01-sky"], name="doc_id"))
    data.columns = pd.Index(["outlet", "-tone", "n"])
    fig, ax = plt.subplots()
    figures.save(fig, "hostile", data=data, directory=tmp_path)
    plt.close(fig)
    rows = list(csv.reader(io.StringIO((tmp_path / "hostile.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["doc_id", "outlet", "'-tone", "n"]
    assert rows[1] == ["'" + FORMULAS[0], "'" + FORMULAS[3], "-0.25", "3"]
    assert rows[2] == ["2024-01-01-sky", "Sky News", "0.5", "4"]
    assert float(rows[1][2]) == -0.25  # a negative number stays a number


def test_figures_draw_dollars_and_odd_text_literally(tmp_path):
    with figures.style():
        fig, ax = plt.subplots()
        ax.set_title(f"{PAYLOADS[10]} {UNICODE} {LONG_WORD[:200]}")
        ax.bar([r"$\undefinedmacro{x}$", "$5bn", "a_b^c"], [1, 2, 3])
    figures.save(fig, "dollars", directory=tmp_path)  # mathtext would raise on \undefinedmacro
    plt.close(fig)
    assert (tmp_path / "dollars.png").stat().st_size > 0


def test_csv_frame_leaves_a_table_without_formulas_byte_identical():
    estimates = pd.Series([0.16406400000000002, -1 / 3], dtype=object).to_numpy()
    table = pd.DataFrame({"estimate": estimates, "n": [1, 2], "outlet": ["Sky News", "a-b"]},
                         index=pd.Index(["Russia or Putin", "UK–US relationship"]))
    options = {"float_format": "%.6g", "lineterminator": "\n"}
    assert safe.csv_frame(table).to_csv(**options) == table.to_csv(**options)
    assert "0.16406400000000002" in table.to_csv(**options)  # object floats: as they were
    series = pd.Series([1.5, -2.0], index=["=a", "b"], name="@x")
    assert safe.csv_frame(series).to_csv(**options) == ",'@x\n'=a,1.5\nb,-2\n"
