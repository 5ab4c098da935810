"""Validation of data/raw: what a curator sees for each kind of mistake."""

from __future__ import annotations

import codecs

import pandas as pd
import pytest

from ffanalysis.data.schema import _number
from tests.conftest import VALID_TABLES, Project
from tests.helpers import problems_of


def replace_in(name: str, old: str, new: str):
    def mutate(project: Project) -> None:
        text = project.read(name)
        assert old in text, f"fixture does not contain {old!r}"
        project.write(name, text.replace(old, new, 1))

    return mutate


def append_to(name: str, line: str):
    def mutate(project: Project) -> None:
        project.write(name, project.read(name) + line)

    return mutate


def write(name: str, content: str | bytes):
    def mutate(project: Project) -> None:
        project.write(name, content)

    return mutate


def delete(name: str):
    def mutate(project: Project) -> None:
        (project.raw / name).unlink()

    return mutate


CLAIMS_HEADER = VALID_TABLES["claims.csv"].splitlines()[0]
C1 = VALID_TABLES["claims.csv"].splitlines()[1]

MALFORMED = {
    # structure
    "missing table": (
        delete("units.csv"),
        ["units.csv:1: (file): file is missing"],
    ),
    "empty file": (
        write("units.csv", ""),
        ["units.csv:1: (file): file is empty (expected a header line)"],
    ),
    "not UTF-8": (
        write(
            "casualties.csv", VALID_TABLES["casualties.csv"].replace("Doe", "Dé").encode("cp1252")
        ),
        ["casualties.csv:2: (file): not UTF-8 (byte 0xe9); save as UTF-8"],
    ),
    "missing header column": (
        replace_in("units.csv", ",note\n", "\n"),
        ["units.csv:1: note: column is missing from the header"],
    ),
    "renamed header column": (
        replace_in("claims.csv", ",quote,", ",quotation,"),
        [
            "claims.csv:1: quotation: unexpected column in the header",
            "claims.csv:1: quote: column is missing from the header",
        ],
    ),
    "extra header column": (
        replace_in("units.csv", ",note\n", ",note,extra\n"),
        ["units.csv:1: extra: unexpected column in the header"],
    ),
    "columns out of order": (
        replace_in("units.csv", "unit_id,name,", "name,unit_id,"),
        [
            "units.csv:1: (file): columns out of order; expected "
            "unit_id,name,branch,composition,formed,disbanded,source_id,locator,quote,note"
        ],
    ),
    "too many fields": (
        append_to("units.csv", "second,2nd,legion,x,2022,,doc,line 8,The 1st Battalion,,extra\n"),
        ["units.csv:3: (file): expected 10 fields, found 11"],
    ),
    "too few fields": (
        append_to("units.csv", "second,2nd,legion\n"),
        ["units.csv:3: (file): expected 10 fields, found 3"],
    ),
    "unbalanced quotes": (
        append_to("units.csv", 'second,"2nd Battalion,legion,x,2022,,doc,line 8,The 1st,\n'),
        [
            "units.csv:3: (file): malformed CSV (unexpected end of data); check the quotes on this line"
        ],
    ),
    "blank line": (
        append_to("units.csv", "\n"),
        ["units.csv:3: (file): blank line (delete it)"],
    ),
    # cells
    "unknown metric": (
        replace_in("claims.csv", "volunteers_interested", "volunteers_intrested"),
        ["claims.csv:2: metric: 'volunteers_intrested' is not one of: "],
    ),
    "unknown qualifier": (
        replace_in("claims.csv", ",range,", ",between,"),
        ["claims.csv:3: qualifier: 'between' is not one of: "],
    ),
    "unknown claimant type": (
        replace_in("claims.csv", "ru_government", "kremlin"),
        ["claims.csv:4: claimant_type: 'kremlin' is not one of: "],
    ),
    "unknown side": (
        replace_in("casualties.csv", ",ukraine,", ",kyiv,"),
        ["casualties.csv:2: side: 'kyiv' is not one of: ukraine, russia"],
    ),
    "unknown legality": (
        replace_in("legal_stances.csv", "discouraged", "frowned_upon"),
        ["legal_stances.csv:2: legality: 'frowned_upon' is not one of: "],
    ),
    "lower-case country code": (
        replace_in("casualties.csv", ",GBR,", ",gbr,"),
        ["casualties.csv:2: nationality: 'gbr' is not an ISO 3166-1 alpha-3 code"],
    ),
    "two-letter country code": (
        replace_in("legal_stances.csv", "FIN,", "FI,"),
        ["legal_stances.csv:2: country: 'FI' is not an ISO 3166-1 alpha-3 code"],
    ),
    "impossible date": (
        replace_in("units.csv", "2022-02-27", "2022-02-30"),
        ["units.csv:2: formed: '2022-02-30' is not a real date (day is out of range for month)"],
    ),
    "date in another format": (
        replace_in("casualties.csv", "2023-02", "02/2023"),
        ["casualties.csv:2: died_on: '02/2023' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"],
    ),
    "number with thousands separator": (
        replace_in("claims.csv", ",13387,13387,", ',"13,387",13387,'),
        [
            "claims.csv:4: value_low: '13,387' is not a number >= 0 "
            "(digits and one '.', no thousands separators)"
        ],
    ),
    "negative number": (
        replace_in("claims.csv", ",1500,2000,", ",-1500,2000,"),
        [
            "claims.csv:3: value_low: '-1500' is not a number >= 0 "
            "(digits and one '.', no thousands separators)"
        ],
    ),
    "high below low": (
        replace_in("claims.csv", ",1500,2000,range,", ",1500,900,range,"),
        [
            "claims.csv:3: qualifier: 'range' needs value_low and value_high, with "
            "value_low < value_high (value_low='1500', value_high='900')",
            "claims.csv:3: value_high: must be >= value_low (900 < 1500)",
            "corrections.csv:2: after: '2000' is not the value of value_high in claims.csv row "
            "C2 ('900')",
        ],
    ),
    "fewer_than with a low value": (
        replace_in("claims.csv", ",,750,fewer_than,", ",10,750,fewer_than,"),
        [
            "claims.csv:5: qualifier: 'fewer_than' needs value_high and an empty value_low "
            "(value_low='10', value_high='750')"
        ],
    ),
    "exact with unequal values": (
        replace_in("claims.csv", ",20000,20000,exact,", ",20000,20001,exact,"),
        [
            "claims.csv:2: qualifier: 'exact' needs value_low and value_high, equal "
            "(value_low='20000', value_high='20001')"
        ],
    ),
    "vague with a value": (
        replace_in("claims.csv", ",52,52,exact,", ",52,52,vague,"),
        [
            "claims.csv:6: qualifier: 'vague' needs both values empty "
            "(value_low='52', value_high='52')"
        ],
    ),
    "boolean spelled yes": (
        replace_in("historical.csv", ",false,doc,", ",yes,doc,"),
        ["historical.csv:2: uncertain: 'yes' must be true or false"],
    ),
    "duplicate id": (
        append_to("units.csv", "first,Copy,legion,x,2022,,doc,line 8,The 1st Battalion,\n"),
        ["units.csv:3: unit_id: duplicate 'first' (first on line 2)"],
    ),
    "required cell empty": (
        replace_in("claims.csv", "Reporters,media", ",media"),
        ["claims.csv:3: claimant: is required but empty"],
    ),
    "leading whitespace": (
        replace_in("casualties.csv", ",John Doe,", ", John Doe,"),
        ["casualties.csv:2: person: has leading or trailing whitespace"],
    ),
    "spreadsheet formula": (
        replace_in("units.csv", ",international volunteers,", ",=HYPERLINK(1),"),
        [
            "units.csv:2: composition: starts with '=', which a spreadsheet would run as a "
            "formula; rephrase the cell"
        ],
    ),
    "terminal escape in a cell": (
        replace_in("casualties.csv", ",Bakhmut,", ",\x1b[31mBakhmut,"),
        ["casualties.csv:2: place: holds an invisible or control character (U+001B); delete it"],
    ),
    "bidirectional override in a claimant": (
        replace_in("claims.csv", ",Kyiv,ua_government,", ",Ky\u202eiv,ua_government,"),
        ["claims.csv:2: claimant: holds an invisible or control character (U+202E); delete it"],
    ),
    "zero-width space in a code": (
        replace_in("legal_stances.csv", "FIN,discouraged", "FIN\u200b,discouraged"),
        ["legal_stances.csv:2: country: holds an invisible or control character (U+200B)"],
    ),
    "digits that are not ASCII": (
        replace_in(
            "claims.csv", ",20000,20000,exact,", ",\u0662\u0660\u0660\u0660\u0660,20000,exact,"
        ),
        ["claims.csv:2: value_low: '\u0662\u0660\u0660\u0660\u0660' is not a number >= 0"],
    ),
    "a number too large to be a count": (
        replace_in("claims.csv", ",20000,20000,exact,", ",20000,200000000000,range,"),
        ["claims.csv:2: value_high: 200000000000 is larger than any count (10,000,000,000)"],
    ),
    "a year no source can mean": (
        replace_in("units.csv", ",2022-02-27,", ",1066-10-14,"),
        ["units.csv:2: formed: '1066-10-14' is outside the years 2014-2100"],
    ),
    "a publication dated before any source": (
        replace_in("sources.csv", ",2023-02,news,", ",1066,news,"),
        ["sources.csv:2: published: '1066' is outside the years 1900-2100"],
    ),
    "a death dated before the war": (
        replace_in("casualties.csv", ",2023-02,", ",1999-02,"),
        ["casualties.csv:2: died_on: '1999-02' is outside the years 2014-2100"],
    ),
    "a quote in another language without our translation": (
        replace_in("claims.csv", '52 countries",,,,,', '52 countries",bg,,,,'),
        [
            "claims.csv:2: quote_english: must be given exactly when quote_language is (a quote "
            "not in English needs our translation, an English one none)"
        ],
    ),
    "a quote in a language the project has no code for": (
        replace_in("claims.csv", '52 countries",,,,,', '52 countries",xx,Ours,,,'),
        ["claims.csv:2: quote_language: 'xx' is not one of: bg, ja, pt, ro, ru, sv, uk"],
    ),
    "a folder where a table should be": (
        lambda project: (project.raw / "units.csv").unlink() or (project.raw / "units.csv").mkdir(),
        ["units.csv:1: (file): is a folder, not a file"],
    ),
    "a code far too long": (
        replace_in("units.csv", "first,1st Battalion", "f" + "x" * 300 + ",1st Battalion"),
        ["units.csv:2: unit_id: is 301 characters long; at most 200"],
    ),
    "formula starting with at-sign": (
        replace_in("casualties.csv", ",Bakhmut,", ",@SUM(A1),"),
        [
            "casualties.csv:2: place: starts with '@', which a spreadsheet would run as a "
            "formula; rephrase the cell"
        ],
    ),
    "quote too long": (
        replace_in("units.csv", "The 1st Battalion was formed on 27 February 2022.", "x" * 201),
        ["units.csv:2: quote: is 201 characters long; a quote is at most 200"],
    ),
    "quote not in the source": (
        replace_in("claims.csv", "claimed 13,387 mercenaries", "claimed 13,388 mercenaries"),
        ["claims.csv:4: quote: not found verbatim in sources/doc.txt (whitespace aside)"],
    ),
    "empty quote": (
        replace_in("historical.csv", '"Some 32,000 brigaders"', ""),
        ["historical.csv:2: quote: is required but empty"],
    ),
    "unknown source id": (
        replace_in("units.csv", ",doc,line 8,", ",dok,line 8,"),
        ["units.csv:2: source_id: 'dok' is not a source_id in sources.csv"],
    ),
    "unknown conflict": (
        replace_in("historical.csv", "spanish_civil_war,", "spanish_war,"),
        ["historical.csv:2: conflict: 'spanish_war' is not a conflict_id in conflicts.csv"],
    ),
    "source file missing": (
        replace_in("sources.csv", "sources/doc.txt", "sources/gone.txt"),
        ["sources.csv:2: file: 'sources/gone.txt' does not exist in "],
    ),
    "source file outside the evidence folders": (
        replace_in("sources.csv", "sources/doc.txt", "../secrets.txt"),
        ["sources.csv:2: file: '../secrets.txt' must be a file in sources or reference/"],
    ),
    "penalty without its quote": (
        replace_in("legal_stances.csv", "FIN,discouraged,,", "FIN,discouraged,3,"),
        ["legal_stances.csv:2: penalty_quote: is required when penalty_max_years is given"],
    ),
    "correction not made in the data": (
        replace_in("corrections.csv", "value_high,3000,2000", "value_high,3000,2500"),
        [
            "corrections.csv:2: after: '2500' is not the value of value_high in claims.csv row "
            "C2 ('2000')"
        ],
    ),
    "correction to a row that does not exist": (
        replace_in("corrections.csv", "claims,C2,", "claims,C9,"),
        ["corrections.csv:2: row_id: 'C9' is not a row of claims.csv"],
    ),
    "correction to a column that does not exist": (
        replace_in("corrections.csv", "value_high,3000", "value_top,3000"),
        ["corrections.csv:2: field: 'value_top' is not a column of claims.csv"],
    ),
    "correction that does not start where the last one ended": (
        append_to(
            "corrections.csv",
            "F2,claims,C2,2026-12-01,value_high,3000,2000,Checked twice.,doc,line 2,"
            '"1,500 to 2,000 foreigners"\n',
        ),
        ["corrections.csv:3: before: '3000' is not what correction F1 left ('2000')"],
    ),
    "a row's id in a reason readers see": (
        replace_in("corrections.csv", "The quote gives 2000", "C1's quote gives 2000"),
        [
            "corrections.csv:2: reason: 'C1' is the id of a row in claims.csv; readers see this "
            "text: say which row in words"
        ],
    ),
    "a name from the data in a reason readers see": (
        replace_in(
            "corrections.csv", "gives 2000 as the upper bound.", "gives 2000 as value_high."
        ),
        [
            "corrections.csv:2: reason: 'value_high' is a name from the data; readers see this "
            "text: say it in words"
        ],
    ),
    "removed row still in the table": (
        replace_in("corrections.csv", "value_high,3000,2000", "row,C2,"),
        ["corrections.csv:2: row_id: 'C2' was removed but is still in claims.csv"],
    ),
    "conflict ends before it starts": (
        replace_in("conflicts.csv", "1939-03-28", "1935"),
        ["conflicts.csv:2: end: must not be before start (1936-07-17)"],
    ),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_each_malformed_input_gets_its_exact_problem(project: Project, case: str) -> None:
    mutate, expected = MALFORMED[case]
    mutate(project)
    found = problems_of(project)
    assert len(found) == len(expected), found
    for problem, start in zip(found, expected, strict=True):
        assert problem.startswith(start), (problem, start)


def test_the_valid_fixture_has_no_problems(project: Project) -> None:
    assert problems_of(project) == []


def test_there_are_at_least_25_malformed_cases() -> None:
    assert len(MALFORMED) >= 25


def test_every_problem_in_every_file_is_reported_in_one_run(project: Project) -> None:
    replace_in("claims.csv", "volunteers_interested", "wrong")(project)
    replace_in("claims.csv", ",1500,2000,", ",x,2000,")(project)
    replace_in("units.csv", ",legion,", ",army,")(project)
    assert problems_of(project) == [
        "claims.csv:2: metric: 'wrong' is not one of: " + ", ".join(_metrics()),
        "claims.csv:3: value_low: 'x' is not a number >= 0 "
        "(digits and one '.', no thousands separators)",
        "units.csv:2: branch: 'army' is not one of: legion, intelligence, affiliated",
    ]


def _metrics() -> list[str]:
    from ffanalysis.data.vocab import METRIC

    return list(METRIC)


def test_a_plain_word_that_is_also_a_row_s_id_may_stand_in_prose(project: Project) -> None:
    """The fixture's unit is called `first`: the word itself is no id to a reader."""
    replace_in("units.csv", ",international volunteers,", ",the first volunteers,")(project)
    assert problems_of(project) == []


def test_what_spreadsheets_write_is_accepted(project: Project) -> None:
    """A UTF-8 byte-order mark and CRLF line ends, as Excel saves CSV."""
    for name, text in VALID_TABLES.items():
        project.write(name, codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"))
    assert problems_of(project) == []


def test_line_numbers_are_physical_lines_when_a_cell_spans_lines(project: Project) -> None:
    """A quoted cell with a line break pushes later records down, as an editor shows them."""
    replace_in("units.csv", "international volunteers", '"international\nvolunteers"')(project)
    append_to("units.csv", "second,2nd,army,x,2022,,doc,line 8,The 1st Battalion,\n")(project)
    assert problems_of(project) == [
        "units.csv:4: branch: 'army' is not one of: legion, intelligence, affiliated"
    ]


def test_quotes_match_across_line_breaks_in_the_source(project: Project) -> None:
    replace_in(
        "units.csv",
        "The 1st Battalion was formed on 27 February 2022.",
        '"The 1st Battalion was formed  on\n27 February 2022."',
    )(project)
    assert problems_of(project) == []


def test_a_missing_quote_is_reported_on_every_row_that_repeats_it(project: Project) -> None:
    """Quotes are searched once per distinct (quote, file) pair; each row still gets its problem."""
    claims = project.read("claims.csv")
    project.write(
        "claims.csv", claims.replace("claimed 13,387 mercenaries", "claimed 9 mercenaries")
    )
    repeat = (
        claims.splitlines()[3]
        .replace("C3,", "C6,")
        .replace("13,387", "9")
        .replace(",Moscow,", ",The Kremlin,")
    )
    append_to("claims.csv", repeat + "\n")(project)
    assert problems_of(project) == [
        f"claims.csv:{line}: quote: not found verbatim in sources/doc.txt (whitespace aside)"
        for line in (4, 7)
    ]


def test_a_bad_value_is_reported_on_every_line_that_holds_it(project: Project) -> None:
    """Cell checks run once per distinct value; the problem still goes to each line."""
    row = "{},Copy,legion,x,2022-02-30,,doc,line 8,The 1st Battalion,\n"
    append_to("units.csv", "".join(row.format(key) for key in ("second", "third")))(project)
    assert problems_of(project) == [
        f"units.csv:{line}: formed: '2022-02-30' is not a real date (day is out of range for month)"
        for line in (3, 4)
    ]


def test_every_record_of_the_wrong_shape_is_reported_and_the_rest_still_checked(
    project: Project,
) -> None:
    append_to(
        "units.csv",
        "second,2nd,legion\n"
        "\n"
        '"third",3rd,legion,"x\ny",2022,,doc,line 8,The 1st Battalion,,extra\n'
        "fourth,4th,army,x,2022,,doc,line 8,The 1st Battalion,\n",
    )(project)
    assert problems_of(project) == [
        "units.csv:3: (file): expected 10 fields, found 3",
        "units.csv:4: (file): blank line (delete it)",
        "units.csv:5: (file): expected 10 fields, found 11",
        "units.csv:7: branch: 'army' is not one of: legion, intelligence, affiliated",
    ]


def test_each_repeat_of_a_unique_value_names_its_first_line(project: Project) -> None:
    """Empty cells of a unique column are reported as empty, never as repeats of each other."""
    row = "{},Copy,legion,x,2022,,doc,line 8,The 1st Battalion,\n"
    append_to("units.csv", "".join(row.format(key) for key in ("first", "", "first", "")))(project)
    assert problems_of(project) == [
        "units.csv:3: unit_id: duplicate 'first' (first on line 2)",
        "units.csv:4: unit_id: is required but empty",
        "units.csv:5: unit_id: duplicate 'first' (first on line 2)",
        "units.csv:6: unit_id: is required but empty",
    ]


def test_row_rules_read_numbers_as_nan_where_empty_or_not_a_number() -> None:
    values = pd.Series(["1.5", None, "x", "1.5", "20"], index=[2, 3, 4, 6, 9], dtype="str")
    expected = pd.Series([1.5, None, None, 1.5, 20.0], index=values.index, dtype=float, name="v")
    pd.testing.assert_series_equal(_number(pd.DataFrame({"v": values}), "v"), expected)
