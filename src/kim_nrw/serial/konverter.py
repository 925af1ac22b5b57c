"""Der eine cattrs-Konverter von kim_nrw und sein schneller Pfad.

:data:`KONVERTER` ist ein :class:`cattrs.Converter` mit ausführlicher Prüfung
(``detailed_validation``) und ohne Nachsicht bei unbekannten Schlüsseln
(``forbid_extra_keys``). Er legt die JSON-Form fest: Daten als ISO-Text, Geld als
Dezimaltext (nie Float), Aufzählungen nach Wert, Schlüssel und Zeiträume in ihrer
Textform (siehe :mod:`kim_nrw.serial.werte`), Folgen als Listen. Beim Lesen prüft
er jedes Feld mit dem Validator des Modells und sammelt *alle* Probleme.

Gelesen wird in zwei Durchgängen:

1. **schnell** – je Modell eine einmal erzeugte Funktion ohne Verteilung zur
   Laufzeit: Felder lesen, Objekt anlegen, nur die Validatoren aufrufen, die mehr
   prüfen als den Typ, den der Leser schon garantiert, dann die Invarianten
   (``__attrs_post_init__``). Jede Abweichung bricht ab.
2. **ausführlich** – nur wenn der schnelle Durchgang scheitert: der cattrs-Konverter
   mit allen Validatoren; was er findet, wird zu einer Liste von
   :class:`~kim_nrw.fehler.Problem` en mit JSON-Pfad.

Was der ausführliche Durchgang annimmt, nimmt auch der schnelle an oder gibt
es an ihn weiter; beide liefern dasselbe Objekt (ein Hypothesis-Test prüft das).

>>> from kim_nrw.antrag import Stelle
>>> from kim_nrw.serial.konverter import entstrukturiere, strukturiere
>>> stelle = strukturiere(Stelle, {"funktion": "case_management", "anteil": "0,5"})
>>> entstrukturiere(stelle)
{'funktion': 'case_management', 'anteil': '0.5', 'bezeichnung': ''}
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Callable, Mapping
from types import GenericAlias
from typing import Any, Final, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from kim_nrw.antrag import (
    Abgleich,
    Ausgabe,
    Drittmittel,
    Foerderantrag,
    Stelle,
    Verwendungsnachweis,
    Weiterleitung,
    Zusatzstelle,
    Zuwendungsbescheid,
)
from kim_nrw.fehler import DokumentFehler, KimNrwFehler, Problem, UngueltigeEingabe
from kim_nrw.pruefung import Pruefergebnis, Pruefpunkt, Rechenschritt, VerwendeterWert
from kim_nrw.recht import Luecke, Parameter, Parameterart, Parameterwert, Rechtsquelle
from kim_nrw.serial.werte import (
    PARAMETERART,
    json_kurz,
    ohne_none,
    slot_setzer,
    wertart,
    wertarten,
)

__all__ = [
    "KONVERTER",
    "MODELLE",
    "beschreibe",
    "entstrukturiere",
    "probleme",
    "strukturiere",
]

MODELLE: Final[tuple[type, ...]] = (
    Foerderantrag,
    Stelle,
    Weiterleitung,
    Drittmittel,
    Zusatzstelle,
    Zuwendungsbescheid,
    Verwendungsnachweis,
    Ausgabe,
    Abgleich,
    Pruefergebnis,
    Pruefpunkt,
    Rechenschritt,
    VerwendeterWert,
    Parameter,
    Luecke,
    Rechtsquelle,
)
"""Die Modelle mit eigener JSON-Form; Blattwerte (Betrag, Zeitraum, Schlüssel …) kommen dazu.

