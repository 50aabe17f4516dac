"""Request and response schemas of the API that are not the output contract itself.

Documents in and out are `extractor.schema.InputDocument` and `extractor.schema.Document`.
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel


class ErrorDetail(BaseModel):
    loc: str
    message: str


class ErrorBody(BaseModel):
    """Every error answer: a stable code, a sentence for people, and validation details."""

    error: str
    message: str
    details: Optional[list[ErrorDetail]] = None


class EntityLabelInfo(BaseModel):
    label: str
    attributes: list[str]


class RoleInfo(BaseModel):
    role: str
    entity_labels: list[str]
    span: bool


class AttributeInfo(BaseModel):
    name: str
    values: list[Optional[str]]


class EventTypeInfo(BaseModel):
    type: str
    roles: list[RoleInfo]
    attributes: list[AttributeInfo]


class SchemaInfo(BaseModel):
    """The label set of ANNOTATION.md, for clients that build their UI from it."""

    version: str
    entity_labels: list[EntityLabelInfo]
    event_types: list[EventTypeInfo]


class Health(BaseModel):
    status: str


class Ready(BaseModel):
    status: str
    model: str
    model_version: str
    pipeline: list[str]
