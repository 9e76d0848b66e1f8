from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class Email(BaseModel):
    """A message from a jobseeker to their counsellor."""

    model_config = ConfigDict(extra="forbid")

    id: str
    jobseeker_id: str | None = None
    received_at: datetime | None = None
    subject: str = ""
    body: str = Field(default="", max_length=200_000)