Ein :class:`~kim_nrw.recht.Parameterwert` steht nur innerhalb seines
:class:`~kim_nrw.recht.Parameter`: erst dessen Art sagt, ob ``"0.90"`` ein Dezimalwert
oder ein Text ist.
"""

_MODELLMENGE = frozenset((*MODELLE, Parameterwert))
_OEFFENTLICH = frozenset(MODELLE)

# Validatoren, die nur den Typ prüfen – den garantiert im schnellen Durchgang schon der
# Leser des Felds. Alle anderen (Textlänge, Registersuche …) laufen auch dort.
_NUR_TYP: Final[frozenset[str]] = frozenset(
    {
        "kim_nrw.antrag.validierung.typ.<locals>.pruefe",
        "kim_nrw.antrag.validierung.folge.<locals>.pruefe",
        "kim_nrw.antrag.validierung.datum.<locals>.pruefe",
        "kim_nrw.antrag.validierung.tatsache.<locals>.pruefe",
        "kim_nrw.antrag.validierung.nachweis.<locals>.pruefe",
        "kim_nrw.antrag.foerderantrag._pruefe_betrag_oder_none",
        "kim_nrw.antrag.foerderantrag._pruefe_drittmittel",
        "kim_nrw.recht.parameter._pruefe_gilt_ab",
        "kim_nrw.recht.parameter._pruefe_gilt_bis",
        "kim_nrw.recht.parameter._pruefe_gewissheit",
        "kim_nrw.recht.parameter._pruefe_parameterart",
        "kim_nrw.recht.parameter._pruefe_werte",
        "kim_nrw.recht.parameter._pruefe_luecken",
        "kim_nrw.recht.parameter._pruefe_geprueft",
        "kim_nrw.recht.quellen._pruefe_art",
        "kim_nrw.recht.quellen._pruefe_gewissheit",
        "kim_nrw.recht.quellen._pruefe_optionales_datum",
        "kim_nrw.recht.quellen._pruefe_geprueft",
    }
)


def _validator_name(validator: object) -> str:
    return f"{getattr(validator, '__module__', '')}.{getattr(validator, '__qualname__', '')}"


def _ist_folge(typ: object) -> bool:
    return (
        isinstance(typ, GenericAlias)
        and get_origin(typ) is tuple
        and len(get_args(typ)) == 2
        and get_args(typ)[1] is Ellipsis
    )


def _ist_optional(typ: object) -> bool:
    return ohne_none(typ)[1]


def _hat_wertart(typ: object) -> bool:
    try:
        return wertart(typ) is not None
    except TypeError:  # nicht hashbar: kein Typ von kim_nrw
        return False


def _ist_modell(typ: object) -> bool:
    return typ in _MODELLMENGE if isinstance(typ, type) else False


def _felder(klasse: type) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(klasse)
    return tuple(a for a in attrs.fields(klasse) if a.init)


def _modell_erwartet(klasse: type) -> str:
    namen = ", ".join(a.name for a in _felder(klasse))
    return f"ein JSON-Objekt {klasse.__name__} mit den Feldern {namen}"


def beschreibe(typ: object) -> str:
    """Der deutsche Satz, was für ``typ`` erwartet wird (für fehlende Felder und Doku).

    >>> from kim_nrw.antrag import Stelle
    >>> from kim_nrw.serial.konverter import beschreibe
    >>> print(beschreibe(tuple[Stelle, ...] | None))  # doctest: +NORMALIZE_WHITESPACE
    eine Liste (JSON-Array) von: ein JSON-Objekt Stelle
    mit den Feldern funktion, anteil, bezeichnung oder null
    """
    basis, optional = ohne_none(typ)
    if optional:
        return f"{beschreibe(basis)} oder null"
    art = wertart(typ) if _hat_wertart(typ) else None
    if art is not None:
        return art.erwartet
    if _ist_folge(typ):
        return f"eine Liste (JSON-Array) von: {beschreibe(get_args(typ)[0])}"
    if _ist_modell(typ):
        return _modell_erwartet(typ)  # type: ignore[arg-type]
    return str(typ)


# -- Der Konverter (ausführlicher Durchgang) --------------------------------------------


def _wertart_hook(typ: object) -> Callable[[Any, Any], Any]:
    art = wertart(typ)
    assert art is not None
    lade = art.lade

    def hook(wert: object, _typ: object) -> object:
        return lade(wert)

    return hook


def _optional_hook(konverter: Converter) -> Callable[[object], Callable[[Any, Any], Any]]:
    def fabrik(typ: object) -> Callable[[Any, Any], Any]:
        basis = ohne_none(typ)[0]
        innen = konverter.get_structure_hook(basis)

        def hook(wert: object, _typ: object) -> object:
            return None if wert is None else innen(wert, basis)

        return hook

    return fabrik


def _folgen_hook(konverter: Converter) -> Callable[[object], Callable[[Any, Any], Any]]:
    def fabrik(typ: object) -> Callable[[Any, Any], Any]:
        element = get_args(typ)[0]
        innen = konverter.get_structure_hook(element)

        def hook(wert: object, _typ: object) -> tuple[object, ...]:
            if not isinstance(wert, list):
                raise UngueltigeEingabe("Liste", _kurz_sicher(wert), beschreibe(typ))
            ergebnis: list[object] = []
            fehler: list[Exception] = []
            for index, eintrag in enumerate(wert):
                try:
                    ergebnis.append(innen(eintrag, element))
                except Exception as problem:
                    notiz = IterableValidationNote(f"Eintrag {index}", index, element)
                    problem.__notes__ = [*getattr(problem, "__notes__", []), notiz]
                    fehler.append(problem)
            if fehler:
                raise IterableValidationError("Fehler in der Liste", fehler, tuple)
            return tuple(ergebnis)

        return hook

    return fabrik


def _kurz_sicher(wert: object) -> object:
    """Der Wert für eine Fehlermeldung; Behälter als kurzer JSON-Text (kein riesiges repr)."""
    return json_kurz(wert) if isinstance(wert, dict | list | int) else wert


def _mit_validator(
    basis: Callable[[Any, Any], Any], attribut: attrs.Attribute[Any]
) -> Callable[[Any, Any], Any]:
    validator = attribut.validator
    assert validator is not None

    def hook(wert: object, typ: object) -> object:
        ergebnis = basis(wert, typ)
        validator(None, attribut, ergebnis)
        return ergebnis

    return hook


def _mit_parameterart(hook: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Liest die Werte eines Parameters mit seiner Art (siehe ``werte.PARAMETERART``)."""

    def mit_art(wert: object, typ: object) -> object:
        art = _art_von(wert)
        marke = PARAMETERART.set(art)
        try:
            return hook(wert, typ)
        finally:
            PARAMETERART.reset(marke)

    return mit_art


