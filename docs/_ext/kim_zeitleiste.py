"""Sphinx-Erweiterung: zeichnet die Zeitleiste der Rechtsgrundlagen und Programme 2012–2026.

Beim Start jedes Builds (``builder-inited``) entstehen aus den Paketdaten

* ``docs/_generiert/zeitleiste.html`` – die Grafik (von Hand geschriebenes SVG, ohne
  weitere Abhängigkeiten) in zwei Fassungen, eingebunden in
  ``docs/erklaerung/zeitleiste.rst``: breit mit den Namen links, schmal (Telefon) mit den
  Namen über den Balken; CSS zeigt die, die in die Breite passt. Schrift 12,5–14 px in
  der gezeigten Größe; jeder Balken ist beschriftet – im Balken, daneben oder, wo kein
  Platz ist, in einer Zeile darunter (``_plaetze``);
* ``docs/_generiert/zeitleiste.svg`` – die breite Fassung allein;
* ``docs/_generiert/zeitleiste.rst`` – dieselben Angaben als Tabelle.

Die Balken der Rechtsgrundlagen stammen aus den Beschreibungen in
:mod:`kim_nrw.programme` (Zeitraum, in dem eine Quelle für einen Programmteil
maßgeblich ist, über alle Teile zusammengefasst; abgeleitet aus dem Quellenkatalog,
siehe :mod:`kim_nrw.recht.fassungen`), ihre Namen aus dem Quellenkatalog.
Die Balken der Programmteile beginnen am ersten Fördertag und sind nach der Förderart
eingefärbt, wie sie die Parameter ``*.foerderart`` im Zeitverlauf angeben; Lücken sind
grau schraffiert. Nichts davon ist von Hand gezeichnet: wer die Daten ändert, ändert die
Grafik. Dateien werden nur neu geschrieben, wenn sich ihr Inhalt ändert.

Ohne Sphinx aufrufbar: ``python docs/_ext/kim_zeitleiste.py`` schreibt beide Dateien.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from attrs import frozen
from erzeugt import melde_an, schreibe_text

from kim_nrw.programme import (
    Foerderart,
    Rechtsgrundlage,
    Teilbeschreibung,
    alle_programme,
    einwanderung_gestalten,
)
from kim_nrw.recht import Gewissheit, Quellenart, alle_rechtsquellen, parameter
from kim_nrw.recht.quellen import deutsches_datum

ZIEL_SVG = Path("_generiert") / "zeitleiste.svg"
ZIEL_HTML = Path("_generiert") / "zeitleiste.html"
ZIEL_RST = Path("_generiert") / "zeitleiste.rst"

ANFANG = date(2012, 1, 1)
ENDE = date(2027, 1, 1)
"""Die Achse reicht vom 01.01.2012 bis zum 01.01.2027 (Stand der Daten: 01.12.2026); offene
Zeiträume laufen bis zum Rand."""


_FARBE_ART = {
    Foerderart.FESTBETRAG: "#2b6cb0",
    Foerderart.VOLLFINANZIERUNG: "#6b46c1",
    Foerderart.FACHBEZOGENE_PAUSCHALE: "#dd6b20",
    Foerderart.ANTEILFINANZIERUNG: "#2f855a",
}
_FARBE_QUELLE = {
    Quellenart.GESETZ: "#553c9a",
    Quellenart.RICHTLINIE: "#805ad5",
    Quellenart.RUNDERLASS: "#b794f4",
}
_FAMILIEN = {
    "TIntG": "Teilhabe- und Integrationsgesetz",
    "KI-RL": "KI-Richtlinien",
    "KI-RdErl": "KI-Runderlasse",
    "KIM-RL": "KIM-Richtlinien",
    "KOMMAN-RL": "KOMM-AN-Richtlinien",
}


@frozen
class Abschnitt:
    """Ein Balkenstück: Zeitraum, Beschriftung, Farbe, Tooltip."""

    ab: date
    bis: date | None
    text: str
    farbe: str
    titel: str
    gestrichelt: bool = False
    schraffiert: bool = False
    unscharf_am_anfang: bool = False


@frozen
class Zeile:
    """Eine Zeile der Grafik: Beschriftung links, Abschnitte rechts."""

    beschriftung: str
    abschnitte: tuple[Abschnitt, ...]
    ueberschrift: bool = False


def _spanne(ab: date, bis: date | None) -> str:
    return (
        f"ab {deutsches_datum(ab)}"
        if bis is None
        else (f"{deutsches_datum(ab)}–{deutsches_datum(bis)}")
    )


@frozen
class Grundlagenspanne:
    """Wann eine Quelle für mindestens einen Programmteil maßgeblich ist, und wie sicher."""

    gilt_ab: date
    gilt_bis: date | None
    gewissheit: Gewissheit


def _grundlagen() -> dict[str, Grundlagenspanne]:
    """Je Quelle der Zeitraum über alle Programmteile (frühester Beginn, spätestes Ende).

    Die Zeiträume leitet der Programmkatalog aus dem Quellenkatalog ab. Die Gewissheit ist
    die stärkste: der Balken sagt, dass die Quelle für mindestens einen Programmteil
    maßgeblich ist, und dafür zählt der am besten belegte.
    """
    alle: dict[str, list[Rechtsgrundlage]] = {}
    for p in alle_programme():
        for t in p.teile:
            for g in t.rechtsgrundlagen:
                alle.setdefault(g.quelle, []).append(g)
    ergebnis = {}
    for quelle, liste in alle.items():
        offen = any(g.gilt_bis is None for g in liste)
        bis = None if offen else max(g.gilt_bis for g in liste if g.gilt_bis is not None)
        stati = {g.gewissheit for g in liste}
        status = next(s for s in Gewissheit if s in stati)
        ergebnis[quelle] = Grundlagenspanne(min(g.gilt_ab for g in liste), bis, status)
    return ergebnis


def _familie(kurzname: str) -> str:
    treffer = re.fullmatch(r"(.+)-\d{4}", kurzname)
    return treffer.group(1) if treffer else kurzname


def _bahnen(abschnitte: list[Abschnitt]) -> list[list[Abschnitt]]:
    """Verteilt sich überschneidende Abschnitte auf mehrere Bahnen (gierig, nach Beginn)."""
    bahnen: list[list[Abschnitt]] = []
    for a in sorted(abschnitte, key=lambda a: a.ab):
        for bahn in bahnen:
            letzter = bahn[-1]
            if letzter.bis is not None and letzter.bis < a.ab:
                bahn.append(a)
                break
        else:
            bahnen.append([a])
    return bahnen


def zeilen_recht() -> list[Zeile]:
    """Die Zeilen der Rechtsgrundlagen: Gesetze, Richtlinien, Runderlasse (ohne LHO und VV)."""
    katalog = alle_rechtsquellen()
    familien: dict[str, list[Abschnitt]] = {}
    for quelle, g in sorted(_grundlagen().items(), key=lambda e: e[1].gilt_ab):
        q = katalog[quelle]
        if q.art not in _FARBE_QUELLE or q.norm is not None:
            continue
        erlass = f", Fassung vom {deutsches_datum(q.fassung_vom)}" if q.fassung_vom else ""
        titel = (
            f"{q.abkuerzung}: maßgeblich {_spanne(g.gilt_ab, g.gilt_bis)} "
            f"({g.gewissheit.kennung} {g.gewissheit.bezeichnung}){erlass}"
        )
        abschnitt = Abschnitt(
            g.gilt_ab,
            g.gilt_bis,
            q.abkuerzung,
            _FARBE_QUELLE[q.art],
            titel,
            gestrichelt=g.gewissheit is Gewissheit.UNSICHER,
        )
        familien.setdefault(_familie(quelle), []).append(abschnitt)
    zeilen = [Zeile("Rechtsgrundlagen", (), ueberschrift=True)]
    reihenfolge = [f for f in _FAMILIEN if f in familien] + sorted(set(familien) - set(_FAMILIEN))
    for familie in reihenfolge:
        for nr, bahn in enumerate(_bahnen(familien[familie])):
            beschriftung = _FAMILIEN.get(familie, familie) if nr == 0 else ""
            zeilen.append(Zeile(beschriftung, tuple(bahn)))
    return zeilen


def _kurzname_teil(t: Teilbeschreibung) -> str:
    return t.bezeichnung.split(":")[0]


def _abschnitte_teil(t: Teilbeschreibung) -> tuple[Abschnitt, ...]:
    p = parameter(t.parameter_foerderart)
    name = _kurzname_teil(t)
    teile: list[Abschnitt] = []
    for w in p.werte:
        art = Foerderart(w.text)
        titel = (
            f"{name}: {art.bezeichnung}, {w.zeitraum} "
            f"({w.gewissheit.kennung} {w.gewissheit.bezeichnung})"
        )
        teile.append(
            Abschnitt(
                max(w.gilt_ab, t.beginn()),
                w.gilt_bis,
                art.bezeichnung,
                _FARBE_ART[art],
                titel,
                gestrichelt=w.gewissheit is Gewissheit.UNSICHER,
            )
        )
    for lu in p.luecken:
        titel = f"{name}: Förderart nicht belegt, {lu.zeitraum} – {lu.grund}"
        teile.append(
            Abschnitt(lu.gilt_ab, lu.gilt_bis, "nicht belegt", "#a0aec0", titel, schraffiert=True)
        )
    return tuple(sorted(teile, key=lambda a: a.ab))


def zeilen_programme() -> list[Zeile]:
    """Die Zeilen der Programmteile (nach Förderart gefärbt) und des Vorgängerprogramms."""
    zeilen = [Zeile("Programme und Bausteine", (), ueberschrift=True)]
    for p in alle_programme():
        for t in p.teile:
            zeilen.append(Zeile(_kurzname_teil(t), _abschnitte_teil(t)))
    eg = einwanderung_gestalten()
    beginn = parameter("einwanderung_gestalten.modellkommunen").werte[0].gilt_ab
    titel = (
        f"{eg.name}: {eg.zeitraum}, {len(eg.modellkommunen)} Modellkommunen "
        f"(Beginn im {eg.beginn_text}, Tag nicht belegt)"
    )
    zeilen.append(
        Zeile(
            eg.name,
            (Abschnitt(beginn, eg.ende, "Modellphase", "#2c5282", titel, unscharf_am_anfang=True),),
        )
    )
    return zeilen


def alle_zeilen() -> list[Zeile]:
    """Alle Zeilen der Zeitleiste, von oben nach unten."""
    return [*zeilen_recht(), *zeilen_programme()]


@frozen
class Geometrie:
    """Maße einer Fassung der Grafik (in px bei Maßstab 1).

    Die breite Fassung (Namen links der Balken) ist für den Desktop, die schmale (Namen
    über den Balken) für Telefone; die Seite zeigt je nach verfügbarer Breite eine der
    beiden (CSS-Container-Abfrage in ``docs/_static/kim.css``). Beide werden höchstens in
    ihrer eigenen Breite gezeigt, so dass keine Schrift unter ihre Größe schrumpft,
    solange Platz ist.
    """

    name: str
    breite: int
    links: int
    rechts: int
    namen_oben: bool
    jahresschritt: int


BREIT = Geometrie("breit", 720, 196, 14, namen_oben=False, jahresschritt=1)
SCHMAL = Geometrie("schmal", 340, 6, 14, namen_oben=True, jahresschritt=2)

_SCHRIFT = 13.0
"""Schriftgröße aller Beschriftungen (px); bei 1280 px Bildschirmbreite mindestens 12 px."""
_SCHRIFT_KLEIN = 12.5
"""Schrift in und an den Balken, der Jahre und der Legende."""
_BALKEN = 18
_ABSTAND = 8
_ZEILENHOEHE = 16
_OBEN = 28


def _textbreite(text: str, schrift: float = _SCHRIFT_KLEIN) -> float:
    """Geschätzte Breite eines Textes in einer serifenlosen Schrift (eher zu breit)."""
    breit = sum(1 for z in text if z in "mwMWÄÖÜ%")
    schmal = sum(1 for z in text if z in "iljtfr.,:;!|' -()[]1")
    return schrift * (0.58 * len(text) + 0.3 * breit - 0.25 * schmal) + 2


def _umbrechen(text: str, breite: float, schrift: float = _SCHRIFT_KLEIN) -> list[str]:
    """Bricht ``text`` an Leerzeichen in Zeilen, die höchstens ``breite`` px breit sind."""
    zeilen: list[str] = []
    for wort in text.split():
        if zeilen and _textbreite(zeilen[-1] + " " + wort, schrift) <= breite:
            zeilen[-1] += " " + wort
        else:
            zeilen.append(wort)
    return zeilen


def _x(tag: date, g: Geometrie = BREIT) -> float:
    spanne = (ENDE - ANFANG).days
    tag = min(max(tag, ANFANG), ENDE)
    return g.links + (g.breite - g.links - g.rechts) * (tag - ANFANG).days / spanne


def _ende_x(a: Abschnitt, g: Geometrie) -> float:
    return _x(date.fromordinal(a.bis.toordinal() + 1), g) if a.bis is not None else _x(ENDE, g)


@frozen
class _Platz:
    """Wo die Beschriftung eines Balkens steht: im Balken, rechts, links oder darunter."""

    wo: str
    x: float
    zeile: int = 0


def _plaetze(abschnitte: tuple[Abschnitt, ...], g: Geometrie) -> list[_Platz]:
    """Jeder Balken bekommt eine sichtbare Beschriftung: im Balken, wenn sie hineinpasst,
    sonst rechts oder links daneben, wenn dort frei ist, sonst in einer Zeile darunter."""
    plaetze: list[_Platz] = []
    unten = 0
    for i, a in enumerate(abschnitte):
        x1, x2 = _x(a.ab, g), _ende_x(a, g)
        breite = _textbreite(a.text)
        vorher = _ende_x(abschnitte[i - 1], g) if i > 0 else float(g.links)
        nachher = _x(abschnitte[i + 1].ab, g) if i + 1 < len(abschnitte) else _x(ENDE, g)
        if a.bis is None:
            nachher = x2  # Pfeil am Rand: rechts ist kein Platz
        rechts_frei = [p for p in plaetze if p.wo == "rechts"]
        if breite + 8 <= x2 - x1:
            plaetze.append(_Platz("innen", x1 + 4))
        elif breite + 6 <= nachher - x2 - 2:
            plaetze.append(_Platz("rechts", x2 + 4))
        elif breite + 6 <= x1 - vorher - 2 and not (rechts_frei and rechts_frei[-1].x + 1 > vorher):
            plaetze.append(_Platz("links", x1 - 4))
        else:
            unten += 1
            x = min(max(x1, float(g.links)), g.breite - g.rechts - breite)
            plaetze.append(_Platz("unten", max(x, 2.0), unten))
    return plaetze


def _namenszeilen(zeile: Zeile, g: Geometrie) -> list[str]:
    if not zeile.beschriftung:
        return []
    platz = g.breite - 8 if g.namen_oben else g.links - 12
    return _umbrechen(zeile.beschriftung, platz, _SCHRIFT)


def _hoehe_zeile(zeile: Zeile, g: Geometrie) -> float:
    if zeile.ueberschrift:
        return 30
    namen = len(_namenszeilen(zeile, g))
    unten = sum(1 for p in _plaetze(zeile.abschnitte, g) if p.wo == "unten")
    oben = _ZEILENHOEHE * namen if g.namen_oben else 0
    neben = max(_BALKEN, _ZEILENHOEHE * namen - 2) if not g.namen_oben else _BALKEN
    return oben + neben + _ZEILENHOEHE * unten + _ABSTAND


def _text(x: float, y: float, text: str, **attribute: str | float) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attribute.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(text)}</text>'


def _svg_abschnitt(
    a: Abschnitt, platz: _Platz, y: float, nr: str, g: Geometrie = BREIT
) -> list[str]:
    x1, x2 = _x(a.ab, g), _ende_x(a, g)
    breite = max(x2 - x1, 2.0)
    fuellung = "url(#schraffur)" if a.schraffiert else a.farbe
    if a.unscharf_am_anfang:
        fuellung = f"url(#unscharf-{nr})"
    strich = ' stroke="#ffffff" stroke-width="1.5"'
    if a.gestrichelt:
        strich = ' stroke="#1a202c" stroke-width="1.2" stroke-dasharray="4 2"'
    teile = [f"<g><title>{escape(a.titel)}</title>"]
    if a.unscharf_am_anfang:
        teile.append(
            f'<defs><linearGradient id="unscharf-{nr}" x1="0" x2="1" y1="0" y2="0">'
            f'<stop offset="0" stop-color="{a.farbe}" stop-opacity="0.15"/>'
            f'<stop offset="0.15" stop-color="{a.farbe}" stop-opacity="1"/>'
            "</linearGradient></defs>"
        )
    teile.append(
        f'<rect x="{x1:.1f}" y="{y:.1f}" width="{breite:.1f}" height="{_BALKEN}" rx="2" '
        f'fill="{fuellung}"{strich}/>'
    )
    if a.bis is None:
        teile.append(
            f'<path d="M{x2:.1f},{y:.1f} l7,{_BALKEN / 2} l-7,{_BALKEN / 2} z" fill="{a.farbe}"/>'
        )
    grundlinie = y + _BALKEN - 5
    if platz.wo == "innen":
        farbe = "#1a202c" if a.schraffiert else "#ffffff"
        teile.append(_text(platz.x, grundlinie, a.text, fill=farbe))
    elif platz.wo == "rechts":
        teile.append(_text(platz.x, grundlinie, a.text, fill="#1a202c"))
    elif platz.wo == "links":
        teile.append(_text(platz.x, grundlinie, a.text, fill="#1a202c", text_anchor="end"))
    else:
        unten = y + _BALKEN + _ZEILENHOEHE * platz.zeile - 3
        teile.append(
            f'<line x1="{x1 + 3:.1f}" y1="{y + _BALKEN:.1f}" x2="{x1 + 3:.1f}" '
            f'y2="{unten - 10:.1f}" stroke="#4a5568" stroke-width="1"/>'
        )
        teile.append(_text(platz.x, unten, a.text, fill="#1a202c"))
    teile.append("</g>")
    return teile


def erzeuge_svg(zeilen: Iterable[Zeile] | None = None, g: Geometrie = BREIT) -> str:
    """Die Zeitleiste als SVG-Text in einer Fassung (ohne XML-Kopf, zum Einbetten in HTML)."""
    liste = alle_zeilen() if zeilen is None else list(zeilen)
    hoehen = [_hoehe_zeile(z, g) for z in liste]
    legende, legende_hoehe = _legende(g)
    unten = _OBEN + sum(hoehen)
    hoehe = unten + 12 + legende_hoehe
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kim-zeitleiste kim-zeitleiste-{g.name}" '
        f'viewBox="0 0 {g.breite} {hoehe:.0f}" width="100%" role="img" '
        f'aria-labelledby="zeitleiste-titel-{g.name}" font-family="sans-serif" '
        f'font-size="{_SCHRIFT_KLEIN}" style="max-width:{g.breite}px;height:auto">',
        f'<title id="zeitleiste-titel-{g.name}">Zeitleiste der Rechtsgrundlagen und '
        "Förderprogramme KI, KIM, KOMM-AN und Ehrenamt im Kontext Prävention 2012–2026 "
        "(aus den Paketdaten von kim_nrw)</title>",
        f'<defs><pattern id="schraffur-{g.name}" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#e2e8f0"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#a0aec0" stroke-width="2"/></pattern></defs>',
        f'<rect x="0" y="0" width="{g.breite}" height="{hoehe:.0f}" fill="#ffffff"/>',
    ]
    for jahr in range(ANFANG.year, ENDE.year + 1):
        x = _x(date(jahr, 1, 1), g)
        svg.append(
            f'<line x1="{x:.1f}" y1="{_OBEN - 8}" x2="{x:.1f}" y2="{unten:.1f}" '
            'stroke="#e2e8f0" stroke-width="1"/>'
        )
        if jahr < ENDE.year and (jahr - ANFANG.year) % g.jahresschritt == 0:
            mitte = (x + _x(date(jahr + g.jahresschritt, 1, 1), g)) / 2
            if g.jahresschritt > 1:
                mitte = x + 1
            anker = "middle" if g.jahresschritt == 1 else "start"
            svg.append(_text(mitte, _OBEN - 12, str(jahr), text_anchor=anker, fill="#4a5568"))
    y = float(_OBEN)
    for nr, (zeile, zeilenhoehe) in enumerate(zip(liste, hoehen, strict=True)):
        if zeile.ueberschrift:
            svg.append(
                _text(4, y + 20, zeile.beschriftung, font_size=_SCHRIFT + 1, font_weight="bold",
                      fill="#1a202c")
            )
            y += zeilenhoehe
            continue
        namen = _namenszeilen(zeile, g)
        if g.namen_oben:
            for i, text in enumerate(namen):
                svg.append(_text(4, y + 12 + _ZEILENHOEHE * i, text, font_size=_SCHRIFT,
                                 font_weight="bold", fill="#2d3748"))
            balken_y = y + _ZEILENHOEHE * len(namen) + 2
        else:
            balken_y = y + _ABSTAND / 2
            start = balken_y + _BALKEN - 5 - (len(namen) - 1) * _ZEILENHOEHE / 2
            for i, text in enumerate(namen):
                svg.append(_text(g.links - 8, start + _ZEILENHOEHE * i, text,
                                 font_size=_SCHRIFT, text_anchor="end", fill="#2d3748"))
        for teil_nr, (a, platz) in enumerate(
            zip(zeile.abschnitte, _plaetze(zeile.abschnitte, g), strict=True)
        ):
            svg += _svg_abschnitt(a, platz, balken_y, f"{g.name}-{nr}-{teil_nr}", g)
        y += zeilenhoehe
    svg += _verschiebe(legende, unten + 12)
    svg.append("</svg>")
    return "\n".join(svg).replace("url(#schraffur)", f"url(#schraffur-{g.name})") + "\n"


def _verschiebe(teile: list[str], dy: float) -> list[str]:
    return [f'<g transform="translate(0,{dy:.1f})">', *teile, "</g>"]


_ERLAEUTERUNG = (
    "Gestrichelt: unsicher [U]. Pfeil: offenes Ende. Rechtsgrundlagen: Zeitraum, in dem die "
    "Quelle für einen Programmteil maßgeblich ist. Zeitraum, Gewissheit und Quelle jedes "
    "Balkens: Mauszeiger darauf oder die Tabelle unter der Grafik."
)


def _legende(g: Geometrie = BREIT) -> tuple[list[str], float]:
    """Legende und Erläuterung, umgebrochen auf die Breite der Fassung; mit ihrer Höhe."""
    eintraege = [(art.bezeichnung, f) for art, f in _FARBE_ART.items()]
    eintraege += [(art.bezeichnung, f) for art, f in _FARBE_QUELLE.items()]
    eintraege.append(("nicht belegt", "url(#schraffur)"))
    teile: list[str] = []
    x, y = 4.0, 0.0
    for text, farbe in eintraege:
        breite = 20 + _textbreite(text)
        if x + breite > g.breite - 4:
            x, y = 4.0, y + _ZEILENHOEHE + 2
        teile.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="14" height="12" fill="{farbe}"/>')
        teile.append(_text(x + 18, y + 10.5, text, fill="#2d3748"))
        x += breite + 12
    y += _ZEILENHOEHE + 8
    for zeile in _umbrechen(_ERLAEUTERUNG, g.breite - 8):
        y += _ZEILENHOEHE
        teile.append(_text(4, y - 4, zeile, fill="#4a5568"))
    return teile, y + 4


def erzeuge_html(zeilen: Iterable[Zeile] | None = None) -> str:
    """Beide Fassungen in einem Rahmen; CSS zeigt je nach Breite die passende."""
    liste = alle_zeilen() if zeilen is None else list(zeilen)
    return (
        '<div class="kim-zeitleiste-rahmen">\n'
        + erzeuge_svg(liste, BREIT)
        + erzeuge_svg(liste, SCHMAL)
        + "</div>\n"
    )


def erzeuge_rst(zeilen: Iterable[Zeile] | None = None) -> str:
    """Die Angaben der Zeitleiste als reStructuredText-Tabelle."""
    liste = alle_zeilen() if zeilen is None else list(zeilen)
    kopf = [
        ".. Erzeugt von docs/_ext/kim_zeitleiste.py aus den Paketdaten – nicht von Hand ändern.",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 30 20 50",
        "",
        "   * - Zeile",
        "     - Zeitraum",
        "     - Angabe",
    ]
    zeilen_rst = []
    gruppe = ""
    for z in liste:
        if z.ueberschrift:
            gruppe = z.beschriftung
            continue
        for a in z.abschnitte:
            name = z.beschriftung or gruppe
            zeilen_rst += [
                f"   * - {_rst(name)}",
                f"     - {_spanne(a.ab, a.bis)}",
                f"     - {_rst(a.titel)}",
            ]
            gruppe = name if z.beschriftung else gruppe
    return "\n".join(kopf + zeilen_rst) + "\n"


def _rst(text: str) -> str:
    """Maskiert Auszeichnung; „1. Änderung …“ am Zellenanfang wird keine Aufzählung."""
    text = re.sub(r"([\\*`|_])", r"\\\1", text)
    return re.sub(r"^(\d+|[A-Za-z]|[IVXLC]+)([.)])(\s)", r"\1\\\2\3", text)


def schreibe(wurzel: Path) -> bool:
    """Schreibt SVG und Tabelle unter ``wurzel``; sagt, ob sich etwas geändert hat."""
    zeilen = alle_zeilen()
    svg = schreibe_text(wurzel / ZIEL_SVG, erzeuge_svg(zeilen))
    html = schreibe_text(wurzel / ZIEL_HTML, erzeuge_html(zeilen))
    rst = schreibe_text(wurzel / ZIEL_RST, erzeuge_rst(zeilen))
    return svg or html or rst


def setup(app: Any) -> dict[str, Any]:
    """Meldet die Erweiterung bei Sphinx an."""
    return melde_an(app, schreibe)


if __name__ == "__main__":
    schreibe(Path(__file__).resolve().parent.parent)
