from __future__ import annotations

import datetime as dt
import locale

from kfor_viewer.core.display import long_date, short_date, signed_thousands


def test_dates_read_as_the_documents_print_them():
    assert long_date(dt.date(2020, 6, 30)) == "30 June 2020"
    assert short_date(dt.date(2004, 9, 1)) == "1 Sep 2004"


def test_dates_ignore_the_process_locale():
    previous = locale.setlocale(locale.LC_TIME)
    for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        try:
            assert long_date(dt.date(2020, 3, 1)) == "1 March 2020"
        finally:
            locale.setlocale(locale.LC_TIME, previous)


def test_differences_carry_a_sign_and_a_true_minus():
    assert signed_thousands(1500) == "+1,500"
    assert signed_thousands(-200) == "\u2212200"
    assert signed_thousands(0) == "0"
