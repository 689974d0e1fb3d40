"""Dependencies as a city installs them (issue 30, item 2): the runtime lock holds every package the portal's own
code imports and no test tool; the locks match their inputs and carry hashes."""

import ast
import subprocess
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("haiphong_thidua", "core", "utilities", "documents", "organisation", "legal", "campaigns", "awards", "targets",
        "reports")
TEST_TOOLS = {"pytest", "pytest-django", "pytest-xdist", "playwright", "schemathesis", "hypothesis", "ruff", "bandit",
              "pip-audit", "import-linter", "pip-tools"}


def _locked(name: str) -> set[str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from check_locks import pins
    finally:
        sys.path.pop(0)
    return set(pins(ROOT / "requirements" / name))


def _imported_top_level() -> set[str]:
    names = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts or "tests" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - set(APPS) - {"__future__"}


def test_the_runtime_lock_holds_what_the_code_imports_and_no_test_tool():
    runtime = _locked("runtime.txt")
    distributions = packages_distributions()
    missing = []
    for module in sorted(_imported_top_level()):
        names = {d.lower().replace("_", "-") for d in distributions.get(module, [])}
        assert names, f"{module} is imported but installed by no package"
        if not names & runtime:
            missing.append(f"{module} ({', '.join(sorted(names))})")
    assert missing == [], "imported by the portal but not in requirements/runtime.txt"
    assert not runtime & TEST_TOOLS, "a test tool in the production lock"
    assert "uharfbuzz" not in runtime  # pinned once, never used
    assert {"pypdf", "drf-spectacular-sidecar"} <= runtime  # run in production, not only in tests


def test_the_locks_match_their_inputs_and_carry_hashes():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_locks.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "0 problems" in result.stdout
