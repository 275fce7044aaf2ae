"""Small file helpers shared by every stage: package data and atomic writes."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import IO

from geo.errors import OutputError

__all__ = ["data_path", "atomic_write", "cache_dir"]


def data_path(*parts: str) -> Path:
    """Path of a file shipped in ``data/`` (installed as the ``geo._data`` package)."""
    try:
        root = Path(str(resources.files("geo._data")))
    except ModuleNotFoundError:  # running from a source tree without an install
        root = Path(__file__).resolve().parent.parent / "data"
    return root.joinpath(*parts)


def cache_dir() -> Path:
    """The user's cache directory for diplomap (``DIPLOMAP_CACHE_DIR`` overrides it)."""
    override = os.environ.get("DIPLOMAP_CACHE_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("diplomap"))
    path.mkdir(parents=True, exist_ok=True)
    return path


_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _default_mode(target: Path) -> int:
    """The existing file's permissions, or 0666 less the umask for a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:  # type: ignore[type-arg]
    """Write to a temporary file beside ``path`` and rename it into place on success.

    An interrupted or failed write never leaves a truncated file where a good one was.
    """
    target = Path(path)
    binary = "b" in mode
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "") as fh:
            try:
                yield fh
            except OSError as exc:
                if exc.errno in _DISK_FULL:  # a write in the caller's block hit a full disk or quota
                    raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
                raise
            try:
                fh.flush()
                # mkstemp creates 0600; give the output the mode a plain open() would
                os.fchmod(fh.fileno(), _default_mode(target))
                os.fsync(fh.fileno())
            except OSError as exc:
                raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
        try:
            os.replace(tmp, target)
        except OSError as exc:  # e.g. the target is a folder
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
