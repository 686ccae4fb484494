"""The notebooks and the built book."""

import json
import re

import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb")) + sorted(ROOT.glob("*.ipynb"))
HTML = ROOT / "_build" / "html"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_stored_without_outputs(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_prose_numbers_are_glued(notebook):
    """Digits in a chapter's prose come from glue, not typing (code, labels and the name of
    the interval level, "95%", aside)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        allowed = r"```.*?```|`[^`]*`|\{[a-z:]+\}`[^`]*`|\([\w-]+\)=|\b95%|per\s+1,000"
        text = re.sub(allowed, "", text, flags=re.S)
        assert not re.search(r"\d", text), text[:200]


def built(page):
    path = HTML / page
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make book` first (make test does)")
    return path.read_text(encoding="utf-8")


def test_corpus_chapter_shows_its_table_figure_and_audit():
    page = built("chapters/corpus.html")
    assert page.count("<table") >= 3
    assert 'src="../_images/corpus-timeline.png"' in page
    assert "Figure 1.1" in page
    assert "{glue" not in page and "glue:text" not in page
    for doc_id in ("2022-09-25-sundaypost-truss", "2023-01-voa-cleverly"):
        assert doc_id in page


def test_every_figure_file_is_written_as_png_svg_and_csv():
    pngs = {p.stem for p in (ROOT / "figures").glob("*.png")}
    svgs = {p.stem for p in (ROOT / "figures").glob("*.svg")}
    csvs = {p.stem for p in (ROOT / "figures").glob("*.csv")}
    assert pngs and pngs == svgs == csvs


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_code_is_collapsed_for_the_reader_unless_a_cell_decides_otherwise(notebook):
    """The reader's view: every code cell is hidden behind "Show code", removed, or marked
    to stay open on purpose (a query the reader may copy); tools/tag_cells.py tags them."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    deciding = {"hide-input", "hide-cell", "remove-input", "remove-cell", "keep-open"}
    untagged = [i for i, cell in enumerate(cells) if cell["cell_type"] == "code"
                and not deciding & set(cell.get("metadata", {}).get("tags", []))]
    assert untagged == [], f"code cells {untagged}: run python tools/tag_cells.py {notebook}"
