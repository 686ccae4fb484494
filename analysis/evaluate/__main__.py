"""``python -m analysis.evaluate TASK DATA [options]``: see :mod:`analysis.evaluate`."""

from __future__ import annotations

import importlib
import sys

from analysis.evaluate import TASKS


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in TASKS:
        print(f"usage: python -m analysis.evaluate {{{','.join(TASKS)}}} DATA [options]",
              file=sys.stderr)
        return 2
    module = importlib.import_module(f"analysis.evaluate.{argv[0]}")
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
