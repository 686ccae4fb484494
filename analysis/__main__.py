"""``python -m analysis COMMAND …``: the package's commands.

- ``add PAGE [PAGE…]``: add saved web pages or text files to the corpus
  (:mod:`analysis.add`; ``python -m analysis add --help``).
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {"add": "analysis.add"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m analysis {{{','.join(COMMANDS)}}} …\n\n{__doc__.strip()}",
              file=sys.stderr)
        return 2
    return importlib.import_module(COMMANDS[argv[0]]).main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
