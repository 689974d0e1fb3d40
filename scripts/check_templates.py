#!/usr/bin/env python3
"""House rule for templates, run by .ci/run: no template line longer than LIMIT characters.

`--wrap` breaks long lines between block and table elements (where HTML ignores the whitespace) so that
the rule can be met without changing what a page shows. PDF layouts (templates/**/pdf/) are checked too.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LIMIT = 160
ROOT = Path(__file__).resolve().parent.parent
BREAK = re.compile(r"(</(?:th|td|tr|li|thead|tbody|tfoot|table|ul|ol|dl|dd|dt|div|p|section|nav|form|h[1-6]|caption|"
                   r"fieldset|details)>)(?=\s*<)")


def templates():
    for path in sorted([*ROOT.glob("**/templates/**/*.html"), *ROOT.glob("**/jinja2/**/*.html")]):
        # (utilities/jinja2/django/: Django's own form widgets as the renderer overrides them, kept as Django writes them)
        if not {".venv", "node_modules", "static"} & set(path.parts) and "jinja2/django/" not in path.as_posix():
            yield path


def wrap(line: str) -> str:
    if len(line) <= LIMIT:
        return line
    indent = re.match(r"\s*", line).group(0)
    return BREAK.sub(lambda m: m.group(1) + "\n" + indent, line)


def main(argv: list[str]) -> int:
    long_lines = []
    for path in templates():
        text = path.read_text(encoding="utf-8")
        if "--wrap" in argv:
            wrapped = "\n".join(wrap(line) for line in text.split("\n"))
            if wrapped != text:
                path.write_text(wrapped, encoding="utf-8")
                text = wrapped
        for number, line in enumerate(text.split("\n"), start=1):
            if len(line) > LIMIT:
                long_lines.append(f"{path.relative_to(ROOT)}:{number}: {len(line)} characters (at most {LIMIT})")
    for line in long_lines:
        print(line)
    if long_lines:
        print(f"{len(long_lines)} template line(s) too long; break them between elements "
              f"(python scripts/check_templates.py --wrap does it where HTML ignores the whitespace).")
        return 1
    print(f"templates: every line at most {LIMIT} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
