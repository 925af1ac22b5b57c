"""Der Helfer für veraltete Namen: warnt, nennt Ersatz und Version der Entfernung."""

from __future__ import annotations

import inspect
import sys
import types
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from kim_nrw._veraltet import REGISTER, Alias, meldung, veraltet, veraltete_namen


@pytest.fixture(autouse=True)
def _register_zuruecksetzen() -> Iterator[None]:
    """Was ein Test für Testmodule und -funktionen im globalen REGISTER anmeldet, gilt nur für
    ihn (sonst sähe der Test des API-Stands danach fremde veraltete Namen); was Module von
    kim_nrw beim Import anmelden, bleibt."""
    vorher = set(REGISTER)
    yield
    for name in set(REGISTER) - vorher:
        if not name.startswith("kim_nrw."):
            del REGISTER[name]


@pytest.fixture
def modul() -> Iterator[types.ModuleType]:
    """Ein Modul ``kim_nrw_testmodul`` mit ``neu`` und dem veralteten Namen ``alt``."""
    m = types.ModuleType("kim_nrw_testmodul")

    def neu() -> str:
        return "neu"

    m.neu = neu  # type: ignore[attr-defined]
    m.__getattr__ = veraltete_namen(  # type: ignore[method-assign]
        m.__name__,
        {
            "alt": Alias("neu", seit="0.2.0", entfaellt_in="0.4.0"),
            "AlterZeitraum": Alias("kim_nrw.zeit.Zeitraum", seit="0.2.0", entfaellt_in="1.0.0"),
        },
    )
    sys.modules[m.__name__] = m
    yield m
    del sys.modules[m.__name__]


def test_ein_alter_name_warnt_und_gibt_den_ersatz(modul: types.ModuleType) -> None:
    with pytest.warns(DeprecationWarning) as gewarnt:
        alt: Any = modul.alt
    assert alt is modul.neu
    assert str(gewarnt[0].message) == (
        "kim_nrw_testmodul.alt ist veraltet seit 0.2.0 und entfällt in 0.4.0; "
        "stattdessen: kim_nrw_testmodul.neu."
    )
    assert gewarnt[0].filename == __file__, "die Warnung zeigt auf den Aufrufer"


def test_der_ersatz_darf_in_einem_anderen_modul_stehen(modul: types.ModuleType) -> None:
    from kim_nrw.zeit import Zeitraum

    with pytest.warns(DeprecationWarning, match=r"stattdessen: kim_nrw\.zeit\.Zeitraum\."):
        assert modul.AlterZeitraum is Zeitraum


def test_from_import_warnt_ebenso(modul: types.ModuleType) -> None:
    with pytest.warns(DeprecationWarning, match="entfällt in 0.4.0"):
        from kim_nrw_testmodul import alt  # type: ignore[import-not-found]
    assert alt() == "neu"


def test_ein_unbekannter_name_bleibt_ein_attributfehler(modul: types.ModuleType) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(AttributeError, match="has no attribute 'gibt_es_nicht'"):
            modul.gibt_es_nicht  # noqa: B018


def test_ein_vorhandenes_getattr_wird_weitergereicht() -> None:
    def lader(name: str) -> str:
        if name == "geladen":
            return "aus dem Lader"
        raise AttributeError(name)

    ga = veraltete_namen(
        "kim_nrw_x", {"a": Alias("b", seit="0.2.0", entfaellt_in="0.3.0")}, weiter=lader
    )
    assert ga("geladen") == "aus dem Lader"
    with pytest.raises(AttributeError):
        ga("fehlt")


def test_veraltete_funktion_warnt_und_rechnet_unveraendert() -> None:
    @veraltet(seit="0.2.0", entfaellt_in="0.4.0", ersatz="kim_nrw.lade")
    def lade_dokument(text: str, *, streng: bool = True) -> str:
        """Liest ein Dokument."""
        return text.upper() if streng else text

    with pytest.warns(DeprecationWarning) as gewarnt:
        assert lade_dokument("x") == "X"
    meldungstext = str(gewarnt[0].message)
    assert "lade_dokument() ist veraltet seit 0.2.0" in meldungstext
    assert "entfällt in 0.4.0; stattdessen: kim_nrw.lade." in meldungstext
    assert gewarnt[0].filename == __file__
    assert list(inspect.signature(lade_dokument).parameters) == ["text", "streng"]
    assert lade_dokument.__doc__ is not None
    assert lade_dokument.__doc__.startswith("Liest ein Dokument.")
    assert ".. deprecated:: 0.2.0" in lade_dokument.__doc__
    eintrag = REGISTER[f"{__name__}.{lade_dokument.__qualname__}"]
    assert (eintrag.seit, eintrag.entfaellt_in) == ("0.2.0", "0.4.0")
    assert eintrag.ersatz == "kim_nrw.lade"


def test_veraltete_methode() -> None:
    class Register:
        @veraltet(seit="0.2.0", entfaellt_in="0.4.0", ersatz="Register.suche()")
        def finde_alle(self, name: str) -> list[str]:
            return [name]

    with pytest.warns(DeprecationWarning, match=r"Register\.finde_alle\(\) ist veraltet"):
        assert Register().finde_alle("Aachen") == ["Aachen"]


