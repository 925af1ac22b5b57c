"""Der eine Konverter von kim_nrw: JSON-Werte und TOML-Daten werden streng zu Modellen.

Ein :class:`Konverter` besteht aus zwei :class:`cattrs.Converter` n mit denselben Hooks:

* **schnell** – ``detailed_validation=False``: cattrs liest die Felder, ruft den
  Konstruktor des Modells (mit allen Validatoren und Invarianten) und bricht beim
  ersten Problem ab. So wird jede gültige Eingabe gelesen.
* **gründlich** – ``detailed_validation=True``: läuft nur, wenn der schnelle
  Durchgang scheitert; prüft jedes Feld zusätzlich mit seinem Validator und sammelt
  *alle* Probleme mit ihrem Pfad (:meth:`Konverter.befunde`). Eine ungültige Eingabe wird so
  höchstens zweimal gelesen.

Beide verbieten unbekannte Schlüssel (``forbid_extra_keys``) und wandeln nichts still
um (``"3"`` wird keine Zahl, ``1`` kein Wahrheitswert, ``1.0`` kein Betrag). Ein
Werttyp bringt seine Textform selbst mit – ``from_json``, ``to_json``,
``json_schema`` und ``ERWARTET`` in seinem eigenen Modul –, und der Konverter hat je
Typ genau einen Hook, der an ihn abgibt. Was keine eigene Klasse ist (``datetime.date``,
Vereinigungen wie ``AGS | Kreisschluessel``), beschreibt eine :class:`Wertform`.
Die Paketdaten (TOML) liest :func:`lies_toml`; JSON-Dokumente liest
:mod:`kim_nrw.serial` mit einem Konverter derselben Art.

cattrs wird erst geladen, wenn ein :class:`Konverter` entsteht: Werttypen, die nur
:class:`Wertform` und ``JsonSchema`` von hier brauchen (Schlüssel, Zeit, Geld), und
``kim-nrw kommune`` kommen ohne cattrs aus.

>>> import datetime as dt
>>> from attrs import frozen
>>> from kim_nrw.konverter import lies_toml
>>> @frozen
... class Eintrag:
...     name: str
...     ab: dt.date
>>> lies_toml(Eintrag, 'name = "x"\\nab = 2022-01-01', "beispiel.toml")
Eintrag(name='x', ab=datetime.date(2022, 1, 1))
>>> lies_toml(Eintrag, 'name = "x"\\nab = "2022-01-01"', "beispiel.toml")
Traceback (most recent call last):
kim_nrw.fehler.DatenFehler: beispiel.toml: ab: ungültig; erwartet: ein TOML-Datum JJJJ-MM-TT (ohne Anführungszeichen, ohne Uhrzeit); gefunden: Text '2022-01-01'
>>> lies_toml(Eintrag, 'name = "x"\\nab = 2022-01-01\\nbis = 1', "beispiel.toml")
Traceback (most recent call last):
kim_nrw.fehler.DatenFehler: beispiel.toml: bis: unbekannter Schlüssel; erlaubt sind: name, ab; gefunden: Ganzzahl 1
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Callable, Mapping
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, get_args

import attrs

from kim_nrw._modell import frozen
from kim_nrw.fehler import (
    MAX_PROBLEME,
    DatenFehler,
    DokumentFehler,
    KimNrwFehler,
    Problem,
    UngueltigeEingabe,
)
from kim_nrw.fehler import kurz as _kurz
from kim_nrw.validatoren import ist_datum

if TYPE_CHECKING:
    import cattrs
    from cattrs.errors import AttributeValidationNote, IterableValidationNote
else:

    class _Spaet:
        """Das Modul ``cattrs``, geladen erst beim ersten Zugriff auf einen seiner Namen.

        So bleiben die Annotationen mit ``cattrs.Converter`` zur Laufzeit auflösbar
        (``typing.get_type_hints``, die Doku), ohne dass der Import von ``kim_nrw.konverter``
        cattrs lädt.
        """

        def __getattr__(self, name: str) -> Any:
            import cattrs

            return getattr(cattrs, name)

    cattrs = _Spaet()

__all__ = [
    "Befund",
    "Befunde",
    "Konverter",
    "Wertform",
    "folge_hook",
    "json_kurz",
    "lies_toml",
    "ohne_none",
    "toml_konverter",
]

_T = TypeVar("_T")
JsonSchema = dict[str, Any]
"""Ein JSON-Schema-Fragment (Draft 2020-12) als ``dict``."""
Hook = Callable[[Any, Any], Any]
"""Ein Lese-Hook von cattrs: ``(wert, typ) -> objekt``."""
GETEILT_MAX = 4096
"""So viele Werte merkt sich ein Leser, der gleiche unveränderliche Werte teilt, höchstens."""

_K = TypeVar("_K")
_W = TypeVar("_W")


def geteilt(speicher: dict[_K, _W], schluessel: _K, wert: _W) -> _W:
    """Der gemerkte Wert zu ``schluessel`` – sonst ``wert``, von nun an gemerkt (intern: für
    die Leser dieses Moduls und von :mod:`kim_nrw.serial.werte`, nicht öffentlich).

    So teilen Leser gleiche unveränderliche Werte (weniger Objekte je gelesenem Modell).
    Höchstens :data:`GETEILT_MAX` Einträge; danach beginnt der Speicher von vorn.
    """
    gemerkt = speicher.get(schluessel)
    if gemerkt is not None:
        return gemerkt
    if len(speicher) >= GETEILT_MAX:
        speicher.clear()
    speicher[schluessel] = wert
    return wert


@frozen
class Wertform:
    """Die Textform eines Werts, der keine eigene Klasse mit ``from_json`` ist.

    :param lies: JSON- bzw. TOML-Wert → Python-Wert; wirft einen Fehler von kim_nrw.
    :param schreibe: Python-Wert → JSON-Wert in kanonischer Form.
    :param schema: das JSON-Schema-Fragment der Eingabe (erst beim Aufruf gebaut).
    :param erwartet: deutscher Satz, was erwartet wird.
    :param hook: ``lies`` in der Form eines cattrs-Hooks ``(wert, typ)``, wenn es sie schon
        gibt (spart einen Aufruf je Wert); sonst ruft der Hook ``lies``.
    """

    lies: Callable[[Any], Any]
    schreibe: Callable[[Any], Any]
    schema: Callable[[], JsonSchema]
    erwartet: str
    hook: Callable[[Any, Any], Any] | None = None


def ohne_none(typ: object) -> tuple[object, bool]:
    """Zerlegt ``X | None`` in ``(X, True)``; andere Typen in ``(typ, False)``."""
    if isinstance(typ, UnionType):
        teile = [t for t in get_args(typ) if t is not NoneType]
        if len(teile) < len(get_args(typ)):
            rest: object = teile[0]
            for t in teile[1:]:
                rest = rest | t
            return rest, True
    return typ, False


def _ist_folge(typ: object) -> bool:
    """Ob ``typ`` ein ``tuple[X, ...]`` ist."""
    args: tuple[object, ...] = getattr(typ, "__args__", ())
    return getattr(typ, "__origin__", None) is tuple and args[1:] == (Ellipsis,)


# -- Einfache Werte -------------------------------------------------------------------------


def _streng(klasse: type, erwartet: str, schema: JsonSchema) -> Wertform:
    """Ein JSON-Wert genau dieser Klasse (``1`` ist kein Wahrheitswert, ``"3"`` keine Zahl)."""

    def lies(wert: object, _typ: object = None) -> object:
        if wert.__class__ is klasse:
            return wert
        raise UngueltigeEingabe(klasse.__name__, wert, erwartet)

    return Wertform(lies, _gleich, lambda: dict(schema), erwartet, lies)


def _gleich(wert: object) -> object:
    return wert


_EINFACH: Mapping[object, Wertform] = {
    str: _streng(str, "ein Text", {"type": "string"}),
    bool: _streng(bool, "true oder false", {"type": "boolean"}),
    int: _streng(int, "eine ganze Zahl ohne Dezimalpunkt (kein true/false)", {"type": "integer"}),
}


@functools.cache
def _aufzaehlung(art: type[enum.Enum]) -> Wertform:
    """Eine Aufzählung liest und schreibt ihren Wert (``"KIM.B2"``)."""
    import json

    nach_wert = {e.value: e for e in art}
    wertklassen = frozenset(type(w) for w in nach_wert)
    erwartet = "einer der Werte " + ", ".join(json.dumps(w, ensure_ascii=False) for w in nach_wert)

    def lies(wert: object, _typ: object = None) -> enum.Enum:
        try:
            treffer = nach_wert[wert]
        except (KeyError, TypeError):  # TypeError: Liste oder Objekt als Schlüssel
            raise UngueltigeEingabe(art.__name__, wert, erwartet) from None
        if wert.__class__ not in wertklassen:  # 1 == True == 1.0: nur der eigene Typ zählt
            raise UngueltigeEingabe(art.__name__, wert, erwartet)
        return treffer

    return Wertform(lies, _enum_wert, lambda: _aufzaehlungsschema(art), erwartet, lies)


def _aufzaehlungsschema(art: type[enum.Enum]) -> JsonSchema:
    """``oneOf`` von ``const`` und ``title`` (der ``bezeichnung``), wenn jedes Glied eine hat.

    So zeigt ein Formulargenerator (etwa react-jsonschema-form, JSON Forms) die deutsche
    Bezeichnung und schreibt den Wert; ohne Bezeichnungen ein schlichtes ``enum``.
    """
    titel = [getattr(e, "bezeichnung", None) for e in art]
    if all(isinstance(t, str) for t in titel):
        return {"oneOf": [{"const": e.value, "title": t} for e, t in zip(art, titel, strict=True)]}
    return {"enum": [e.value for e in art]}


def _enum_wert(e: enum.Enum) -> object:
    return e.value


def _toml_datum(wert: object, _typ: object = None) -> dt.date:
    if ist_datum(wert):
        return wert  # type: ignore[return-value]
    raise UngueltigeEingabe(
        "Datum", wert, "ein TOML-Datum JJJJ-MM-TT (ohne Anführungszeichen, ohne Uhrzeit)"
    )


TOML_DATUM = Wertform(
    _toml_datum,
    _gleich,
    lambda: {"type": "string", "format": "date"},
    "ein TOML-Datum JJJJ-MM-TT (ohne Anführungszeichen, ohne Uhrzeit)",
    _toml_datum,
)
"""Ein Datum in TOML: TOML liefert es schon als ``datetime.date``."""


# -- Der Konverter --------------------------------------------------------------------------

ModellHook = Callable[["Konverter", "cattrs.Converter"], Hook]
"""Baut den Hook eines Modells, das mehr braucht als seine Felder (etwa ``Parameter``)."""


class Konverter:
    """Ein strenger Konverter in zwei Durchgängen, schnell und gründlich (siehe Moduldoku).

    :param formen: Wertformen für Typen ohne eigene Klassenmethoden (``datetime.date``,
        Vereinigungen); Klassen mit ``from_json`` brauchen keinen Eintrag.
    :param modelle: Hooks für Modelle, deren Felder voneinander abhängen.
    :param fehlend_ist_none: ein Feld ``X | None`` darf fehlen und ist dann ``None`` – so
        schreibt TOML, das kein ``null`` kennt, einen offenen Wert.
    """

    def __init__(
        self,
        formen: Mapping[object, Wertform],
        modelle: Mapping[type, ModellHook] | None = None,
        *,
        fehlend_ist_none: bool = False,
    ) -> None:
        if not isinstance(formen, Mapping) or not all(
            isinstance(f, Wertform) for f in formen.values()
        ):
            raise UngueltigeEingabe("formen", formen, "ein Mapping Typ → Wertform")
        if modelle is not None and not (
            isinstance(modelle, Mapping) and all(callable(h) for h in modelle.values())
        ):
            raise UngueltigeEingabe("modelle", modelle, "ein Mapping Modell → Hook-Fabrik")
        self.formen: Mapping[object, Wertform] = {**_EINFACH, **formen}
        self.modelle: Mapping[type, ModellHook] = dict(modelle or {})
        self.fehlend_ist_none = fehlend_ist_none
        self._leser: dict[object, Hook] = {}

    # -- Bau -------------------------------------------------------------------------------

    @functools.cached_property
    def schnell(self) -> cattrs.Converter:
        """Der cattrs-Konverter des schnellen Durchgangs (beim ersten Gebrauch gebaut)."""
        return self._baue(ausfuehrlich=False)

    @functools.cached_property
    def gruendlich(self) -> cattrs.Converter:
        """Der cattrs-Konverter des gründlichen Durchgangs – gebaut erst, wenn eine Eingabe
        den schnellen nicht besteht (gültige Eingaben brauchen ihn nie)."""
        return self._baue(ausfuehrlich=True)

    def form(self, typ: object) -> Wertform | None:
        """Die Wertform von ``typ``: eingetragen, eine Aufzählung oder eine Klasse mit
        ``from_json``/``to_json``/``json_schema``/``ERWARTET``; sonst ``None``."""
        try:
            eingetragen = self.formen.get(typ)
        except TypeError:  # nicht hashbar: kein Typ von kim_nrw
            return None
        if eingetragen is not None:
            return eingetragen
        if isinstance(typ, type):
            if issubclass(typ, enum.Enum):
                return _aufzaehlung(typ)
            if hasattr(typ, "from_json"):
                return _klassenform(typ)  # type: ignore[arg-type]
        return None

    def _baue(self, *, ausfuehrlich: bool) -> cattrs.Converter:
        k = cattrs.Converter(forbid_extra_keys=True, detailed_validation=ausfuehrlich)
        # Später registrierte Fabriken haben Vorrang: Allgemeines zuerst.
        k.register_structure_hook_factory(attrs.has, lambda t: self._modell(k, t))
        k.register_structure_hook_factory(_ist_folge, lambda t: folge_hook(k, t))
        k.register_structure_hook_factory(_ist_tabelle, lambda t: _tabelle(k, t))
        k.register_structure_hook_factory(
            lambda t: ohne_none(t)[1], lambda t: _optional(k, t, self.form(ohne_none(t)[0]))
        )
        k.register_structure_hook_factory(
            lambda t: self.form(t) is not None, lambda t: _werthook(self.form(t))
        )
        k.register_unstructure_hook_factory(_ist_folge, lambda t: _schreibe_folge(k, t))
        k.register_unstructure_hook_factory(
            lambda t: ohne_none(t)[1], lambda t: _schreibe_optional(k, t)
        )
        k.register_unstructure_hook_factory(
            lambda t: self.form(t) is not None and t not in _EINFACH,
            lambda t: self.form(t).schreibe,  # type: ignore[union-attr]
        )
        # cattrs bindet einfache Klassen direkt; für sie gilt die eingetragene Form.
        for typ in self.formen:
            if isinstance(typ, type):
                k.register_structure_hook(typ, _werthook(self.formen[typ]))
        return k

    def _modell(self, k: cattrs.Converter, klasse: type) -> Hook:
        eigen = self.modelle.get(klasse)
        if eigen is not None:
            return eigen(self, k)
        return self.modell_hook(k, klasse)

    def modell_hook(self, k: cattrs.Converter, klasse: type, **felder: Hook) -> Hook:
        """Der Hook von cattrs für ein attrs-Modell; ``felder`` ersetzt Hooks einzelner Felder.

        Im gründlichen Durchgang prüft jedes Feld gleich nach dem Lesen auch seinen
        Validator, damit jedes Problem seinen Pfad bekommt.
        """
        from cattrs.gen import make_dict_structure_fn, override

        ueberschreiben = {}
        for a in _felder(klasse):
            hook = felder.get(a.name) or k.get_structure_hook(a.type)
            if k.detailed_validation and a.validator is not None:
                hook = _mit_validator(hook, a)
            if a.name in felder or k.detailed_validation:
                ueberschreiben[a.name] = override(struct_hook=hook)
        erzeugt: Hook = make_dict_structure_fn(klasse, k, **ueberschreiben)  # type: ignore[arg-type]
        vorgaben = {
            a.name: None
            for a in _felder(klasse)
            if self.fehlend_ist_none and a.default is attrs.NOTHING and ohne_none(a.type)[1]
        }
        if vorgaben:
            ohne_vorgaben = erzeugt

            def erzeugt(wert: object, typ: object) -> object:
                if isinstance(wert, Mapping):
                    wert = {**vorgaben, **wert}  # eine Kopie: die Eingabe bleibt, wie sie ist
                return ohne_vorgaben(wert, typ)

        if not k.detailed_validation:
            return erzeugt
        erwartet = self.beschreibe(klasse)

        def gruendlich(wert: object, typ: object) -> object:
            if not isinstance(wert, Mapping):
                raise UngueltigeEingabe(klasse.__name__, wert, erwartet)
            return erzeugt(wert, typ)

        return gruendlich

    # -- Lesen und Schreiben ------------------------------------------------------------------

    def leser(self, typ: object) -> Hook:
        """Der schnelle Hook für ``typ`` (einmal je Typ nachgeschlagen)."""
        leser = self._leser.get(typ)
        if leser is None:
            leser = self._leser[typ] = self.schnell.get_structure_hook(typ)
        return leser

    def strukturiere(self, typ: Any, daten: object, wurzel: str = "$") -> Any:
        """Liest ``daten`` als ``typ``: erst schnell, bei einem Fehler gründlich.

        Wirft :class:`~kim_nrw.fehler.DokumentFehler` mit allen Problemen (Pfade ab
        ``wurzel``); ``daten`` wird nie verändert.
        """
        ergebnis, befunde = self.lies(typ, daten, wurzel)
        if befunde:
            weitere = befunde.weitere if isinstance(befunde, Befunde) else 0
            raise DokumentFehler([b.problem() for b in befunde], weitere=weitere)
        return ergebnis

    def lies(
        self, typ: Any, daten: object, wurzel: str = "$", *, schnell: bool = True
    ) -> tuple[Any, list[Befund]]:
        """Das Objekt und keine Befunde, oder ``None`` und alle Befunde.

        Ohne ``schnell`` gleich der gründliche Durchgang (wenn der schnelle schon
        gescheitert ist): so wird keine Eingabe öfter als zweimal gelesen.
        """
        if schnell:
            try:
                return self.leser(typ)(daten, typ), []
            except Exception:
                pass
        return self.gruendlich_lesen(typ, daten, wurzel)

    def gruendlich_lesen(
        self, typ: Any, daten: object, wurzel: str = "$"
    ) -> tuple[Any, list[Befund]]:
        """Der gründliche Durchgang: das Objekt und keine Befunde, oder ``None`` und alle."""
        try:
            return self.gruendlich.structure(daten, typ), []
        except Exception as fehler:
            try:
                return None, self.befunde(fehler, daten, typ, wurzel)
            except Exception:  # Netz unter dem Netz: nie eine andere Ausnahme
                return None, [Befund(wurzel, daten, f"ungültig ({type(fehler).__name__})")]

    def entstrukturiere(self, objekt: object, typ: object = None) -> Any:
        """Die JSON-Form von ``objekt`` (kanonisch)."""
        return self.schnell.unstructure(objekt, type(objekt) if typ is None else typ)

    def structure(self, daten: object, typ: Any) -> Any:
        """Wie ``cattrs.Converter.structure``: :meth:`strukturiere` (Fehler: DokumentFehler)."""
        return self.strukturiere(typ, daten)

    def unstructure(self, objekt: object, typ: object = None) -> Any:
        """Wie ``cattrs.Converter.unstructure``: :meth:`entstrukturiere`."""
        return self.entstrukturiere(objekt, typ)

    # -- Fehlerbericht ------------------------------------------------------------------------

    def beschreibe(self, typ: object) -> str:
        """Der deutsche Satz, was für ``typ`` erwartet wird (für fehlende Felder und Doku)."""
        basis, optional = ohne_none(typ)
        if optional:
            return f"{self.beschreibe(basis)} oder null"
        form = self.form(typ)
        if form is not None:
            return form.erwartet
        if _ist_folge(typ):
            return f"eine Liste von: {self.beschreibe(get_args(typ)[0])}"
        if isinstance(typ, type) and attrs.has(typ):
            namen = ", ".join(a.name for a in _felder(typ))
            return f"ein Objekt {typ.__name__} mit den Feldern {namen}"
        return str(typ)

    def befunde(
        self, fehler: BaseException, roh: object, typ: object, wurzel: str = "$"
    ) -> list[Befund]:
        """Übersetzt einen Fehler des gründlichen Durchgangs in Befunde mit Pfad."""
        gesammelt = Befunde()
        self._sammle(fehler, wurzel, roh, typ, gesammelt)
        if not gesammelt and not gesammelt.weitere:
            gesammelt.append(Befund(wurzel, roh, "ungültig"))
        return gesammelt

    def _sammle(
        self, fehler: BaseException, pfad: str, roh: object, typ: object, aus: Befunde
    ) -> None:
        from cattrs.errors import (
            AttributeValidationNote,
            ClassValidationError,
            ForbiddenExtraKeysError,
            IterableValidationError,
            IterableValidationNote,
        )

        if isinstance(fehler, _NichtGeprueft):
            aus.append(Befund(pfad, FEHLT, fehler.meldung, code="nicht_geprueft"))
            return
        if isinstance(fehler, ClassValidationError | IterableValidationError):
            for unter in fehler.exceptions:
                notiz = _notiz(unter)
                if isinstance(unter, ForbiddenExtraKeysError):
                    self._sammle(unter, pfad, roh, typ, aus)
                elif isinstance(notiz, AttributeValidationNote):
                    kind = _kind(roh, notiz.name)
                    self._sammle(unter, _schluessel_pfad(pfad, notiz.name), kind, notiz.type, aus)
                elif isinstance(notiz, IterableValidationNote):
                    kind = _kind(roh, notiz.index)
                    self._sammle(unter, f"{pfad}[{notiz.index}]", kind, notiz.type, aus)
                elif isinstance(fehler, ClassValidationError):
                    if aus.voll:
                        aus.zaehle()
                    else:
                        _klassenproblem(unter, pfad, roh, fehler.cl, aus)
                else:
                    self._sammle(unter, pfad, roh, typ, aus)
            return
        if isinstance(fehler, ForbiddenExtraKeysError):
            erlaubt = [a.name for a in _felder(fehler.cl)] if attrs.has(fehler.cl) else []
            alle = fehler.extra_fields
            extra: list[Any]
            if len(alle) > MAX_PROBLEME:  # nur die ersten in Dokumentreihenfolge beschreiben
                reihe = roh if isinstance(roh, Mapping) else sorted(alle, key=repr)
                extra = [k for k in reihe if k in alle][: MAX_PROBLEME - len(aus) + 1]
            else:
                extra = sorted(alle, key=repr)
            beschrieben = 0
            for schluessel in extra:
                if aus.voll:
                    break
                beschrieben += 1
                if not isinstance(schluessel, str):
                    aus.append(Befund(pfad, schluessel, "Schlüssel müssen Texte sein",
                                      code="schluessel_kein_text"))  # fmt: skip
                    continue
                meldung = "unbekannter Schlüssel"
                vorschlag = _vorschlag(schluessel, erlaubt)
                if vorschlag:
                    meldung += f" (gemeint: {vorschlag}?)"
                meldung += "; erlaubt sind: " + ", ".join(erlaubt)
                wert = _kind(roh, schluessel)
                aus.append(Befund(_schluessel_pfad(pfad, schluessel), wert, meldung, True,
                                  "unbekannter_schluessel"))  # fmt: skip
            aus.zaehle(len(fehler.extra_fields) - beschrieben)
            return
        if aus.voll:
            aus.zaehle()
            return
        if roh is FEHLT:
            aus.append(Befund(pfad, FEHLT, f"Pflichtfeld fehlt; erwartet: {self.beschreibe(typ)}",
                              code="pflichtfeld"))  # fmt: skip
            return
        meldung = _meldung(fehler, self.beschreibe(typ)) + _deutsches_datum(roh)
        aus.append(Befund(pfad, roh, meldung, code=self._code(fehler, roh, typ)))

    def _code(self, fehler: BaseException, roh: object, typ: object) -> str:
        """Der Code eines Problems an einem Wert (falscher JSON-Typ oder falscher Wert)."""
        if isinstance(fehler, LookupError):
            return "nicht_gefunden"
        erwartet = self._json_typen(typ)
        if erwartet and roh is not FEHLT and not erwartet & _json_typen_von(roh):
            return "falscher_typ"
        return "ungueltiger_wert"

    def _json_typen(self, typ: object) -> frozenset[str]:
        """Die JSON-Typen, die ``typ`` annimmt (leer: unbekannt)."""
        basis, optional = ohne_none(typ)
        if optional:
            innen = self._json_typen(basis)
            return innen | {"null"} if innen else innen
        form = self.form(typ)
        if form is not None:
            return _schema_typen(form.schema())
        if _ist_folge(typ):
            return frozenset({"array"})
        if isinstance(typ, type) and attrs.has(typ):
            return frozenset({"object"})
        return frozenset()


@functools.cache
def _klassenform(klasse: Any) -> Wertform:
    return Wertform(
        klasse.from_json,
        klasse.to_json,
        klasse.json_schema,
        klasse.ERWARTET,
    )


def _werthook(form: Wertform | None) -> Hook:
    assert form is not None
    if form.hook is not None:
        return form.hook
    lies = form.lies

    def hook(wert: object, _typ: object) -> object:
        return lies(wert)

    return hook


def _felder(klasse: type) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(klasse)
    return tuple(a for a in attrs.fields(klasse) if a.init)


def _mit_validator(basis: Hook, attribut: attrs.Attribute[Any]) -> Hook:
    validator = attribut.validator
    assert validator is not None

    def hook(wert: object, typ: object) -> object:
        ergebnis = basis(wert, typ)
        validator(None, attribut, ergebnis)
        return ergebnis

    return hook


def folge_hook(k: cattrs.Converter, typ: object, innen: Hook | None = None) -> Hook:
    """Der Hook für ``tuple[X, ...]`` (eine JSON-Liste); ``innen`` ersetzt den Hook von X."""
    from cattrs import BaseConverter
    from cattrs.errors import IterableValidationError, IterableValidationNote

    if not isinstance(k, BaseConverter):
        raise UngueltigeEingabe("k", k, "ein cattrs-Konverter")
    if innen is not None and not callable(innen):
        raise UngueltigeEingabe("innen", innen, "ein Hook (wert, typ) → objekt oder None")
    if not _ist_folge(typ):
        raise UngueltigeEingabe("typ", typ, "ein Typ tuple[X, ...]")
    element = get_args(typ)[0]
    aufzaehlung = innen is None and isinstance(element, type) and issubclass(element, enum.Enum)
    if innen is None:
        innen = k.get_structure_hook(element)
    if not k.detailed_validation:
        # Ein Tupel von Aufzählungswerten (etwa die Programmteile eines Antrags) ist
        # unveränderlich und hat wenige Formen: gleiche Tupel werden geteilt.
        speicher: dict[tuple[object, ...], tuple[object, ...]] | None = {} if aufzaehlung else None

        def schnell(wert: object, _typ: object) -> tuple[object, ...]:
            if wert.__class__ is not list:
                raise UngueltigeEingabe("Liste", wert, "eine Liste")
            folge = tuple([innen(e, element) for e in wert])
            return folge if speicher is None else geteilt(speicher, folge, folge)

        return schnell

    def gruendlich(wert: object, _typ: object) -> tuple[object, ...]:
        if not isinstance(wert, list):
            raise UngueltigeEingabe("Liste", json_kurz(wert), "eine Liste")
        ergebnis: list[object] = []
        fehler: list[Exception] = []
        for index, eintrag in enumerate(wert):
            if len(fehler) >= MAX_PROBLEME:  # genug gefunden: den Rest nicht mehr prüfen
                problem: Exception = _NichtGeprueft(len(wert) - index)
            else:
                try:
                    ergebnis.append(innen(eintrag, element))
                    continue
                except Exception as gefunden:
                    problem = gefunden
            notiz = IterableValidationNote(f"Eintrag {index}", index, element)
            problem.__notes__ = [*getattr(problem, "__notes__", []), notiz]
            fehler.append(problem)
            if isinstance(problem, _NichtGeprueft):
                break
        if fehler:
            raise IterableValidationError("Fehler in der Liste", fehler, tuple)
        return tuple(ergebnis)

    return gruendlich


class _NichtGeprueft(Exception):
    """Signal im Fehlerbaum: die übrigen Einträge einer Liste wurden nicht geprüft."""

    def __init__(self, rest: int) -> None:
        super().__init__(rest)
        self.meldung = (
            f"dieser und die übrigen Einträge ({rest}) wurden nicht geprüft: schon "
            f"{MAX_PROBLEME} fehlerhafte Einträge in dieser Liste"
        )


def _ist_tabelle(typ: object) -> bool:
    """Ob ``typ`` ein ``dict[str, X]`` ist (eine TOML-Tabelle mit frei gewählten Schlüsseln)."""
    args: tuple[object, ...] = getattr(typ, "__args__", ())
    return getattr(typ, "__origin__", None) is dict and args[:1] == (str,)


def _tabelle(k: cattrs.Converter, typ: object) -> Hook:
    from cattrs.errors import IterableValidationError, IterableValidationNote

    element = get_args(typ)[1]
    innen = k.get_structure_hook(element)

    def hook(wert: object, _typ: object) -> dict[str, object]:
        if not isinstance(wert, dict):
            raise UngueltigeEingabe("Tabelle", wert, "eine Tabelle (ein Objekt mit Schlüsseln)")
        ergebnis: dict[str, object] = {}
        fehler: list[Exception] = []
        for schluessel, eintrag in wert.items():
            try:
                ergebnis[schluessel] = innen(eintrag, element)
            except Exception as problem:
                if not k.detailed_validation:
                    raise
                notiz = IterableValidationNote(f"Eintrag {schluessel!r}", schluessel, element)
                problem.__notes__ = [*getattr(problem, "__notes__", []), notiz]
                fehler.append(problem)
        if fehler:
            raise IterableValidationError("Fehler in der Tabelle", fehler, dict)
        return ergebnis

    return hook


def _optional(k: cattrs.Converter, typ: object, form: Wertform | None) -> Hook:
    basis = ohne_none(typ)[0]
    if form is not None:  # ein Wert: gleich dessen Leser, ohne den Hook dazwischen
        lies = form.lies

        def wert_oder_none(wert: object, _typ: object) -> object:
            return None if wert is None else lies(wert)

        return wert_oder_none
    innen = k.get_structure_hook(basis)

    def hook(wert: object, _typ: object) -> object:
        return None if wert is None else innen(wert, basis)

    return hook


def _schreibe_folge(k: cattrs.Converter, typ: object) -> Callable[[Any], Any]:
    innen = k.get_unstructure_hook(get_args(typ)[0])

    def hook(wert: tuple[object, ...]) -> list[object]:
        return [innen(e) for e in wert]

    return hook


def _schreibe_optional(k: cattrs.Converter, typ: object) -> Callable[[Any], Any]:
    innen = k.get_unstructure_hook(ohne_none(typ)[0])

    def hook(wert: object) -> object:
        return None if wert is None else innen(wert)

    return hook


# -- Befunde: Pfad, Wert, Meldung -------------------------------------------------------------

FEHLT: Any = type("_Fehlt", (), {"__repr__": lambda _self: "(fehlt)"})()
"""Der Wert eines Befunds, wenn an seinem Pfad nichts steht (Pflichtfeld fehlt)."""


class Befund(NamedTuple):
    """Ein Problem mit Pfad, dem ungekürzten Wert dort (oder ``FEHLT``) und der Meldung."""

    pfad: str
    roh: object
    meldung: str
    unbekannt: bool = False
    """Ob der Befund ein unbekannter Schlüssel ist (oft ein Tippfehler)."""
    code: str = "ungueltiger_wert"
    """Die Art des Problems (:data:`~kim_nrw.fehler.PROBLEMCODES`)."""

    def problem(self) -> Problem:
        """Als :class:`~kim_nrw.fehler.Problem` eines JSON-Dokuments (Wert als kurzer JSON-Text)."""
        return Problem(self.pfad, "(fehlt)" if self.roh is FEHLT else json_kurz(self.roh),
                       self.meldung, self.code)  # fmt: skip


class Befunde(list[Befund]):
    """Die Befunde eines Durchgangs, höchstens :data:`~kim_nrw.fehler.MAX_PROBLEME`.

    Was darüber hinausgeht, zählt :attr:`weitere` nur – ohne Meldung, ohne Vorschlag: so
    bleibt der Fehlerbericht eines feindlichen Dokuments klein und schnell.
    """

    def __init__(self) -> None:
        super().__init__()
        self.weitere = 0
        """Wie viele Befunde es darüber hinaus gibt (nur gezählt)."""

    @property
    def voll(self) -> bool:
        """Ob keine weiteren Befunde mehr beschrieben werden."""
        return len(self) >= MAX_PROBLEME

    def zaehle(self, anzahl: int = 1) -> None:
        """Zählt ``anzahl`` Befunde, die nicht mehr beschrieben werden."""
        self.weitere += anzahl


# Muster der Fehlerberichte: erst dort übersetzt (re hält sie dann im Cache), nicht beim Import.
_BEZEICHNER = r"[A-Za-z_][A-Za-z0-9_]*"
_FELDPFAD = (
    r"(?:[A-Za-z_][A-Za-z0-9_]*\.)?([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])?(?:\.[A-Za-z_][A-Za-z0-9_]*)*)"
)


_MAX_PFADSCHLUESSEL = 64
"""Längere Schlüssel erscheinen in Pfaden gekürzt (als JSON-Text in eckigen Klammern)."""


def _schluessel_pfad(pfad: str, schluessel: object) -> str:
    if (
        isinstance(schluessel, str)
        and len(schluessel) <= _MAX_PFADSCHLUESSEL
        and re.fullmatch(_BEZEICHNER, schluessel)
    ):
        return f"{pfad}.{schluessel}"
    return f"{pfad}[{json_kurz(schluessel, 40)}]"


_DEUTSCHES_DATUM = re.compile(r"\s*([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\s*", re.ASCII)


def _deutsches_datum(wert: object) -> str:
    """„ (gemeint: 2025-01-10?)“ für einen deutschen Kalendertag wie „10.01.2025“, sonst ""."""
    if not isinstance(wert, str) or len(wert) > 20:
        return ""
    treffer = _DEUTSCHES_DATUM.fullmatch(wert)
    if treffer is None:
        return ""
    tag, monat, jahr = (int(t) for t in treffer.groups())
    try:
        return f" (gemeint: {dt.date(jahr, monat, tag).isoformat()}?)"
    except ValueError:  # kein Kalendertag: kein Vorschlag
        return ""


def _vorschlag(schluessel: str, erlaubt: list[str]) -> str | None:
    """Der erlaubte Schlüssel, den ``schluessel`` wohl meint – nur, wo das billig ist."""
    if len(schluessel) > 2 * _MAX_PFADSCHLUESSEL:
        return None
    import difflib  # nur für Tippfehler gebraucht

    treffer = difflib.get_close_matches(schluessel, erlaubt, n=1)
    return treffer[0] if treffer else None


def _json_typen_von(wert: object) -> frozenset[str]:
    """Die JSON-Schema-Typen, zu denen ``wert`` gehört."""
    if wert is None:
        return frozenset({"null"})
    if isinstance(wert, bool):
        return frozenset({"boolean"})
    if isinstance(wert, int):
        return frozenset({"integer", "number"})
    if isinstance(wert, float):
        return frozenset({"number"})
    if isinstance(wert, str):
        return frozenset({"string"})
    if isinstance(wert, list):
        return frozenset({"array"})
    if isinstance(wert, Mapping):
        return frozenset({"object"})
    return frozenset({"(python)"})


def _schema_typen(schema: Mapping[str, Any]) -> frozenset[str]:
    """Die JSON-Typen, die ein Schema-Fragment annimmt (leer: nicht bestimmbar)."""
    typ = schema.get("type")
    if isinstance(typ, str):
        return frozenset({typ})
    if isinstance(typ, list):
        return frozenset(typ)
    teile = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(teile, list):
        alle: set[str] = set()
        for teil in teile:
            innen = _schema_typen(teil) if isinstance(teil, Mapping) else frozenset()
            if not innen:
                return frozenset()
            alle |= innen
        return frozenset(alle)
    werte = schema.get("enum", [schema["const"]] if "const" in schema else None)
    if isinstance(werte, list) and werte:
        return frozenset().union(*(_json_typen_von(w) for w in werte))
    return frozenset()


def _kind(roh: object, schluessel: object) -> object:
    try:
        if isinstance(roh, Mapping):
            return roh.get(schluessel, FEHLT)
        if isinstance(roh, list) and isinstance(schluessel, int) and 0 <= schluessel < len(roh):
            return roh[schluessel]
    except TypeError:
        pass
    return FEHLT


def _notiz(fehler: BaseException) -> AttributeValidationNote | IterableValidationNote | None:
    from cattrs.errors import AttributeValidationNote, IterableValidationNote

    for notiz in reversed(getattr(fehler, "__notes__", ())):
        if isinstance(notiz, AttributeValidationNote | IterableValidationNote):
            return notiz
    return None


def _meldung(fehler: BaseException, erwartet: str = "") -> str:
    if isinstance(fehler, UngueltigeEingabe):
        return f"ungültig; erwartet: {fehler.erwartet}"
    if isinstance(fehler, KimNrwFehler):
        if erwartet and isinstance(fehler, LookupError):
            return f"{fehler}; erwartet: {erwartet}"
        return str(fehler)
    return f"ungültig ({type(fehler).__name__})"


def _klassenproblem(
    fehler: BaseException, pfad: str, roh: object, klasse: type, aus: list[Befund]
) -> None:
    """Ein Fehler des Konstruktors (Invariante): dem Feld zuordnen, das er nennt."""
    code = "nicht_gefunden" if isinstance(fehler, LookupError) else "invariante"
    if isinstance(fehler, UngueltigeEingabe) and attrs.has(klasse):
        treffer = re.fullmatch(_FELDPFAD, fehler.feld)
        namen = {a.name for a in _felder(klasse)}
        if treffer and treffer.group(1) in namen:
            rest = treffer.group(1) + treffer.group(2)
            ziel = roh
            for teil in re.findall(r"[A-Za-z_][A-Za-z0-9_]*|\[\d+\]", rest):
                ziel = _kind(ziel, int(teil[1:-1]) if teil.startswith("[") else teil)
            # Ein Wert an der Stelle; zeigt sie auf eine Liste, das, was die Invariante nennt.
            wert = fehler.wert if ziel is FEHLT or isinstance(ziel, dict | list) else ziel
            unterpfad = re.sub(r"\.(?=\[)", "", f"{pfad}.{rest}")
            aus.append(Befund(unterpfad, wert, _meldung(fehler), code=code))
            return
    aus.append(Befund(pfad, roh, _meldung(fehler), code=code))


# -- Kurze Darstellung beliebiger Werte -------------------------------------------------------

# Ein Ganzzahl-Literal aus JSON hat höchstens 4300 Ziffern (Grenze von int(str));
# Python-Aufrufer können größere übergeben. repr() solcher Zahlen wirft ValueError.
_GROSSE_ZAHL_BITS = 256


def _zahl_text(wert: int) -> str:
    return f"<Ganzzahl mit etwa {int(wert.bit_length() * 0.30103) + 1} Ziffern>"


def json_kurz(wert: object, laenge: int = 60) -> str:
    """Zeigt einen (JSON-)Wert als kurzen JSON-Text für Fehlerberichte.

    Verträgt alles: tiefe Verschachtelung, riesige Zahlen, NaN, Megabyte-Texte.

    >>> from kim_nrw.konverter import json_kurz
    >>> json_kurz({"anteil": "2", "funktion": "x"})
    '{"anteil": "2", "funktion": "x"}'
    >>> json_kurz("x" * 1000, 20)
    '"xxxxxxxxxxxxx…(1002 Zeichen)'
    """
    if not isinstance(laenge, int) or isinstance(laenge, bool) or not 10 <= laenge <= 10_000:
        laenge = 60
    text = _json_teil(wert, 0, laenge + 20)
    if len(text) <= laenge:
        return text
    if isinstance(wert, str):
        return f"{text[: laenge - 6]}…({len(wert) + 2} Zeichen)"
    return f"{text[: laenge - 1]}…"


def _json_teil(wert: object, tiefe: int, budget: int) -> str:
    import json  # nur für Fehlerberichte

    if wert is None or isinstance(wert, bool):
        return json.dumps(wert)
    if isinstance(wert, int):
        return _zahl_text(wert) if wert.bit_length() > _GROSSE_ZAHL_BITS else str(wert)
    if isinstance(wert, float):
        return repr(wert).replace("nan", "NaN").replace("inf", "Infinity")
    if isinstance(wert, str):
        return json.dumps(wert[: budget + 1], ensure_ascii=False)
    if isinstance(wert, dict | list) and tiefe > 4:
        return "{…}" if isinstance(wert, dict) else "[…]"
    if isinstance(wert, dict | list):
        paare = wert.items() if isinstance(wert, dict) else ((None, w) for w in wert)
        teile: list[str] = []
        laenge = 0
        for schluessel, inhalt in paare:
            if laenge > budget:
                teile.append("…")
                break
            teil = _json_teil(inhalt, tiefe + 1, budget)
            if isinstance(wert, dict):
                teil = f"{_json_teil(schluessel, tiefe + 1, budget)}: {teil}"
            teile.append(teil)
            laenge += len(teil) + 2
        klammern = "{}" if isinstance(wert, dict) else "[]"
        return klammern[0] + ", ".join(teile) + klammern[1]
    try:
        return _kurz(wert, budget)
    except Exception:
        return f"<{type(wert).__name__}>"


# -- TOML --------------------------------------------------------------------------------------


@functools.cache
def toml_konverter() -> Konverter:
    """Der Konverter für die Paketdaten: TOML liefert Daten schon als ``datetime.date``."""
    return Konverter({dt.date: TOML_DATUM}, fehlend_ist_none=True)


_TOML_TYPEN = {bool: "Wahrheitswert", int: "Ganzzahl", float: "Float", str: "Text",
               list: "Liste", dict: "Tabelle", dt.datetime: "Datum mit Uhrzeit",
               dt.date: "Datum", dt.time: "Uhrzeit"}  # fmt: skip


def toml_problem(befund: Befund) -> str:
    """Die Meldung eines Befunds für eine TOML-Datei, mit dem, was dort steht."""
    if befund.roh is FEHLT:
        return befund.meldung.replace("Pflichtfeld", "Pflichtschlüssel", 1)
    art = _TOML_TYPEN.get(type(befund.roh), type(befund.roh).__name__)
    return f"{befund.meldung}; gefunden: {art} {_kurz(befund.roh)}"


def lies_toml(
    typ: type[_T],
    text: str | Mapping[str, Any],
    datei: str,
    konverter: Konverter | None = None,
    ort: Callable[[str, Any], str] | None = None,
) -> _T:
    """Liest TOML-Text streng in ein Modell; jeder Fehler ist ein :class:`DatenFehler`.

    Der Fehler nennt die Datei, den Pfad des ersten Problems (``werte[0].wert``) und
    was dort erwartet wird. ``konverter`` ersetzt :func:`toml_konverter`; ``ort``
    übersetzt einen Pfad für die Meldung (Pfad, gelesene Daten → Ort). Statt des
    Texts darf ``text`` auch schon gelesenes TOML sein, ein ``dict``, wie es
    ``tomllib.loads`` liefert (so liest das Paket die erzeugte Kopie seiner Daten).
    """
    if not isinstance(datei, str):
        raise UngueltigeEingabe("datei", datei, "der Name der Datei für Meldungen, als str")
    if konverter is not None and not isinstance(konverter, Konverter):
        raise UngueltigeEingabe("konverter", konverter, "ein Konverter oder None")
    if ort is not None and not callable(ort):
        raise UngueltigeEingabe("ort", ort, "eine Funktion (Pfad, Daten) → Ort oder None")
    if not (isinstance(typ, type) and attrs.has(typ)):
        raise UngueltigeEingabe("typ", typ, "ein attrs-Modell")
    if isinstance(text, dict):
        daten: Any = text
    elif isinstance(text, str):
        import tomllib  # erst hier: wer keine TOML-Datei liest, lädt den Parser nicht

        try:
            daten = tomllib.loads(text)
        except tomllib.TOMLDecodeError as fehler:
            raise DatenFehler(datei, "(TOML-Syntax)", f"kein gültiges TOML: {fehler}") from fehler
    else:
        raise UngueltigeEingabe("text", text, "der Inhalt einer TOML-Datei als str")
    k = konverter or toml_konverter()
    ergebnis, befunde = k.lies(typ, daten, "")
    if not befunde:
        return ergebnis  # type: ignore[no-any-return]
    # Ein unbekannter Schlüssel zuerst: ein Tippfehler erklärt meist auch das fehlende Feld.
    erster = next((b for b in befunde if b.unbekannt), befunde[0])
    pfad = erster.pfad.removeprefix(".")
    if ort is not None:
        pfad = ort(pfad, daten)
    raise DatenFehler(datei, pfad or "(Datei)", toml_problem(erster))
