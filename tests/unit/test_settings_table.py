"""The README's configuration table is the one ``VARIABLES`` declares, and every field
of ``Settings`` is filled by exactly one variable."""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from services.api.settings import VARIABLES, Settings, markdown_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_shows_the_declared_settings() -> None:
    found = re.search(
        r"<!-- settings:begin.*?-->\n(.*?)<!-- settings:end -->", README.read_text(), re.DOTALL
    )
    assert found is not None, "README.md lost its settings markers"
    assert found.group(1) == markdown_table(), (
        "README.md's settings table is stale: paste `python -m services.api.settings`"
    )


def test_every_setting_comes_from_one_variable() -> None:
    fields = [variable.field for variable in VARIABLES]
    assert sorted(fields) == sorted(a.name for a in attrs.fields(Settings))
    names = [variable.name for variable in VARIABLES]
    assert len(set(names)) == len(names)
