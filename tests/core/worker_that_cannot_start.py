"""Loaded into the PDF worker by a test (op_modules): the worker dies as it starts, every time."""

from __future__ import annotations

import os

os._exit(3)
