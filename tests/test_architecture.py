"""The code's shape: the core stays Qt-free and the tree passes ruff."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

CORE = REPO_ROOT / "kfor_viewer" / "core"


def _imported_modules(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_modules_import_no_qt():
    offenders = [
        str(path.relative_to(REPO_ROOT))
        for path in CORE.rglob("*.py")
        if any(
            name.split(".")[0] == "PySide6" or name.startswith("kfor_viewer.ui")
            for name in _imported_modules(path.read_text(encoding="utf-8"))
        )
    ]
    assert offenders == []


def test_import_linter_contract_holds():
    lint_imports = shutil.which("lint-imports")
    if lint_imports is None:
        pytest.skip("import-linter is not installed")
    result = subprocess.run(
        [lint_imports], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--quiet", str(REPO_ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
