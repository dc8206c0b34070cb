"""Loading sources: which files a folder contributes, in which order, and the path reports show
for them (the fast paths of sources.py against the plain definitions)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from iicheck.sources import SOURCE_SUFFIXES, discover, display_path


def _plain_discover(folder: Path) -> list[Path]:
    """The folder's sources as first written: Path.iterdir, Path.is_file, sorted Paths."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
                  and p.name.lower() != "readme.md")


def test_folder_sources_are_the_plain_selection_in_the_plain_order(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    for name in ["b.txt", "A.TXT", "a.md", "c.Md", "README.md", "readme.MD", ".txt", "notes.",
                 "x.txt.bak", "z.pdf", "10.txt", "9.txt", "é.txt", "a b.txt"]:
        (folder / name).write_text("Some text with 12 figures.\n", encoding="utf-8")
    (folder / "dir.txt").mkdir()  # a folder named like a source is not one
    (tmp_path / "elsewhere.txt").write_text("Linked.\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "elsewhere.txt")  # a link to a file is read
    files, _ = discover([folder])
    assert files == _plain_discover(folder)
    assert [p.name for p in files][:3] == ["10.txt", "9.txt", "A.TXT"]  # code-point order


@pytest.mark.parametrize("layout", ["plain", "linked_folder", "linked_file", "relative", "outside"])
def test_display_path_with_folder_cache_equals_resolving_each_file(tmp_path: Path, layout: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    (work / "real").mkdir(parents=True)
    (work / "real" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "b.txt").write_text("x", encoding="utf-8")
    (work / "alias").symlink_to(work / "real")
    (work / "real" / "to_outside.txt").symlink_to(tmp_path / "outside" / "b.txt")
    monkeypatch.chdir(work)
    path = {"plain": work / "real" / "a.txt", "linked_folder": work / "alias" / "a.txt",
            "linked_file": work / "real" / "to_outside.txt", "relative": Path("alias") / "a.txt",
            "outside": tmp_path / "outside" / "b.txt"}[layout]
    cwd = Path.cwd().resolve()
    folders: dict[Path, Path] = {}
    assert display_path(path, cwd, folders) == display_path(path, cwd) == display_path(path)
    assert display_path(path, cwd, folders) == display_path(path, cwd, folders)  # from the cache
    # a link to a file outside: where the link is; a file outside: its absolute path (its bare
    # name pointed code scanning and annotations at a file the checkout does not hold)
    expected = {"plain": "real/a.txt", "linked_folder": "real/a.txt", "linked_file": "real/to_outside.txt",
                "relative": "real/a.txt", "outside": (tmp_path / "outside" / "b.txt").as_posix()}[layout]
    assert display_path(path, cwd, folders) == expected


def test_files_a_folder_does_not_read_are_named(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A folder of saved web pages and PDFs was audited as if they were not there."""
    (tmp_path / "a.txt").write_text("China had 500 industrial internet platforms in 2023.\n", encoding="utf-8")
    for name in ("page.html", "report.pdf", ".hidden", "sources.yaml"):
        (tmp_path / name).write_text("version: 1\n" if name == "sources.yaml" else "x", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="iicheck"):
        files, _ = discover([tmp_path])
    assert [p.name for p in files] == ["a.txt"]
    (warning,) = [r.getMessage() for r in caplog.records]
    assert warning.endswith(": 2 files not read: page.html, report.pdf (only .txt and .md files are sources; "
                            "save a page or document as text to audit it)")


def test_a_web_page_given_by_itself_is_read_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>China had 500 industrial internet platforms in 2023, it said.</p>\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="iicheck"):
        files, _ = discover([page])
    assert files == [page] and "is read as plain text: its markup is not removed" in caplog.text
