"""Die Förderprogramme, ihre Teile und die geförderten Stellenfunktionen als stabile Kennungen.

Die Kennungen (``"KIM.B2"``, ``"case_management"``) sind die Werte in JSON-Dokumenten,
den Datendateien des Programmkatalogs und die Präfixe der Prüf-IDs; sie ändern sich
nicht, auch wenn eine Richtlinie einen Teil umbenennt. Für Menschen hat jede Kennung
eine deutsche Bezeichnung (``bezeichnung``), die am Mitglied selbst steht
(:class:`Bezeichnet`).
"""

from __future__ import annotations

from typing import Self

from kim_nrw.bezeichnet import Bezeichnet, mitglied

__all__ = [
    "Antragsverfahren",
    "Bezeichnet",
    "Foerderart",
    "Programm",
    "Programmteil",
    "Stellenfunktion",
]


class Programm(Bezeichnet):
    """Ein Förderprogramm des Landes für die kommunale Integrationsarbeit.

    Die Förderung der Kommunalen Integrationszentren (§ 7 TIntG 2012, § 8 TIntG 2021), das
    Kommunale Integrationsmanagement (§ 9 TIntG 2021; KIM-Richtlinien 2020 und 2024),
    KOMM-AN NRW (Stärkung des Ehrenamts in der Integrationsarbeit, 2016–2024) und sein
    Nachfolger „Ehrenamt im Kontext Prävention“ bei den KI (ab dem Haushaltsjahr 2025). Was
    jedes fördert, beschreibt der Programmkatalog (:func:`kim_nrw.programme.programm`).
    """

    KI = "KI", "Förderung Kommunaler Integrationszentren"
    KIM = "KIM", "Kommunales Integrationsmanagement NRW"
    KOMM_AN = "KOMM-AN", "KOMM-AN NRW"
    EHRENAMT_PRAEVENTION = "EHRENAMT-PRAEVENTION", "Ehrenamt im Kontext Prävention"


class Programmteil(Bezeichnet):
    """Der Teil eines Programms, für den ein Antrag gestellt wird.

    >>> from kim_nrw.programme import Programmteil
    >>> Programmteil("KIM.B2").programm.value, Programmteil.KIM_B2.bezeichnung
    ('KIM', 'KIM Baustein 2: Rechtskreisübergreifendes Case Management')
    """

    KI = "KI", "KI-Grundförderung", Programm.KI
    KIM_B1 = (
        "KIM.B1",
        "KIM Baustein 1: Strategische Steuerung (Koordinierende Stellen)",
        Programm.KIM,
    )
    KIM_B2 = "KIM.B2", "KIM Baustein 2: Rechtskreisübergreifendes Case Management", Programm.KIM
    KIM_B3 = (
        "KIM.B3",
        "KIM Baustein 3: Stellen in Ausländer- und Einbürgerungsbehörden",
        Programm.KIM,
    )
    KOMMAN_I = "KOMMAN.I", "KOMM-AN Programmteil I: Stärkung der KI", Programm.KOMM_AN
    KOMMAN_II = (
        "KOMMAN.II",
        "KOMM-AN Programmteil II: Bedarfsorientierte Maßnahmen vor Ort",
        Programm.KOMM_AN,
    )
    KOMMAN_III = (
        "KOMMAN.III",
        "KOMM-AN Programmteil III: Stärkung der Integrationsagenturen",
        Programm.KOMM_AN,
    )
    EHRENAMT_PRAEVENTION = (
        "EHRENAMT-PRAEVENTION",
        "Ehrenamt im Kontext Prävention (Sachausgaben bei den KI)",
        Programm.EHRENAMT_PRAEVENTION,
    )

    _programm: Programm

    def __new__(cls, kennung: str, bezeichnung: str = "", programm: Programm = Programm.KI) -> Self:
        neu = mitglied(cls, kennung, bezeichnung)
        neu._programm = programm
        return neu

    @property
    def programm(self) -> Programm:
        """Das Programm, zu dem der Teil gehört."""
        return self._programm


class Foerderart(Bezeichnet):
    """Wie gefördert wird: die Finanzierungsart der Zuwendung im Zeitverlauf.

    Welche Art ein Programmteil wann hat, steht mit Quelle und Gewissheit in den Parametern
    ``*.foerderart`` (``kim_nrw/daten/parameter/foerderart.toml``).
    """

    FESTBETRAG = "festbetrag", "Festbetrag"
    """Fester Betrag je Stelle oder Maßnahme (KI bis 2020, KOMM-AN I/II, KIM Baustein 1)."""
    VOLLFINANZIERUNG = "vollfinanzierung", "Vollfinanzierung bis zu einem Höchstbetrag"
    """Die zuwendungsfähigen Ausgaben ganz, höchstens bis zum Höchstbetrag je Stelle (KI nach
    der Änderung der KI-Richtlinie vom 30.10.2020)."""
    FACHBEZOGENE_PAUSCHALE = "fachbezogene_pauschale", "fachbezogene Pauschale"
    """Pauschale ohne Antrag zu festen Terminen (KIM Bausteine 2 und 3, 2020–2024)."""
    ANTEILFINANZIERUNG = "anteilfinanzierung", "Anteilfinanzierung"
    """Anteil der zuwendungsfähigen Kosten (Integrationsagenturen, bis 90 %)."""


class Antragsverfahren(Bezeichnet):
    """Wie ein Programmteil gewährt wird – die Werte der Parameter ``*.antragsverfahren``.

    >>> from kim_nrw.programme import Antragsverfahren
    >>> Antragsverfahren("gemeinsamer_antrag_b1_b2").bezeichnung
    'gemeinsamer Antrag für KIM Baustein 1 und 2'
    """

    ANTRAG = "antrag", "eigener Antrag"
    OHNE_ANTRAG = "ohne_antrag", "fachbezogene Pauschale ohne Antrag"
    GEMEINSAMER_ANTRAG_B1_B2 = (
        "gemeinsamer_antrag_b1_b2",
        "gemeinsamer Antrag für KIM Baustein 1 und 2",
    )


class Stellenfunktion(Bezeichnet):
    """Wofür eine beantragte Stelle da ist.

    >>> from kim_nrw.programme import Stellenfunktion
    >>> Stellenfunktion.CASE_MANAGEMENT.bezeichnung
    'Case Management'
    """

    KOORDINATION = "koordination", "Koordinierende Stelle"
    """Koordinierende Stelle der strategischen Steuerung des KIM."""
    VERWALTUNGSASSISTENZ = "verwaltungsassistenz", "Verwaltungsassistenz"
    """Verwaltungsassistenz eines KI oder der Koordinierung."""
    CASE_MANAGEMENT = "case_management", "Case Management"
    """Rechtskreisübergreifendes Case Management für Menschen mit Einwanderungsgeschichte."""
    FACHKRAFT = "fachkraft", "Fachkraft"
    """Kommunale Fachkraft eines KI."""
    LEHRKRAFT = "lehrkraft", "Lehrkraft"
    """Vom Land an ein KI abgeordnete Lehrkraft."""
    ABH_EBH = "abh_ebh", "Stelle in der Ausländer- oder Einbürgerungsbehörde"
    """Stelle in einer Ausländer- oder Einbürgerungsbehörde (KIM Baustein 3)."""