_ARTEN = {a.value: a for a in Parameterart}


def _art_von(wert: object) -> Parameterart | None:
    if isinstance(wert, Mapping):
        try:
            return _ARTEN.get(wert.get("art"))  # type: ignore[arg-type]
        except TypeError:
            return None
    return None


def _modell_hook(konverter: Converter) -> Callable[[type], Callable[[Any, Any], Any]]:
    def fabrik(klasse: type) -> Callable[[Any, Any], Any]:
        ueberschreiben = {}
        for attribut in _felder(klasse):
            if attribut.validator is not None:
                basis = konverter.get_structure_hook(attribut.type)
                ueberschreiben[attribut.name] = override(
                    struct_hook=_mit_validator(basis, attribut)
                )
        erzeugt: Callable[[Any, Any], Any] = make_dict_structure_fn(
            klasse,
            konverter,
            **ueberschreiben,  # type: ignore[arg-type]
        )
        erwartet = _modell_erwartet(klasse)

        def hook(wert: object, _typ: object) -> object:
            if not isinstance(wert, Mapping):
                raise UngueltigeEingabe(klasse.__name__, _kurz_sicher(wert), erwartet)
            return erzeugt(wert, klasse)

        return _mit_parameterart(hook) if klasse is Parameter else hook

    return fabrik


def _schreibe_folge(konverter: Converter) -> Callable[[object], Callable[[Any], Any]]:
    def fabrik(typ: object) -> Callable[[Any], Any]:
        element = get_args(typ)[0]

        def hook(wert: tuple[object, ...]) -> list[object]:
            return [konverter.unstructure(e, element) for e in wert]

        return hook

    return fabrik


