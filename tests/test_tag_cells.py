"""tools/tag_cells.py: code collapsed in the HTML book, cell by cell, notebooks kept as saved."""

import json
import shutil

from tools import tag_cells

from .conftest import ROOT


def test_tags_code_cells_only_and_respects_cells_that_decide(tmp_path):
    notebook = tmp_path / "chapter.ipynb"
    shutil.copy(ROOT / "chapters" / "corpus.ipynb", notebook)
    before = json.loads(notebook.read_text(encoding="utf-8"))
    code = [i for i, c in enumerate(before["cells"]) if c["cell_type"] == "code"]
    for i in code:  # the chapter as written, before it was tagged
        before["cells"][i]["metadata"].pop("tags", None)
    before["cells"][code[0]]["metadata"]["tags"] = ["keep-open"]
    before["cells"][code[1]]["metadata"]["tags"] = ["remove-input"]
    notebook.write_text(json.dumps(before, indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")

    assert tag_cells.main(["--check", str(notebook)]) == 1
    assert tag_cells.main([str(notebook)]) == 0
    after = json.loads(notebook.read_text(encoding="utf-8"))
    for index, (old, new) in enumerate(zip(before["cells"], after["cells"])):
        tags = new["metadata"].get("tags", [])
        if index == code[0]:
            assert tags == ["keep-open"]
        elif index == code[1]:
            assert tags == ["remove-input"]
        elif old["cell_type"] == "code":
            assert tags == old["metadata"].get("tags", []) + ["hide-input"]
        else:
            assert new == old  # prose untouched
        assert new["source"] == old["source"]  # the code stays for re-running
    assert tag_cells.main(["--check", str(notebook)]) == 0
    text = notebook.read_text(encoding="utf-8")
    assert tag_cells.main([str(notebook)]) == 0  # a second run changes nothing
    assert notebook.read_text(encoding="utf-8") == text
