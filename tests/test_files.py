"""Atomic output writes (geo._files.atomic_write): never a truncated file where a good one was."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geo._files import atomic_write
from geo.errors import OutputError


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "out.jsonl"
    with atomic_write(out) as fh:
        fh.write('{"id": "a"}\n')
    assert out.read_text(encoding="utf-8") == '{"id": "a"}\n'
    assert leftovers(out.parent) == []


def test_binary_mode(tmp_path: Path) -> None:
    with atomic_write(tmp_path / "x.bin", "wb") as fh:
        fh.write(b"\x00\x01")
    assert (tmp_path / "x.bin").read_bytes() == b"\x00\x01"


@pytest.mark.parametrize("exc_type", [RuntimeError, KeyboardInterrupt, OSError])
def test_exception_mid_write_keeps_the_previous_good_file(
    tmp_path: Path, exc_type: type[BaseException]
) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text("good\n", encoding="utf-8")
    with pytest.raises(exc_type), atomic_write(out) as fh:
        fh.write("half a line")
        raise exc_type("interrupted")
    assert out.read_text(encoding="utf-8") == "good\n"
    assert leftovers(tmp_path) == []


def test_killed_process_mid_write_keeps_the_previous_good_file(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    out.write_text("<html>good</html>", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import sys, time
        from geo._files import atomic_write
        with atomic_write({str(out)!r}) as fh:
            fh.write("<html>trunc")
            fh.flush()
            print("writing", flush=True)
            time.sleep(60)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    assert out.read_text(encoding="utf-8") == "<html>good</html>"


def test_output_under_a_file_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("not a folder")
    with (
        pytest.raises(OutputError, match="cannot write"),
        atomic_write(tmp_path / "plain" / "out.jsonl") as fh,
    ):
        fh.write("x")


def test_output_onto_a_folder_is_an_output_error_and_the_folder_survives(tmp_path: Path) -> None:
    (tmp_path / "out.jsonl").mkdir()
    with pytest.raises(OutputError, match="cannot write"), atomic_write(tmp_path / "out.jsonl") as fh:
        fh.write("x")
    assert (tmp_path / "out.jsonl").is_dir()
    assert leftovers(tmp_path) == []


def test_output_error_is_an_oserror_for_callers_that_catch_those(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("")
    with pytest.raises(OSError), atomic_write(tmp_path / "plain" / "x"):
        pass


def test_disk_full_during_the_write_is_an_output_error(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("good\n")
    with pytest.raises(OutputError, match="No space left"), atomic_write(out) as fh:
        fh.write("partial")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert out.read_text() == "good\n"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform != "linux", reason="uses Linux permissions and sysfs")
def test_folder_without_write_permission_is_an_output_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root writes through chmod 555; sysfs refuses new files even to root
        folder = Path("/sys")
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
    try:
        with (
            pytest.raises(OutputError, match="cannot write .*Permission denied"),
            atomic_write(folder / "diplomap-out.jsonl") as fh,
        ):
            fh.write("x")
        assert not (folder / "diplomap-out.jsonl").exists()
    finally:
        if folder != Path("/sys"):
            folder.chmod(0o755)


def test_atomic_write_gives_new_files_ordinary_permissions(tmp_path: Path) -> None:
    import stat

    umask = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "out.txt") as fh:
            fh.write("x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o644
