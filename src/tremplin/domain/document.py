from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Document(BaseModel):
    """An uploaded file (a CV, an attestation). The content is not stored with the metadata."""

    model_config = ConfigDict(extra="forbid")

    id: str
    owner_id: str | None = None
    filename: str
    media_type: str
    size_bytes: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
