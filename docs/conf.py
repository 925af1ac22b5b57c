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
]
extensions += [p.stem for p in sorted((HIER / "_ext").glob("kim_*.py"))]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_generiert/*.rst"]
nitpicky = False
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
"""
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
suppress_warnings = ["myst.header"]

html_theme = "furo"
html_title = f"kim_nrw {release}"
html_static_path: list[str] = []
