"""Pictures of highlighted passages: the whole lines, the highlight laid on like a marker."""

from __future__ import annotations

import dataclasses

import pymupdf

from kfor_viewer.core.export.passage_images import PassageImages


def test_picture_shows_the_lines_with_the_highlight_colour(annotated_sample):
    [annotation] = annotated_sample.by_quote("remained approximately 3,600")
    with pymupdf.open(annotated_sample.pdf) as document:
        png = PassageImages(document)(annotation)
        page_width = document[annotation.page - 1].rect.width
    picture = pymupdf.Pixmap(png)
    assert picture.width > (annotation.rects[0][2] - annotation.rects[0][0]) * 2  # whole line
    assert picture.width <= page_width * 2 and picture.height < 40  # one line, no neighbours
    yellow = sum(
        1
        for x in range(0, picture.width, 3)
        for y in range(0, picture.height, 3)
        if picture.pixel(x, y) == (255, 224, 102)
    )
    assert yellow > 50  # the paper under the highlight takes the colour (#FFE066)


def test_no_picture_without_a_place_on_the_page(annotated_sample):
    [annotation] = annotated_sample.by_quote("third security responder")
    with pymupdf.open(annotated_sample.pdf) as document:
        crop = PassageImages(document)
        assert crop(dataclasses.replace(annotation, rects=())) is None
        assert crop(dataclasses.replace(annotation, page=99)) is None
