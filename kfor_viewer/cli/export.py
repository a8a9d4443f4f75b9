"""`kfor-viewer export`: an annotated summary of a document from the command line.

    kfor-viewer export FILE --format md|html|pdf|annotated-pdf|json|csv -o OUT
                       [--tags T ...] [--group-by tag|page] [--no-fields] [--images]
                       [--password-stdin]

The highlights come from FILE's annotation store (--data-dir, $KFOR_VIEWER_DATA_DIR). OUT is
written atomically and never over FILE; the annotated copy of an encrypted FILE keeps its
password. Errors are one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from kfor_viewer.cli.pdf_password import (
    PasswordInputError,
    add_password_option,
    locked_message,
    read_password,
)
from kfor_viewer.core.export import (
    FORMATS,
    IMAGE_FORMATS,
    ExportError,
    ExportOptions,
    export_file,
)
from kfor_viewer.core.pdf_types import PasswordRequired


def add_parser(subparsers: argparse._SubParsersAction, add_data_dir_option: Callable) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write an annotated summary (md, html, pdf, annotated-pdf, json, csv)",
        description="Write a summary of FILE: its identity, the key figures of each report with "
        "the change between reports, and the highlights from its annotation store grouped by "
        "tag or page. 'annotated-pdf' writes a copy of FILE carrying the highlights as standard "
        "PDF highlight annotations.",
    )
    parser.add_argument("file", metavar="FILE", help="the PDF (never overwritten)")
    parser.add_argument(
        "--format", "-f", required=True, choices=list(FORMATS), help="what to write"
    )
    parser.add_argument("--output", "-o", required=True, metavar="OUT", help="the file to write")
    parser.add_argument(
        "--tags",
        nargs="+",
        metavar="TAG",
        help="only highlights with one of these tags (default: all, untagged included); "
        "put FILE before --tags",
    )
    parser.add_argument(
        "--group-by", choices=["tag", "page"], default="tag", help="how to group the highlights"
    )
    parser.add_argument(
        "--no-fields", action="store_true", help="leave out the table of extracted figures"
    )
    parser.add_argument(
        "--images",
        action="store_true",
        help="include a picture of each highlighted passage (html and pdf only)",
    )
    add_password_option(parser)
    add_data_dir_option(parser)
    parser.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    if args.images and args.format not in IMAGE_FORMATS:
        print(
            f"kfor-viewer: warning: --images has no effect on {args.format}; "
            "only html and pdf summaries carry passage images",
            file=sys.stderr,
        )
    options = ExportOptions(
        tags=tuple(args.tags) if args.tags else None,
        group_by=args.group_by,
        include_fields=not args.no_fields,
        include_images=args.images and args.format in IMAGE_FORMATS,
    )
    try:
        password = read_password(args)
        outcome = export_file(
            args.file, args.format, args.output, options, args.data_dir, password=password
        )
    except (ExportError, PasswordInputError) as error:
        print(f"kfor-viewer: error: {_message(args.file, error)}", file=sys.stderr)
        return 1
    for warning in outcome.warnings:
        print(f"kfor-viewer: warning: {warning}", file=sys.stderr)
    count = f"{outcome.highlights} highlight{'s' if outcome.highlights != 1 else ''}"
    message = f"wrote {outcome.path} ({count}, {outcome.size:,} bytes)"
    if outcome.skipped:
        message += f"; {outcome.skipped} not found in this version were left out"
    print(message, file=sys.stderr)
    return 0


def _message(path: str, error: Exception) -> str:
    if isinstance(error.__cause__, PasswordRequired):
        return locked_message(path, error.__cause__)
    return str(error)
