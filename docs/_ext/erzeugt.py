"""Was alle Doku-Erweiterungen teilen, die Seiten aus den Paketdaten erzeugen.

Kein ``kim_*``-Modul: ``conf.py`` lädt nur diese als Erweiterungen; dieses hier ist ihr
gemeinsamer Baustein (Datei nur schreiben, wenn sie sich ändert, damit Sphinx nicht jede
Seite neu liest; beim Start des Builders erzeugen).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["melde_an", "schreibe_text", "seite"]


def schreibe_text(ziel: Path, text: str) -> bool:
    """Schreibt ``text`` nach ``ziel``, wenn er sich geändert hat; sagt, ob geschrieben wurde."""
    if ziel.exists() and ziel.read_text(encoding="utf-8") == text:
        return False
    ziel.parent.mkdir(parents=True, exist_ok=True)
    ziel.write_text(text, encoding="utf-8")
    return True


def melde_an(app: Any, schreibe: Callable[[Path], object]) -> dict[str, Any]:
    """Meldet eine Erweiterung an, die beim Start des Builders ``schreibe(srcdir)`` ruft."""
    app.connect("builder-inited", lambda a: schreibe(Path(a.srcdir)))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


Setup = Callable[[Any], dict[str, Any]]


def seite(erzeuge: Callable[[], str], ziel: Path) -> tuple[Callable[[Path], bool], Setup]:
    """``schreibe(ziel)`` und ``setup(app)`` einer Erweiterung, die eine Seite ``ziel`` (relativ
    zum Quellordner der Doku) aus ``erzeuge()`` schreibt."""

    def schreibe(pfad: Path) -> bool:
        """Schreibt die Seite nach ``pfad``, wenn sie sich geändert hat (sagt, ob)."""
        return schreibe_text(pfad, erzeuge())

    def setup(app: Any) -> dict[str, Any]:
        """Meldet die Erweiterung bei Sphinx an."""
        return melde_an(app, lambda wurzel: schreibe(wurzel / ziel))

    return schreibe, setup
