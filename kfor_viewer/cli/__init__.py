"""The `kfor-viewer` command: the GUI by default, or a subcommand for scripts and batch work.

    kfor-viewer [FILE] [--new-window] [--self-test]    start the app (on FILE)
    kfor-viewer extract FILE... [--format json|csv]     print the extracted fields
    kfor-viewer annotate FILE --quote TEXT ...          add a highlight
    kfor-viewer annotations FILE                        list the highlights
    kfor-viewer export FILE --format ... -o OUT         write an annotated summary

Each subcommand lives in its own module of this package with `add_parser(subparsers)` and
`run(args) -> int`; the GUI is imported only when it is started, so the subcommands work on a
machine without a display.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys

from kfor_viewer import __version__

# Module names under kfor_viewer.cli, in the order --help lists them.
SUBCOMMAND_MODULES = ["extract", "annotate", "export"]


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder of the annotation stores "
        "(default: $KFOR_VIEWER_DATA_DIR or the user data folder)",
    )


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kfor-viewer")
    parser.add_argument("--version", action="version", version=f"kfor-viewer {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in SUBCOMMAND_MODULES:
        if importlib.util.find_spec(f"kfor_viewer.cli.{name}") is None:
            continue
        module = importlib.import_module(f"kfor_viewer.cli.{name}")
        module.add_parser(subparsers, _data_dir_option)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kfor-viewer",
        description="Read, extract and annotate KFOR reports. "
        "Subcommands: extract, annotate, annotations, export (kfor-viewer SUBCOMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"kfor-viewer {__version__}")
    parser.add_argument(
        "file", nargs="?", help="PDF to open (default: the last one, or the sample)"
    )
    parser.add_argument(
        "--new-window", action="store_true", help="do not hand FILE to a running app"
    )
    parser.add_argument(
        "--self-test", action="store_true", help="check the installation offscreen and exit"
    )
    _data_dir_option(parser)
    return parser


def _subcommand_names() -> set[str]:
    parser = _subcommand_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(action.choices)


def _may_be_subcommand(word: str) -> bool:
    """False for what can only mean the GUI (an option, an existing file, a *.pdf), so starting
    the app does not import every subcommand module (1.3 s of PyMuPDF and friends, measured)."""
    return not (word.startswith("-") or os.path.exists(word) or word.lower().endswith(".pdf"))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and _may_be_subcommand(argv[0]) and argv[0] in _subcommand_names():
        args = _subcommand_parser().parse_args(argv)
        return int(args.run(args) or 0)
    args = _gui_parser().parse_args(argv)
    from kfor_viewer.ui.app import run_gui  # Qt is loaded only for the GUI

    return run_gui(args)
