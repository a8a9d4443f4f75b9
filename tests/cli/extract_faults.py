"""Stand-ins for the extraction a child process runs, that crash or hang like MuPDF can on a
hostile file (chosen by the file's name), and otherwise extract normally."""

from __future__ import annotations

import os
import time
from typing import Any

from kfor_viewer.cli.extract import extract_to_dict


def crash_or_hang_by_name(argument: tuple[str, bool, str | None]) -> dict[str, Any]:
    path = argument[0]
    if "crash" in os.path.basename(path):
        os.abort()
    if "hang" in os.path.basename(path):
        time.sleep(600)
    return extract_to_dict(argument)
