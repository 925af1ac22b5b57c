"""JSON Schema (vorläufig)."""

from typing import Any


def schema(typ_name: str) -> dict[str, Any]:
    """Vorläufig."""
    raise NotImplementedError


def schema_text(typ_name: str) -> str:
    """Vorläufig."""
    raise NotImplementedError
