"""ffanalysis: a source-cited analysis of foreign volunteers in the Russia-Ukraine war.

    import ffanalysis as ff
    claims = ff.load("claims")

Questions, and the function that answers each:

- What does a table hold?            ff.load("claims"); ff.TABLES; docs/data_dictionary.md
- Everything as of a date?           ff.tables("2023-06").claims  (as the chapters see it)
- Where does a number come from?     ff.evidence("L0005, R0026")  (claimant, date, quote)
- One country's rows, groups too?    ff.country_rows(claims, "USA")  (USA alone or in USA+CAN)
- A column of figures in words?      ff.figures_in_words(claims)  ("more than 20,000")
- What changed between vintages?     ff.diff("2023", "2024"); ff.diff("HEAD~5")
- Claims against evidence?           ff.comparisons.headline_ratios(claims, sources)
- The numbers each chapter states?   ff.findings (ratio_findings, death_findings, ...)
- The top of the report?             ff.key_findings.key_findings(ff.tables())
- A country's funnel, deaths, law?   ff.funnel, ff.deaths, ff.legal; ff.history for past wars
- Is the data valid?                 ff.validate(); ff.check_data()

The folders are the layers, each importing only from those below it: `data` (the contract,
validation, cleaning, loading), `analysis`, `presentation` (charts, tables, pages for readers)
and `publishing` (the build); the command line and this API sit on top.

Importing the package is cheap: pandas and the plotting libraries are imported only
when a function or module that needs them is first used.
"""

from importlib import import_module as _import_module

__version__ = "0.1.0"

_LAZY = {
    "load": "ffanalysis.data.loading",
    "tables": "ffanalysis.presentation.chapter",
    "evidence": "ffanalysis.analysis.provenance",
    "country_rows": "ffanalysis.data.countries",
    "figures_in_words": "ffanalysis.analysis.text",
    "diff": "ffanalysis.analysis.vintages",
    "validate": "ffanalysis.data.validation",
    "check_data": "ffanalysis.data.validation",
    "write_clean": "ffanalysis.data.clean",
    "TABLES": "ffanalysis.data.schema",
    "DataError": "ffanalysis.data.problems",
    "Interval": "ffanalysis.data.ranges",
}

ANALYSIS_MODULES = {
    "comparisons": "analysis",
    "findings": "analysis",
    "key_findings": "analysis",
    "funnel": "analysis",
    "deaths": "analysis",
    "legal": "analysis",
    "history": "analysis",
    "charts": "presentation",
    "chapter": "presentation",
}
"""The modules an analyst reaches for, shown by tab-completion on `ff.`."""


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(_import_module(_LAZY[name]), name)
    if name in ANALYSIS_MODULES:
        return _import_module(f"{__name__}.{ANALYSIS_MODULES[name]}.{name}")
    raise AttributeError(f"module 'ffanalysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    public = [name for name in globals() if not name.startswith("_") or name == "__version__"]
    return sorted([*public, *_LAZY, *ANALYSIS_MODULES])


__all__ = [*_LAZY, *ANALYSIS_MODULES, "__version__"]
