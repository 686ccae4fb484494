"""The report as a publication: citation file, reproducible figures, correct rebuilds."""

import datetime
import re
import shutil
import subprocess
import tomllib

import pytest
import yaml

import analysis
from tools import inputs_changed

from .conftest import ROOT


def test_citation_file_is_valid_and_carries_the_version():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors", "version", "date-released"):
        assert cff.get(key), key
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] in ("software", "dataset")
    assert all("name" in a or {"family-names", "given-names"} <= set(a) for a in cff["authors"])
    datetime.date.fromisoformat(str(cff["date-released"]))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert cff["version"] == project["version"] == analysis.__version__
    assert cff["preferred-citation"]["type"] == "report"
    assert cff["preferred-citation"]["version"] == cff["version"]


def test_figures_rebuilt_byte_identical_to_the_published_ones():
    """`make test` builds the book first; its figures must equal the committed ones."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to compare the rebuilt figures with")
    changed = subprocess.run([git, "status", "--porcelain", "--", "figures"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    assert changed == "", "figures differ from the committed ones:\n" + changed


def test_figure_csv_files_are_plain_and_complete():
    for path in sorted((ROOT / "figures").glob("*.csv")):
        text = path.read_bytes()
        assert b"\r" not in text and text.endswith(b"\n"), path.name
        lines = text.decode("utf-8").splitlines()
        assert len(lines) >= 2, path.name  # a header and at least one row


def _project(tmp_path):
    for name in ("analysis", "seeds", "tests/data"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    build = tmp_path / "_build"
    inputs_changed.main(build, tmp_path)
    (build / ".jupyter_cache").mkdir()
    (build / ".doctrees").mkdir()
    return build


def test_unchanged_inputs_keep_the_notebook_cache(tmp_path):
    build = _project(tmp_path)
    inputs_changed.main(build, tmp_path)
    assert (build / ".jupyter_cache").exists() and (build / ".doctrees").exists()


@pytest.mark.parametrize("edit", ["seeds/000_8884a16256fcf9ee.txt", "seeds/metadata.csv",
                                  "analysis/sentiment.py", "analysis/data/frames.yml"])
def test_editing_a_seed_the_metadata_or_the_code_re_executes(tmp_path, edit):
    build = _project(tmp_path)
    with open(tmp_path / edit, "a", encoding="utf-8") as f:
        f.write("\n")
    inputs_changed.main(build, tmp_path)
    assert not (build / ".jupyter_cache").exists()  # every notebook runs again
    assert not (build / ".doctrees").exists()


def test_no_notebook_reads_inputs_the_cache_key_misses():
    """Every path a chapter opens must be under an input the cache key hashes."""
    hashed = inputs_changed.INPUTS
    for notebook in (ROOT / "chapters").glob("*.ipynb"):
        for path in re.findall(r'"\.\./([\w./-]+)', notebook.read_text(encoding="utf-8")):
            if path.startswith(("figures", "_build", "..")):
                continue
            assert path.startswith(hashed), (notebook.name, path)
