"""Die Prüfung eines Antrags zu einem Stichtag: alle Regeln, der Höchstbetrag, das Ergebnis."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from kim_nrw.antrag import Foerderantrag
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.geld import Betrag
from kim_nrw.pruefung.betrag import berechnet, hoechstbetrag
from kim_nrw.pruefung.ergebnis import (
    Entscheidung,
    Pruefergebnis,
    Pruefpunkt,
    Pruefstatus,
)
from kim_nrw.pruefung.kontext import Kontext, zitat
from kim_nrw.pruefung.regeln import REGELN, Regel, befund_zitat

__all__ = ["pruefe", "pruefe_alle"]


def _punkt(regel: Regel, k: Kontext) -> Pruefpunkt:
    # Keine Regel wirft bei einem gültigen Antrag (ein Hypothesis-Test hält das fest);
    # unbekannte Schlüssel im Antrag prüfen die Regeln selbst.
    befund = regel.pruefe(k)
    return Pruefpunkt(regel.id, regel.titel, befund.status, befund.begruendung,
                      befund_zitat(befund), befund.quelle)  # fmt: skip


def _betragspunkt(
    antrag: Foerderantrag, hoechst: Betrag | None
) -> tuple[Pruefpunkt, Betrag | None]:
    beantragt = antrag.beantragter_betrag
    quelle = "LHO-44"
    titel = "Beantragter Betrag im Rahmen des Höchstbetrags"
    if beantragt is None:
        text = "kein Betrag beantragt" + (f"; Höchstbetrag {hoechst.deutsch()}" if hoechst else "")
        return Pruefpunkt("ALLG.HOECHSTBETRAG", titel, Pruefstatus.NICHT_ANWENDBAR, text,
                          zitat(quelle), quelle), hoechst  # fmt: skip
    if not berechnet(antrag.programmteil):
        return Pruefpunkt("ALLG.HOECHSTBETRAG", titel, Pruefstatus.NICHT_ANWENDBAR,
                          f"beantragt {beantragt.deutsch()}; für {antrag.programmteil.bezeichnung} "
                          "rechnet kim_nrw keinen Höchstbetrag je Stelle (Festbeträge je "
                          "Maßnahme)", zitat(quelle), quelle), beantragt  # fmt: skip
    if hoechst is None:
        return Pruefpunkt("ALLG.HOECHSTBETRAG", titel, Pruefstatus.UNBEKANNT,
                          f"beantragt {beantragt.deutsch()}; der Höchstbetrag ist nicht "
                          "berechenbar (siehe Rechnung)", zitat(quelle), quelle), None  # fmt: skip
    if beantragt > hoechst:
        return Pruefpunkt("ALLG.HOECHSTBETRAG", titel, Pruefstatus.ERFUELLT,
                          f"beantragt {beantragt.deutsch()}, höchstens {hoechst.deutsch()}: "
                          f"auf {hoechst.deutsch()} gekürzt ({(beantragt - hoechst).deutsch()} "
                          "über dem Höchstbetrag)", zitat(quelle), quelle), hoechst  # fmt: skip
    return Pruefpunkt("ALLG.HOECHSTBETRAG", titel, Pruefstatus.ERFUELLT,
                      f"beantragt {beantragt.deutsch()}, höchstens {hoechst.deutsch()}",
                      zitat(quelle), quelle), beantragt  # fmt: skip


def pruefe(antrag: Foerderantrag, stichtag: date) -> Pruefergebnis:
    """Prüft ``antrag`` nach dem am ``stichtag`` geltenden Recht.

    Jede Regel des Programmteils wird ausgewertet (kein Abbruch); das Ergebnis
    ist förderfähig, nicht förderfähig oder – wenn eine nötige Angabe fehlt –
    unentschieden. Wirft nie bei einem gültigen Antrag.

    >>> from datetime import date
    >>> from kim_nrw.antrag import Foerderantrag, Stelle, Stellenfunktion
    >>> from kim_nrw.gebiet import Kreisschluessel
    >>> from kim_nrw.geld import Stellenanteil
    >>> from kim_nrw.programme import Programmteil
    >>> from kim_nrw.pruefung import pruefe
    >>> from kim_nrw.zeit import Zeitraum
    >>> antrag = Foerderantrag(Kreisschluessel("05370"), Programmteil.KIM_B2, Zeitraum.jahr(2021),
    ...     stellen=(Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1)),),
    ...     ki_vorhanden=True)
    >>> ergebnis = pruefe(antrag, stichtag=date(2021, 6, 1))
    >>> ergebnis.entscheidung.value, ergebnis.hoechstbetrag.deutsch()
    ('förderfähig', '55.000,00 €')
    """
    if not isinstance(antrag, Foerderantrag):
        raise UngueltigeEingabe("antrag", antrag, "ein Foerderantrag")
    if not isinstance(stichtag, date):
        raise UngueltigeEingabe("stichtag", stichtag, "ein Datum (datetime.date)")
    k = Kontext(antrag, stichtag, antrag.kommune)
    punkte = [_punkt(r, k) for r in REGELN if antrag.programmteil in r.teile]
    hoechst, rechnung = hoechstbetrag(k)
    betragspunkt, bewilligungsfaehig = _betragspunkt(antrag, hoechst)
    punkte.append(betragspunkt)
    entscheidung = Entscheidung.aus([p.status for p in punkte])
    richtlinie = k.richtlinie or f"keine Richtlinie für {antrag.programmteil.value} belegt"
    versionen = [k.tintg, richtlinie]
    return Pruefergebnis(
        antrag=antrag,
        stichtag=stichtag,
        entscheidung=entscheidung,
        pruefpunkte=tuple(punkte),
        hoechstbetrag=hoechst,
        bewilligungsfaehig=bewilligungsfaehig
        if entscheidung is not Entscheidung.NICHT_FOERDERFAEHIG else None,
        rechnung=rechnung,
        verwendete_werte=tuple(sorted(k.benutzt.values(), key=lambda w: (w.parameter, w.zeitraum))),
        regelversionen=tuple(versionen),
    )  # fmt: skip


def pruefe_alle(antraege: Iterable[Foerderantrag], stichtag: date) -> list[Pruefergebnis]:
    """Prüft viele Anträge zum selben Stichtag (etwa eine landesweite Übersicht)."""
    return [pruefe(a, stichtag) for a in antraege]
