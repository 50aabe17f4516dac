"""The output contract of ../shared/spec/OUTPUT.md as pydantic models.

This is the one module that shapes JSON: the CLI, the API, the corpus and the
evaluator all read and write documents through these models.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class InputDocument(BaseModel):
    """One document to annotate: the input shape of OUTPUT.md."""

    model_config = ConfigDict(extra="allow")

    id: Optional[str] = None
    text: str
    date: Optional[_dt.date] = None

    @field_validator("text", mode="before")
    @classmethod
    def _text_is_str(cls, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError("`text` must be a string")
        return value

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_str(cls, value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        raise ValueError("`id` must be a string")

    @field_validator("date", mode="before")
    @classmethod
    def _date_iso(cls, value: Any) -> Any:
        if value is None or value == "":
            return None
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return value.strip()
        raise ValueError("`date` must be an ISO date, YYYY-MM-DD")


class Mention(_Model):
    start: int
    end: int
    text: str


class Entity(_Model):
    id: str
    label: str
    name: str
    attributes: dict[str, Any] = Field(default_factory=dict)
    mentions: list[Mention] = Field(default_factory=list)


class Span(_Model):
    start: int
    end: int
    text: str


class Argument(_Model):
    role: str
    entity: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    text: Optional[str] = None

    @model_validator(mode="after")
    def _entity_or_span(self) -> "Argument":
        has_span = self.start is not None and self.end is not None and self.text is not None
        if self.entity is not None and has_span:
            raise ValueError("an argument has either `entity` or `start`/`end`/`text`, not both")
        if self.entity is None and not has_span:
            raise ValueError("an argument needs `entity` or `start`/`end`/`text`")
        return self

    @property
    def is_span(self) -> bool:
        return self.entity is None


class EventDate(_Model):
    start: str
    end: str

    @field_validator("start", "end")
    @classmethod
    def _partial_iso(cls, value: str) -> str:
        if not _PARTIAL_DATE.match(value):
            raise ValueError(f"event date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return value


class Event(_Model):
    id: str
    type: str
    trigger: Span
    date: Optional[EventDate] = None
    attributes: dict[str, Any] = Field(default_factory=dict)
    arguments: list[Argument] = Field(default_factory=list)


class Document(_Model):
    """One output document. Corpus files add `title`, `category`, `text` and `split`."""

    id: str
    date: Optional[str] = None
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    error: Optional[str] = None

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON-ready dict; `error` only when set, argument fields only when used."""
        data = self.model_dump(mode="json", exclude_none=False)
        if data.get("error") is None:
            data.pop("error", None)
        for event in data["events"]:
            event["arguments"] = [
                {k: v for k, v in arg.items() if v is not None} for arg in event["arguments"]
            ]
        return data


ArgumentLike = Union[Argument, dict]
