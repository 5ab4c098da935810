"""ffanalysis: a source-cited analysis of foreign volunteers in the Russia-Ukraine war.

    import ffanalysis as ff
    claims = ff.load("claims")

Importing the package is cheap: pandas and the plotting libraries are imported only
when a function that needs them is first used.
"""

from importlib import import_module

__version__ = "0.1.0"

_LAZY = {
    "load": "ffanalysis.loading",
    "evidence": "ffanalysis.provenance",
    "validate": "ffanalysis.validation",
    "check_data": "ffanalysis.validation",
    "write_clean": "ffanalysis.clean",
    "TABLES": "ffanalysis.schema",
    "DataError": "ffanalysis.problems",
    "Interval": "ffanalysis.ranges",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ffanalysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [*_LAZY, "__version__"]