def _schreibe_optional(konverter: Converter) -> Callable[[object], Callable[[Any], Any]]:
    def fabrik(typ: object) -> Callable[[Any], Any]:
        basis = ohne_none(typ)[0]
        innen = konverter.get_unstructure_hook(basis)

        def hook(wert: object) -> object:
            return None if wert is None else innen(wert)

        return hook

    return fabrik


def _schreibe_wertart(typ: object) -> Callable[[Any], Any]:
    art = wertart(typ)
    assert art is not None
    return art.schreibe


def _baue_konverter() -> Converter:
    k = Converter(detailed_validation=True, forbid_extra_keys=True)
    # Später registrierte Fabriken haben Vorrang: Allgemeines zuerst.
    k.register_structure_hook_factory(_ist_modell, _modell_hook(k))
    k.register_structure_hook_factory(_ist_folge, _folgen_hook(k))
    k.register_structure_hook_factory(_ist_optional, _optional_hook(k))
    k.register_structure_hook_factory(_hat_wertart, _wertart_hook)
    k.register_unstructure_hook_factory(_ist_folge, _schreibe_folge(k))
    k.register_unstructure_hook_factory(_ist_optional, _schreibe_optional(k))
    k.register_unstructure_hook_factory(_hat_wertart, _schreibe_wertart)
    # cattrs bindet einfache Klassen (str, bool, int …) direkt; direkt überschreiben.
    for typ in wertarten():
        if isinstance(typ, type):
            k.register_structure_hook(typ, _wertart_hook(typ))
            k.register_unstructure_hook(typ, _schreibe_wertart(typ))
    return k


KONVERTER: Final[Converter] = _baue_konverter()
"""Der cattrs-Konverter von kim_nrw: ausführliche Prüfung, unbekannte Schlüssel verboten."""


# -- Der schnelle Durchgang -----------------------------------------------------------------


class _Ausfuehrlich(Exception):
    """Signal des schnellen Durchgangs: der ausführliche soll entscheiden."""


_FEHLT = object()
_SCHNELL: dict[object, Callable[[Any], Any]] = {}


def _schnell(typ: object) -> Callable[[Any], Any]:
    leser = _SCHNELL.get(typ)
    if leser is None:
        leser = _SCHNELL[typ] = _baue_schnell(typ)
    return leser


def _baue_schnell(typ: object) -> Callable[[Any], Any]:
    basis, optional = ohne_none(typ)
    if optional:
        innen = _schnell(basis)

        def vielleicht(wert: object) -> object:
            return None if wert is None else innen(wert)

        return vielleicht
    if _hat_wertart(typ):
        art = wertart(typ)
        assert art is not None
        return art.lade
    if _ist_folge(typ):
        element = _schnell(get_args(typ)[0])

        def folge(wert: object) -> tuple[object, ...]:
            if wert.__class__ is not list:
                raise _Ausfuehrlich
            return tuple([element(e) for e in wert])

        return folge
    if _ist_modell(typ):
        leser = _erzeuge_modell_leser(typ)  # type: ignore[arg-type]
        if typ is Parameter:
            return _schnell_mit_parameterart(leser)
        return leser
    raise UngueltigeEingabe(
        "typ", typ, "ein Modell von kim_nrw, ein Werttyp (Betrag, Zeitraum …) oder eine Aufzählung"
    )


