"""kim_nrw: die Integrationsförderung in Nordrhein-Westfalen als typisierter, zitierter Code.

Die öffentlichen Namen der Paketwurzel stehen genau einmal, in ``__init__.pyi``: Typprüfer
lesen sie dort, und zur Laufzeit leitet dieses Modul aus derselben Datei ``__all__`` und
das verzögerte Laden ab (das Muster von SPEC 1 der Scientific-Python-Gemeinschaft).
``import kim_nrw`` lädt weder Datendateien noch Untermodule: jeder Name wird beim ersten
Zugriff aus seinem Modul geholt (PEP 562), Register und Parameter beim ersten Gebrauch
einmal geladen.

>>> import kim_nrw
>>> kim_nrw.zustaendiges_ki("Erkelenz").name
'Kommunales Integrationszentrum Kreis Heinsberg'
>>> "Foerderantrag" in kim_nrw.__all__
True
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.3.0.dev0"


@functools.cache
def _exporte() -> dict[str, str]:
    """Name → Modul, gelesen aus ``__init__.pyi`` (einmal, beim ersten Zugriff)."""
    import ast  # erst hier: ``kim-nrw --help`` braucht weder ast noch pathlib
    from pathlib import Path

    baum = ast.parse(Path(__file__).with_suffix(".pyi").read_text(encoding="utf-8"))
    return {
        alias.asname or alias.name: knoten.module
        for knoten in baum.body
        if isinstance(knoten, ast.ImportFrom) and knoten.module is not None
        for alias in knoten.names
    }


if not TYPE_CHECKING:  # für Typprüfer gibt es nur die Namen aus __init__.pyi

    def __getattr__(name: str) -> Any:
        """Holt einen öffentlichen Namen beim ersten Zugriff aus seinem Modul."""
        if name == "__all__":
            wert: Any = sorted([*_exporte(), "__version__"])
        else:
            modul = _exporte().get(name)
            if modul is None:
                raise AttributeError(f"module 'kim_nrw' has no attribute {name!r}")
            wert = getattr(importlib.import_module(modul), name)
        globals()[name] = wert
        return wert

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(_exporte()))
