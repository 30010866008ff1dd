"""Query parameters shared by the list endpoints."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
DateStr = Annotated[str | None, Query(max_length=25, pattern=r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$",
                                      description="ISO 8601 date at any precision: YYYY, YYYY-MM, YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=200)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "no such item", "content": {"application/json": {"example": {"detail": "..."}}}}}
