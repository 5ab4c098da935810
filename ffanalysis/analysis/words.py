"""How the report names what the data codes: governments, funnel stages, sides, legal stances
and who found the evidence. The charts and the findings take their words from here, so a title
and the sentence beside it name a thing alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..data import vocab


def check_words(words: Mapping[str, str], codes: Iterable[str], name: str, *, every: bool) -> None:
    """Stop at import when a word list names a code its vocabulary lacks (a typo, a code since
    renamed), or, with `every`, misses one: no reader may meet a raw code."""
    known, named = set(codes), set(words)
    if not named <= known or (every and named != known):
        raise ImportError(
            f"{name} does not match its vocabulary: unknown {sorted(named - known)}, "
            f"missing {sorted(known - named) if every else []}"
        )


GOVERNMENT_NAMES = {"ua_government": "Kyiv", "ru_government": "Moscow"}
"""How a title names each government, as the press does."""

EVIDENCE_WORDS = {
    "independent": "researchers",
    "media": "reporters",
    "ru_affiliated": "pro-Russian lists",
}
"""Who found the evidence figure, as a title says it."""

STAGE_WORDS = {
    "interested": "wanted to go",
    "arrived": "arrived",
    "serving": "serving",
    "killed": "killed",
}
"""Each funnel stage as a title says it ('6,000 wanted to go')."""

SIDE_WORDS = {"ukraine": "for Ukraine", "russia": "for Russia"}
SIDE_HEADINGS = {"ukraine": "For Ukraine", "russia": "For Russia"}

LEGALITY_WORDS = {
    "illegal": "Illegal",
    "permission_required": "Permission required",
    "discouraged": "Discouraged",
    "unclear": "Unclear",
    "legal": "Legal",
}

check_words(GOVERNMENT_NAMES, vocab.CLAIMANT_TYPE, "GOVERNMENT_NAMES", every=False)
check_words(EVIDENCE_WORDS, vocab.CLAIMANT_TYPE, "EVIDENCE_WORDS", every=False)
check_words(SIDE_WORDS, vocab.SIDE_2022, "SIDE_WORDS", every=True)
check_words(SIDE_HEADINGS, vocab.SIDE_2022, "SIDE_HEADINGS", every=True)
check_words(LEGALITY_WORDS, vocab.LEGALITY, "LEGALITY_WORDS", every=True)
