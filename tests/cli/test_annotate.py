"""`kfor-viewer annotate` and `kfor-viewer annotations` on a real report (or a stand-in)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import uuid
from pathlib import Path

import pymupdf
import pytest

from kfor_viewer.cli import main
from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.annotations import TagVocabulary
from kfor_viewer.core.document_identity import identify_document
from kfor_viewer.core.page_text import read_document_text
from kfor_viewer.core.tag_vocabulary import load_tag_vocabulary, save_tag_vocabulary
from tests.conftest import REPO_ROOT, SAMPLE_PDF
from tests.core.synthetic_pdf import make_pdf, para

CALM = "remained generally calm but fragile"
Q2 = (
    "As at 30 June 2020, the total number of KFOR troops in theatre remained approximately "
    "3,600, from 19 North Atlantic Treaty Organization (NATO) and 8 non-NATO troop-contributing "
    "nations."
)
SITUATION = (
    "During the reporting period, there was no significant change to the overall security "
    "situation in Kosovo, which remained generally calm but fragile."
)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """The bundled sample when it is there, else a two-page stand-in with the same sentences."""
    if SAMPLE_PDF.is_file():
        return SAMPLE_PDF
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    q3 = Q2.replace("30 June", "30 September").replace("3,600", "3,400").replace("19 N", "18 N")
    blocks = [para(Q2, "2."), para(SITUATION, "4.")] * 1 + [para(q3, "2."), para(SITUATION, "4.")]
    return make_pdf(path, blocks, max_lines_per_page=6)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _listing(capsys, report: Path, *extra: str) -> list[dict]:
    status, out, _ = _run(capsys, "annotations", str(report), "--format", "json", *extra)
    assert status == 0
    return json.loads(out)


def test_annotate_prints_the_id_and_the_listing_shows_the_highlight(capsys, report):
    status, out, err = _run(
        capsys, "annotate", str(report), "--quote", "approximately 3,400",
        "--tag", "troops", "--tag", "q3", "--note", "down by 200", "--color", "#a0d8ff",
    )  # fmt: skip
    assert (status, err) == (0, "")
    annotation_id = str(uuid.UUID(out.strip()))

    (listed,) = _listing(capsys, report)
    assert listed["id"] == annotation_id
    assert listed["quote"] == "approximately 3,400"
    assert (listed["tags"], listed["note"], listed["color"]) == (
        ["troops", "q3"],
        "down by 200",
        "#A0D8FF",
    )
    assert listed["rects"] and not listed["orphan"]

    status, text, _ = _run(capsys, "annotations", str(report))
    assert status == 0
    assert f"p.{listed['page']} #A0D8FF {annotation_id} [troops, q3]" in text
    assert "approximately 3,400" in text and "note: down by 200" in text


def test_page_chooses_which_occurrence_is_highlighted(capsys, report):
    with pymupdf.open(report) as document:
        text = read_document_text(document, use_ocr=False)
    first = text.find_span(CALM)
    later_page = text.page_of(text.find_span(CALM, first[1])[0]) + 1
    assert later_page > text.page_of(first[0]) + 1

    _run(capsys, "annotate", str(report), "--quote", CALM)
    _run(capsys, "annotate", str(report), "--quote", CALM, "--page", str(later_page))
    pages = [a["page"] for a in _listing(capsys, report)]
    assert pages == [text.page_of(first[0]) + 1, later_page]


def test_a_quote_not_in_the_document_fails_clearly_and_stores_nothing(capsys, report):
    status, out, err = _run(capsys, "annotate", str(report), "--quote", "peace in our time")
    assert status == 1 and out == ""
    assert "quote not found" in err and "peace in our time" in err
    assert _listing(capsys, report) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--quote", CALM, "--color", "yellow"], "#RRGGBB"),
        (["--quote", CALM, "--page", "999"], "outside"),
    ],
)
def test_bad_options_fail_with_a_message(capsys, report, argv, message):
    status, _, err = _run(capsys, "annotate", str(report), *argv)
    assert status == 1 and message in err


def test_a_file_that_is_not_a_pdf_fails_clearly(capsys, tmp_path):
    text_file = tmp_path / "notes.pdf"
    text_file.write_text("just words")
    status, _, err = _run(capsys, "annotate", str(text_file), "--quote", "words")
    assert status == 1 and "not a PDF" in err
    status, _, err = _run(capsys, "annotations", str(tmp_path / "missing.pdf"))
    assert status == 1 and "no such file" in err


def test_data_dir_option_and_environment_choose_the_store_folder(
    capsys, report, tmp_path, isolated_user_folders
):
    env_dir, _ = isolated_user_folders
    chosen = tmp_path / "chosen"
    _run(capsys, "annotate", str(report), "--quote", CALM, "--data-dir", str(chosen))
    assert len(list((chosen / "annotations").glob("*.json"))) == 1
    assert not env_dir.exists()
    assert _listing(capsys, report) == []
    assert len(_listing(capsys, report, "--data-dir", str(chosen))) == 1

    _run(capsys, "annotate", str(report), "--quote", CALM)
    assert len(list((env_dir / "annotations").glob("*.json"))) == 1


def test_export_and_import_share_annotations_between_folders(capsys, report, tmp_path):
    _run(capsys, "annotate", str(report), "--quote", CALM, "--tag", "security")
    shared = tmp_path / "shared.json"
    status, _, err = _run(capsys, "annotations", str(report), "--export", str(shared))
    assert status == 0 and "exported 1" in err

    colleague = str(tmp_path / "colleague")
    status, _, err = _run(
        capsys, "annotations", str(report), "--import", str(shared), "--data-dir", colleague
    )
    assert status == 0 and "imported 1 new" in err
    assert _listing(capsys, report, "--data-dir", colleague) == _listing(capsys, report)


def test_highlights_inside_the_pdf_are_imported_once(capsys, tmp_path):
    path = make_pdf(tmp_path / "plain.pdf", [para(SITUATION, "4.")])
    document = pymupdf.open(path)
    page = document[0]
    annot = page.add_highlight_annot(page.search_for("calm but fragile", quads=True))
    annot.set_info(content="same wording as last time")
    annot.update()
    marked = tmp_path / "marked.pdf"
    document.save(marked)

    for expected in ("imported 1 of 1", "imported 0 of 1"):
        status, _, err = _run(capsys, "annotations", str(marked), "--import-pdf")
        assert status == 0 and expected in err
    (listed,) = _listing(capsys, marked)
    assert (listed["quote"], listed["note"]) == ("calm but fragile", "same wording as last time")

    with pymupdf.open(marked) as opened:  # the user deletes it: importing again must not revive it
        store = AnnotationStore.open(identify_document(marked, opened))
    store.remove(listed["id"])
    store.save()
    _, _, err = _run(capsys, "annotations", str(marked), "--import-pdf")
    assert "imported 0 of 1" in err and _listing(capsys, marked) == []


def test_the_installed_command_exits_non_zero_on_a_missing_quote(report, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kfor_viewer", "annotate", str(report), "--quote", "no such words",
         "--data-dir", str(tmp_path)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert "quote not found" in result.stderr


def _revise(original: Path, target: Path) -> Path:
    """What an editor's re-save does: new text on page 1, the same permanent /ID."""
    document = pymupdf.open(original)
    document[0].insert_text((72, 60), "Corrigendum: paragraph 4 was revised.", fontsize=9)
    document.save(target)
    return target


