"""Import the scripts of packaging/ (not a package) as modules, for their tests."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.conftest import REPO_ROOT


def load_packaging_script(name: str) -> ModuleType:
    """packaging/NAME.py as module `packaging_NAME` (registered, so dataclasses work)."""
    module_name = f"packaging_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(
        module_name, REPO_ROOT / "packaging" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
