"""Sphinx-Konfiguration der kim_nrw-Dokumentation (deutsch)."""

from __future__ import annotations

import sys
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER / "_ext"))

import kim_nrw  # noqa: E402

project = "kim_nrw"
author = "kim_nrw-Entwicklerteam"
copyright = "2026, kim_nrw-Entwicklerteam; Gebietsdaten © Statistisches Bundesamt (Destatis), 2021"
release = kim_nrw.__version__
version = release
language = "de"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "myst_parser",
    "sphinx_copybutton",
]
extensions += [p.stem for p in sorted((HIER / "_ext").glob("kim_*.py"))]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_generiert/*.rst"]
# Jeder Verweis muss auflösbar sein (CI baut mit -W): interne Namen über kim_api.py,
# externe über die Inventare in docs/_inventare (siehe dort README.rst).
nitpicky = True
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
# Docstring-Beispiele laufen in Sphinx ohne die Globals ihres Moduls; die
# recht-Module setzen ihre eigenen Namen voraus, daher werden sie hier bereitgestellt.
doctest_global_setup = """
import kim_nrw
from datetime import date
from decimal import Decimal
from kim_nrw.recht import *
from kim_nrw.recht.parameter import *
from kim_nrw.recht.quellen import *
from kim_nrw.recht.laden import *
from kim_nrw.validatoren import *
from kim_nrw.schreibweise import *
"""
# Externe Typen werden über Inventare verlinkt, die im Repository liegen: der Build liest
# kein Netz. Herkunft und Erneuerung: docs/_inventare/README.rst.
_INVENTARE = HIER / "_inventare"
intersphinx_mapping: dict[str, tuple[str, str | None]] = {
    "python": ("https://docs.python.org/3", str(_INVENTARE / "python.inv")),
    "attrs": ("https://www.attrs.org/en/stable", str(_INVENTARE / "attrs.inv")),
    "cattrs": ("https://catt.rs/en/stable", str(_INVENTARE / "cattrs.inv")),
    "hypothesis": (
        "https://hypothesis.readthedocs.io/en/latest",
        str(_INVENTARE / "hypothesis.inv"),
    ),
}

intersphinx_timeout = 1
# Externe Ziele ohne Inventar, ausdrücklich und mit Grund (für dateutil gibt es kein
# Inventar, das der Build ohne Netz lesen kann):
nitpick_ignore = [
    ("py:class", "dateutil.relativedelta.relativedelta"),
    # TODO (Lead): Verweise in Docstrings auf Attribute, die nicht als Attribut dokumentiert
    # sind – DokumentFehler.probleme und UngueltigeEingabe.wert (fehler.py),
    # Teilbeschreibung/Vorgaengerprogramm.praefix (programme/beschreibung.py, ein
    # :param:, kein Attribut). Beim Überarbeiten der Docstrings auflösen und hier streichen.
    ("py:attr", "probleme"),
    ("py:attr", "wert"),
    ("py:attr", "praefix"),
    # Der ParamSpec in der Signatur von kim_nrw.einmal.je_objekt hat kein Verweisziel.
    ("py:class", "~_P"),
    ("py:class", "_P"),
]
suppress_warnings = ["myst.header"]

html_theme = "furo"
html_title = f"kim_nrw {release}"
html_static_path = ["_static"]
html_css_files = ["kim.css"]
html_favicon = "_static/favicon.svg"

# Deutsch auch dort, wo Sphinx und furo keine (oder eine fehlerhafte) Übersetzung
# mitbringen: docs/locale/de/LC_MESSAGES/sphinx.po (Sphinx übersetzt sie beim Bauen;
# kim_sprache.py schreibt daraus auch die Übersetzungen für die Suche im Browser).
locale_dirs = [str(HIER / "locale")]  # absolut: Sphinx sucht sphinx.js sonst im Arbeitsordner
gettext_compact = False

# Kopierknopf: ohne die Eingabeaufforderungen >>> und ... und ohne die Ausgabe.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_remove_prompts = True
copybutton_copy_empty_lines = False
