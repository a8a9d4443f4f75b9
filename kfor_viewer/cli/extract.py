"""`kfor-viewer extract FILE... [--format json|csv] [-o OUT] [--password-stdin]`: print the
extracted fields.

JSON prints one object for one FILE and an array for several (schema in README.md, "Extracted
fields (JSON schema)"); CSV prints one row per report. Each file is extracted in a child process
with a time limit, so a file that crashes or hangs MuPDF costs only its own result: its error goes
to stderr, the other files are still processed, and the exit status is 1. The password read with
--password-stdin is tried on each encrypted FILE.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kfor_viewer.cli.pdf_password import (
    MISSING_HINT,
    PasswordInputError,
    add_password_option,
    read_password,
)
from kfor_viewer.core.isolated_runner import IsolatedFailure, IsolatedRunner
from kfor_viewer.core.safe_files import FileWriteError, atomic_write

DEFAULT_TIMEOUT_SECONDS = 60.0
EXIT_FILE_FAILED = 1
EXIT_OUTPUT_FAILED = 2
CSV_COLUMNS = [
    "file",
    "report",
    "period_start",
    "period_end",
    "as_at",
    "troops_total",
    "troops_approximate",
    "nato_nations",
    "non_nato_nations",
    "contributing_nations",
    "non_nato_troops",
    "major_incidents",
    "intervention_requests",
    "letter_date",
    "signatory",
    "signatory_title",
    "warnings",
]


def add_parser(subparsers: argparse._SubParsersAction, add_data_dir_option: Callable) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="print the structured fields of KFOR documents",
        description="Extract the structured fields of each FILE, every value with its evidence "
        "(page, rectangles, quote).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="PDF files to read")
    parser.add_argument("--format", choices=["json", "csv"], default="json")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help=f"give up on a file after this long (default {DEFAULT_TIMEOUT_SECONDS:g})",
    )
    parser.add_argument("--no-ocr", action="store_true", help="do not OCR pages without text")
    add_password_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        password = read_password(args)
    except PasswordInputError as error:
        print(f"kfor-viewer extract: {error}", file=sys.stderr)
        return EXIT_FILE_FAILED
    results: list[dict[str, Any]] = []
    failed = False
    with IsolatedRunner(extract_to_dict, args.timeout) as runner:
        for name in args.files:
            try:
                results.append(runner.run((name, not args.no_ocr, password)))
            except IsolatedFailure as failure:
                hint = f"; {MISSING_HINT}" if _needs_password(str(failure), password) else ""
                print(f"kfor-viewer extract: {name}: {failure}{hint}", file=sys.stderr)
                failed = True
    if args.format == "csv":
        text = render_csv(results)
    else:
        payload: Any = results if len(args.files) > 1 else (results[0] if results else None)
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n" if results else ""
    if not _write_output(text, args.output):
        return EXIT_OUTPUT_FAILED
    return EXIT_FILE_FAILED if failed else 0


def extract_to_dict(argument: tuple[str, bool, str | None]) -> dict[str, Any]:
    """Runs in the child: the extraction of one file as its JSON dict."""
    from kfor_viewer.core.document_jobs import EXTRACT, DocumentJob, run_document_job
    from kfor_viewer.core.extraction import ExtractionError, extract

    path, use_ocr, password = argument
    if password is not None:
        return run_document_job(DocumentJob(EXTRACT, path, use_ocr, password)).to_dict()
    try:
        return extract(path, use_ocr=use_ocr).to_dict()
    except ExtractionError as error:
        raise IsolatedFailure(str(error).removeprefix(f"{path}: ")) from None


def _needs_password(failure: str, password: str | None) -> bool:
    return password is None and "needs a password" in failure


def render_csv(results: list[dict[str, Any]]) -> str:
    """One row per report with its key figures; evidence is left to the JSON form."""
    stream = io.StringIO()
    writer = csv.DictWriter(stream, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        for report in result["reports"]:
            writer.writerow(_csv_row(result, report))
    return stream.getvalue()


def _csv_row(result: dict[str, Any], report: dict[str, Any]) -> dict[str, Any]:
    label = _value(report.get("label"))
    row = {"file": result["file"], "report": label}
    for column in CSV_COLUMNS[2:-1]:
        value = _value(report.get(column))
        row[column] = str(value).lower() if isinstance(value, bool) else value
    row["warnings"] = "; ".join(
        w["message"] for w in result["warnings"] if w.get("report") in (None, label)
    )
    return row


def _value(field: dict[str, Any] | None) -> Any:
    return field["value"] if field else None


def _write_output(text: str, output: str | None) -> bool:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return True
    try:
        atomic_write(Path(output), text.encode("utf-8"), keep_backup=False)
    except (FileWriteError, OSError) as error:
        print(f"kfor-viewer extract: cannot write {output}: {error}", file=sys.stderr)
        return False
    return True