def test_a_revision_with_the_same_pdf_id_takes_over_the_annotations(capsys, tmp_path):
    original = make_pdf(tmp_path / "v1.pdf", [para(Q2, "2."), para(SITUATION, "4.")])
    _, out, _ = _run(capsys, "annotate", str(original), "--quote", CALM, "--note", "keep")
    revised = _revise(original, tmp_path / "v2.pdf")

    status, _, err = _run(capsys, "annotate", str(revised), "--quote", "approximately 3,600")
    assert status == 0 and "carried over from v1.pdf" in err
    listed = {a["quote"]: a for a in _listing(capsys, revised)}
    assert listed[CALM]["id"] == out.strip() and listed[CALM]["note"] == "keep"
    assert not listed[CALM]["orphan"] and "approximately 3,600" in listed


def test_carry_over_from_links_any_earlier_version(capsys, tmp_path):
    original = make_pdf(tmp_path / "v1.pdf", [para(Q2, "2."), para(SITUATION, "4.")])
    _run(capsys, "annotate", str(original), "--quote", CALM)
    _run(capsys, "annotate", str(original), "--quote", "approximately 3,600")
    revised_text = [para(Q2.replace("3,600", "3,650"), "2."), para(SITUATION, "4.")]
    revised = make_pdf(tmp_path / "v2.pdf", revised_text)  # a new /ID: only the user can link

    assert _listing(capsys, revised) == []
    status, _, err = _run(capsys, "annotations", str(revised), "--carry-over-from", str(original))
    assert status == 0 and "carried over 2 annotations; 1 orphans" in err
    orphans = {a["quote"]: a["orphan"] for a in _listing(capsys, revised)}
    assert orphans == {CALM: False, "approximately 3,600": True}


def test_an_encrypted_pdf_fails_clearly(capsys, tmp_path):
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "classified")
    locked = tmp_path / "locked.pdf"
    document.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="o")
    status, _, err = _run(capsys, "annotate", str(locked), "--quote", "classified")
    assert status == 1 and "give its password on standard input with --password-stdin" in err


def test_an_encrypted_pdf_is_annotated_with_the_password_from_standard_input(
    capsys, monkeypatch, tmp_path
):
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "classified")
    locked = tmp_path / "locked.pdf"
    document.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="o")
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret\n"))
    status, out, _ = _run(
        capsys, "annotate", str(locked), "--quote", "classified", "--password-stdin"
    )
    assert status == 0 and out.strip()
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret\r\n"))  # a line typed on Windows
    (listed,) = _listing(capsys, locked, "--password-stdin")
    assert listed["quote"] == "classified" and listed["id"] == out.strip()
    monkeypatch.setattr(sys, "stdin", io.StringIO("Secret\n"))
    status, _, err = _run(capsys, "annotations", str(locked), "--password-stdin")
    assert status == 1 and "does not open this PDF" in err


def test_a_tag_with_a_colour_colours_the_highlight_and_tags_are_remembered(
    capsys, report, isolated_user_folders
):
    data_dir, _ = isolated_user_folders
    save_tag_vocabulary(TagVocabulary({"security": "#FF8080"}))
    _run(capsys, "annotate", str(report), "--quote", CALM, "--tag", "north", "--tag", "security")
    (listed,) = _listing(capsys, report)
    assert listed["color"] == "#FF8080"
    assert load_tag_vocabulary(data_dir)[0].colors == {"north": None, "security": "#FF8080"}


def test_listing_a_document_without_highlights_says_so(capsys, report):
    status, out, err = _run(capsys, "annotations", str(report))
    assert status == 0
    assert out == ""  # a script reading the listing gets nothing to parse
    assert "no highlights" in err
