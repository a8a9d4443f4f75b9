"""`kfor-viewer annotate` and `kfor-viewer annotations`: highlights from scripts.

    kfor-viewer annotate FILE --quote TEXT [--page N] [--tag T]... [--note TEXT] [--color C]
    kfor-viewer annotations FILE [--format text|json]
    kfor-viewer annotations FILE --export OUT.json | --import IN.json | --import-pdf

Both go through the same store as the GUI (data folder: --data-dir, $KFOR_VIEWER_DATA_DIR) and
take --password-stdin for an encrypted FILE. Errors are one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pymupdf

from kfor_viewer.cli.pdf_password import (
    PasswordInputError,
    add_password_option,
    locked_message,
    read_password,
)
from kfor_viewer.core.anchoring import QuoteNotFoundError, anchor_quote
from kfor_viewer.core.annotation_sharing import (
    SharedFileError,
    adopt_earlier_version,
    carry_over_revision,
    earlier_versions,
    export_annotations,
    import_annotations,
    pdf_highlights_to_import,
)
from kfor_viewer.core.annotation_store import (
    AnnotationStore,
    StoreReadError,
    StoreWarning,
    StoreWriteError,
)
from kfor_viewer.core.annotations import DEFAULT_COLOR, Annotation, AnnotationFormatError
from kfor_viewer.core.document_identity import identify_document
from kfor_viewer.core.edit_commands import CreateAnnotations, UndoStack
from kfor_viewer.core.page_text import DocumentText, read_document_text
from kfor_viewer.core.pdf_document import open_document
from kfor_viewer.core.pdf_types import DocumentError, PasswordRequired
from kfor_viewer.core.tag_vocabulary import load_tag_vocabulary, remember_tags


class CommandError(Exception):
    """A failure to report on one line of stderr."""


def add_parser(subparsers: argparse._SubParsersAction, add_data_dir_option: Callable) -> None:
    annotate = subparsers.add_parser(
        "annotate",
        help="add a highlight on a quote",
        description="Highlight the first occurrence of a quote and print the new highlight's id "
        "(one id per page when the quote crosses a page break).",
    )
    annotate.add_argument("file", help="the PDF")
    annotate.add_argument("--quote", required=True, help="the text to highlight")
    annotate.add_argument("--page", type=int, help="look on this page only (1-based)")
    annotate.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    annotate.add_argument("--note", default="", help="a note on the highlight")
    annotate.add_argument(
        "--color", help=f"#RRGGBB (default: the first tag's colour, else {DEFAULT_COLOR})"
    )
    add_password_option(annotate)
    add_data_dir_option(annotate)
    annotate.set_defaults(run=run_annotate)

    listing = subparsers.add_parser(
        "annotations",
        help="list, export or import a document's highlights",
        description="List the highlights of a document, or share them as a JSON file.",
    )
    listing.add_argument("file", help="the PDF")
    listing.add_argument(
        "--format", choices=["text", "json"], default="text", help="how to list (default: text)"
    )
    action = listing.add_mutually_exclusive_group()
    action.add_argument("--export", metavar="OUT", help="write the annotations to OUT.json")
    action.add_argument("--import", dest="import_from", metavar="IN", help="merge IN.json in")
    action.add_argument(
        "--import-pdf", action="store_true", help="import the highlights stored inside the PDF"
    )
    action.add_argument(
        "--carry-over-from",
        metavar="OLD",
        help="FILE is a revised version of the PDF OLD: bring OLD's annotations over "
        "(re-anchored; those not found are kept as orphans)",
    )
    add_password_option(listing)
    add_data_dir_option(listing)
    listing.set_defaults(run=run_annotations)


def run_annotate(args: argparse.Namespace) -> int:
    return _guarded(_annotate, args)


def run_annotations(args: argparse.Namespace) -> int:
    return _guarded(_annotations, args)


def _guarded(command: Callable[[argparse.Namespace], None], args: argparse.Namespace) -> int:
    try:
        args.password = read_password(args)
        command(args)
    except (
        PasswordInputError,
        CommandError,
        DocumentError,
        QuoteNotFoundError,
        SharedFileError,
        StoreReadError,
        StoreWriteError,
        AnnotationFormatError,
    ) as error:
        print(f"kfor-viewer: error: {_message(error)}", file=sys.stderr)
        return 1
    return 0


def _message(error: Exception) -> str:
    if isinstance(error, DocumentError):
        return error.message
    if isinstance(error, QuoteNotFoundError):
        return f"quote not found: {error}"
    return str(error)


def _annotate(args: argparse.Namespace) -> None:
    with closing(_open_pdf(args.file, args.password)) as document:
        store = _open_store(args.file, args.data_dir, document)
        text = read_document_text(document)
        vocabulary, warnings = load_tag_vocabulary(args.data_dir)
        _report(warnings)
        color = args.color or vocabulary.color_for(args.tag) or DEFAULT_COLOR
        created = anchor_quote(
            text, args.quote, args.page, color=color, tags=args.tag, note=args.note
        )
        command = CreateAnnotations(store, created)
        UndoStack().push(command)
        _report(store.save())
        remember_tags(args.tag, args.data_dir)
    for annotation in command.annotations:
        print(annotation.id)


def _annotations(args: argparse.Namespace) -> None:
    with closing(_open_pdf(args.file, args.password)) as document:
        store = _open_store(args.file, args.data_dir, document)
        if args.export:
            count = export_annotations(store, args.export)
            print(f"exported {count} annotations to {args.export}", file=sys.stderr)
            return
        if args.import_from or args.import_pdf:
            _import(args, store, read_document_text(document), document)
            return
        if args.carry_over_from:
            _carry_over(args, store, read_document_text(document))
            return
    _print_listing(store.annotations(), args.format)


def _import(
    args: argparse.Namespace,
    store: AnnotationStore,
    text: DocumentText,
    document: pymupdf.Document,
) -> None:
    if args.import_pdf:
        fresh, total = pdf_highlights_to_import(store, document, text)
        if fresh:
            UndoStack().push(CreateAnnotations(store, fresh))
        summary = f"imported {len(fresh)} of {total} PDF highlights"
    else:
        result = import_annotations(store, args.import_from, text)
        summary = f"imported {result.added} new and {result.updated} updated annotations"
        if result.orphans:
            summary += f"; {result.orphans} could not be found in this version (orphans)"
    _report(store.save())
    print(summary, file=sys.stderr)


def _carry_over(args: argparse.Namespace, store: AnnotationStore, text: DocumentText) -> None:
    with closing(_open_pdf(args.carry_over_from, args.password)) as old_document:
        earlier = _open_store(args.carry_over_from, args.data_dir, old_document, adopt=False)
    change = carry_over_revision(store, earlier.document, text)
    _report(store.save())
    orphans = sum(1 for a in store.annotations() if a.orphan and a.id in change.added)
    print(f"carried over {len(change.added)} annotations; {orphans} orphans", file=sys.stderr)


def _open_pdf(path: str, password: str | None):
    """`path` opened (unlocked with `password` when it is encrypted) or a CommandError."""
    if not Path(path).is_file():
        raise CommandError(f"{path}: no such file")
    try:
        return open_document(path, password)
    except PasswordRequired as error:
        raise CommandError(locked_message(path, error)) from error
    except DocumentError as error:
        raise CommandError(f"{path}: {error.message}") from error


def _open_store(path: str, data_dir: str | None, document, adopt: bool = True) -> AnnotationStore:
    """The PDF's store; a PDF never annotated takes over the annotations of an earlier version
    with the same /ID (see annotation_sharing.adopt_earlier_version)."""
    identity = identify_document(path, document)
    store = AnnotationStore.open(identity, data_dir)
    _report(store.warnings)
    if adopt and not store.path.exists() and earlier_versions(identity, data_dir):
        earlier = adopt_earlier_version(store, identity, read_document_text(document), data_dir)
        if earlier is not None:
            print(
                f"kfor-viewer: annotations carried over from {earlier.file_name or earlier.sha256}"
                f" (same PDF /ID)",
                file=sys.stderr,
            )
    return store


def _report(warnings: list[StoreWarning]) -> None:
    for warning in warnings:
        print(f"kfor-viewer: warning: {warning.message}", file=sys.stderr)


def _print_listing(annotations: list[Annotation], output_format: str) -> None:
    if output_format == "json":
        print(json.dumps([a.to_dict() for a in annotations], indent=2, ensure_ascii=False))
        return
    if not annotations:  # said on stderr: stdout stays a listing (empty) for scripts
        print("no highlights in this document's store", file=sys.stderr)
    for annotation in annotations:
        tags = f" [{', '.join(annotation.tags)}]" if annotation.tags else ""
        orphan = " (orphan)" if annotation.orphan else ""
        print(f"p.{annotation.page} {annotation.color} {annotation.id}{tags}{orphan}")
        print(f"    \u201c{annotation.quote}\u201d")
        if annotation.note:
            print(f"    note: {annotation.note}")