def test_das_register_kennt_die_aliase(modul: types.ModuleType) -> None:
    eintrag = REGISTER["kim_nrw_testmodul.alt"]
    assert eintrag.ersatz == "kim_nrw_testmodul.neu"
    assert eintrag.entfaellt_in == "0.4.0"


@pytest.mark.parametrize(
    ("seit", "entfaellt_in"), [("0.2", "0.4.0"), ("0.4.0", "0.4.0"), ("1.0.0", "0.9.0")]
)
def test_versionen_muessen_stimmen(seit: str, entfaellt_in: str) -> None:
    with pytest.raises(ValueError, match=r"Version|liegt nicht nach"):
        Alias("neu", seit=seit, entfaellt_in=entfaellt_in)
    with pytest.raises(ValueError, match=r"Version|liegt nicht nach"):
        veraltet(seit=seit, entfaellt_in=entfaellt_in, ersatz="neu")


def test_meldung() -> None:
    assert meldung("a", seit="0.2.0", entfaellt_in="1.0.0", ersatz="b") == (
        "a ist veraltet seit 0.2.0 und entfällt in 1.0.0; stattdessen: b."
    )


# --- Die Namen, die diese Runde umbenannt hat (0.2.0) -------------------------------------


def _heinsberg() -> Any:
    from datetime import date
    from pathlib import Path

    import kim_nrw

    text = (Path(__file__).parent.parent / "examples" / "antraege"
            / "kreis_heinsberg_kim_b2_2021.json").read_text(encoding="utf-8")  # fmt: skip
    return kim_nrw.pruefe(kim_nrw.lade("foerderantrag", text), date(2021, 6, 1))


def _zugriffe() -> list[tuple[str, Any, Any]]:
    """(alter Name, Zugriff auf den alten Namen, was der neue Name liefert)."""
    from datetime import date

    from kim_nrw import recht, schreibweise, zentren
    from kim_nrw.programme import Programmteil, teil
    from kim_nrw.pruefung.erklaerung import rechenschritt_text

    e = _heinsberg()
    w = recht.parameter("ki.hoechstbetrag_kreis").wert_am(date(2019, 7, 1))
    g = teil(Programmteil.KI).rechtsgrundlagen[0]
    z = zentren.KI_ZAEHLUNGEN[3]  # die unsichere Zählung von 2016
    v = e.verwendete_werte[0]
    return [
        # Typprüfer sehen die alten Namen absichtlich nicht (ignore), zur Laufzeit gibt es sie:
        ("kim_nrw.recht.Status", lambda: recht.Status, recht.Gewissheit),  # type: ignore[attr-defined]
        ("kim_nrw.recht.STAND_FAKTENBLATT", lambda: recht.STAND_FAKTENBLATT,  # type: ignore[attr-defined]
         recht.STAND_ERSTERFASSUNG),
        ("Parameterwert.status", lambda: w.status, w.gewissheit),
        ("Rechtsgrundlage.status", lambda: g.status, g.gewissheit),
        ("KIZaehlung.gesichert", lambda: z.gesichert, False),
        ("Pruefpunkt.quellen_id", lambda: e.pruefpunkte[0].quellen_id, e.pruefpunkte[0].quelle),
        ("VerwendeterWert.status", lambda: v.status, v.gewissheit),
        ("VerwendeterWert.zeitraum", lambda: v.zeitraum,
         schreibweise.spanne(v.gilt_ab, v.gilt_bis)),
        ("Rechenschritt.beschreibung", lambda: e.rechnung[0].beschreibung,
         rechenschritt_text(e.rechnung[0])),
    ]  # fmt: skip


@pytest.mark.parametrize("index", range(9))
def test_umbenannte_namen_warnen_und_liefern_den_neuen_wert(index: int) -> None:
    name, zugriff, erwartet = _zugriffe()[index]
    with pytest.warns(DeprecationWarning, match=r"veraltet seit 0\.2\.0 und entfällt in 0\.4\.0"):
        assert zugriff() == erwartet, name
    assert any(n.endswith(name) for n in REGISTER), name


def test_die_gruendung_ist_gesichert_wenn_bestaetigt() -> None:
    from datetime import date

    from kim_nrw.recht import Gewissheit
    from kim_nrw.zentren import Gruendung

    bestaetigt = Gruendung(2013, date(2013, 6, 1), ("S-medienjournal-2013",))
    unsicher = Gruendung(2013, None, ("S-medienjournal-2013",), gewissheit=Gewissheit.UNSICHER)
    with pytest.warns(DeprecationWarning):
        assert bestaetigt.gesichert is True
    with pytest.warns(DeprecationWarning):
        assert unsicher.gesichert is False


def test_ein_tippfehler_in_recht_bleibt_ein_attributfehler() -> None:
    from kim_nrw import recht

    with pytest.raises(AttributeError):
        recht.Gewisheit  # type: ignore[attr-defined]  # noqa: B018
