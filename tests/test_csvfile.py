"""Reading CSV: Arrow's reading of files in the simple form gives exactly what the csv module's
record-by-record reading gives, and every other file is left to the csv module."""

from __future__ import annotations

import codecs
import csv
import tempfile
from pathlib import Path
from unittest import mock

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ffanalysis.data.csvfile import _read_simple, read_csv_strict
from tests.conftest import VALID_TABLES

COLUMNS = ["a", "b", "c"]

PLAIN = ["a", "é", " ", ",", '"']
"""Characters a cell of the simple form may hold; line breaks and NUL make it not simple."""


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A header and records of mostly three cells, each quoted when it must be (or by whim),
    sometimes with line breaks or NUL in cells, sometimes with a stray piece of CSV syntax."""
    alphabet = PLAIN + draw(st.sampled_from([[], [], ["\r", "\n", "\x00"]]))
    cells = st.text(alphabet=alphabet, max_size=5)
    widths = st.sampled_from([3] * 10 + [2, 4])
    rows = draw(st.lists(widths.flatmap(lambda n: st.lists(cells, min_size=n, max_size=n))))
    header = draw(st.sampled_from([COLUMNS] * 6 + [["a", "c", "b"], ["a", "a", "c"], ["a", "b"]]))
    rendered = [header] + [
        [
            '"' + cell.replace('"', '""') + '"'
            if draw(st.booleans()) or any(c in cell for c in ',"\r\n')
            else cell
            for cell in row
        ]
        for row in rows
    ]
    ends = draw(st.lists(st.sampled_from(["\n", "\r\n"]), min_size=len(rendered)))
    text = "".join(",".join(row) + end for row, end in zip(rendered, ends, strict=False))
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + draw(st.sampled_from(['"', ",", "\n", "\r", "\n\n"])) + text[at:]
    data = (codecs.BOM_UTF8 if draw(st.booleans()) else b"") + text.encode("utf-8")
    if draw(st.integers(min_value=0, max_value=5)) == 0:
        at = draw(st.integers(min_value=0, max_value=len(data)))
        data = data[:at] + b"\xff" + data[at:]
    return data


def assert_same_reading(data: bytes) -> None:
    """read_csv_strict gives what it gives with the simple-form reading switched off."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.csv"
        path.write_bytes(data)
        frame, problems = read_csv_strict(path, COLUMNS)
        with mock.patch("ffanalysis.data.csvfile._read_simple", return_value=None):
            exact_frame, exact_problems = read_csv_strict(path, COLUMNS)
    assert problems == exact_problems
    pd.testing.assert_frame_equal(frame, exact_frame)


@given(csv_files() | st.sampled_from([b"", b" \n", codecs.BOM_UTF8]))
def test_every_file_reads_as_the_csv_module_reads_it(data: bytes) -> None:
    assert_same_reading(data)


def test_a_cell_over_the_csv_modules_size_limit_is_left_to_it() -> None:
    data = b"a,b,c\nabcdefgh,x,y\n"
    limit = csv.field_size_limit(5)
    try:
        assert _read_simple(data, COLUMNS) is None
        assert_same_reading(data)
    finally:
        csv.field_size_limit(limit)


def test_the_fixture_tables_are_in_the_simple_form() -> None:
    for name, text in VALID_TABLES.items():
        header = text.splitlines()[0].split(",")
        assert _read_simple(text.encode(), header) is not None, name


def test_a_line_break_in_a_cell_is_not_the_simple_form() -> None:
    text = 'a,b,c\n1,"two\nlines",3\n'
    assert _read_simple(text.encode(), COLUMNS) is None
