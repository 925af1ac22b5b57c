"""Veraltete Namen: warnen, den Ersatz nennen, die Version der Entfernung nennen.

Der Weg zum Entfernen steht in der Doku (Erklärung „Versionierung“): ein veralteter Name
funktioniert weiter, gibt aber bei jedem Gebrauch eine :class:`DeprecationWarning` aus,
die sagt, seit wann er veraltet ist, in welcher Version er entfällt und was an seine
Stelle tritt. Dieses Modul ist die eine Umsetzung dafür; es importiert nichts aus
kim_nrw und darf deshalb von jeder Schicht benutzt werden.

**Ein umbenannter Modulname** (Klasse, Funktion, Konstante) – eine Zeile je Name im
Modul, das den alten Namen anbot::

    from kim_nrw._veraltet import Alias, veraltete_namen

    __getattr__ = veraltete_namen(__name__, {
        "Status": Alias("Gewissheit", seit="0.2.0", entfaellt_in="0.4.0"),
    })

Hat das Modul schon ein ``__getattr__`` (die Paketwurzel lädt ihre Namen so), wird es
mit ``weiter=__getattr__`` weitergereicht. Der Ersatz ist ein Name im selben Modul oder
ein voller Name (``"kim_nrw.recht.Gewissheit"``); er wird erst beim Zugriff geladen.

**Eine veraltete Funktion oder Methode** (deren Verhalten bleibt, die aber durch eine
andere ersetzt ist)::

    @veraltet(seit="0.2.0", entfaellt_in="0.4.0", ersatz="kim_nrw.lade")
    def lade_dokument(text): ...

>>> import warnings
>>> @veraltet(seit="0.2.0", entfaellt_in="0.4.0", ersatz="neu()")
... def alt() -> int:
...     "Die alte Funktion."
...     return 1
>>> with warnings.catch_warnings(record=True) as w:
...     warnings.simplefilter("always")
...     alt()
1
>>> print(w[0].category.__name__, w[0].message)
DeprecationWarning alt() ist veraltet seit 0.2.0 und entfällt in 0.4.0; stattdessen: neu().
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = [
    "REGISTER",
    "Alias",
    "VeraltetesAttribut",
    "meldung",
    "veraltet",
    "veraltete_namen",
    "warne",
]

_F = TypeVar("_F", bound=Callable[..., Any])
_VERSION = re.compile(r"\d+\.\d+\.\d+")


@dataclass(frozen=True)
class Alias:
    """Ein alter Name, der auf einen neuen zeigt."""

    ersatz: str
    """Der neue Name: im selben Modul (``"Gewissheit"``) oder voll (``"kim_nrw.recht.X"``)."""
    seit: str
    """Die Version, die den Namen zum ersten Mal als veraltet meldet."""
    entfaellt_in: str
    """Die Version, in der der alte Name entfällt (nach den Regeln der Versionierung)."""

    def __post_init__(self) -> None:
        _pruefe_versionen(self.seit, self.entfaellt_in)


@dataclass(frozen=True)
class Eintrag:
    """Ein veralteter Name im Register: wo, seit wann, bis wann, Ersatz."""

    name: str
    seit: str
    entfaellt_in: str
    ersatz: str


REGISTER: dict[str, Eintrag] = {}
"""Alle veralteten Namen, die beim Import ihrer Module angemeldet wurden (voller Name →
Eintrag); die Doku und die Release-Prüfung lesen es."""


def _pruefe_versionen(seit: str, entfaellt_in: str) -> None:
    for v in (seit, entfaellt_in):
        if not _VERSION.fullmatch(v):
            raise ValueError(f"Version {v!r} ist keine Version MAJOR.MINOR.PATCH")
    if tuple(map(int, entfaellt_in.split("."))) <= tuple(map(int, seit.split("."))):
        raise ValueError(f"entfällt in {entfaellt_in} liegt nicht nach seit {seit}")


def meldung(name: str, *, seit: str, entfaellt_in: str, ersatz: str) -> str:
    """Der Text der Warnung: was veraltet ist, seit wann, bis wann, was stattdessen."""
    return f"{name} ist veraltet seit {seit} und entfällt in {entfaellt_in}; stattdessen: {ersatz}."


def warne(name: str, *, seit: str, entfaellt_in: str, ersatz: str, stacklevel: int = 2) -> None:
    """Gibt die :class:`DeprecationWarning` für ``name`` aus (zeigt auf den Aufrufer)."""
    warnings.warn(
        meldung(name, seit=seit, entfaellt_in=entfaellt_in, ersatz=ersatz),
        DeprecationWarning,
        stacklevel=stacklevel + 1,
    )


def veraltet(*, seit: str, entfaellt_in: str, ersatz: str) -> Callable[[_F], _F]:
    """Markiert eine Funktion oder Methode als veraltet: Warnung bei jedem Aufruf.

    Der Docstring bekommt einen Hinweis ``.. deprecated::`` mit Ersatz und Version der
    Entfernung; Signatur und Ergebnis bleiben unverändert.
    """
    _pruefe_versionen(seit, entfaellt_in)

    def markiere(funktion: _F) -> _F:
        name = f"{funktion.__qualname__}()"

        @functools.wraps(funktion)
        def huelle(*args: Any, **kwargs: Any) -> Any:
            warne(name, seit=seit, entfaellt_in=entfaellt_in, ersatz=ersatz)
            return funktion(*args, **kwargs)

        hinweis = (
            f".. deprecated:: {seit}\n   Entfällt in {entfaellt_in}; stattdessen ``{ersatz}``."
        )
        huelle.__doc__ = f"{funktion.__doc__ or ''}\n\n{hinweis}\n".lstrip("\n")
        vollname = f"{funktion.__module__}.{funktion.__qualname__}"
        REGISTER[vollname] = Eintrag(vollname, seit, entfaellt_in, ersatz)
        return huelle  # type: ignore[return-value]

    return markiere


class VeraltetesAttribut:
    """Ein umbenanntes Attribut einer Klasse: liest das neue und warnt bei jedem Zugriff.

    In der Klasse steht eine Zeile je altem Namen; ``lies`` liefert den Wert in der alten
    Form, wo sie sich geändert hat (etwa ``gesichert`` als Wahrheitswert aus
    ``gewissheit``), sonst gilt der Wert des Attributs ``ersatz``::

        status = VeraltetesAttribut("gewissheit", seit="0.2.0", entfaellt_in="0.4.0")

    Der Name steht mit Klasse und Modul im :data:`REGISTER`.
    """

    def __init__(
        self,
        ersatz: str,
        *,
        seit: str,
        entfaellt_in: str,
        lies: Callable[[Any], Any] | None = None,
        hinweis: str = "",
    ) -> None:
        _pruefe_versionen(seit, entfaellt_in)
        self.ersatz, self.seit, self.entfaellt_in = ersatz, seit, entfaellt_in
        self.lies, self.hinweis = lies, hinweis
        self.name = self.ziel = ersatz

    def __set_name__(self, klasse: type, name: str) -> None:
        self.name = f"{klasse.__module__}.{klasse.__qualname__}.{name}"
        voll = self.ersatz if "." in self.ersatz else f"{klasse.__qualname__}.{self.ersatz}"
        self.ziel = f"{voll}{self.hinweis}"
        REGISTER[self.name] = Eintrag(self.name, self.seit, self.entfaellt_in, self.ziel)

    def __get__(self, objekt: object, klasse: type | None = None) -> Any:
        if objekt is None:
            return self
        warne(self.name, seit=self.seit, entfaellt_in=self.entfaellt_in, ersatz=self.ziel)
        return getattr(objekt, self.ersatz) if self.lies is None else self.lies(objekt)


def _lade(modul: str, ersatz: str) -> Any:
    if "." in ersatz:
        teile = ersatz.split(".")
        for i in range(len(teile) - 1, 0, -1):
            try:
                objekt: Any = importlib.import_module(".".join(teile[:i]))
            except ImportError:
                continue
            for teil in teile[i:]:
                objekt = getattr(objekt, teil)
            return objekt
    return getattr(sys.modules[modul], ersatz)


def veraltete_namen(
    modul: str,
    aliase: Mapping[str, Alias],
    *,
    weiter: Callable[[str], Any] | None = None,
) -> Callable[[str], Any]:
    """Ein ``__getattr__`` für ``modul`` (PEP 562), das veraltete Namen weiter auflöst.

    Ein Zugriff auf einen alten Namen warnt und gibt das Objekt des Ersatzes zurück;
    jeder andere unbekannte Name geht an ``weiter`` oder ist ein :class:`AttributeError`.
    """
    aliase = dict(aliase)
    for alt, alias in aliase.items():
        ziel = alias.ersatz if "." in alias.ersatz else f"{modul}.{alias.ersatz}"
        REGISTER[f"{modul}.{alt}"] = Eintrag(f"{modul}.{alt}", alias.seit, alias.entfaellt_in, ziel)

    def __getattr__(name: str) -> Any:
        alias = aliase.get(name)
        if alias is None:
            if weiter is not None:
                return weiter(name)
            raise AttributeError(f"module {modul!r} has no attribute {name!r}")
        ziel = alias.ersatz if "." in alias.ersatz else f"{modul}.{alias.ersatz}"
        warne(f"{modul}.{name}", seit=alias.seit, entfaellt_in=alias.entfaellt_in, ersatz=ziel)
        return _lade(modul, alias.ersatz)

    return __getattr__
