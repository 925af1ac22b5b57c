"""Die öffentliche API von kim_nrw – die eine Tabelle aller Namen der Paketwurzel.

Jeder Name steht hier genau einmal, mit dem Modul, das ihn definiert. Typprüfer lesen
diese Datei statt ``__init__.py``; zur Laufzeit leitet ``__init__.py`` aus ihr ``__all__``
und das verzögerte Laden ab. Ein Name, der hier fehlt, ist an der Wurzel ein Fehler –
auch für ``mypy --strict``.
"""

from kim_nrw.antrag import (
    Abgleich as Abgleich,
)
from kim_nrw.antrag import (
    Ankommenstreffpunkt as Ankommenstreffpunkt,
)
from kim_nrw.antrag import (
    Ausgabe as Ausgabe,
)
from kim_nrw.antrag import (
    Drittmittel as Drittmittel,
)
from kim_nrw.antrag import (
    Foerderantrag as Foerderantrag,
)
from kim_nrw.antrag import (
    Stelle as Stelle,
)
from kim_nrw.antrag import (
    Verwendungsnachweis as Verwendungsnachweis,
)
from kim_nrw.antrag import (
    Weiterleitung as Weiterleitung,
)
from kim_nrw.antrag import (
    Zusatzstelle as Zusatzstelle,
)
from kim_nrw.antrag import (
    Zuwendungsbescheid as Zuwendungsbescheid,
)
from kim_nrw.antrag import (
    abgleich as abgleich,
)
from kim_nrw.fehler import (
    DatenFehler as DatenFehler,
)
from kim_nrw.fehler import (
    DokumentFehler as DokumentFehler,
)
from kim_nrw.fehler import (
    KeinWertAmStichtag as KeinWertAmStichtag,
)
from kim_nrw.fehler import (
    KimNrwFehler as KimNrwFehler,
)
from kim_nrw.fehler import (
    MehrdeutigerName as MehrdeutigerName,
)
from kim_nrw.fehler import (
    NichtBekannt as NichtBekannt,
)
from kim_nrw.fehler import (
    NichtGefunden as NichtGefunden,
)
from kim_nrw.fehler import (
    Problem as Problem,
)
from kim_nrw.fehler import (
    UngueltigeEingabe as UngueltigeEingabe,
)
from kim_nrw.fehler import (
    UngueltigerAGS as UngueltigerAGS,
)
from kim_nrw.fehler import (
    UngueltigerARS as UngueltigerARS,
)
from kim_nrw.fehler import (
    UngueltigerBetrag as UngueltigerBetrag,
)
from kim_nrw.fehler import (
    UngueltigerKreisschluessel as UngueltigerKreisschluessel,
)
from kim_nrw.fehler import (
    UngueltigerRBSchluessel as UngueltigerRBSchluessel,
)
from kim_nrw.fehler import (
    UngueltigerSchluessel as UngueltigerSchluessel,
)
from kim_nrw.fehler import (
    UngueltigerStellenanteil as UngueltigerStellenanteil,
)
from kim_nrw.fehler import (
    UngueltigerZeitraum as UngueltigerZeitraum,
)
from kim_nrw.gebiet import (
    AGS as AGS,
)
from kim_nrw.gebiet import (
    ARS as ARS,
)
from kim_nrw.gebiet import (
    DATENSTAND as DATENSTAND,
)
from kim_nrw.gebiet import (
    Gebietsart as Gebietsart,
)
from kim_nrw.gebiet import (
    Gebietseinheit as Gebietseinheit,
)
from kim_nrw.gebiet import (
    Kommune as Kommune,
)
from kim_nrw.gebiet import (
    Kreis as Kreis,
)
from kim_nrw.gebiet import (
    KreisangehoerigeGemeinde as KreisangehoerigeGemeinde,
)
from kim_nrw.gebiet import (
    KreisfreieStadt as KreisfreieStadt,
)
from kim_nrw.gebiet import (
    Kreisschluessel as Kreisschluessel,
)
from kim_nrw.gebiet import (
    RBSchluessel as RBSchluessel,
)
from kim_nrw.gebiet import (
    Regierungsbezirk as Regierungsbezirk,
)
from kim_nrw.gebiet import (
    Register as Register,
)
from kim_nrw.gebiet import (
    finde as finde,
)
from kim_nrw.gebiet import (
    register as register,
)
from kim_nrw.geld import (
    Betrag as Betrag,
)
from kim_nrw.geld import (
    Stellenanteil as Stellenanteil,
)
from kim_nrw.programme import (
    Belegstand as Belegstand,
)
from kim_nrw.programme import (
    Bewilligungsbehoerde as Bewilligungsbehoerde,
)
from kim_nrw.programme import (
    Empfaenger as Empfaenger,
)
from kim_nrw.programme import (
    Foerderart as Foerderart,
)
from kim_nrw.programme import (
    Modellkommune as Modellkommune,
)
from kim_nrw.programme import (
    Parameterstand as Parameterstand,
)
from kim_nrw.programme import (
    Programm as Programm,
)
from kim_nrw.programme import (
    Programmbeschreibung as Programmbeschreibung,
)
from kim_nrw.programme import (
    Programmteil as Programmteil,
)
from kim_nrw.programme import (
    Rechtsgrundlage as Rechtsgrundlage,
)
from kim_nrw.programme import (
    Stellenfunktion as Stellenfunktion,
)
from kim_nrw.programme import (
    Teilbeschreibung as Teilbeschreibung,
)
from kim_nrw.programme import (
    Vorgaengerprogramm as Vorgaengerprogramm,
)
from kim_nrw.programme import (
    alle_programme as alle_programme,
)
from kim_nrw.programme import (
    einwanderung_gestalten as einwanderung_gestalten,
)
from kim_nrw.programme import (
    empfaengerart as empfaengerart,
)
from kim_nrw.programme import (
    foerderart_am as foerderart_am,
)
from kim_nrw.programme import (
    parameter_am as parameter_am,
)
from kim_nrw.programme import (
    programm as programm,
)
from kim_nrw.programme import (
    programme_uebersicht as programme_uebersicht,
)
from kim_nrw.programme import (
    teil as teil,
)
from kim_nrw.pruefung import (
    Entscheidung as Entscheidung,
)
from kim_nrw.pruefung import (
    Pruefergebnis as Pruefergebnis,
)
from kim_nrw.pruefung import (
    Pruefpunkt as Pruefpunkt,
)
from kim_nrw.pruefung import (
    Pruefstatus as Pruefstatus,
)
from kim_nrw.pruefung import (
    Rechenschritt as Rechenschritt,
)
from kim_nrw.pruefung import (
    pruefe as pruefe,
)
from kim_nrw.pruefung import (
    pruefe_alle as pruefe_alle,
)
from kim_nrw.recht import (
    Parameter as Parameter,
)
from kim_nrw.recht import (
    Parameterwert as Parameterwert,
)
from kim_nrw.recht import (
    Rechtsquelle as Rechtsquelle,
)
from kim_nrw.recht import (
    Zitat as Zitat,
)
from kim_nrw.recht import (
    alle_parameter as alle_parameter,
)
from kim_nrw.recht import (
    alle_rechtsquellen as alle_rechtsquellen,
)
from kim_nrw.recht import (
    parameter as parameter,
)
from kim_nrw.recht import (
    rechtsquelle as rechtsquelle,
)
from kim_nrw.serial import (
    DOKUMENTTYPEN as DOKUMENTTYPEN,
)
from kim_nrw.serial import (
    als_json as als_json,
)
from kim_nrw.serial import (
    entstruktur as entstruktur,
)
from kim_nrw.serial import (
    lade as lade,
)
from kim_nrw.serial import (
    schema as schema,
)
from kim_nrw.serial import (
    schema_text as schema_text,
)
from kim_nrw.serial import (
    struktur as struktur,
)
from kim_nrw.zeit import (
    Haushaltsjahr as Haushaltsjahr,
)
from kim_nrw.zeit import (
    Zeitraum as Zeitraum,
)
from kim_nrw.zentren import (
    KommunalesIntegrationszentrum as KommunalesIntegrationszentrum,
)
from kim_nrw.zentren import (
    ki as ki,
)
from kim_nrw.zentren import (
    ki_register as ki_register,
)
from kim_nrw.zentren import (
    zustaendiges_ki as zustaendiges_ki,
)

__version__: str
__all__: list[str]
