"""The service's one settings class, read from `EXTRACTOR_*` environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """What an operator may change without touching code.

    EXTRACTOR_MODEL_PATH       saved pipeline folder (default: the shipped models/trade_en)
    EXTRACTOR_MAX_TEXT_CHARS   longest `text` accepted, in characters (413 above)
    EXTRACTOR_MAX_BATCH        most documents in one POST /v1/extract/batch (413 above)
    EXTRACTOR_MAX_BODY_BYTES   largest request body, in bytes (413 above)
    EXTRACTOR_API_KEY          when set, /v1/* needs the header `X-API-Key: <key>` (401 otherwise)
    EXTRACTOR_ALLOWED_ORIGINS  origins allowed by CORS, comma-separated ("*" for any; empty: none)
    """

    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", extra="ignore")

    model_path: Optional[Path] = None
    max_text_chars: int = Field(100_000, gt=0)
    max_batch: int = Field(32, gt=0)
    max_body_bytes: int = Field(8_000_000, gt=0)
    api_key: Optional[SecretStr] = None
    # NoDecode: read "a,b" as it is written instead of as JSON
    allowed_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [o.strip() for o in value.split(",") if o.strip()]
        return value

    @field_validator("api_key", mode="before")
    @classmethod
    def _empty_key_is_none(cls, value: Any) -> Any:
        # EXTRACTOR_API_KEY= (set but empty) means "no key", not "the empty key"
        return None if value == "" else value
