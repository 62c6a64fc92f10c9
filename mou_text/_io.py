"""File output for every writer in the package: a result file appears complete or not at all.

Three kinds of target, because "replace the file" is right for only one of them:

* a regular file (or nothing yet): written to a temporary file beside it and renamed into place, so a
  crash half-way leaves the previous file, never a truncated one;
* a symbolic link: the same, on the file it points to, so the link stays a link and its target is
  the file that gets the new content;
* ``-``, a FIFO, a character device or a socket (``/dev/stdout``, ``/dev/null``, a named pipe): these
  are streams, not files to replace; the finished bytes are written into them as they stand.

:func:`check_writable` says *before* any work starts whether a target can be written (a directory, a
missing or read-only folder are refused with a coded error), and :func:`output_lock` keeps two runs
from writing one output at a time (``F.lock`` held with ``fcntl.flock``, so the kernel releases it
when its process dies, even by SIGKILL).
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ConfigError

#: Targets named like this go to standard output.
STDOUT_NAMES = ("-",)


def is_stream(path: str | os.PathLike[str]) -> bool:
    """``-`` or an existing FIFO, device or socket: written in place, never replaced."""
    if str(path) in STDOUT_NAMES or str(path).startswith(("/dev/", "/proc/")):
        return True  # /dev/stdout may lead to a regular file (`> out.txt`): still the caller's stream
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _real(path: str | os.PathLike[str]) -> Path:
    """The file a path names, through symbolic links (a dangling link names its missing target)."""
    return Path(os.path.realpath(path))


def check_writable(path: str | os.PathLike[str], what: str | None = None, *, create_folders: bool = False) -> Path:
    """Refuse, before the work starts, an output that cannot be written; return the path as given.

    A directory, a folder that does not exist, a folder where no file can be created (read-only,
    no permission; tried for real, since ``os.access`` says yes to root on a read-only mount) and a
    read-only file are refused with a :class:`ConfigError` naming the option or file. With
    ``create_folders`` (what every writer does: missing folders are made when the file is written) a
    missing folder is fine if it can be made: its nearest existing ancestor must be a folder that
    can be written. Nothing is created here.
    """
    name = what or f"output '{path}'"
    if is_stream(path):
        if str(path) not in STDOUT_NAMES and not os.access(path, os.W_OK):
            raise ConfigError(name, f"'{path}' is a special file that cannot be written (permission denied)", "name a file you may write", code="E299")
        return Path(path)
    target = _real(path)
    if target.is_dir():
        raise ConfigError(name, f"'{path}' is a directory", f"name a file inside it, e.g. {Path(path) / 'results'}", code="E298")
    folder = target.parent
    if not folder.is_dir() and not create_folders:
        raise ConfigError(name, f"its folder '{folder}' does not exist", f"create it first (mkdir -p {folder}) or name a file in an existing folder", code="E297")
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise ConfigError(name, f"its folder '{folder}' cannot be created: '{existing}' is a file", "name a file in a folder", code="E293")
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".probe", dir=existing)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        why = "it is on a read-only file system" if exc.errno == errno.EROFS else f"no file can be created there ({exc.strerror})"
        raise ConfigError(name, f"its folder '{existing}' cannot be written: {why}", "name a file in a folder you may write", code="E296") from None
    if target.exists() and not os.access(target, os.W_OK):
        raise ConfigError(name, f"'{path}' is read-only", "make it writable (chmod u+w) or name another file", code="E295")
    return Path(path)


def atomic_write(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Write through a temporary file, then rename it into place (or stream it into a special file).

    A crash or an exception half-way leaves the previous file (or no file), never a truncated one.
    A symbolic link is followed: its target is replaced and the link kept. ``-`` and special files
    (FIFO, device) receive the finished bytes directly.
    """
    check_writable(path, create_folders=True)
    stream = is_stream(path)
    target = Path(path) if stream else _real(path)
    folder = Path(tempfile.gettempdir()) if stream else target.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; a results file should get the usual permissions
    try:
        write(Path(tmp))
        if stream:
            _copy_into_stream(Path(tmp), path)
            Path(tmp).unlink(missing_ok=True)
        else:
            os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(path)


def _copy_into_stream(src: Path, path: str | os.PathLike[str]) -> None:
    if str(path) in STDOUT_NAMES:
        sys.stdout.flush()
        with open(src, "rb") as fh:
            shutil.copyfileobj(fh, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    with open(src, "rb") as fh, open(path, "wb") as out:  # opens a FIFO or device as it is: no replace
        shutil.copyfileobj(fh, out)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """``text`` as UTF-8, atomically."""
    return atomic_write(path, lambda p: p.write_text(text, encoding="utf-8"))


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of an output: ``F.lock`` beside the file ``F`` names (through links)."""
    target = _real(path)
    return target.with_name(target.name + ".lock")


@contextmanager
def output_lock(path: str | os.PathLike[str], what: str | None = None) -> Iterator[Path]:
    """Hold ``F.lock`` for the length of a run that writes ``F``; a second run is refused at once.

    ``fcntl.flock`` on an open file is released by the kernel when the process ends however it ends,
    so a killed run never leaves a lock that blocks the next one; the file (with the holder's pid,
    for the message) is removed on a clean exit. Streams (``-``, FIFOs) need no lock.
    """
    if is_stream(path):
        yield Path(path)
        return
    import fcntl

    lock = lock_path(path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "another process"
            os.close(fd)
            raise ConfigError(
                what or f"output '{path}'",
                f"another run is writing it (pid {holder}, lock file '{lock}')",
                "wait for that run to finish, or name another output file",
                code="E294",
            ) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(lock).st_ino  # not a file a finishing run just removed
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield lock
    finally:
        try:
            lock.unlink(missing_ok=True)
        finally:
            os.close(fd)
