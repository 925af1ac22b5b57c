"""Sphinx-Erweiterung: die API-Referenz unter den öffentlichen Namen, nach Themen geteilt.

Die eine Tabelle der öffentlichen Namen ist ``src/kim_nrw/__init__.pyi``. Beim Start
jedes Builds (``builder-inited``) entstehen aus ihr und aus ``__all__`` der Untermodule

* ``docs/referenz/api/<thema>.rst`` – je Thema eine Seite: jeder Name der Paketwurzel
  dort dokumentiert, wo man ihn importiert (``kim_nrw.lade``, nicht
  ``kim_nrw.serial.dokument.lade``), darunter die Namen, die nur ein Untermodul
  anbietet (``kim_nrw.recht.Gewissheit``); Untermodule ohne Namen an der Wurzel
  (``kim_nrw.testing``) haben eine eigene Seite;
* ``docs/_generiert/api_uebersicht.rst`` – das Inhaltsverzeichnis der Themen und alle
  Namen der Wurzel von A bis Z, eingebunden in ``docs/referenz/api.rst``.

Ein neuer oder umbenannter Name an der Wurzel braucht deshalb keine Änderung der
Doku; ein neues Untermodul erscheint auf einer eigenen Seite, bis ``THEMEN`` es einem
Thema zuordnet.

Verweise: Docstrings und Typangaben nennen Objekte oft unter dem Modul, das sie
definiert (``kim_nrw.serial.dokument.lade``), unter dem Untermodul
(``kim_nrw.serial.lade``) oder kurz (``lade``). Die Erweiterung kennt für jedes
dokumentierte Objekt diese Namen und löst solche Verweise auf den öffentlichen Namen
auf (Ereignis ``missing-reference``), auch für Attribute und Methoden
(``kim_nrw.recht.Parameter.wert_am`` → ``kim_nrw.Parameter.wert_am``). Private Namen
(``_T``, ``_Schluessel``) werden absichtlich als Text gesetzt. Was danach noch nicht
auflösbar ist, meldet der Build mit ``nitpicky = True`` als Fehler.

Ohne Sphinx aufrufbar: ``python docs/_ext/kim_api.py`` schreibt die Dateien auch.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from erzeugt import schreibe_text

PAKET = "kim_nrw"
ORDNER = Path("referenz") / "api"
UEBERSICHT = Path("_generiert") / "api_uebersicht.rst"


@dataclass(frozen=True)
class Thema:
    """Eine Seite der Referenz: Titel, Dateiname, die Untermodule, die sie umfasst."""

    datei: str
    titel: str
    module: tuple[str, ...]
    erklaerung: str | None = None


THEMEN: tuple[Thema, ...] = (
    Thema("gebiet", "Gebiet: Kommunen, Kreise, Schlüssel", ("gebiet",), "erklaerung/gebiet"),
    Thema("zeit_und_geld", "Zeit und Geld", ("zeit", "geld"), "erklaerung/zeit_und_geld"),
    Thema("recht", "Recht: Quellen und Parameter", ("recht",), "erklaerung/recht"),
    Thema("programme", "Programme und KI", ("programme", "zentren"), "erklaerung/programm_kim"),
    Thema("antraege", "Anträge, Bescheide, Nachweise", ("antrag",), "anleitungen/antrag_pruefen"),
    Thema("pruefung", "Prüfung", ("pruefung",), "erklaerung/pruefung"),
    Thema("planung", "Planen und Auswerten", ("planung",), "anleitungen/planen"),
    Thema("json", "JSON und Schemas", ("serial",), "erklaerung/json_und_schemas"),
    Thema("fehler", "Fehler", ("fehler",), "erklaerung/fehlerkanaele"),
    Thema(
        "testing", "Testkit für Downstream-Projekte", ("testing",), "anleitungen/downstream_testen"
    ),
    Thema(
        "bausteine",
        "Bausteine: Validatoren, Schreibweise, Konverter",
        ("validatoren", "schreibweise", "konverter", "einmal", "umbruch"),
    ),
)
"""Die Themen in der Reihenfolge des Inhaltsverzeichnisses."""

NICHT_IN_DER_API = frozenset({"cli", "__main__"})
"""Untermodule ohne Python-API: die Kommandozeile hat ihre eigene Referenzseite."""


@dataclass
class Eintrag:
    """Ein dokumentierter Name: unter welchem Namen, welches Objekt, welche Art."""

    name: str
    """Der öffentliche, vollständige Name (``kim_nrw.lade``)."""
    objekt: Any
    art: str
    """``class``, ``exception``, ``function``, ``type`` (Typalias) oder ``data``."""
    doku: str = ""
    """Für Daten: der Docstring aus dem Modul, das sie zuweist."""
    typ: str | None = None
    wert: str | None = None
    aliase: set[str] = field(default_factory=set)


def stub_namen(paket: ModuleType) -> dict[str, str]:
    """Name → Untermodul, wie in ``__init__.pyi`` (die eine Tabelle der Wurzel)."""
    datei = Path(paket.__file__ or "").with_suffix(".pyi")
    baum = ast.parse(datei.read_text(encoding="utf-8"))
    return {
        alias.asname or alias.name: knoten.module
        for knoten in baum.body
        if isinstance(knoten, ast.ImportFrom) and knoten.module is not None
        for alias in knoten.names
    }


def untermodule(paket: ModuleType) -> list[str]:
    """Die öffentlichen Untermodule erster Ebene (``kim_nrw.recht``, ``kim_nrw.testing`` …)."""
    return sorted(
        info.name
        for info in pkgutil.iter_modules(paket.__path__)
        if not info.name.startswith("_") and info.name not in NICHT_IN_DER_API
    )


def _art(objekt: Any) -> str:
    if isinstance(objekt, types.UnionType) or type(objekt).__module__ == "typing":
        return "type"
    if inspect.isclass(objekt):
        return "exception" if issubclass(objekt, BaseException) else "class"
    if callable(objekt) and not isinstance(objekt, type(int | str)):
        return "function"
    return "data"


def _untermodule_von(modulname: str) -> Iterator[ModuleType]:
    modul = importlib.import_module(modulname)
    yield modul
    for info in pkgutil.walk_packages(getattr(modul, "__path__", []), modulname + "."):
        yield importlib.import_module(info.name)


def _weist_zu(modul: ModuleType, name: str) -> bool:
    """Ob ``modul`` den Namen auf oberster Ebene zuweist (nicht nur importiert)."""
    try:
        baum = ast.parse(inspect.getsource(modul))
    except (OSError, TypeError):
        return False
    for knoten in baum.body:
        ziele = (
            knoten.targets
            if isinstance(knoten, ast.Assign)
            else [knoten.target]
            if isinstance(knoten, ast.AnnAssign)
            else []
        )
        if any(isinstance(z, ast.Name) and z.id == name for z in ziele):
            return True
    return False


class _Qualifizierer(ast.NodeTransformer):
    """Ersetzt Namen einer Typangabe durch ``modul.qualname`` des Objekts, das sie meinen."""

    def __init__(self, modul: ModuleType) -> None:
        self.modul = modul

    def visit_Name(self, knoten: ast.Name) -> ast.AST:
        wert = vars(self.modul).get(knoten.id)
        herkunft = getattr(wert, "__module__", None)
        if wert is None or herkunft is None or not hasattr(wert, "__qualname__"):
            return knoten
        if herkunft == "builtins":
            return knoten
        return ast.parse(f"{herkunft}.{wert.__qualname__}", mode="eval").body


def _qualifiziere(typ: str, modul: ModuleType) -> str:
    """Die Typangabe mit vollständigen Namen; ``Final[X]`` wird zu ``X``."""
    baum = ast.parse(typ, mode="eval").body
    if isinstance(baum, ast.Subscript) and getattr(baum.value, "id", "") == "Final":
        baum = baum.slice
    return ast.unparse(_Qualifizierer(modul).visit(baum))


def _daten_doku(modulname: str, name: str) -> tuple[str, str | None]:
    """Docstring und Typangabe einer Modulkonstante, gesucht im Untermodul und darunter."""
    from sphinx.pycode import ModuleAnalyzer

    for modul in _untermodule_von(modulname):
        if not _weist_zu(modul, name):
            continue
        analyse = ModuleAnalyzer.for_module(modul.__name__)
        analyse.analyze()
        doku = "\n".join(analyse.find_attr_docs().get(("", name), []))
        typ = analyse.annotations.get(("", name))
        return doku.strip(), None if typ is None else _qualifiziere(typ, modul)
    return "", None


def _kurzer_wert(objekt: Any) -> str | None:
    if isinstance(objekt, bool | int | float | str) or type(objekt).__name__ == "Decimal":
        text = repr(objekt)
        return text if len(text) <= 60 else None
    return None


def _eintrag(name: str, objekt: Any, modulname: str) -> Eintrag:
    art = _art(objekt)
    eintrag = Eintrag(name, objekt, art)
    if art == "type":
        eintrag.doku, _ = _daten_doku(modulname, name.rsplit(".", 1)[1])
        eintrag.wert = str(objekt)
    elif art == "data":
        eintrag.doku, eintrag.typ = _daten_doku(modulname, name.rsplit(".", 1)[1])
        if eintrag.typ is None:
            herkunft = type(objekt).__module__
            eintrag.typ = ("" if herkunft == "builtins" else herkunft + ".") + type(
                objekt
            ).__qualname__
        eintrag.wert = _kurzer_wert(objekt)
    else:
        definiert = f"{getattr(objekt, '__module__', '')}.{getattr(objekt, '__qualname__', '')}"
        eintrag.aliase.add(definiert)
    kurz = name.rsplit(".", 1)[1]
    eintrag.aliase.add(f"{modulname}.{kurz}")
    eintrag.aliase.discard(name)
    return eintrag


@dataclass
class Seite:
    """Eine erzeugte Themenseite."""

    thema: Thema
    wurzel: list[Eintrag]
    untermodul: dict[str, list[Eintrag]]


def sammle() -> list[Seite]:
    """Alle Themenseiten mit ihren Einträgen, aus der Stub-Tabelle und ``__all__``."""
    paket = importlib.import_module(PAKET)
    stub = stub_namen(paket)
    module = untermodule(paket)
    themen = list(THEMEN)
    bekannt = {m for t in themen for m in t.module}
    for m in module:
        if m not in bekannt:  # ein neues Untermodul: eigene Seite, bis THEMEN es zuordnet
            themen.append(Thema(m, f"{PAKET}.{m}", (m,)))
    seiten = []
    for thema in themen:
        wurzel = [
            _eintrag(f"{PAKET}.{name}", getattr(paket, name), modul)
            for name, modul in stub.items()
            if modul.split(".")[1] in thema.module
        ]
        unter: dict[str, list[Eintrag]] = {}
        for m in thema.module:
            if m not in module:
                continue
            modulname = f"{PAKET}.{m}"
            modul = importlib.import_module(modulname)
            namen = getattr(modul, "__all__", None)
            if namen is None:
                namen = [n for n in vars(modul) if not n.startswith("_")]
            eintraege = [
                _eintrag(f"{modulname}.{n}", getattr(modul, n), modulname)
                for n in namen
                if not (n in stub and stub[n] == modulname)
                and getattr(paket, n, None) is not getattr(modul, n)
            ]
            unter[modulname] = eintraege
        if wurzel or any(unter.values()) or any(m in module for m in thema.module):
            seiten.append(Seite(thema, wurzel, unter))
    return seiten


_ARTEN = (
    ("class", "Typen"),
    ("type", "Typaliase"),
    ("exception", "Ausnahmen"),
    ("function", "Funktionen"),
    ("data", "Konstanten und Daten"),
)


def _titel(text: str, zeichen: str) -> list[str]:
    return [text, zeichen * len(text), ""]


def _direktive(e: Eintrag) -> list[str]:
    if e.art == "class":
        return [f".. autoclass:: {e.name}", ""]
    if e.art == "exception":
        return [f".. autoexception:: {e.name}", ""]
    if e.art == "function":
        return [f".. autofunction:: {e.name}", ""]
    modul, kurz = e.name.rsplit(".", 1)
    if e.art == "type":
        zeilen = [f".. py:type:: {kurz}", f"   :module: {modul}", f"   :canonical: {e.wert}"]
    else:
        zeilen = [f".. py:data:: {kurz}", f"   :module: {modul}"]
    if e.art == "data" and e.typ:
        zeilen.append(f"   :type: {e.typ}")
    if e.art == "data" and e.wert is not None:
        zeilen.append(f"   :value: {e.wert}")
    zeilen.append("")
    if e.doku:
        zeilen += [f"   {z}" if z else "" for z in e.doku.splitlines()]
        zeilen.append("")
    return zeilen


def _gruppen(eintraege: list[Eintrag], zeichen: str) -> list[str]:
    zeilen: list[str] = []
    for art, titel in _ARTEN:
        auswahl = [e for e in eintraege if e.art == art]
        if not auswahl:
            continue
        zeilen += _titel(titel, zeichen)
        for e in auswahl:
            zeilen += _direktive(e)
    return zeilen


def seite_rst(seite: Seite) -> str:
    """Eine Themenseite als reStructuredText."""
    t = seite.thema
    zeilen = [
        ".. Erzeugt von docs/_ext/kim_api.py aus src/kim_nrw/__init__.pyi – nicht von Hand ändern.",
        "",
        *_titel(t.titel, "="),
    ]
    if t.erklaerung:
        zeilen += [f"Hintergrund: :doc:`/{t.erklaerung}`.", ""]
    for modulname in seite.untermodul:
        zeilen += [f".. automodule:: {modulname}", "   :no-members:", ""]
    if seite.wurzel:
        zeilen += _titel(f"Namen der Paketwurzel ``{PAKET}``", "-")
        zeilen += ["Importiert als ``import kim_nrw`` oder ``from kim_nrw import …``.", ""]
        zeilen += [f".. py:currentmodule:: {PAKET}", ""]
        zeilen += _gruppen(seite.wurzel, "~")
    for modulname, eintraege in seite.untermodul.items():
        if not eintraege:
            continue
        if seite.wurzel:
            zeilen += _titel(f"Weitere Namen in ``{modulname}``", "-")
            zeilen += [f"Nur aus dem Untermodul: ``from {modulname} import …``.", ""]
        else:
            zeilen += _titel(f"Namen in ``{modulname}``", "-")
        zeilen += [f".. py:currentmodule:: {modulname}", ""]
        zeilen += _gruppen(eintraege, "~")
    return "\n".join(zeilen).rstrip() + "\n"


def _erste_zeile(objekt: Any, doku: str) -> str:
    text = doku or (inspect.getdoc(objekt) or "" if _art(objekt) not in ("data", "type") else "")
    zeile = text.strip().split("\n\n")[0].replace("\n", " ").strip()
    return re.sub(r"\s+", " ", zeile)


_ROLLE = {"class": "class", "type": "type", "exception": "exc", "function": "func", "data": "data"}
_ART_TEXT = {
    "class": "Typ",
    "type": "Typalias",
    "exception": "Ausnahme",
    "function": "Funktion",
    "data": "Daten",
}


def uebersicht_rst(seiten: list[Seite]) -> str:
    """Inhaltsverzeichnis der Themen und alle Namen der Wurzel von A bis Z."""
    zeilen = [
        ".. Erzeugt von docs/_ext/kim_api.py aus src/kim_nrw/__init__.pyi – nicht von Hand ändern.",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
        *(f"   {ORDNER.name}/{s.thema.datei}" for s in seiten),
        "",
        *_titel(f"Alle Namen der Paketwurzel ``{PAKET}``", "-"),
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 30 12 58",
        "",
        "   * - Name",
        "     - Art",
        "     - Kurzbeschreibung",
    ]
    alle = sorted(
        ((e, s) for s in seiten for e in s.wurzel), key=lambda es: es[0].name.lower()
    )
    for e, _s in alle:
        kurz = e.name.rsplit(".", 1)[1]
        beschreibung = _erste_zeile(e.objekt, e.doku) or "–"
        zeilen += [
            f"   * - :py:{_ROLLE[e.art]}:`{kurz} <{e.name}>`",
            f"     - {_ART_TEXT[e.art]}",
            f"     - {beschreibung}",
        ]
    zeilen += ["", *_veraltete()]
    return "\n".join(zeilen).rstrip() + "\n"


def _veraltete() -> list[str]:
    """Die veralteten Namen aus ``kim_nrw._veraltet.REGISTER`` (nach dem Import aller Module)."""
    from kim_nrw._veraltet import REGISTER

    zeilen = _titel("Veraltete Namen", "-")
    if not REGISTER:
        return [*zeilen, "Zurzeit ist kein Name veraltet (:doc:`/erklaerung/versionierung`).", ""]
    zeilen += [
        "Sie funktionieren noch, warnen aber mit ``DeprecationWarning``"
        " (:doc:`/erklaerung/versionierung`).",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 35 15 15 35",
        "",
        "   * - Name",
        "     - veraltet seit",
        "     - entfällt in",
        "     - stattdessen",
    ]
    for e in sorted(REGISTER.values(), key=lambda e: e.name):
        zeilen += [
            f"   * - ``{e.name}``",
            f"     - {e.seit}",
            f"     - {e.entfaellt_in}",
            f"     - ``{e.ersatz}``",
        ]
    return [*zeilen, ""]


def schreibe(wurzel: Path) -> list[Seite]:
    """Schreibt alle Seiten unter ``wurzel`` (dem Quellordner der Doku); entfernt veraltete."""
    seiten = sammle()
    ordner = wurzel / ORDNER
    geschrieben = set()
    for seite in seiten:
        ziel = ordner / f"{seite.thema.datei}.rst"
        schreibe_text(ziel, seite_rst(seite))
        geschrieben.add(ziel.name)
    for alt in ordner.glob("*.rst"):
        if alt.name not in geschrieben:
            alt.unlink()
    schreibe_text(wurzel / UEBERSICHT, uebersicht_rst(seiten))
    return seiten


# --- Verweise auf den öffentlichen Namen auflösen -------------------------------------------


def _alias_tabelle(seiten: list[Seite]) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Alias → öffentlicher Name, und Kurzname → öffentliche Namen."""
    alias: dict[str, str] = {}
    kurz: dict[str, set[str]] = {}
    for seite in seiten:
        for e in [*seite.wurzel, *(x for liste in seite.untermodul.values() for x in liste)]:
            for a in e.aliase:
                alias.setdefault(a, e.name)
            kurz.setdefault(e.name.rsplit(".", 1)[1], set()).add(e.name)
    return alias, kurz


