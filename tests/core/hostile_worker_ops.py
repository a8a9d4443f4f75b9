"""Loaded into the PDF worker by tests (op_modules): renders that hang, crash or exhaust memory,
and a search that crashes on one page.

It wraps the real "render" op, so the tests drive the real request path end to end.
"""

from __future__ import annotations

import os
import time

from kfor_viewer.core.pdf_document import TextSearcher
from kfor_viewer.core.pdf_worker import OPS, register_op

HANG_PAGE, CRASH_PAGE, HOG_PAGE = 1, 2, 3
CRASHING_QUERY = "crash the search"
HANGING_QUERY = "hang the search"
_real_render = OPS["render"]
_real_search_page = TextSearcher.search_page


def _hostile_search_page(self, number, query, case_sensitive=False):
    if query == CRASHING_QUERY and number == CRASH_PAGE:
        os.abort()
    if query == HANGING_QUERY and number == HANG_PAGE:
        time.sleep(3600)
    return _real_search_page(self, number, query, case_sensitive)


TextSearcher.search_page = _hostile_search_page


@register_op("render")
def hostile_render(state, request):
    page = request.args[0].page
    if page == HANG_PAGE:
        time.sleep(3600)
    if page == CRASH_PAGE:
        os.abort()  # what a segfault in MuPDF looks like from outside: death by signal
    if page == HOG_PAGE:
        hog = bytearray(3 * 1024**3)  # above the 2 GB cap: fails instead of eating the machine
        del hog
    return _real_render(state, request)
