"""Die Dateien unter ``kim_nrw/daten/`` lesen – die TOML-Dateien über eine erzeugte Kopie.

Quelle der Wahrheit sind die TOML-Dateien. Sie mit dem reinen Python-Parser ``tomllib``
zu lesen, kostete beim ersten Gebrauch mehr Zeit als alles Übrige am Laden. Daneben
liegt deshalb die erzeugte Kopie ``daten/toml_kopie.json``: je TOML-Datei ihre
Prüfsumme (CRC-32 des Texts) und ihr Inhalt genau so, wie ``tomllib.loads`` ihn liefert,
als JSON – ein TOML-Datum als ``{"$datum": "2021-06-01"}`` (ebenso ``$datum_zeit`` und
``$zeit``), alles andere, wie es ist. :func:`inhalt` vergleicht jede TOML-Datei mit
ihrer Prüfsumme; passt sie nicht (die Datei wurde geändert, die Kopie nicht neu
erzeugt) oder fehlt sie in der Kopie, gibt es den TOML-Text zurück, den dann
:func:`kim_nrw.konverter.lies_toml` selbst liest. Die Kopie beschleunigt also nur, sie
entscheidet nie, was gilt.

Neu erzeugen: ``python tools/paketdaten.py``; ``tests/test_paketdaten.py`` prüft, dass
die Kopie aktuell ist und für jede Datei dasselbe liefert wie ``tomllib``.

Einen Schritt weiter geht die zweite erzeugte Form, ``daten/geladen.pickle``: die
*fertigen* Objekte (Quellenkatalog und Parameter; Behörden und Programmkatalog), so wie
die Lader sie aus den Dateien bauen, mit :mod:`pickle` gespeichert. Das Gebietsregister
gehört nicht dazu: aus ``gebietsstand.csv`` ist es schneller gebaut, als pickle geladen
und die Form geprüft ist (gemessen; ``kim-nrw kommune`` braucht nur das Register). Sie aus der
Kopie zu bauen, ließe cattrs für jede Klasse einen Lese-Hook übersetzen und jeden
Validator noch einmal laufen – beim Start von ``kim-nrw pruefen`` mehr Zeit als die
Prüfung selbst. :func:`geladen` gibt einen Teil davon nur zurück, wenn die Prüfsumme
*aller* dieser Dateien zu ihr passt und jede gespeicherte Klasse noch dieselben Felder hat;
sonst ``None``, und der Lader liest die TOML-Dateien wie gewohnt. Auch diese Form
entscheidet also nie, was gilt; ``tests/test_paketdaten.py`` prüft, dass sie dieselben
Objekte liefert wie die TOML-Dateien. Die Datei ist ein Teil des Pakets wie sein Code
(pickle führt beim Lesen Code aus; gelesen wird nur die eigene Datei des Pakets).

Gelesen wird über den Loader des Pakets (:func:`pkgutil.get_data`), nicht über
``importlib.resources``: das lädt beim Start pathlib, tempfile und zipfile mit.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import pkgutil
import zlib
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from kim_nrw.einmal import einmal

__all__ = [
    "GELADEN",
    "KOPIE",
    "alle_toml_dateien",
    "daten",
    "geladen",
    "geladen_oder",
    "inhalt",
    "kodiere",
    "kodiere_geladen",
    "kopie_text",
    "lies_kopie",
    "pruefsumme_der_quellen",
    "text",
    "toml_dateien",
]

KOPIE = "toml_kopie.json"
"""Die erzeugte Kopie der TOML-Dateien in ``kim_nrw/daten/``."""

_T = TypeVar("_T")

GELADEN = "geladen.pickle"
"""Die erzeugten, fertig geladenen Objekte der TOML-Dateien in ``kim_nrw/daten/``."""

_ORDNER_DER_TOML = ("", "parameter", "programme")
_WEITERE_QUELLEN = ("gebietsstand.csv",)  # gegen ihn prüft der Programmkatalog seine Kommunen
_MARKEN: dict[str, Any] = {
    "$datum_zeit": dt.datetime.fromisoformat,
    "$datum": dt.date.fromisoformat,
    "$zeit": dt.time.fromisoformat,
}


def daten(pfad: str) -> bytes:
    """Die Bytes der Datei ``kim_nrw/daten/<pfad>`` (``pfad`` mit ``/``)."""
    inhalt = pkgutil.get_data("kim_nrw", f"daten/{pfad}")
    if inhalt is None:  # pragma: no cover - nur ein Loader ohne get_data
        raise FileNotFoundError(f"kim_nrw/daten/{pfad}")
    return inhalt


def _zeilen(roh: bytes) -> bytes:
    """Zeilenenden wie beim Lesen im Textmodus: ``\\r\\n`` und ``\\r`` werden ``\\n``
    (in UTF-8 kommen diese Bytes nur als diese Zeichen vor)."""
    return roh.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in roh else roh


def text(pfad: str) -> str:
    """Der Text (UTF-8) der Datei ``kim_nrw/daten/<pfad>``, Zeilenenden wie im Textmodus."""
    return _zeilen(daten(pfad)).decode("utf-8")


def toml_dateien(ordner: str = "") -> list[str]:
    """Die TOML-Dateien in ``kim_nrw/daten/<ordner>`` als Pfade relativ zu ``daten/``."""
    paket = os.path.dirname(__file__)
    verzeichnis = os.path.join(paket, "daten", *ordner.split("/"))
    if os.path.isdir(verzeichnis):
        namen = os.listdir(verzeichnis)
    else:  # pragma: no cover - das Paket liegt in einem Archiv (zipimport)
        from importlib import resources

        namen = [e.name for e in resources.files("kim_nrw").joinpath("daten", ordner).iterdir()]
    vorne = f"{ordner}/" if ordner else ""
    return sorted(f"{vorne}{n}" for n in namen if n.endswith(".toml"))


def _pruefsumme(roh: bytes) -> str:
    """Die Prüfsumme der Bytes eines Texts (UTF-8, Zeilenenden ``\\n``)."""
    return f"crc32:{zlib.crc32(roh):08x}:{len(roh)}"


# -- Die Kopie --------------------------------------------------------------------------------


def _als_json(wert: object) -> object:
    """``default`` von ``json.dumps``: die Zeitwerte von TOML als markierte Objekte."""
    if isinstance(wert, dt.datetime):
        return {"$datum_zeit": wert.isoformat()}
    if isinstance(wert, dt.date):
        return {"$datum": wert.isoformat()}
    if isinstance(wert, dt.time):
        return {"$zeit": wert.isoformat()}
    raise TypeError(f"kein Wert von TOML: {type(wert).__name__}")


def _aus_json(objekt: dict[str, Any]) -> Any:
    """``object_hook`` von ``json.loads``: ein markiertes Objekt wird wieder der Zeitwert."""
    if len(objekt) == 1:
        for marke, lies in _MARKEN.items():
            if marke in objekt:
                return lies(objekt[marke])
    return objekt


def _keine_marken(wert: object, pfad: str) -> None:
    """Eine Tabelle darf keinen Schlüssel haben, der wie eine Marke aussieht."""
    if isinstance(wert, dict):
        for schluessel, inneres in wert.items():
            if schluessel in _MARKEN:
                raise ValueError(f"{pfad}: der Schlüssel {schluessel!r} ist der Kopie vorbehalten")
            _keine_marken(inneres, f"{pfad}.{schluessel}")
    elif isinstance(wert, list):
        for nr, inneres in enumerate(wert):
            _keine_marken(inneres, f"{pfad}[{nr}]")


def alle_toml_dateien() -> list[str]:
    """Alle TOML-Dateien der Paketdaten, relativ zu ``daten/``."""
    return [p for ordner in _ORDNER_DER_TOML for p in toml_dateien(ordner)]


def kodiere(dateien: dict[str, tuple[str, dict[str, Any]]]) -> str:
    """Der Text einer Kopie: je Pfad der Text der TOML-Datei und ihr gelesener Inhalt.

    Eine Tabelle mit einem Schlüssel, der wie eine Marke aussieht (``$datum`` …), ist ein
    ``ValueError``: die Kopie gäbe sie sonst als Zeitwert zurück.
    """
    eintraege: dict[str, object] = {}
    for pfad, (toml, inhalt) in dateien.items():
        _keine_marken(inhalt, pfad)
        eintraege[pfad] = {"pruefsumme": _pruefsumme(toml.encode("utf-8")), "inhalt": inhalt}
    import json

    kopie = {
        "hinweis": "Erzeugt aus den TOML-Dateien von tools/paketdaten.py – nicht von Hand "
        "ändern; Quelle der Wahrheit sind die TOML-Dateien.",
        "dateien": eintraege,
    }
    return json.dumps(kopie, ensure_ascii=False, indent=1, default=_als_json) + "\n"


def kopie_text() -> str:
    """Der Text der Kopie, wie er aus den TOML-Dateien jetzt entsteht (für das Werkzeug)."""
    import tomllib

    dateien = {}
    for pfad in alle_toml_dateien():
        toml = text(pfad)
        dateien[pfad] = (toml, tomllib.loads(toml))
    return kodiere(dateien)


def lies_kopie(text: str) -> dict[str, dict[str, Any]]:
    """Die Dateien einer Kopie: Pfad → ``{"pruefsumme": …, "inhalt": …}``."""
    import json  # erst hier: das Register (CSV) braucht es nicht

    dateien: dict[str, dict[str, Any]] = json.loads(text, object_hook=_aus_json)["dateien"]
    return dateien


@einmal
def _kopie() -> dict[str, dict[str, Any]]:
    try:
        return lies_kopie(text(KOPIE))
    except (OSError, ValueError, KeyError, TypeError):  # keine oder kaputte Kopie: die TOML
        return {}


def inhalt(pfad: str) -> str | dict[str, Any]:
    """Der Inhalt der TOML-Datei ``kim_nrw/daten/<pfad>`` für :func:`~kim_nrw.konverter.lies_toml`.

    Aus der Kopie (ein ``dict``, wie ``tomllib.loads`` es liefert, für alle Aufrufer
    dasselbe – also nicht verändern), wenn die Prüfsumme der Datei zur Kopie passt; sonst
    der TOML-Text der Datei.
    """
    roh = _zeilen(daten(pfad))
    eintrag = _kopie().get(pfad)
    if eintrag is not None and eintrag.get("pruefsumme") == _pruefsumme(roh):
        gelesen: dict[str, Any] = eintrag["inhalt"]
        return gelesen
    return roh.decode("utf-8")


# -- Die geladenen Objekte --------------------------------------------------------------------


def _nur_lesen(eintraege: dict[Any, Any]) -> Mapping[Any, Any]:
    """Baut beim Lesen eine ``MappingProxyType`` wieder auf (pickle kann sie nicht selbst)."""
    return MappingProxyType(eintraege)


def _felder(klasse: type) -> list[str]:
    return [feld.name for feld in klasse.__attrs_attrs__]  # type: ignore[attr-defined]


def pruefsumme_der_quellen() -> str:
    """Eine Prüfsumme über Pfad und Prüfsumme jeder Datei, aus der die geladene Form entsteht:
    aller TOML-Dateien und des Gebietsstands (CSV)."""
    quellen = [*alle_toml_dateien(), *_WEITERE_QUELLEN]
    teile = [f"{pfad}={_pruefsumme(_zeilen(daten(pfad)))}" for pfad in quellen]
    return _pruefsumme("\n".join(teile).encode("utf-8"))


def kodiere_geladen(teile: Mapping[str, object]) -> bytes:
    """Die Bytes der geladenen Form: je Name ein Objekt, dazu seine Klassen und die Prüfsumme.

    Jeder Teil ist ein eigener Pickle, damit :func:`geladen` nur den gefragten liest (und nur
    die Module importiert, deren Klassen er braucht).
    """
    import io
    import pickle

    class Speicherer(pickle.Pickler):
        """Ein Pickler, der sich die attrs-Klassen merkt, deren Objekte er schreibt."""

        def __init__(self, datei: io.BytesIO) -> None:
            super().__init__(datei, protocol=5)
            self.klassen: set[type] = set()

        def reducer_override(self, obj: Any) -> Any:
            if type(obj) is MappingProxyType:
                return _nur_lesen, (dict(obj),)
            if hasattr(type(obj), "__attrs_attrs__"):
                self.klassen.add(type(obj))
            return NotImplemented

    eintraege = {}
    for name, objekt in teile.items():
        puffer = io.BytesIO()
        speicherer = Speicherer(puffer)
        speicherer.dump(objekt)
        klassen = sorted((k.__module__, k.__qualname__, _felder(k)) for k in speicherer.klassen)
        eintraege[name] = {"klassen": klassen, "daten": puffer.getvalue()}
    aussen = {
        "hinweis": "Erzeugt aus den TOML-Dateien von tools/paketdaten.py – nicht von Hand "
        "ändern; Quelle der Wahrheit sind die TOML-Dateien.",
        "pruefsumme": pruefsumme_der_quellen(),
        "teile": eintraege,
    }
    return pickle.dumps(aussen, protocol=5)


def _teile_aus(roh: bytes) -> dict[str, Any]:
    """Die Teile einer gespeicherten Form – leer, wenn sie kaputt ist oder eine ihrer
    Quelldateien sich seit dem Speichern geändert hat (die Form wurde nicht neu erzeugt)."""
    import pickle  # erst hier: das Gebietsregister (CSV) braucht es nicht

    try:
        aussen = pickle.loads(roh)
        if aussen["pruefsumme"] != pruefsumme_der_quellen():
            return {}
        teile: dict[str, Any] = aussen["teile"]
        return teile
    except (pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError, AttributeError):
        return {}


@einmal
def _geladene_teile() -> dict[str, Any]:
    try:
        return _teile_aus(daten(GELADEN))
    except OSError:
        return {}


def _teil(eintrag: Mapping[str, Any]) -> Any | None:
    """Das Objekt eines Teils – ``None``, wenn eine seiner Klassen nicht mehr dieselben Felder
    hat (oder nicht mehr da ist) oder die Bytes nicht zu lesen sind."""
    import pickle

    try:
        for modul, qualname, felder in eintrag["klassen"]:
            klasse: Any = importlib.import_module(modul)
            for name in qualname.split("."):
                klasse = getattr(klasse, name)
            if _felder(klasse) != felder:
                return None
        return pickle.loads(eintrag["daten"])
    except (ImportError, AttributeError, KeyError, TypeError, ValueError, EOFError,
            pickle.UnpicklingError):  # fmt: skip
        return None


def geladen(name: str) -> Any | None:
    """Der Teil ``name`` der geladenen Form (``"recht"``, ``"behoerden"``, ``"katalog"``) –
    oder ``None``, wenn es ihn nicht gibt, eine ihrer Quelldateien sich geändert hat oder eine
    seiner Klassen andere Felder hat als beim Speichern. Jeder Aufruf liest den Teil neu; die
    Lader behalten ihn (einmal je Prozess)."""
    eintrag = _geladene_teile().get(name)
    return None if eintrag is None else _teil(eintrag)


def geladen_oder(name: str, aus_quellen: Callable[[], _T]) -> _T:
    """Der Teil ``name`` der geladenen Form, wo sie gilt – sonst ``aus_quellen()``, das ihn aus
    den Quelldateien baut (so entsteht die Form, so liest ein Lader ohne sie)."""
    gespeichert: _T | None = geladen(name)
    return aus_quellen() if gespeichert is None else gespeichert
