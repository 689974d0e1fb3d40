#!/usr/bin/env python3
"""The locks match their inputs (run by .ci/run, no network): every package pinned in requirements/*.in is in the
matching lock at the same version, every package of a lock carries hashes, and the test lock agrees with the
runtime lock on every package both hold. To change a pin: edit the .in file, then
    .venv/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras requirements/runtime.in
    .venv/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras requirements/test.in
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;#\\]+)")


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    return {_name(m.group(1)): m.group(2) for line in path.read_text().splitlines() if (m := PIN.match(line.strip()))}


def unhashed(path: Path) -> list[str]:
    """Packages of a lock without a --hash line."""
    missing, current, hashed = [], None, False
    for line in path.read_text().splitlines() + [""]:
        match = PIN.match(line)
        if match or not line.strip():
            if current and not hashed:
                missing.append(current)
            current, hashed = (match.group(1), False) if match else (None, False)
        if "--hash=sha256:" in line:
            hashed = True
    return missing


def main() -> int:
    problems = []
    locks = {}
    for source in sorted(ROOT.glob("*.in")):
        lock = source.with_suffix(".txt")
        if not lock.exists():
            problems.append(f"{lock.name} is missing: compile {source.name}")
            continue
        locks[lock.name] = locked = pins(lock)
        for name, version in pins(source).items():
            if locked.get(name) != version:
                problems.append(f"{source.name} pins {name}=={version}, {lock.name} has {locked.get(name)}")
        problems += [f"{lock.name}: {name} has no hash" for name in unhashed(lock)]
    runtime, test = locks.get("runtime.txt", {}), locks.get("test.txt", {})
    problems += [f"test.txt has {name}=={test[name]}, runtime.txt {runtime[name]}"
                 for name in sorted(set(runtime) & set(test)) if runtime[name] != test[name]]
    for problem in problems:
        print(problem)
    print(f"locks: {len(locks)} checked, {sum(map(len, locks.values()))} pinned packages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
