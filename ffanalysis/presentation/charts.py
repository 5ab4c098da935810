"""The report's figures, one module each, gathered here: `charts.claims_timeline(...)`.

Each function takes the tables a chapter has loaded (already cut to its `as_of` date), runs the
package's analysis on them, draws the result and saves it as PNG and SVG through the house
style's one `plotting.finish` and `plotting.save`. The title states the finding computed from
the rows drawn (never typed; where the text states it too, from `findings`), ranges are drawn as
the intervals sources state with open bounds as arrows, and one short line credits the sources.
A chart with nothing to draw still writes its files and says so in its title: a chapter run on
an early date shows an honest empty figure instead of failing.

The returned `Chart` (`chart_base`) carries what a page or a test needs: the files, the title,
what the marks show, the sources, the numbers the title states, the rows drawn and the columns
a reader downloads.

- claims_timeline: `chart_timeline`; claims_vs_evidence: `chart_ratios`;
  country_funnel: `chart_funnel`; casualties_over_time: `chart_deaths`;
  legal_landscape: `chart_legal`; historical_rates and historical_shares: `chart_history`.
"""

from ..analysis.words import LEGALITY_WORDS, SIDE_HEADINGS, STAGE_WORDS
from .chart_base import (
    NO_SOURCES,
    SOURCE_NAME_LENGTH,
    Chart,
    cited_sources,
    publishers,
    source_name,
)
from .chart_deaths import casualties_over_time
from .chart_funnel import country_funnel
from .chart_history import historical_rates, historical_shares
from .chart_legal import legal_landscape
from .chart_ratios import claims_vs_evidence
from .chart_timeline import claims_timeline

__all__ = [
    "LEGALITY_WORDS",
    "NO_SOURCES",
    "SIDE_HEADINGS",
    "SOURCE_NAME_LENGTH",
    "STAGE_WORDS",
    "Chart",
    "casualties_over_time",
    "cited_sources",
    "claims_timeline",
    "claims_vs_evidence",
    "country_funnel",
    "historical_rates",
    "historical_shares",
    "legal_landscape",
    "publishers",
    "source_name",
]
