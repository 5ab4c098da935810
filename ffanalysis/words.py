"""How the report names what the data codes: governments, funnel stages, sides, legal stances
and who found the evidence. The charts and the findings take their words from here, so a title
and the sentence beside it name a thing alike."""

from __future__ import annotations

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
