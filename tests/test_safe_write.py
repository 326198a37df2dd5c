"""Rewrites lose nothing: a concurrent edit, links, mode, owner, the disk, a crash."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

import claimkit.fix.write
import claimkit.run.fixing
from claimkit.files import read_document
from claimkit.fix.write import WriteError, rewrite, write_output
from conftest import write
from test_fix import mislabelled


def fixed(path: Path) -> bool:
    return path.read_text(encoding="utf-8") != mislabelled()


def test_an_edit_saved_during_the_fix_survives(tmp_path: Path, cli, monkeypatch) -> None:
    target = write(tmp_path / "a.md", mislabelled())
    edited = mislabelled().replace("Traffic", "Shipping traffic")
    original = claimkit.run.fixing.fix_document

    def fix_while_someone_saves(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = original(*args, **kwargs)
        target.write_text(edited, encoding="utf-8")  # the user saves meanwhile
        return result

    monkeypatch.setattr(claimkit.run.fixing, "fix_document", fix_while_someone_saves)
    result = cli("lint", "--fix", "a.md")
    assert result.code != 0
    assert "a.md: not written: the file changed while claimkit ran" in result.stderr
    assert target.read_text(encoding="utf-8") == edited


def test_same_size_and_mtime_but_other_content_is_a_change(tmp_path: Path) -> None:
    target = write(tmp_path / "a.md", "abc\n")
    _, snapshot = read_document(str(target))
    info = target.stat()
    target.write_text("xyz\n")
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    with pytest.raises(WriteError, match="changed while claimkit ran"):
        rewrite(str(target), b"new\n", snapshot)
    assert target.read_text() == "xyz\n"


def test_fix_writes_through_a_symlink(tmp_path: Path, cli) -> None:
    target = write(tmp_path / "real" / "a.md", mislabelled())
    link = tmp_path / "a.md"
    link.symlink_to(target)
    assert cli("lint", "--fix", "a.md").code == 0
    assert link.is_symlink() and fixed(target)


def test_fix_keeps_mode(tmp_path: Path, cli) -> None:
    target = write(tmp_path / "a.md", mislabelled())
    target.chmod(0o640)
    assert cli("lint", "--fix", "a.md").code == 0
    assert fixed(target) and stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can own files for others")
def test_fix_keeps_owner(tmp_path: Path, cli) -> None:
    target = write(tmp_path / "a.md", mislabelled())
    os.chown(target, 12345, 23456)
    assert cli("lint", "--fix", "a.md").code == 0
    info = target.stat()
    assert fixed(target) and (info.st_uid, info.st_gid) == (12345, 23456)


def test_read_only_file_needs_force(tmp_path: Path, cli) -> None:
    target = write(tmp_path / "a.md", mislabelled())
    target.chmod(0o444)
    refused = cli("lint", "--fix", "a.md")
    assert refused.code != 0 and "the file is read-only (use --force)" in refused.stderr
    assert not fixed(target)
    assert cli("lint", "--fix", "--force", "a.md").code == 0
    assert fixed(target) and stat.S_IMODE(target.stat().st_mode) == 0o444


def test_hard_linked_file_needs_force(tmp_path: Path, cli) -> None:
    target = write(tmp_path / "a.md", mislabelled())
    os.link(target, tmp_path / "b.txt")
    refused = cli("lint", "--fix", "a.md")
    assert refused.code != 0 and "2 hard links" in refused.stderr and not fixed(target)
    assert cli("lint", "--fix", "--force", "a.md").code == 0
    assert fixed(target)


def test_one_unwritable_file_does_not_stop_the_run(tmp_path: Path, cli) -> None:
    first = write(tmp_path / "a.md", mislabelled())
    second = write(tmp_path / "b.md", mislabelled())
    first.chmod(0o444)
    result = cli("lint", "--fix", "a.md", "b.md")
    assert result.code != 0 and "claimkit: error: a.md: not written" in result.stderr
    assert not fixed(first) and fixed(second)
    assert "All checks passed" not in result.stderr  # a.md still has its findings
    assert result.stdout.startswith("a.md:")


def test_dedupe_fix_reports_a_refused_file_and_goes_on(tmp_path: Path, cli) -> None:
    from builder import Row, cite, standard

    doc = standard(2)
    doc.rows.append(Row("3", doc.rows[0].sentence))
    doc.levels = {name: f"Traffic will grow {cite('1', '2', '3')}." for name in doc.levels}
    first = write(tmp_path / "a.md", doc.text())
    second = write(tmp_path / "b.md", doc.text())
    first.chmod(0o444)
    result = cli("dedupe", "--fix", "a.md", "b.md")
    assert result.code != 0 and "a.md: not written: the file is read-only" in result.stderr
    assert first.read_text(encoding="utf-8") == doc.text()
    assert second.read_text(encoding="utf-8") != doc.text()


def test_a_full_disk_leaves_the_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = write(tmp_path / "a.md", "old\n")
    _, snapshot = read_document(str(target))

    def full(descriptor: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(claimkit.fix.write.os, "write", full)
    with pytest.raises(WriteError, match="No space left on device"):
        rewrite(str(target), b"new\n", snapshot)
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_no_named_temporary_exists_while_writing(tmp_path: Path, monkeypatch) -> None:
    """What a kill -9 mid-write would leave: with O_TMPFILE, nothing."""
    if not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE here: stale temporaries are cleaned on start instead")
    target = write(tmp_path / "a.md", "old\n")
    _, snapshot = read_document(str(target))
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def spy(descriptor: int) -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        real_fsync(descriptor)

    monkeypatch.setattr(claimkit.fix.write.os, "fsync", spy)
    rewrite(str(target), b"new\n" * 100_000, snapshot)
    assert seen and seen[0] == ["a.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_stale_temporaries_of_dead_writers_are_removed(tmp_path: Path, cli) -> None:
    target = write(tmp_path / "a.md", mislabelled())
    dead = tmp_path / ".claimkit-999999999-abcd.tmp"  # no such PID
    dead.write_bytes(b"x" * 1000)
    alive = tmp_path / f".claimkit-{os.getppid()}-abcd.tmp"
    alive.write_bytes(b"x")
    assert cli("lint", "--fix", "a.md").code == 0
    assert fixed(target) and not dead.exists() and alive.exists()


def test_output_file_modes(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        write_output(str(tmp_path / "new.json"), b"{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640
    existing = tmp_path / "old.json"
    existing.write_text("[]")
    existing.chmod(0o604)
    write_output(str(existing), b"{}")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o604 and existing.read_text() == "{}"


@pytest.mark.skipif(os.geteuid() != 0, reason="needs a file owned by someone else")
def test_a_file_we_cannot_give_back_needs_force(tmp_path: Path, monkeypatch) -> None:
    target = write(tmp_path / "a.md", "old\n")
    os.chown(target, 12345, 23456)
    _, snapshot = read_document(str(target))

    def not_root(descriptor: int, uid: int, gid: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(claimkit.fix.write.os, "fchown", not_root)
    with pytest.raises(WriteError, match="belongs to another user"):
        rewrite(str(target), b"new\n", snapshot)
    assert target.read_text() == "old\n" and sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]
    rewrite(str(target), b"new\n", snapshot, force=True)
    assert target.read_text() == "new\n"
