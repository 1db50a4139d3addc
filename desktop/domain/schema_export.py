"""The published JSON Schema of ``painbridge.case/1``, generated from the case model.

Write it with ``python -m desktop.domain.schema_export docs/case-schema.json``; add
``--check`` to only verify the file is current (exit status 1 when stale).
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.domain.case_schema import render_case_schema


def write_case_schema(path: Path) -> bool:
    """Write the schema to ``path``; return True when the file changed."""
    text = render_case_schema()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    """``schema_export [--check] PATH``: write (or check) the published schema file."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    paths = [arg for arg in args if arg != "--check"]
    if len(paths) != 1:
        print("usage: python -m desktop.domain.schema_export [--check] PATH", file=sys.stderr)
        return 2
    path = Path(paths[0])
    if check:
        current = path.exists() and path.read_text(encoding="utf-8") == render_case_schema()
        if not current:
            print(f"{path} is stale: regenerate it with schema_export", file=sys.stderr)
        return 0 if current else 1
    changed = write_case_schema(path)
    print(f"{path} {'written' if changed else 'already current'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
