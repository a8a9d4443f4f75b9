"""The Qt-free core: document loading, text and geometry, extraction, annotations, export.

Nothing in this package may import PySide6 (enforced by the import-linter contract in
pyproject.toml, run by tests/test_architecture.py).
"""
