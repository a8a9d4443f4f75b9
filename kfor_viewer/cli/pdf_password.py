"""`--password-stdin` for the subcommands that open a PDF (annotate, annotations, export).

The password of an encrypted PDF is read from the first line of standard input, typed without
echo when standard input is a terminal, so it never shows on a command line, in the process
list or in the shell's history, and it is never written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from kfor_viewer.core.pdf_types import PasswordRequired

MISSING_HINT = "give its password on standard input with --password-stdin"


class PasswordInputError(Exception):
    """--password-stdin was given but no password could be read."""


def add_password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="FILE is encrypted: read its password from the first line of standard input "
        "(asked without echo on a terminal)",
    )


def read_password(args: argparse.Namespace) -> str | None:
    """The password asked for with --password-stdin, else None."""
    if not args.password_stdin:
        return None
    if sys.stdin is None:
        raise PasswordInputError("--password-stdin: there is no standard input")
    if sys.stdin.isatty():
        return getpass.getpass("PDF password: ")
    line = sys.stdin.readline()
    if not line:
        raise PasswordInputError("--password-stdin: standard input is empty")
    return line.removesuffix("\n").removesuffix("\r")


def locked_message(path: str, error: PasswordRequired) -> str:
    """What to say when `path` stays locked: how to give the password, or that it is wrong."""
    if error.wrong_password:
        return f"{path}: the password given with --password-stdin does not open this PDF"
    return f"{path}: the PDF is encrypted; {MISSING_HINT}"
