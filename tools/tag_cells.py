"""Collapse the code of notebook chapters behind a "Show code" toggle in the HTML book.

Adds the myst-nb tag ``hide-input`` to every code cell, so readers see prose, figures and
tables, and can still open the code; the notebooks keep their code for re-running. Cells
are left as they are when their tags already decide how they show (``remove-cell``,
``remove-input``, ``hide-input``, ``hide-cell``) or when a chapter wants the code open
(``keep-open``: a query a reader may copy). The PDF edition prints no code whatever the
tags (tools/pdf.py).

Usage:
    python tools/tag_cells.py chapters/corpus.ipynb ...    # tag, in place
    python tools/tag_cells.py --check chapters/*.ipynb     # list untagged cells, exit 1
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

TAG = "hide-input"
DECIDED = {"remove-cell", "remove-input", "hide-input", "hide-cell", "keep-open"}


def tag_notebook(notebook: dict) -> list[int]:
    """Add ``hide-input`` to the code cells whose tags do not decide otherwise; return their
    indices. Changes ``notebook`` in place.

    Examples
    --------
    >>> nb = {"cells": [{"cell_type": "code", "metadata": {}},
    ...                 {"cell_type": "code", "metadata": {"tags": ["keep-open"]}},
    ...                 {"cell_type": "code", "metadata": {"tags": ["remove-input"]}},
    ...                 {"cell_type": "markdown", "metadata": {}}]}
    >>> tag_notebook(nb), nb["cells"][0]["metadata"]["tags"]
    ([0], ['hide-input'])
    """
    changed = []
    for index, cell in enumerate(notebook.get("cells", [])):
        tags = cell.setdefault("metadata", {}).get("tags", [])
        if cell.get("cell_type") == "code" and not DECIDED & set(tags):
            cell["metadata"]["tags"] = [*tags, TAG]
            changed.append(index)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a code cell would be tagged")
    args = parser.parse_args(argv)
    pending = 0
    for path in args.notebooks:
        text = path.read_text(encoding="utf-8")
        notebook = json.loads(text)
        changed = tag_notebook(notebook)
        pending += len(changed)
        if not changed:
            continue
        cells = ", ".join(str(i + 1) for i in changed)
        if args.check:
            print(f"{path}: code cells {cells} have no hide-input, keep-open or remove tag")
            continue
        # Jupyter's own layout (one-space indent, UTF-8 as is), so diffs show only the tags.
        path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        print(f"{path}: hide-input added to code cells {cells}")
    return 1 if args.check and pending else 0


if __name__ == "__main__":
    sys.exit(main())
