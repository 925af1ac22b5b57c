"""Sphinx-Erweiterung: zeichnet die Zeitleiste der Rechtsgrundlagen und Programme 2012–2025.

Beim Start jedes Builds (``builder-inited``) entstehen aus den Paketdaten

* ``docs/_generiert/zeitleiste.svg`` – die Grafik (von Hand geschriebenes SVG, ohne
  weitere Abhängigkeiten), eingebunden in ``docs/erklaerung/zeitleiste.rst``;
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
ZIEL_RST = Path("_generiert") / "zeitleiste.rst"

ANFANG = date(2012, 1, 1)
ENDE = date(2026, 1, 1)
"""Die Achse reicht vom 01.01.2012 bis zum 01.01.2026; offene Zeiträume laufen bis zum Rand."""

_BREITE, _LINKS, _RECHTS, _OBEN = 1000, 250, 20, 34
_ZEILE, _BALKEN = 22, 14

_FARBE_ART = {
    Foerderart.FESTBETRAG: "#2b6cb0",
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


def _x(tag: date) -> float:
    spanne = (ENDE - ANFANG).days
    tag = min(max(tag, ANFANG), ENDE)
    return _LINKS + (_BREITE - _LINKS - _RECHTS) * (tag - ANFANG).days / spanne


def _svg_abschnitt(a: Abschnitt, y: float, nr: int) -> list[str]:
    x1 = _x(a.ab)
    x2 = _x(date.fromordinal(a.bis.toordinal() + 1)) if a.bis is not None else _x(ENDE)
    breite = max(x2 - x1, 1.5)
    fuellung = "url(#schraffur)" if a.schraffiert else a.farbe
    if a.unscharf_am_anfang:
        fuellung = f"url(#unscharf{nr})"
    strich = ' stroke="#ffffff" stroke-width="1.5"'
    if a.gestrichelt:
        strich = ' stroke="#1a202c" stroke-width="1" stroke-dasharray="3 2"'
    teile = [
        f"<g><title>{escape(a.titel)}</title>",
        f'<rect x="{x1:.1f}" y="{y:.1f}" width="{breite:.1f}" height="{_BALKEN}" rx="2" '
        f'fill="{fuellung}"{strich}/>',
    ]
    if a.unscharf_am_anfang:
        teile.insert(
            0,
            f'<defs><linearGradient id="unscharf{nr}" x1="0" x2="1" y1="0" y2="0">'
            f'<stop offset="0" stop-color="{a.farbe}" stop-opacity="0.15"/>'
            f'<stop offset="0.15" stop-color="{a.farbe}" stop-opacity="1"/>'
            "</linearGradient></defs>",
        )
    if a.bis is None:
        spitze_x = _x(ENDE)
        teile.append(
            f'<path d="M{spitze_x:.1f},{y:.1f} l6,{_BALKEN / 2} l-6,{_BALKEN / 2} z" '
            f'fill="{a.farbe}"/>'
        )
    if breite > 7 * len(a.text) + 6:
        farbe = "#1a202c" if a.schraffiert else "#ffffff"
        teile.append(
            f'<text x="{x1 + 4:.1f}" y="{y + _BALKEN - 3.5:.1f}" font-size="10" '
            f'fill="{farbe}">{escape(a.text)}</text>'
        )
    teile.append("</g>")
    return teile


def erzeuge_svg(zeilen: Iterable[Zeile] | None = None) -> str:
    """Die Zeitleiste als SVG-Text (ohne XML-Kopf, damit sie in HTML eingebettet werden kann)."""
    liste = alle_zeilen() if zeilen is None else list(zeilen)
    hoehe = _OBEN + _ZEILE * len(liste) + 46
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_BREITE} {hoehe}" '
        f'width="100%" role="img" aria-labelledby="zeitleiste-titel" '
        f'font-family="sans-serif" style="max-width:{_BREITE}px;height:auto">',
        '<title id="zeitleiste-titel">Zeitleiste der Rechtsgrundlagen und Förderprogramme '
        "KI, KIM und KOMM-AN 2012–2025 (aus den Paketdaten von kim_nrw)</title>",
        '<defs><pattern id="schraffur" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e2e8f0"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#a0aec0" stroke-width="2"/></pattern></defs>',
        f'<rect x="0" y="0" width="{_BREITE}" height="{hoehe}" fill="#ffffff"/>',
    ]
    unten = _OBEN + _ZEILE * len(liste)
    for jahr in range(ANFANG.year, ENDE.year + 1):
        x = _x(date(jahr, 1, 1))
        svg.append(
            f'<line x1="{x:.1f}" y1="{_OBEN - 6}" x2="{x:.1f}" y2="{unten}" '
            'stroke="#e2e8f0" stroke-width="1"/>'
        )
        if jahr < ENDE.year:
            mitte = (x + _x(date(jahr + 1, 1, 1))) / 2
            svg.append(
                f'<text x="{mitte:.1f}" y="{_OBEN - 12}" font-size="11" '
                f'text-anchor="middle" fill="#4a5568">{jahr}</text>'
            )
    for nr, zeile in enumerate(liste):
        y = _OBEN + _ZEILE * nr
        if zeile.ueberschrift:
            svg.append(
                f'<text x="4" y="{y + _BALKEN - 1}" font-size="12" font-weight="bold" '
                f'fill="#1a202c">{escape(zeile.beschriftung)}</text>'
            )
            continue
        svg.append(
            f'<text x="{_LINKS - 8}" y="{y + _BALKEN - 3}" font-size="11" '
            f'text-anchor="end" fill="#2d3748">{escape(zeile.beschriftung)}</text>'
        )
        for teil_nr, a in enumerate(zeile.abschnitte):
            svg += _svg_abschnitt(a, y + (_ZEILE - _BALKEN) / 2 - 2, nr * 100 + teil_nr)
    svg += _legende(unten + 14)
    svg.append("</svg>")
    return "\n".join(svg) + "\n"


def _legende(y: float) -> list[str]:
    eintraege = [(art.bezeichnung, f) for art, f in _FARBE_ART.items()]
    eintraege += [(art.bezeichnung, f) for art, f in _FARBE_QUELLE.items()]
    eintraege.append(("nicht belegt", "url(#schraffur)"))
    teile, x = [], 4.0
    for text, farbe in eintraege:
        teile.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="10" fill="{farbe}"/>')
        teile.append(
            f'<text x="{x + 16:.1f}" y="{y + 9:.1f}" font-size="10" '
            f'fill="#2d3748">{escape(text)}</text>'
        )
        x += 24 + 6 * len(text)
    teile.append(
        f'<text x="4" y="{y + 26:.1f}" font-size="10" fill="#4a5568">Gestrichelt: '
        "unsicher [U]. Pfeil: offenes Ende. Rechtsgrundlagen: Zeitraum, in dem die "
        "Quelle für einen Programmteil maßgeblich ist.</text>"
    )
    return teile


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
    return re.sub(r"([\\*`|_])", r"\\\1", text)


def _schreibe(ziel: Path, text: str) -> bool:
    if ziel.exists() and ziel.read_text(encoding="utf-8") == text:
        return False
    ziel.parent.mkdir(parents=True, exist_ok=True)
    ziel.write_text(text, encoding="utf-8")
    return True


def schreibe(wurzel: Path) -> bool:
    """Schreibt SVG und Tabelle unter ``wurzel``; sagt, ob sich etwas geändert hat."""
    zeilen = alle_zeilen()
    svg = _schreibe(wurzel / ZIEL_SVG, erzeuge_svg(zeilen))
    rst = _schreibe(wurzel / ZIEL_RST, erzeuge_rst(zeilen))
    return svg or rst


def _beim_start(app: Any) -> None:
    schreibe(Path(app.srcdir))


def setup(app: Any) -> dict[str, Any]:
    """Meldet die Erweiterung bei Sphinx an."""
    app.connect("builder-inited", _beim_start)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    schreibe(Path(__file__).resolve().parent.parent)