def _kandidaten(ziel: str, alias: dict[str, str], kurz: dict[str, set[str]]) -> Iterator[str]:
    ziel = ziel.lstrip(".~")
    if ziel in alias:
        yield alias[ziel]
    teile = ziel.split(".")
    for i in range(len(teile) - 1, 0, -1):  # Attribut/Methode: Präfix ersetzen
        kopf = ".".join(teile[:i])
        if kopf in alias:
            yield ".".join([alias[kopf], *teile[i:]])
    erster = teile[0]
    if erster in kurz and len(kurz[erster]) == 1:  # kurzer Name, eindeutig
        yield ".".join([next(iter(kurz[erster])), *teile[1:]])
    if ziel.startswith(PAKET + "."):  # ein nicht dokumentiertes Modul: das nächste darüber
        for i in range(len(teile) - 1, 1, -1):
            yield ".".join(teile[:i])


def _fehlender_verweis(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") != "py":
        return None
    ziel = node.get("reftarget", "")
    if re.search(r"(^|\.)_[A-Za-z]\w*$", ziel) and (
        ziel.startswith(PAKET + ".") or "." not in ziel
    ):
        return contnode  # private Namen (TypeVar, Basisklassen): absichtlich als Text
    alias, kurz = getattr(env, "kim_api_alias", ({}, {}))
    domain = env.domains["py"]
    typ = node.get("reftype")
    for kandidat in _kandidaten(ziel, alias, kurz):
        for versuch in (typ, "obj"):
            ergebnis = domain.resolve_xref(
                env, node.get("refdoc", ""), app.builder, versuch, kandidat, node, contnode
            )
            if ergebnis is not None:
                return ergebnis
    return None


def _beim_start(app: Any) -> None:
    seiten = schreibe(Path(app.srcdir))
    app.env.kim_api_alias = _alias_tabelle(seiten)


def _env_merge(app: Any, env: Any, docnames: Any, other: Any) -> None:
    if not hasattr(env, "kim_api_alias") and hasattr(other, "kim_api_alias"):
        env.kim_api_alias = other.kim_api_alias


def setup(app: Any) -> dict[str, Any]:
    """Meldet die Erweiterung bei Sphinx an."""
    app.connect("builder-inited", _beim_start)
    app.connect("missing-reference", _fehlender_verweis)
    app.connect("env-merge-info", _env_merge)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    schreibe(Path(__file__).resolve().parent.parent)
