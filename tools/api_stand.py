"""Der Stand der öffentlichen API von kim_nrw als Textdatei – und der Vergleich damit.

Zur öffentlichen API gehören die Namen der Paketwurzel (die eine Tabelle
``src/kim_nrw/__init__.pyi``) und die Namen in ``__all__`` der Untermodule erster Ebene
(``kim_nrw.recht``, ``kim_nrw.testing`` …; die Kommandozeile mit ``kim_nrw.cli.main``).
Für jeden Namen hält der Stand fest: die Art, das Modul, das ihn definiert, die
Signatur, bei Klassen die Basisklassen, die öffentlichen Attribute (attrs-Felder mit
Typ und Vorgabe), Methoden und Eigenschaften mit Signatur, bei Aufzählungen die Glieder.
Veraltete Namen (``kim_nrw._veraltet.REGISTER``) stehen als veraltet darin.

Aufrufe::

    .venv/bin/python tools/api_stand.py            # vergleicht, Exit 1 bei Abweichung
    .venv/bin/python tools/api_stand.py --schreiben  # schreibt den Stand neu

``tests/test_api_stand.py`` vergleicht bei jedem Testlauf. Der Stand liegt in
``tests/golden/oeffentliche_api.txt``; wer die API ändert, schreibt ihn bewusst neu und
folgt dabei den Regeln der Versionierung (docs/erklaerung/versionierung.rst): was
entfällt oder sich unverträglich ändert, braucht eine MAJOR-Version oder einen
veralteten Alias.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import difflib
import enum
import importlib
import inspect
import pkgutil
import re
import sys
import types
from pathlib import Path
from typing import Any

PAKET = "kim_nrw"
WURZEL = Path(__file__).resolve().parent.parent
STAND = WURZEL / "tests" / "golden" / "oeffentliche_api.txt"
_ADRESSE = re.compile(r" at 0x[0-9a-fA-F]+")


def oeffentliche_namen() -> dict[str, Any]:
    """Voller öffentlicher Name → Objekt, für die Wurzel und alle Untermodule erster Ebene."""
    paket = importlib.import_module(PAKET)
    stub = Path(paket.__file__ or "").with_suffix(".pyi")
    baum = ast.parse(stub.read_text(encoding="utf-8"))
    namen: dict[str, Any] = {}
    for knoten in baum.body:
        if isinstance(knoten, ast.ImportFrom):
            for alias in knoten.names:
                name = alias.asname or alias.name
                namen[f"{PAKET}.{name}"] = getattr(paket, name)
    for info in sorted(pkgutil.iter_modules(paket.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        modul = importlib.import_module(f"{PAKET}.{info.name}")
        for name in getattr(modul, "__all__", ()):
            namen[f"{modul.__name__}.{name}"] = getattr(modul, name)
    return namen


def _annotation(wert: Any) -> str:
    if wert is inspect.Parameter.empty:
        return ""
    text = wert if isinstance(wert, str) else inspect.formatannotation(wert)
    return " ".join(text.split())


def _vorgabe(wert: Any) -> str:
    return _ADRESSE.sub("", repr(wert))


def signatur(objekt: Any) -> str:
    """Die Signatur mit Annotationen als Text (wie im Quelltext), Vorgaben per ``repr``."""
    try:
        sig = inspect.signature(objekt, eval_str=False)
    except (TypeError, ValueError):
        return "(…)"
    teile = []
    vorher = None
    for p in sig.parameters.values():
        if vorher is inspect.Parameter.POSITIONAL_ONLY and p.kind is not vorher:
            teile.append("/")
        if p.kind is inspect.Parameter.KEYWORD_ONLY and vorher not in (
            inspect.Parameter.KEYWORD_ONLY,
            inspect.Parameter.VAR_POSITIONAL,
        ):
            teile.append("*")
        text = {"VAR_POSITIONAL": "*", "VAR_KEYWORD": "**"}.get(p.kind.name, "") + p.name
        if (a := _annotation(p.annotation)) != "":
            text += f": {a}"
        if p.default is not inspect.Parameter.empty:
            text += f" = {_vorgabe(p.default)}"
        teile.append(text)
        vorher = p.kind
    if vorher is inspect.Parameter.POSITIONAL_ONLY:
        teile.append("/")
    rueckgabe = _annotation(sig.return_annotation)
    return f"({', '.join(teile)})" + (f" -> {rueckgabe}" if rueckgabe else "")


def _herkunft(objekt: Any) -> str:
    return f"{getattr(objekt, '__module__', '?')}.{getattr(objekt, '__qualname__', '?')}"


def _klasse(name: str, klasse: type) -> list[str]:
    basen = ", ".join(
        b.__qualname__ if b.__module__ == "builtins" else _herkunft(b) for b in klasse.__bases__
    )
    zeilen = [f"{name}: Klasse {_herkunft(klasse)}({basen})"]
    if issubclass(klasse, enum.Enum):
        for glied in klasse:
            zeilen.append(f"{name}.{glied.name}: Glied = {glied.value!r}")
    felder: dict[str, str] = {}
    if hasattr(klasse, "__attrs_attrs__"):
        # Aufgelöst schreiben, ob der Konverter die Typen schon aufgelöst hat oder nicht.
        import attrs

        attrs.resolve_types(klasse)
        for f in klasse.__attrs_attrs__:
            if f.name.startswith("_"):
                continue
            text = f"Feld: {_annotation(f.type) if f.type is not None else ''}"
            if f.default is not dataclasses.MISSING and type(f.default).__name__ != "_Nothing":
                fabrik = getattr(f.default, "factory", None)
                text += f" = {fabrik.__name__}()" if fabrik else f" = {_vorgabe(f.default)}"
            if f.kw_only:
                text += " (nur als Schlüsselwort)"
            felder[f.name] = text
        zeilen.append(f"{name}.__init__: Konstruktor {signatur(klasse)}")
    elif not issubclass(klasse, enum.Enum):
        zeilen.append(f"{name}.__init__: Konstruktor {signatur(klasse)}")
    for attr, text in felder.items():
        zeilen.append(f"{name}.{attr}: {text}")
    eigene: dict[str, Any] = {}
    for basis in reversed(klasse.__mro__):  # geerbte Namen aus kim_nrw gehören dazu
        if basis.__module__.split(".")[0] == PAKET:
            eigene.update(vars(basis))
    for attr, wert in sorted(eigene.items()):
        if attr.startswith("_") or attr in felder:
            continue
        if issubclass(klasse, enum.Enum) and attr in klasse.__members__:
            continue
        if isinstance(wert, property | types.MemberDescriptorType):
            rueckgabe = _annotation(inspect.signature(wert.fget).return_annotation) if (
                isinstance(wert, property) and wert.fget is not None
            ) else ""
            zeilen.append(f"{name}.{attr}: Eigenschaft" + (f" -> {rueckgabe}" if rueckgabe else ""))
        elif isinstance(wert, classmethod):
            zeilen.append(f"{name}.{attr}: Klassenmethode {signatur(wert.__func__)}")
        elif isinstance(wert, staticmethod):
            zeilen.append(f"{name}.{attr}: statische Methode {signatur(wert.__func__)}")
        elif inspect.isfunction(wert):
            zeilen.append(f"{name}.{attr}: Methode {signatur(wert)}")
        elif hasattr(wert, "__get__") and hasattr(wert, "func"):  # functools.cached_property
            zeilen.append(f"{name}.{attr}: Eigenschaft")
        else:
            zeilen.append(f"{name}.{attr}: Klassenattribut {type(wert).__qualname__}")
    return zeilen


def beschreibe(name: str, objekt: Any) -> list[str]:
    """Die Zeilen des Stands für einen öffentlichen Namen."""
    if isinstance(objekt, types.UnionType) or type(objekt).__module__ == "typing":
        return [f"{name}: Typalias = {' '.join(str(objekt).split())}"]
    if inspect.isclass(objekt):
        return _klasse(name, objekt)
    if isinstance(objekt, types.ModuleType):
        return [f"{name}: Modul {objekt.__name__}"]
    if callable(objekt):
        ziel = inspect.unwrap(objekt)
        return [f"{name}: Funktion {_herkunft(ziel)}{signatur(objekt)}"]
    return [f"{name}: Wert vom Typ {_herkunft(type(objekt))}"]


def erfasse() -> list[str]:
    """Der ganze Stand, sortiert: eine Zeile je Name, Attribut, Methode und Glied."""
    zeilen: list[str] = []
    for name, objekt in sorted(oeffentliche_namen().items()):
        zeilen += beschreibe(name, objekt)
    from kim_nrw._veraltet import REGISTER

    for e in sorted(REGISTER.values(), key=lambda e: e.name):
        zeilen.append(
            f"{e.name}: veraltet seit {e.seit}, entfällt in {e.entfaellt_in} → {e.ersatz}"
        )
    return sorted(set(zeilen), key=lambda z: (_schluessel(z), z))


def text(zeilen: list[str]) -> str:
    """Der Stand als Dateitext mit Kopf."""
    kopf = [
        "# Öffentliche API von kim_nrw – erzeugt von tools/api_stand.py, nicht von Hand ändern.",
        "# Neu schreiben: .venv/bin/python tools/api_stand.py --schreiben",
    ]
    return "\n".join([*kopf, *zeilen]) + "\n"


def lies(datei: Path = STAND) -> list[str]:
    """Der gespeicherte Stand (ohne Kopfzeilen)."""
    return [
        z for z in datei.read_text(encoding="utf-8").splitlines() if z and not z.startswith("#")
    ]


def _schluessel(zeile: str) -> str:
    return zeile.split(": ", 1)[0]


def bericht(alt: list[str], neu: list[str]) -> str:
    """Was sich geändert hat, eingeteilt nach Folgen für die Version; leer, wenn nichts."""
    if alt == neu:
        return ""
    alt_nach_name = {_schluessel(z): z for z in alt}
    neu_nach_name = {_schluessel(z): z for z in neu}
    entfallen = sorted(set(alt_nach_name) - set(neu_nach_name))
    dazu = sorted(set(neu_nach_name) - set(alt_nach_name))
    geaendert = sorted(
        n for n in set(alt_nach_name) & set(neu_nach_name) if alt_nach_name[n] != neu_nach_name[n]
    )
    veraltet = [n for n in geaendert if ": veraltet seit " in neu_nach_name[n]]
    unvertraeglich = [n for n in geaendert if n not in veraltet]
    teile = ["Die öffentliche API weicht vom gespeicherten Stand ab."]
    if entfallen or unvertraeglich:
        teile.append(
            "\nMÖGLICHERWEISE INKOMPATIBEL – braucht eine MAJOR-Version (vor 1.0.0: eine "
            "MINOR-Version mit Hinweis im CHANGELOG) oder einen veralteten Alias "
            "(kim_nrw._veraltet):"
        )
        teile += [f"  entfällt: {alt_nach_name[n]}" for n in entfallen]
        for n in unvertraeglich:
            teile += [f"  geändert: {alt_nach_name[n]}", f"      jetzt: {neu_nach_name[n]}"]
    if veraltet:
        teile.append("\nAls veraltet angemeldet (verträglich, CHANGELOG „Veraltet“):")
        teile += [f"  {neu_nach_name[n]}" for n in veraltet]
    if dazu:
        teile.append("\nNeu (verträglich, MINOR-Version, CHANGELOG „Hinzugefügt“):")
        teile += [f"  {neu_nach_name[n]}" for n in dazu]
    teile.append("\nUnterschied zum Stand (tests/golden/oeffentliche_api.txt):")
    teile += list(difflib.unified_diff(alt, neu, "gespeichert", "jetzt", lineterm="", n=0))
    teile.append(
        "\nIst die Änderung gewollt: .venv/bin/python tools/api_stand.py --schreiben, "
        "den neuen Stand mit committen und die Version nach "
        "docs/erklaerung/versionierung.rst wählen."
    )
    return "\n".join(teile)


def main(argv: list[str] | None = None) -> int:
    """Vergleicht mit dem gespeicherten Stand oder schreibt ihn neu."""
    parser = argparse.ArgumentParser(description="Stand der öffentlichen API von kim_nrw")
    parser.add_argument("--schreiben", action="store_true", help="den Stand neu schreiben")
    args = parser.parse_args(argv)
    jetzt = erfasse()
    if args.schreiben:
        STAND.parent.mkdir(parents=True, exist_ok=True)
        STAND.write_text(text(jetzt), encoding="utf-8")
        print(f"{STAND.relative_to(WURZEL)}: {len(jetzt)} Zeilen geschrieben")
        return 0
    unterschied = bericht(lies(), jetzt)
    print(unterschied or f"API unverändert ({len(jetzt)} Zeilen)")
    return 1 if unterschied else 0


if __name__ == "__main__":
    sys.exit(main())
