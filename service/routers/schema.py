"""GET /v1/schema: the label set, so a client can build its UI."""

from __future__ import annotations

from fastapi import APIRouter

from extractor import __version__
from extractor.labels import ENTITY_ATTRIBUTES, ENTITY_LABELS, EVENT_ATTRIBUTES, EVENT_ROLES, EVENT_TYPES

from ..schemas import AttributeInfo, EntityLabelInfo, EventTypeInfo, RoleInfo, SchemaInfo

router = APIRouter(prefix="/schema", tags=["schema"])

SCHEMA = SchemaInfo(
    version=__version__,
    entity_labels=[EntityLabelInfo(label=label, attributes=list(ENTITY_ATTRIBUTES.get(label, ())))
                   for label in ENTITY_LABELS],
    event_types=[
        EventTypeInfo(
            type=etype,
            roles=[RoleInfo(role=role, entity_labels=sorted(labels), span=span)
                   for role, (labels, span) in EVENT_ROLES[etype].items()],
            attributes=[AttributeInfo(name=name, values=list(values))
                        for name, values in EVENT_ATTRIBUTES[etype].items()],
        )
        for etype in EVENT_TYPES
    ],
)


@router.get("", response_model=SchemaInfo, summary="Labels, event types, roles and attributes")
async def get_schema() -> SchemaInfo:
    """Entity labels with their attributes; event types with their roles (which entity labels an
    argument may point at, whether it may be a text span) and attributes with their values."""
    return SCHEMA
