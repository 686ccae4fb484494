"""The figure pack: one download on the Figures page with every figure as PNG, SVG and CSV,
and a suggested citation for each (number, title, version, the report's citation, a link)."""

from __future__ import annotations

import io
import os
import re
import sys
import zipfile

import lxml.html
import pandas as pd
import pytest

import analysis
from analysis.catalogue import (
    Citation,
    figure_catalogue,
    figure_citations,
    figure_pack,
    pack_path,
    project_slug,
    report_citation,
    write_figure_pack,
)
from analysis.settings import figures_dir

from .conftest import ROOT

HTML = ROOT / "_build" / "html"
STEM = f"{project_slug(ROOT)}-figures"


def built(page: str):
    path = HTML / page
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make book` first (make test does)")
    return lxml.html.parse(str(path)).getroot()


def html_numbers(catalogue) -> dict[str, str]:
    """Each figure's number as the HTML book prints it under the figure."""
    numbers = {}
    for document in catalogue.document.unique():
        for figure in built(f"{document}.html").xpath("//figure[@id]"):
            label = figure.xpath('.//span[@class="caption-number"]')[0].text_content()
            numbers[figure.get("id")] = re.search(r"[\d.]+\d", label).group(0)
    return numbers


@pytest.fixture(scope="module")
def catalogue():
    return figure_catalogue(ROOT)


@pytest.fixture(scope="module")
def pack(catalogue):
    """The zip the built Figures page links, opened."""
    links = [a.get("href") for a in built("list-of-figures.html").xpath("//a[@href]")
             if a.get("href").endswith(".zip")]
    assert len(links) == 1, links  # one download, not one per figure
    path = HTML / links[0]
    assert path.name == pack_path(ROOT).name and path.exists()
    return zipfile.ZipFile(io.BytesIO(path.read_bytes()))


def test_pack_holds_every_figure_of_the_book_as_png_svg_and_csv(pack, catalogue):
    expected = {f"{STEM}/{label}.{kind}" for label in catalogue.label
                for kind in ("png", "svg", "csv")} | {f"{STEM}/citations.txt"}
    assert set(pack.namelist()) == expected
    for label in catalogue.label:
        for kind in ("png", "svg", "csv"):
            file = figures_dir() / f"{label}.{kind}"
            assert pack.read(f"{STEM}/{label}.{kind}") == file.read_bytes(), file.name


def citation_blocks(text: str) -> list[list[str]]:
    """The per-figure blocks of citations.txt: a line 'Figure n: title' and its lines."""
    blocks = [block.splitlines() for block in text.split("\n\n")]
    return [block for block in blocks if re.match(r"Figure [\d.]+: ", block[0])]


def test_one_citation_per_figure_with_number_title_version_and_link(pack, catalogue):
    text = pack.read(f"{STEM}/citations.txt").decode("utf-8")
    citation = report_citation(ROOT)
    numbers = html_numbers(catalogue)
    blocks = citation_blocks(text)
    assert len(blocks) == len(catalogue)
    for row, block in zip(catalogue.itertuples(), blocks):
        head = f"Figure {numbers[row.name]}: {row.title}"
        assert block[0] == head
        cite = block[1].strip()
        assert cite.startswith(f"{citation.authors} ({citation.year}). {citation.title} "
                               f"(version {analysis.__version__}) [Report], {head}")
        link = block[2].strip()
        page, anchor = link.split("#")
        assert anchor == row.name
        assert built(page).xpath(f'//*[@id="{anchor}"]'), link  # the link lands on it
    assert citation.text() in text  # how to cite the report itself


def test_pack_says_its_links_are_relative_while_the_book_has_no_address(pack):
    text = pack.read(f"{STEM}/citations.txt").decode("utf-8")
    assert "no public web address" in text and "(fig-...)" in text


def test_a_public_address_makes_every_link_absolute(catalogue):
    numbers = dict.fromkeys(catalogue.name, "1.1")
    text = figure_citations(catalogue, report_citation(ROOT), numbers, "https://example.org/r/")
    links = [block[2].strip() for block in citation_blocks(text)]
    assert len(links) == len(catalogue)
    assert all(link.startswith("https://example.org/r/") for link in links)
    assert "no public web address" not in text


def test_pack_is_reproducible_and_not_stale(pack, catalogue):
    """Fixed entry dates, sorted names; the book's pack is the one these figures give."""
    infos = pack.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    args = (catalogue, report_citation(ROOT), html_numbers(catalogue), figures_dir(), STEM)
    first, second = figure_pack(*args), figure_pack(*args)
    assert first == second
    built_pack = (HTML / "_downloads").rglob(pack_path(ROOT).name)
    assert first == next(built_pack).read_bytes()


def _one_figure(folder, kinds=("png", "svg", "csv")):
    for kind in kinds:
        (folder / f"a.{kind}").write_bytes(kind.encode())
    return pd.DataFrame([{"label": "a", "name": "fig-a", "document": "chapters/c",
                          "chapter": "C", "title": "Tone", "caption": "Tone.", "alt": ""}])


def test_a_missing_figure_file_is_named(tmp_path):
    catalogue = _one_figure(tmp_path, kinds=("png", "csv"))
    with pytest.raises(FileNotFoundError, match="fig-a.*a.svg"):
        figure_pack(catalogue, Citation("R", "T", "2026", "1"), {}, tmp_path, "r")
    names = zipfile.ZipFile(io.BytesIO(figure_pack(
        catalogue, Citation("R", "T", "2026", "1"), {}, tmp_path, "r", strict=False))).namelist()
    assert names == ["r/a.csv", "r/a.png", "r/citations.txt"]


def test_an_unchanged_pack_is_not_rewritten_a_changed_one_is(tmp_path):
    catalogue = _one_figure(tmp_path)
    args = (catalogue, Citation("R", "T", "2026", "1"), {"fig-a": "1.1"}, tmp_path, "r")
    target = tmp_path / "out" / "pack.zip"
    assert write_figure_pack(target, *args)
    os.utime(target, ns=(0, 0))
    assert not write_figure_pack(target, *args)
    assert target.stat().st_mtime_ns == 0  # Sphinx sees no change: no page re-read
    (tmp_path / "a.csv").write_bytes(b"new numbers\n")
    assert write_figure_pack(target, *args)
    assert zipfile.ZipFile(target).read("r/a.csv") == b"new numbers\n"


def test_citation_names_people_by_family_name_and_initials(tmp_path):
    (tmp_path / "CITATION.cff").write_text(
        "cff-version: 1.2.0\ntitle: A report\ndate-released: 2025-03-01\nauthors:\n"
        "  - family-names: Doe\n    given-names: Jane Ann\n  - name: A Lab\n",
        encoding="utf-8")
    citation = report_citation(tmp_path, version="2.0")
    assert citation.text() == "Doe, J. A. & A Lab (2025). A report (version 2.0) [Report]."


def test_the_build_extension_writes_where_the_page_links():
    sys.path.insert(0, str(ROOT / "_ext"))
    try:
        import figure_pack as extension
    finally:
        sys.path.remove(str(ROOT / "_ext"))
    assert ROOT / extension.PACKS == pack_path(ROOT).parent