def _schnell_mit_parameterart(leser: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def mit_art(wert: object) -> object:
        marke = PARAMETERART.set(_art_von(wert))
        try:
            return leser(wert)
        finally:
            PARAMETERART.reset(marke)

    return mit_art


def _feldcode(nr: int, typ: object, umgebung: dict[str, object]) -> list[str]:
    """Quelltext, der den JSON-Wert ``v`` in ``x{nr}`` liest; einfache Fälle ohne Aufruf."""
    basis, optional = ohne_none(typ)
    kein_none = "v is not None and " if optional else ""
    if basis is bool:
        pruefung = "v is not True and v is not False"
        return [f"if {kein_none}{pruefung}:", "    raise _Ausfuehrlich", f"x{nr} = v"]
    if basis is str:
        return [f"if {kein_none}v.__class__ is not str:", "    raise _Ausfuehrlich", f"x{nr} = v"]
    art = wertart(basis) if _hat_wertart(basis) else None
    if art is not None and isinstance(basis, type) and issubclass(basis, enum.Enum):
        umgebung[f"_m{nr}"] = {e.value: e for e in basis}
        lesen = f"_m{nr}[v]"
    elif _ist_folge(basis):
        umgebung[f"_e{nr}"] = _schnell(get_args(basis)[0])
        code = [
            "if v.__class__ is not list:",
            "    raise _Ausfuehrlich",
            f"x{nr} = tuple([_e{nr}(e) for e in v])",
        ]
        if optional:
            return ["if v is None:", f"    x{nr} = None", "else:", *(f"    {z}" for z in code)]
        return code
    else:
        umgebung[f"_l{nr}"] = _schnell(basis)
        lesen = f"_l{nr}(v)"
    return [f"x{nr} = None if v is None else {lesen}" if optional else f"x{nr} = {lesen}"]


def _erzeuge_modell_leser(klasse: type) -> Callable[[Any], Any]:
    """Erzeugt (einmal je Klasse) den Quelltext einer Lesefunktion ohne Laufzeit-Verteilung.

    Je Feld: Wert holen (Pflichtfeld: ``o[name]``, sonst Vorgabe), lesen (einfache
    Typen inline, sonst der Leser des Feldtyps), dann alle Felder setzen, die
    Validatoren aufrufen, die mehr als den Typ prüfen, und die Invarianten.
    """
    felder = _felder(klasse)
    umgebung: dict[str, object] = {
        "_klasse": klasse,
        "_neu": object.__new__,
        "_FEHLT": _FEHLT,
        "_Ausfuehrlich": _Ausfuehrlich,
        "_dict": dict,
    }
    pflicht = sum(1 for a in felder if a.default is attrs.NOTHING)
    zeilen = [
        "def lies(o):",
        "    if o.__class__ is not _dict:",
        "        raise _Ausfuehrlich",
        f"    n = {pflicht}",  # gelesene Schlüssel; mehr in o heißt: unbekannte Schlüssel
    ]
    pruefungen: list[str] = []
    for nr, a in enumerate(felder):
        code = _feldcode(nr, a.type, umgebung)
        vorgabe: object = a.default
        if vorgabe is attrs.NOTHING:
            zeilen.append(f"    v = o[{a.name!r}]")
            zeilen.extend(f"    {z}" for z in code)
        else:
            if isinstance(vorgabe, attrs.Factory):  # type: ignore[arg-type]
                if getattr(vorgabe, "takes_self", False):
                    raise UngueltigeEingabe("Modell", klasse, "keine Fabrik mit takes_self")
                umgebung[f"_d{nr}"] = getattr(vorgabe, "factory")  # noqa: B009
                ausdruck = f"_d{nr}()"
            else:
                umgebung[f"_d{nr}"] = vorgabe
                ausdruck = f"_d{nr}"
            zeilen.append(f"    v = o.get({a.name!r}, _FEHLT)")
            zeilen.append("    if v is _FEHLT:")
            zeilen.append(f"        x{nr} = {ausdruck}")
            zeilen.append("    else:")
            zeilen.append("        n += 1")
            zeilen.extend(f"        {z}" for z in code)
        if a.validator is not None and _validator_name(a.validator) not in _NUR_TYP:
            umgebung[f"_v{nr}"] = a.validator
            umgebung[f"_a{nr}"] = a
            pruefungen.append(f"    _v{nr}(s, _a{nr}, x{nr})")
    zeilen.append("    if len(o) != n:")
    zeilen.append("        raise _Ausfuehrlich")
    zeilen.append("    s = _neu(_klasse)")
    for nr, a in enumerate(felder):
        umgebung[f"_s{nr}"] = slot_setzer(klasse, a.name)
        zeilen.append(f"    _s{nr}(s, x{nr})")
    zeilen.extend(pruefungen)
    if hasattr(klasse, "__attrs_post_init__"):
        zeilen.append("    s.__attrs_post_init__()")
    zeilen.append("    return s")
    quelltext = "\n".join(zeilen)
    exec(compile(quelltext, f"<kim_nrw: Leser für {klasse.__name__}>", "exec"), umgebung)
    leser: Callable[[Any], Any] = umgebung["lies"]  # type: ignore[assignment]
    leser.__qualname__ = leser.__name__ = f"lies_{klasse.__name__}"
    leser.__doc__ = quelltext
    return leser


# -- Öffentliche Bausteine ------------------------------------------------------------------


def _pruefe_typ(typ: object) -> None:
    if not ((isinstance(typ, type) and typ in _OEFFENTLICH) or _hat_wertart(typ)):
        raise UngueltigeEingabe(
            "typ",
            typ,
            "ein Modell von kim_nrw (" + ", ".join(m.__name__ for m in MODELLE) + "), ein Werttyp "
            "(Betrag, Stellenanteil, Zeitraum, AGS, Kreisschluessel …) oder eine Aufzählung",
        )


def strukturiere(typ: Any, daten: object, wurzel: str = "$") -> Any:
    """Macht aus JSON-Werten (dict, list, str …) ein Objekt vom Typ ``typ``.

    Wirft :class:`~kim_nrw.fehler.DokumentFehler` mit allen Problemen; die Pfade
    beginnen bei ``wurzel``. ``daten`` wird nie verändert.
    """
    _pruefe_typ(typ)
    leser = _schnell(typ)
    try:
        return leser(daten)
    except Exception:
        pass
    try:
        return KONVERTER.structure(daten, typ)
    except Exception as fehler:
        try:
            gefunden = probleme(fehler, daten, typ, wurzel)
        except Exception:  # Netz unter dem Netz: nie eine andere Ausnahme als DokumentFehler
            gefunden = [Problem(wurzel, json_kurz(daten), f"ungültig ({type(fehler).__name__})")]
        raise DokumentFehler(gefunden) from None


def entstrukturiere(objekt: object) -> Any:
    """Macht aus einem Modell (oder Blattwert) seine JSON-Form in kanonischer Schreibweise."""
    typ = type(objekt)
    _pruefe_typ(typ)
    return KONVERTER.unstructure(objekt, typ)


# -- Fehlerbericht ----------------------------------------------------------------------------

_BEZEICHNER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FELDPFAD = re.compile(
    r"(?:[A-Za-z_][A-Za-z0-9_]*\.)?([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])?(?:\.[A-Za-z_][A-Za-z0-9_]*)*)"
)


def _schluessel_pfad(pfad: str, schluessel: object) -> str:
    if isinstance(schluessel, str) and _BEZEICHNER.fullmatch(schluessel):
        return f"{pfad}.{schluessel}"
    return f"{pfad}[{json_kurz(schluessel, 40)}]"


def _kind(roh: object, schluessel: object) -> object:
    try:
        if isinstance(roh, Mapping):
            return roh.get(schluessel, _FEHLT)
        if isinstance(roh, list) and isinstance(schluessel, int) and 0 <= schluessel < len(roh):
            return roh[schluessel]
    except TypeError:
        pass
    return _FEHLT


def _notiz(fehler: BaseException) -> AttributeValidationNote | IterableValidationNote | None:
    for notiz in reversed(getattr(fehler, "__notes__", ())):
        if isinstance(notiz, AttributeValidationNote | IterableValidationNote):
            return notiz
    return None


def probleme(fehler: BaseException, roh: object, typ: object, wurzel: str = "$") -> list[Problem]:
    """Übersetzt einen Fehler des Konverters in Probleme mit JSON-Pfad und deutscher Meldung."""
    gesammelt: list[Problem] = []
    _sammle(fehler, wurzel, roh, typ, gesammelt)
    return gesammelt or [Problem(wurzel, json_kurz(roh), "ungültig")]


def _sammle(fehler: BaseException, pfad: str, roh: object, typ: object, aus: list[Problem]) -> None:
    if isinstance(fehler, ClassValidationError | IterableValidationError):
        for unter in fehler.exceptions:
            notiz = _notiz(unter)
            if isinstance(unter, ForbiddenExtraKeysError):
                _sammle(unter, pfad, roh, typ, aus)
            elif isinstance(notiz, AttributeValidationNote):
                kind = _kind(roh, notiz.name)
                _sammle(unter, _schluessel_pfad(pfad, notiz.name), kind, notiz.type, aus)
            elif isinstance(notiz, IterableValidationNote):
                kind = _kind(roh, notiz.index)
                _sammle(unter, f"{pfad}[{notiz.index}]", kind, notiz.type, aus)
            elif isinstance(fehler, ClassValidationError):
                _klassenproblem(unter, pfad, roh, fehler.cl, aus)
            else:
                _sammle(unter, pfad, roh, typ, aus)
        return
    if isinstance(fehler, ForbiddenExtraKeysError):
        erlaubt = [a.name for a in _felder(fehler.cl)] if attrs.has(fehler.cl) else []
        for schluessel in sorted(fehler.extra_fields, key=repr):
            if not isinstance(schluessel, str):
                aus.append(Problem(pfad, json_kurz(schluessel), "Schlüssel müssen Texte sein"))
                continue
            meldung = "unbekannter Schlüssel"
            vorschlag = difflib.get_close_matches(schluessel, erlaubt, n=1)
            if vorschlag:
                meldung += f" (gemeint: {vorschlag[0]}?)"
            meldung += "; erlaubt sind: " + ", ".join(erlaubt)
            wert = _kind(roh, schluessel)
            aus.append(Problem(_schluessel_pfad(pfad, schluessel), json_kurz(wert), meldung))
        return
    if roh is _FEHLT:
        aus.append(Problem(pfad, "(fehlt)", f"Pflichtfeld fehlt; erwartet: {beschreibe(typ)}"))
        return
    aus.append(Problem(pfad, json_kurz(roh), _meldung(fehler, typ)))


def _meldung(fehler: BaseException, typ: object = None) -> str:
    if isinstance(fehler, UngueltigeEingabe):
        return f"ungültig; erwartet: {fehler.erwartet}"
    if isinstance(fehler, KimNrwFehler):
        if typ is not None and isinstance(fehler, LookupError):
            return f"{fehler}; erwartet: {_lookup_erwartet(typ)}"
        return str(fehler)
    return f"ungültig ({type(fehler).__name__})"


def _lookup_erwartet(typ: object) -> str:
    if _hat_wertart(typ):
        return "der Schlüssel einer Kommune in NRW (Gebietsregister, Gebietsstand 30.11.2021)"
    return beschreibe(typ)


def _klassenproblem(
    fehler: BaseException, pfad: str, roh: object, klasse: type, aus: list[Problem]
) -> None:
    """Ein Fehler des Konstruktors (Invariante): dem Feld zuordnen, das er nennt."""
    if isinstance(fehler, UngueltigeEingabe) and attrs.has(klasse):
        treffer = _FELDPFAD.fullmatch(fehler.feld)
        namen = {a.name for a in _felder(klasse)}
        if treffer and treffer.group(1) in namen:
            rest = treffer.group(1) + treffer.group(2)
            ziel = roh
            for teil in re.findall(r"[A-Za-z_][A-Za-z0-9_]*|\[\d+\]", rest):
                ziel = _kind(ziel, int(teil[1:-1]) if teil.startswith("[") else teil)
            wert = json_kurz(ziel) if ziel is not _FEHLT else json_kurz(fehler.wert)
            unterpfad = re.sub(r"\.(?=\[)", "", f"{pfad}.{rest}")
            aus.append(Problem(unterpfad, wert, _meldung(fehler)))
            return
    aus.append(Problem(pfad, json_kurz(roh), _meldung(fehler)))
