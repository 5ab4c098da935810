"""A row that looks like an earlier one names that row's line as a line number, also in a
table where other rows are linked (whose missing lines once made every line a float)."""

from __future__ import annotations

from tests.conftest import Project
from tests.helpers import problems_of


def test_the_first_line_is_a_whole_number_beside_linked_rows(project: Project) -> None:
    casualties = project.read("casualties.csv")
    first = casualties.splitlines()[1]
    again = first.replace("K1,John Doe", "K2,JOHN  DOE")
    linked = first.replace("K1,John Doe", "K3,Jane Roe").removesuffix(",,,") + ",,K1,"
    project.write("casualties.csv", casualties + again + "\n" + linked + "\n")
    assert problems_of(project) == [
        "casualties.csv:3: echo_of: names the same person as line 2: set echo_of to that row, "
        "or distinct_from if they are two people"
    ]
