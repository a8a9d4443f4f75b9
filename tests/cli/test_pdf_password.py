"""--password-stdin: one line of standard input, typed without echo on a terminal."""

from __future__ import annotations

import argparse
import io
import sys

import pytest

from kfor_viewer.cli import pdf_password
from kfor_viewer.cli.pdf_password import PasswordInputError, read_password


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    pdf_password.add_password_option(parser)
    return parser.parse_args(list(argv))


def test_only_the_line_end_is_taken_off(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("  two words \r\nnext line\n"))
    assert read_password(_args("--password-stdin")) == "  two words "
    assert read_password(_args()) is None  # without the option stdin is left alone
    assert sys.stdin.readline() == "next line\n"


def test_a_terminal_is_asked_without_echo(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked = []
    monkeypatch.setattr(sys, "stdin", Terminal("echoed if read\n"))
    monkeypatch.setattr(pdf_password.getpass, "getpass", lambda prompt: asked.append(prompt) or "k")
    assert read_password(_args("--password-stdin")) == "k" and asked == ["PDF password: "]


def test_no_input_is_an_error(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with pytest.raises(PasswordInputError, match="standard input is empty"):
        read_password(_args("--password-stdin"))
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(PasswordInputError, match="no standard input"):
        read_password(_args("--password-stdin"))
