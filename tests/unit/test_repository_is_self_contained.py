"""The repository carries its own design: nothing it tracks points outside the clone.

The design once lived in a sibling directory next to the checkout, which a clone does not
have. ``docs/design.md`` replaced it; these tests keep every tracked file from pointing
back there and keep the design's numbered sections (§1–§9), which code and docs cite.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DESIGN = ROOT / "docs" / "design.md"
# Spelled in pieces so that this file does not contain what it looks for.
OUTSIDE = ("../" + "shared/", "shared" + "/DESIGN")
SECTIONS = range(1, 10)
# "docs/design.md §5", "design.md §5.4", "[design §5](docs/design.md#…)"
CITATION = re.compile(r"design(?:\.md)?\]?(?:\([^)]*\))? §(\d+)")


def tracked_text_files() -> list[Path]:
    """Every file git tracks that is text (no NUL byte in its first 8 KiB)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    files = []
    for name in listed.decode().split("\0"):
        path = ROOT / name
        if not name or not path.is_file():
            continue  # deleted in the working tree, or a submodule
        if b"\0" in path.read_bytes()[:8192]:
            continue  # binary (images, archives)
        files.append(path)
    return files


def test_no_tracked_file_points_outside_the_repository() -> None:
    offenders = []
    for path in tracked_text_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if any(needle in line for needle in OUTSIDE):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "these lines point outside the repository:\n" + "\n".join(offenders)


def test_the_design_has_its_numbered_sections() -> None:
    assert DESIGN.is_file(), "docs/design.md is missing"
    headings = [
        line for line in DESIGN.read_text(encoding="utf-8").splitlines() if line.startswith("## ")
    ]
    for number in SECTIONS:
        assert any(h.startswith(f"## {number}. ") for h in headings), (
            f"docs/design.md has no section '## {number}. …'"
        )
    numbered = [int(h[3:].split(".", 1)[0]) for h in headings if h[3:4].isdigit()]
    assert numbered == list(SECTIONS), f"sections out of order or repeated: {numbered}"


def test_every_citation_of_the_design_names_a_section_it_has() -> None:
    unknown = []
    for path in tracked_text_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for cited in CITATION.findall(line):
                if int(cited) not in SECTIONS:
                    unknown.append(f"{path.relative_to(ROOT)}:{number}: §{cited}")
    assert not unknown, "citations of sections docs/design.md lacks:\n" + "\n".join(unknown)
