"""Qt widgets: the main window and one module per panel, over the core."""

from kfor_viewer.ui import pyside_fixes as _pyside_fixes

# Before any widget emits: the installed PySide6 6.12.0 aborts Python after ~1,000 emits otherwise.
_pyside_fixes.install()
