"""Reading a hand-edited CSV file: structure first, with the physical line of every record.

pandas' reader rejects some malformed files and silently pads others, and it numbers rows
rather than lines. Here the standard `csv` module reads the file, every record keeps the line
it starts on, and every structural fault becomes a `Problem` instead of an exception.

A file in the simple form (one record per line, every field plainly quoted or not quoted at
all), which a large table usually is, is read by Arrow's CSV reader instead: the same cells,
without building a Python string for each of them.
"""

import codecs
import csv
import io
import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv

from .problems import FILE_LEVEL, Problem

LINE = "line"
"""Name of the index that holds each record's physical line number."""


def read_csv_strict(path: Path, columns: list[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Read `path` as text cells indexed by line number, with the problems of its structure.

    Accepts what spreadsheets write (a UTF-8 byte-order mark, CRLF line ends). Records with a
    structural fault are reported and left out of the frame, which then holds only rows that
    can be checked cell by cell; a file whose header is wrong yields no rows at all.
    """
    if not path.is_file():
        what = "is a folder, not a file" if path.is_dir() else "file is missing"
        return _empty(columns), [Problem(path, 1, FILE_LEVEL, what)]
    data = path.read_bytes()
    simple = _read_simple(data.removeprefix(codecs.BOM_UTF8), columns)
    if simple is not None:
        return simple, []
    text, problem = _decode(path, data)
    if problem:
        return _empty(columns), [problem]
    if not text or text.isspace():
        empty_file = Problem(path, 1, FILE_LEVEL, "file is empty (expected a header line)")
        return _empty(columns), [empty_file]
    return _read_records(path, text, columns)


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=columns, dtype="str").rename_axis(LINE)


def _read_records(path: Path, text: str, columns: list[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """The csv module's reading, record by record: exact lines and every structural fault."""
    lines, records, problems = _records(path, text)
    header, body, body_lines = records[0], records[1:], lines[1:]
    problems += _header_problems(path, int(lines[0]), header, columns)
    if problems and header != columns:
        return _empty(columns), problems

    fields = np.fromiter(map(len, body), dtype=int, count=len(body))
    fits = fields == len(columns)
    problems += [
        _shape_problem(path, int(line), int(count), len(columns))
        for line, count in zip(body_lines[~fits], fields[~fits], strict=True)
    ]
    if not fits.any():
        return _empty(columns), problems
    cells = zip(*itertools.compress(body, fits), strict=True)
    table = pa.table(
        [pa.array([cell or None for cell in column], pa.large_string()) for column in cells],
        names=columns,
    )
    return _frame(table, pd.Index(body_lines[fits], name=LINE)), problems


_SIMPLE_FIELD = r'(?:[^",\r\n\x00]*|"(?:[^"\r\n\x00]|"")*")'
"""A field in the simple form: unquoted without any '"', or quoted whole with '""' for '"'.
It holds no line break and no NUL character."""

_SIMPLE_RECORD = rf"{_SIMPLE_FIELD}(?:,{_SIMPLE_FIELD})+"
"""A line of two or more simple fields: a blank line has no comma, so it is none (and a table
of one column is never in the simple form)."""

_SIMPLE_FILE = rf"\A(?:{_SIMPLE_RECORD}\r?\n)*(?:{_SIMPLE_RECORD})?\z"
"""Simple records, one a line, the last with or without its line end.

How many fields a record has is left to Arrow's reader, which refuses a record with more or
fewer than the header. So the pattern is one record long whatever the table's width: RE2
compiles it on every call, and a pattern that spelled out each of 26 fields took nearly as
long to compile as Arrow takes to read a small table."""


def _read_simple(data: bytes, columns: list[str]) -> pd.DataFrame | None:
    """The frame of a file in the simple form, read by Arrow's CSV reader; None otherwise.

    Simple: UTF-8, the header is `columns` and every line is one record of that many simple
    fields. The csv module reads such a file to the same cells, one record per line, and
    finds nothing to report; files with anything else (blank lines, line breaks in cells,
    stray quotes, wrong field counts, oversized fields, no header) take the exact reading.
    Arrow reads in C++, without a Python string per cell; empty cells are missing, as there.
    """
    buffer = pa.py_buffer(data)
    if not _is_simple(buffer):
        return None
    try:
        table = pv.read_csv(
            pa.BufferReader(buffer),
            parse_options=pv.ParseOptions(ignore_empty_lines=False),
            convert_options=pv.ConvertOptions(
                column_types=dict.fromkeys(columns, pa.large_string()),
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
        header = table.column_names
    except (pa.ArrowException, UnicodeDecodeError):  # no header, not UTF-8, ...
        return None
    if header != columns or _has_oversized_cell(table, len(data)):
        return None
    return _frame(table, pd.RangeIndex(2, table.num_rows + 2, name=LINE))


def _frame(table: pa.Table, lines: pd.Index) -> pd.DataFrame:
    """Arrow's text columns as a frame of pandas' "str" dtype (Arrow text, NaN where a cell is
    empty), indexed by `lines`.

    Arrow hands each column over without a copy: building the frame from Python strings
    costs several times as much, and every check of a table starts from one.
    """
    frame = table.to_pandas(types_mapper=_TEXT_TYPES.get, use_threads=False)
    frame.index = lines
    return frame


_TEXT_TYPES = {pa.large_string(): pd.StringDtype("pyarrow", na_value=np.nan)}
"""Arrow's text as pandas' "str" dtype: the dtype of every raw frame, however it was read."""


def _is_simple(buffer: pa.Buffer) -> bool:
    """Whether every line in `buffer` is a simple record.

    One RE2 match over the bytes (seen as a one-element array, without a copy), in linear
    time.
    """
    offsets = pa.py_buffer(np.array([0, buffer.size], dtype=np.int64))
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, buffer])
    return pc.match_substring_regex(whole, _SIMPLE_FILE)[0].as_py()


def _has_oversized_cell(table: pa.Table, size: int) -> bool:
    """Whether a cell is longer than the csv module's field size limit, which it refuses.

    A file of `size` bytes holds no cell of more characters, so a file within the limit (as
    a hand-edited table is) needs no cell measured.
    """
    limit = csv.field_size_limit()
    if size <= limit:
        return False
    longest = max(
        (pc.max(pc.utf8_length(cells)).as_py() or 0 for cells in table.columns), default=0
    )
    return longest > limit


def _shape_problem(path: Path, line: int, count: int, expected: int) -> Problem:
    """A record whose field count is wrong; a blank line has no fields at all."""
    if count == 0:
        return Problem(path, line, FILE_LEVEL, "blank line (delete it)")
    return Problem(path, line, FILE_LEVEL, f"expected {expected} fields, found {count}")


def _decode(path: Path, data: bytes) -> tuple[str, Problem | None]:
    try:
        return codecs.decode(data, "utf-8-sig"), None
    except UnicodeDecodeError as error:
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        line = data[: error.start + bom].count(b"\n") + 1
        byte = data[error.start + bom : error.start + bom + 1].hex()
        return "", Problem(path, line, FILE_LEVEL, f"not UTF-8 (byte 0x{byte}); save as UTF-8")


def _records(path: Path, text: str) -> tuple[np.ndarray, list[list[str]], list[Problem]]:
    """Every record and the physical line it starts on; a quoting fault ends the reading.

    A record starts on the line after the one where the previous record ended.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    ends = [0]
    try:
        for record in reader:
            records.append(record)
            ends.append(reader.line_num)
    except csv.Error as error:
        message = f"malformed CSV ({error}); check the quotes on this line"
        problems = [Problem(path, ends[-1] + 1, FILE_LEVEL, message)]
        if not records:
            return np.array([1]), [[]], problems
        return np.array(ends[:-1]) + 1, records, problems
    return np.array(ends[:-1]) + 1, records, []


def _header_problems(path: Path, line: int, header: list[str], columns: list[str]) -> list[Problem]:
    if header == columns:
        return []
    missing = [name for name in columns if name not in header]
    unexpected = [name for name in header if name not in columns]
    duplicated = sorted({name for name in header if header.count(name) > 1})
    problems = [Problem(path, line, name, "column is missing from the header") for name in missing]
    problems += [
        Problem(path, line, name or "(empty)", "unexpected column in the header")
        for name in unexpected
    ]
    problems += [Problem(path, line, name, "column appears twice") for name in duplicated]
    if not problems:
        expected = ",".join(columns)
        problems.append(
            Problem(path, line, FILE_LEVEL, f"columns out of order; expected {expected}")
        )
    return problems
