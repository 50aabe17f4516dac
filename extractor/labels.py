"""The label set of ANNOTATION.md: entity labels, event types, roles and attributes.

One place names them; the validator, the evaluator, the pipeline and the API's
`/v1/schema` all read these constants.
"""

from __future__ import annotations

ENTITY_LABELS: tuple[str, ...] = (
    "OFFICIAL",
    "PERSON",
    "MINISTRY",
    "ORG",
    "COUNTRY",
    "AGREEMENT",
    "REGULATION",
    "MONEY",
    "PERCENT",
)

PERSON_LABELS = frozenset({"OFFICIAL", "PERSON"})
BODY_LABELS = frozenset({"MINISTRY", "ORG"})

ENTITY_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "OFFICIAL": ("title", "affiliation", "country"),
    "PERSON": ("title", "affiliation", "country"),
    "COUNTRY": ("code",),
    "MONEY": ("currency", "value"),
    "PERCENT": ("value", "unit"),
}

PERCENT_UNITS = ("percent", "percentage_point")

BLOC_CODES = ("EU", "ASEAN", "GCC", "CIS", "MERCOSUR")

EVENT_TYPES: tuple[str, ...] = ("MEETING", "AGREEMENT", "TRADE_CONCERN", "FIGURE")

# role -> (labels an entity argument may have, whether a span argument is allowed)
EVENT_ROLES: dict[str, dict[str, tuple[frozenset[str], bool]]] = {
    "MEETING": {
        "participant": (frozenset({"OFFICIAL", "PERSON", "MINISTRY", "ORG", "COUNTRY"}), False),
        "location": (frozenset(), True),
        "topic": (frozenset(), True),
        "name": (frozenset(), True),
    },
    "AGREEMENT": {
        "party": (frozenset({"COUNTRY", "MINISTRY", "ORG", "OFFICIAL"}), False),
        "agreement": (frozenset({"AGREEMENT"}), False),
        "content": (frozenset(), True),
    },
    "TRADE_CONCERN": {
        "complainant": (frozenset({"COUNTRY", "MINISTRY", "OFFICIAL", "ORG"}), False),
        "respondent": (frozenset({"COUNTRY"}), False),
        "measure": (frozenset({"REGULATION"}), True),
        "forum": (frozenset({"ORG", "MINISTRY"}), False),
        "request": (frozenset(), True),
    },
    "FIGURE": {
        "indicator": (frozenset(), True),
        "value": (frozenset({"MONEY", "PERCENT"}), True),
        "change": (frozenset({"PERCENT", "MONEY"}), False),
        "period": (frozenset(), True),
        "partner": (frozenset({"COUNTRY"}), False),
    },
}

EVENT_ATTRIBUTES: dict[str, dict[str, tuple[str | None, ...]]] = {
    "MEETING": {},
    "AGREEMENT": {
        "status": ("signed", "concluded", "negotiating", "in_force", "reviewed", "agreed", "planned"),
    },
    "TRADE_CONCERN": {},
    "FIGURE": {"direction": ("increase", "decrease", None)},
}

SPLITS = ("train", "dev", "test", "challenge-dev", "challenge-test")
