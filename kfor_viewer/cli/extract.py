"""`kfor-viewer extract FILE... [--format json|csv] [-o OUT]`: print the extracted fields.

JSON prints one object for one FILE and an array for several (schema in README.md, "Extracted
fields (JSON schema)"); CSV prints one row per report. Each file is extracted in a child process
with a time limit, so a file that crashes or hangs MuPDF costs only its own result: its error goes
to stderr, the other files are still processed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import multiprocessing
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

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
    "non_nato_troops",
    "major_incidents",
    "intervention_requests",
    "letter_date",
    "signatory",
    "signatory_title",
    "warnings",
]


class IsolatedFailure(Exception):
    """The child process raised, crashed or ran out of time; the message says which."""


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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    results: list[dict[str, Any]] = []
    failed = False
    with IsolatedRunner(extract_to_dict, args.timeout) as runner:
        for name in args.files:
            try:
                results.append(runner.run((name, not args.no_ocr)))
            except IsolatedFailure as failure:
                print(f"kfor-viewer extract: {name}: {failure}", file=sys.stderr)
                failed = True
    if args.format == "csv":
        text = render_csv(results)
    else:
        payload: Any = results if len(args.files) > 1 else (results[0] if results else None)
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n" if results else ""
    if not _write_output(text, args.output):
        return EXIT_OUTPUT_FAILED
    return EXIT_FILE_FAILED if failed else 0


def extract_to_dict(argument: tuple[str, bool]) -> dict[str, Any]:
    """Runs in the child: the extraction of one file as its JSON dict."""
    from kfor_viewer.core.extraction import ExtractionError, extract

    path, use_ocr = argument
    try:
        return extract(path, use_ocr=use_ocr).to_dict()
    except ExtractionError as error:
        raise IsolatedFailure(str(error).removeprefix(f"{path}: ")) from None


class IsolatedRunner:
    """Calls `function(argument)` in a spawned child process that is reused from call to call
    and replaced after it crashes (native code) or is still busy after `timeout` seconds; each
    failure is raised as IsolatedFailure. `function` must be a module-level function."""

    def __init__(self, function: Callable[[Any], Any], timeout: float) -> None:
        self.function = function
        self.timeout = timeout
        self._context = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None

    def __enter__(self) -> IsolatedRunner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def run(self, argument: Any) -> Any:
        connection = self._connection or self._start()
        connection.send(argument)
        try:
            if not connection.poll(self.timeout):
                raise IsolatedFailure(self._no_answer())
            status, value = connection.recv()
        except (EOFError, OSError):
            raise IsolatedFailure(self._no_answer()) from None
        if status == "error":
            raise IsolatedFailure(value)
        return value

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.send(None)
            self._connection.close()
        if self._process is not None:
            _stop(self._process)
        self._process = self._connection = None

    def _start(self) -> Connection:
        parent_end, child_end = self._context.Pipe()
        self._process = self._context.Process(
            target=_child_loop, args=(child_end, self.function), daemon=True
        )
        self._process.start()
        child_end.close()
        self._connection = parent_end
        return parent_end

    def _no_answer(self) -> str:
        message = _no_answer(self._process, self.timeout)
        self.close()
        return message


def _child_loop(connection: Connection, function: Callable[[Any], Any]) -> None:
    for argument in iter(connection.recv, None):
        try:
            reply = ("ok", function(argument))
        except IsolatedFailure as failure:
            reply = ("error", str(failure))
        except Exception as error:  # any failure of the reader becomes a message
            reply = ("error", f"cannot be read ({type(error).__name__}: {error})")
        connection.send(reply)
    connection.close()


def _no_answer(process: multiprocessing.process.BaseProcess, timeout: float) -> str:
    process.join(0.5)
    if process.exitcode is None:
        return f"gave up after {timeout:g} s (the PDF reader hangs on this file)"
    return f"the PDF reader crashed on this file (exit code {process.exitcode})"


def _stop(process: multiprocessing.process.BaseProcess) -> None:
    process.join(2.0)
    if process.is_alive():
        process.terminate()
        process.join(2.0)
    if process.is_alive():
        process.kill()
        process.join()


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
