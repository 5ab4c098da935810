"""Reading a hand-edited CSV file: structure first, with the physical line of every record.

pandas' reader rejects some malformed files and silently pads others, and it numbers rows
rather than lines. Here the standard `csv` module reads the file, every record keeps the line
it starts on, and every structural fault becomes a `Problem` instead of an exception.
"""

import codecs
import csv
import io
import itertools
from pathlib import Path

import numpy as np
import pandas as pd

from .problems import FILE_LEVEL, Problem

LINE = "line"
"""Name of the index that holds each record's physical line number."""


def read_csv_strict(path: Path, columns: list[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Read `path` as text cells indexed by line number, with the problems of its structure.

    Accepts what spreadsheets write (a UTF-8 byte-order mark, CRLF line ends). Records with a
    structural fault are reported and left out of the frame, which then holds only rows that
    can be checked cell by cell; a file whose header is wrong yields no rows at all.
    """
    empty = pd.DataFrame(columns=columns, dtype="str").rename_axis(LINE)
    if not path.is_file():
        return empty, [Problem(path, 1, FILE_LEVEL, "file is missing")]
    text, problem = _decode(path)
    if problem:
        return empty, [problem]
    if not text.strip():
        return empty, [Problem(path, 1, FILE_LEVEL, "file is empty (expected a header line)")]

    lines, records, problems = _records(path, text)
    header, body, body_lines = records[0], records[1:], lines[1:]
    problems += _header_problems(path, int(lines[0]), header, columns)
    if problems and header != columns:
        return empty, problems

    fields = np.fromiter(map(len, body), dtype=int, count=len(body))
    fits = fields == len(columns)
    problems += [
        _shape_problem(path, int(line), int(count), len(columns))
        for line, count in zip(body_lines[~fits], fields[~fits], strict=True)
    ]
    if not fits.any():
        return empty, problems
    frame = pd.DataFrame(
        list(itertools.compress(body, fits)),
        index=pd.Index(body_lines[fits], name=LINE),
        columns=columns,
        dtype="str",
    )
    return frame.replace("", None), problems


def _shape_problem(path: Path, line: int, count: int, expected: int) -> Problem:
    """A record whose field count is wrong; a blank line has no fields at all."""
    if count == 0:
        return Problem(path, line, FILE_LEVEL, "blank line (delete it)")
    return Problem(path, line, FILE_LEVEL, f"expected {expected} fields, found {count}")


def _decode(path: Path) -> tuple[str, Problem | None]:
    data = path.read_bytes()
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
        return np.array(ends[:-1]) + 1 if records else np.array([1]), records or [[]], problems
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
