"""Das Ergebnis einer Prüfung als Daten: Bedingungen, Rechnung, Werte, Vorbehalte, Fassungen.

Förderfähigkeit ist nie eine Ausnahme, sondern ein Ergebnis: jede Bedingung wird geprüft
(kein Abbruch beim ersten Fehlschlag) und trägt einen Status, eine Begründung und ihre
Fundstelle als Kurzname des Quellenkatalogs mit Norm. Alles Übrige ist Datum, kein Text:
Zeiträume, Beträge, Stellenumfänge, Aufzählungen, Parameternamen, Kurznamen. Deutsch
schreibt es erst :mod:`kim_nrw.pruefung.erklaerung` – für den Aktenvermerk
(:meth:`Pruefergebnis.erklaerung`), die Kommandozeile und die Doku.

Die Entscheidung sagt nie mehr, als die Quellen tragen: beruht ein förderfähiges
Ergebnis auf einem abgeleiteten, unsicheren oder fortgeschriebenen Wert oder reicht der
Förderzeitraum über den Stand der Quellen hinaus, lautet sie
:attr:`Entscheidung.FOERDERFAEHIG_VORBEHALTLICH`, und :attr:`Pruefergebnis.vorbehalte`
nennt jeden Vorbehalt.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from fractions import Fraction

from kim_nrw._modell import frozen
from kim_nrw._veraltet import VeraltetesAttribut
from kim_nrw.antrag import Foerderantrag
from kim_nrw.fehler import NichtGefunden
from kim_nrw.geld import Betrag
from kim_nrw.programme import Programmteil, Stellenfunktion
from kim_nrw.programme.teile import Bezeichnet
from kim_nrw.recht import Gewissheit, Parameterart
from kim_nrw.schreibweise import spanne
from kim_nrw.zeit import Zeitraum

__all__ = [
    "Entscheidung",
    "Fundstelle",
    "Hinweis",
    "Hinweisart",
    "Pruefergebnis",
    "Pruefpunkt",
    "Pruefstatus",
    "Rechenschritt",
    "Regelversion",
    "Schrittart",
    "Teilbetrag",
    "Versionsart",
    "VerwendeterWert",
    "Vorbehalt",
    "Vorbehaltsart",
]


class Pruefstatus(Bezeichnet):
    """Der Ausgang einer einzelnen Bedingung."""

    ERFUELLT = "erfüllt", "erfüllt"
    NICHT_ERFUELLT = "nicht erfüllt", "nicht erfüllt"
    NICHT_ANWENDBAR = "nicht anwendbar", "nicht anwendbar"
    """Die Bedingung gilt für diesen Antrag nicht (außerhalb ihrer Geltung oder ohne Gegenstand)."""
    UNBEKANNT = "unbekannt", "unbekannt"
    """Eine Angabe, nach der die Bedingung fragt, fehlt im Antrag oder in den Quellen."""


class Entscheidung(Bezeichnet):
    """Das Gesamtergebnis.

    „förderfähig“ begründet keinen Rechtsanspruch: die Bewilligungsbehörde entscheidet
    nach pflichtgemäßem Ermessen im Rahmen der verfügbaren Haushaltsmittel (jedes
    Ergebnis sagt das in ``Pruefergebnis.hinweise``).
    """

    FOERDERFAEHIG = "förderfähig", "förderfähig"
    """Alle Bedingungen erfüllt oder nicht anwendbar, und jeder benutzte Wert ist belegt."""
    FOERDERFAEHIG_VORBEHALTLICH = "förderfähig, vorbehaltlich", "förderfähig, vorbehaltlich"
    """Förderfähig nach den Regeln, aber auf Grundlage abgeleiteter, unsicherer oder
    fortgeschriebener Werte oder für einen Zeitraum nach dem Stand der Quellen; die
    Vorbehalte stehen in ``Pruefergebnis.vorbehalte``."""
    NICHT_FOERDERFAEHIG = "nicht förderfähig", "nicht förderfähig"
    UNENTSCHIEDEN = "unentschieden", "unentschieden"
    """Eine Angabe fehlt (im Antrag oder in den Quellen); kim_nrw rät nicht."""

    @classmethod
    def aus(cls, status: Iterable[Pruefstatus], vorbehalte: Iterable[object] = ()) -> Entscheidung:
        """Nicht erfüllt schlägt unbekannt, unbekannt schlägt erfüllt; ein Vorbehalt macht aus
        „förderfähig“ „förderfähig, vorbehaltlich“.

        >>> from kim_nrw.pruefung import Entscheidung, Pruefstatus
        >>> Entscheidung.aus([Pruefstatus.ERFUELLT, Pruefstatus.UNBEKANNT]).value
        'unentschieden'
        >>> Entscheidung.aus([Pruefstatus.ERFUELLT], vorbehalte=["ein Vorbehalt"]).value
        'förderfähig, vorbehaltlich'
        """
        unbekannt = False
        for s in status:  # Glieder einer Aufzählung: Identität genügt, ohne Menge
            if s is Pruefstatus.NICHT_ERFUELLT:
                return cls.NICHT_FOERDERFAEHIG
            if s is Pruefstatus.UNBEKANNT:
                unbekannt = True
        if unbekannt:
            return cls.UNENTSCHIEDEN
        for _ in vorbehalte:  # ein Vorbehalt genügt
            return cls.FOERDERFAEHIG_VORBEHALTLICH
        return cls.FOERDERFAEHIG

    @property
    def ist_foerderfaehig(self) -> bool:
        """Ob die Entscheidung förderfähig lautet, mit oder ohne Vorbehalt."""
        return self in (Entscheidung.FOERDERFAEHIG, Entscheidung.FOERDERFAEHIG_VORBEHALTLICH)


@frozen
class Fundstelle:
    """Eine Stelle im Quellenkatalog: Kurzname der Quelle und wahlweise die Norm darin.

    >>> from kim_nrw.pruefung import Fundstelle
    >>> Fundstelle("TIntG-2021", "§ 9 Abs. 4").zitat
    '§ 9 Abs. 4 TIntG 2021 (GV. NRW. S. 1213a)'
    """

    quelle: str
    norm: str | None = None

    @property
    def zitat(self) -> str:
        """Das deutsche Zitat aus dem Quellenkatalog."""
        from kim_nrw.pruefung.erklaerung import zitat

        return zitat(self.quelle, self.norm)

    def __str__(self) -> str:
        return self.quelle if self.norm is None else f"{self.quelle} {self.norm}"


@frozen
class Pruefpunkt:
    """Eine geprüfte Bedingung.

    :param id: stabile Kennung der Regel, z. B. ``ALLG.KI_VORHANDEN``.
    :param titel: Titel – kurz, was geprüft wird.
    :param teile: die Programmteile des Antrags, die die Bedingung betrifft.
    :param status: der Ausgang.
    :param begruendung: deutscher Satz mit den konkreten Werten.
    :param quelle: Kurzname der Fundstelle im Quellenkatalog, z. B. ``TIntG-2021``.
    :param norm: die Norm darin, z. B. ``§ 9 Abs. 1``; ``None`` für die ganze Quelle.
    :param felder: die JSON-Pfade der Felder des Antragsdokuments, die die Regel liest,
        z. B. ``$.inhalt.ki_vorhanden`` – so zeigt ein Formular die Bedingung neben ihrem
        Feld. ``[*]`` steht für jeden Eintrag einer Liste. Leer bei Ergebnissen aus
        Dokumenten der Version 2 (dort nicht festgehalten).
    """

    id: str
    titel: str
    teile: tuple[Programmteil, ...]
    status: Pruefstatus
    begruendung: str
    quelle: str
    norm: str | None = None
    felder: tuple[str, ...] = ()

    quellen_id = VeraltetesAttribut("quelle", seit="0.2.0", entfaellt_in="0.4.0")

    @property
    def fundstelle(self) -> Fundstelle:
        """Quelle und Norm zusammen."""
        return Fundstelle(self.quelle, self.norm)

    @property
    def zitat(self) -> str:
        """Die Fundstelle als deutsches Zitat, z. B.
        ``§ 9 Abs. 1 TIntG 2021 (GV. NRW. S. 1213a)``."""
        return self.fundstelle.zitat


class Schrittart(Bezeichnet):
    """Was ein Schritt der Höchstbetragsrechnung tut."""

    POSTEN = "posten", "Posten"
    """Stellen × Betrag je Einheit × Monate/12 für eine Stellenfunktion in einem Haushaltsjahr."""
    KUERZUNG_STELLEN = "kuerzung_stellen", "Kürzung auf die Höchstzahl der Stellen"
    ZUSCHLAG_STELLEN = "zuschlag_stellen", "Zuschlag auf die Höchstzahl der Stellen"
    """Eine Stelle mehr je erfüllter Zusatzstelle für eine Gemeinde (KIM Baustein 1)."""
    SACHKOSTEN = "sachkosten", "Sachkosten"
    """Sachkosten bis zum Betrag je Jahr – nach Monaten gekürzt (``monate``) oder voll."""
    RAUMPAUSCHALE = "raumpauschale", "Pauschalen je Raum"
    """Räume × Pauschale je Raum eines Gebäudes, höchstens die Höchstzahl je Gebäude."""
    RAUMGRENZE_NICHT_BELEGT = "raumgrenze_nicht_belegt", "keine belegte Höchstzahl je Gebäude"
    """Die Höchstzahl der Pauschalen je Gebäude ist nicht belegt: alle Räume zählen."""
    OBERGRENZE = "obergrenze", "Kürzung auf die Jahresobergrenze"
    OBERGRENZE_NICHT_BELEGT = "obergrenze_nicht_belegt", "keine belegte Jahresobergrenze"
    NICHT_AUS_DER_ZUWENDUNG = "nicht_aus_der_zuwendung", "nicht aus der Zuwendung bezahlt"
    """Stellen, die das Land selbst trägt (an KI abgeordnete Lehrkräfte)."""
    KEINE_RECHNUNG_JE_STELLE = "keine_rechnung_je_stelle", "keine Rechnung je Stelle"
    """Der Programmteil fördert einen Anteil der zuwendungsfähigen Ausgaben (KOMM-AN III)."""
    NICHT_BERECHENBAR = "nicht_berechenbar", "nicht berechenbar"
    """Ein nötiger Wert ist in den Quellen nicht belegt."""
    SUMME_TEIL = "summe_teil", "Höchstbetrag des Programmteils"
    SUMME = "summe", "Höchstbetrag"
    BESCHRIEBEN = "beschrieben", "Schritt in Worten"
    """Ein Schritt, der nur als Text vorliegt (aus einem Ergebnis der Dokumentversion 1)."""


@frozen
class Rechenschritt:
    """Ein Schritt der Höchstbetragsrechnung als Daten.

    :param art: was der Schritt tut.
    :param teil: der Programmteil, zu dem er gehört (``None`` nur bei der Gesamtsumme).
    :param zeitraum: das Haushaltsjahr bzw. der Abschnitt des Förderzeitraums.
    :param funktion: die Stellenfunktion (Posten, Kürzung, nicht aus der Zuwendung).
    :param vzae: Stellenumfang in VZÄ; bei der Kürzung der beantragte Umfang.
    :param hoechstens_vzae: bei der Kürzung der zulässige Umfang.
    :param satz: Betrag je Einheit und Jahr (Posten), Jahreshöchstbetrag (Sachkosten,
        Obergrenze).
    :param je_vzae: die Einheit des Satzes in VZÄ (``0.5``: je halbe Stelle).
    :param monate: volle Monate des Abschnitts; der Anteil am Jahr ist ``monate/12``.
    :param betrag: das Ergebnis des Schritts.
    :param parameter: Name des Parameters, aus dem Satz oder Grenze stammen.
    :param anzahl: bei Pauschalen je Raum die gezählten Räume.
    :param beantragt: bei Pauschalen je Raum die beantragten Räume.
    :param text: warum nicht berechenbar (Begründung der Quellenlücke) bzw. der Schritt in
        Worten (:attr:`Schrittart.BESCHRIEBEN`).
    """

    art: Schrittart
    teil: Programmteil | None = None
    zeitraum: Zeitraum | None = None
    funktion: Stellenfunktion | None = None
    vzae: Decimal | None = None
    hoechstens_vzae: Decimal | None = None
    satz: Betrag | None = None
    je_vzae: Decimal | None = None
    monate: int | None = None
    betrag: Betrag | None = None
    parameter: str | None = None
    text: str | None = None
    anzahl: int | None = None
    beantragt: int | None = None

    beschreibung = VeraltetesAttribut(
        "kim_nrw.pruefung.erklaerung.rechenschritt_text(schritt)",
        seit="0.2.0", entfaellt_in="0.4.0", lies=lambda s: _schritt_text(s),
    )  # fmt: skip

    @property
    def anteil(self) -> Fraction | None:
        """Der Anteil am Jahr nach vollen Monaten (``monate/12``)."""
        return None if self.monate is None else Fraction(self.monate, 12)


@frozen
class Teilbetrag:
    """Der Höchstbetrag eines Programmteils im Antrag; ``None``: nicht berechenbar oder ohne
    Rechnung je Stelle."""

    teil: Programmteil
    betrag: Betrag | None


@frozen(cache_hash=True)
class VerwendeterWert:
    """Ein Parameterwert, den die Prüfung benutzt hat – mit allem, was ein Prüfer nachschlägt.

    :param parameter: Name des Parameters.
    :param art: Art des Werts (Betrag, VZÄ, Datum …).
    :param wert: der Wert in kanonischer Schreibweise (``"55000.00"``, ``"2020-07-01"``).
    :param gilt_ab: erster Tag des Werts.
    :param gilt_bis: letzter Tag; ``None``: bis auf Weiteres.
    :param belegt_bis: letzter Tag, für den eine Quelle den Wert bestätigt; ``None``:
        nicht angegeben.
    :param gewissheit: wie sicher der Wert belegt ist.
    :param quellen: Kurznamen der Quellen.
    :param zuletzt_geprueft: Tag, an dem der Wert zuletzt an den Quellen geprüft wurde.
    :param benutzt_bis: der letzte Tag, für den die Prüfung den Wert benutzt hat.

    ``zuletzt_geprueft`` und ``benutzt_bis`` sind nur in Ergebnissen aus der
    Dokumentversion 1 ``None`` (sie nannten beides nicht).
    """

    parameter: str
    art: Parameterart
    wert: str
    gilt_ab: date
    gilt_bis: date | None
    belegt_bis: date | None
    gewissheit: Gewissheit
    quellen: tuple[str, ...]
    zuletzt_geprueft: date | None
    benutzt_bis: date | None

    status = VeraltetesAttribut("gewissheit", seit="0.2.0", entfaellt_in="0.4.0")
    zeitraum = VeraltetesAttribut(
        "gilt_ab und gilt_bis", seit="0.2.0", entfaellt_in="0.4.0",
        lies=lambda w: spanne(w.gilt_ab, w.gilt_bis),
    )  # fmt: skip


class Vorbehaltsart(Bezeichnet):
    """Worauf ein förderfähiges Ergebnis beruht, das die Quellen nicht bestätigen."""

    ABGELEITET = "abgeleitet", "abgeleiteter Wert"
    """Ein benutzter Wert ist aus belegten Angaben gefolgert [I]."""
    UNSICHER = "unsicher", "unsicher belegter Wert"
    """Ein benutzter Wert stützt sich auf eine schwache oder widersprüchliche Quelle [U]."""
    FORTGESCHRIEBEN = "fortgeschrieben", "fortgeschriebener Wert"
    """Ein Wert wird für einen Zeitraum nach dem letzten Tag benutzt, den eine Quelle bestätigt."""
    NACH_STAND_DER_QUELLEN = "nach_stand_der_quellen", "Zeitraum nach dem Stand der Quellen"
    """Der Förderzeitraum beginnt nach dem Tag, an dem die benutzten Werte zuletzt geprüft
    wurden."""
    NACH_ENDE_DER_FASSUNG = "nach_ende_der_fassung", "Zeitraum nach dem Ende der Fassung"
    """Der Förderzeitraum reicht über das Ende der am Stichtag maßgeblichen Fassung hinaus."""


@frozen
class Vorbehalt:
    """Ein Vorbehalt der Entscheidung.

    :param art: welcher Vorbehalt.
    :param parameter: der betroffene Parameter (bei Werten).
    :param quelle: die betroffene Quelle (bei einer Fassung).
    :param gilt_ab: erster Tag des betroffenen Werts bzw. der Fassung.
    :param bis: der letzte bestätigte Tag (fortgeschrieben), der Stand der Quellen
        (nach dem Stand) oder das Ende der Fassung.
    :param benutzt_bis: bis zu welchem Tag die Prüfung den Wert bzw. die Fassung braucht.
    """

    art: Vorbehaltsart
    parameter: str | None = None
    quelle: str | None = None
    gilt_ab: date | None = None
    bis: date | None = None
    benutzt_bis: date | None = None


class Versionsart(Bezeichnet):
    """Welche Art Rechtsgrundlage eine Regelversion ist."""

    GESETZ = "gesetz", "Gesetz"
    RICHTLINIE = "richtlinie", "Förderrichtlinie"


@frozen(cache_hash=True)
class Regelversion:
    """Eine am Stichtag maßgebliche Fassung: das TIntG oder die Richtlinie eines Programmteils.

    :param art: Gesetz oder Richtlinie.
    :param quelle: Kurzname der Fassung; ``None``: keine belegt.
    :param teil: bei Richtlinien der Programmteil.
    :param gilt_ab: erster Tag, an dem die Fassung maßgeblich ist.
    :param gilt_bis: letzter Tag; ``None``: offen oder nicht belegt.
    :param gewissheit: wie sicher der Zeitraum belegt ist (Richtlinien: abgeleitet aus
        dem Quellenkatalog).
    """

    art: Versionsart
    quelle: str | None
    teil: Programmteil | None = None
    gilt_ab: date | None = None
    gilt_bis: date | None = None
    gewissheit: Gewissheit = Gewissheit.BESTAETIGT


class Hinweisart(Bezeichnet):
    """Was jedes Ergebnis außer den Bedingungen sagt."""

    KEIN_RECHTSANSPRUCH = "kein_rechtsanspruch", "kein Rechtsanspruch"
    """„förderfähig“ begründet keinen Anspruch: die Bewilligungsbehörde entscheidet nach
    pflichtgemäßem Ermessen im Rahmen der verfügbaren Haushaltsmittel."""


@frozen
class Hinweis:
    """Ein Hinweis des Ergebnisses mit seinen Fundstellen."""

    art: Hinweisart
    fundstellen: tuple[Fundstelle, ...]


@frozen
class Pruefergebnis:
    """Was :func:`~kim_nrw.pruefung.pruefe` über einen Antrag zu einem Stichtag sagt.

    :param antrag: der geprüfte Antrag.
    :param stichtag: der Tag, dessen Recht gilt.
    :param entscheidung: das Gesamtergebnis.
    :param pruefpunkte: jede Bedingung (jede einmal, mit den Teilen, die sie betrifft).
    :param hoechstbetrag: Summe der Höchstbeträge aller Teile; ``None``, wenn einer nicht
        berechenbar ist oder kein Teil eine Rechnung je Stelle hat.
    :param bewilligungsfaehig: der beantragte Betrag, gekürzt auf den Höchstbetrag
        (``None`` bei „nicht förderfähig“).
    :param rechnung: die Schritte der Höchstbetragsrechnung.
    :param verwendete_werte: jeder benutzte Parameterwert mit Gewissheit und Quellen.
    :param regelversionen: die am Stichtag maßgeblichen Fassungen.
    :param hoechstbetraege: der Höchstbetrag je Programmteil.
    :param vorbehalte: worauf ein förderfähiges Ergebnis beruht, das die Quellen nicht
        bestätigen (leer: nichts).
    :param hinweise: was außerdem gilt, etwa dass kein Rechtsanspruch besteht.
    """

    antrag: Foerderantrag
    stichtag: date
    entscheidung: Entscheidung
    pruefpunkte: tuple[Pruefpunkt, ...]
    hoechstbetrag: Betrag | None
    bewilligungsfaehig: Betrag | None
    rechnung: tuple[Rechenschritt, ...]
    verwendete_werte: tuple[VerwendeterWert, ...]
    regelversionen: tuple[Regelversion, ...]
    hoechstbetraege: tuple[Teilbetrag, ...] = ()
    vorbehalte: tuple[Vorbehalt, ...] = ()
    hinweise: tuple[Hinweis, ...] = ()

    def punkt(self, id: str) -> Pruefpunkt:
        """Der Prüfpunkt mit dieser Kennung; eine unbekannte Kennung ist :class:`NichtGefunden`."""
        for p in self.pruefpunkte:
            if p.id == id:
                return p
        kennungen = ", ".join(p.id for p in self.pruefpunkte)
        raise NichtGefunden("Prüfpunkt", id, f"dieses Ergebnis hat: {kennungen}")

    def erklaerung(self) -> str:
        """Das Ergebnis als deutscher Text für einen Aktenvermerk (siehe
        :mod:`kim_nrw.pruefung.erklaerung`)."""
        from kim_nrw.pruefung.erklaerung import aktenvermerk

        return aktenvermerk(self)

    @property
    def entscheidungszeile(self) -> str:
        """Die Entscheidung in einer Zeile, mit den Vorbehalten, z. B.
        ``förderfähig, vorbehaltlich: …``."""
        from kim_nrw.pruefung.erklaerung import entscheidungszeile

        return entscheidungszeile(self)


def _schritt_text(schritt: Rechenschritt) -> str:
    """Der Text eines Rechenschritts für das veraltete ``Rechenschritt.beschreibung``."""
    from kim_nrw.pruefung.erklaerung import rechenschritt_text

    return rechenschritt_text(schritt)
