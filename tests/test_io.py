"""Outputs: special files written in place, links followed, unwritable targets refused before any
work, one run at a time per output (issue 15)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT

from mou_text import ConfigError
from mou_text._io import atomic_write_text, check_writable, lock_path, output_lock
from mou_text.cli import main


def test_regular_file_is_replaced_whole(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("old", encoding="utf-8")
    atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]  # no temp file left


def test_a_fifo_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write_text(fifo, "through the pipe")
    reader.join(10)
    assert got == [b"through the pipe"]
    assert fifo.is_fifo()


def test_a_device_stays_a_device():
    atomic_write_text("/dev/null", "nothing")
    assert Path("/dev/null").is_char_device()


def test_dash_means_stdout(capfd):
    atomic_write_text("-", "to stdout\n")
    assert capfd.readouterr().out == "to stdout\n"
    assert not Path("-").exists()


def test_a_symlink_is_followed_and_kept(tmp_path):
    real = tmp_path / "real" / "report.json"
    real.parent.mkdir()
    real.write_text("stale", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write_text(link, "fresh")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == "fresh"


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(ConfigError) as err:
        check_writable(tmp_path)
    assert err.value.code == "E298" and str(tmp_path) in str(err.value)
    with pytest.raises(ConfigError):
        atomic_write_text(tmp_path, "x")


def test_a_missing_folder_is_refused_or_made(tmp_path):
    deep = tmp_path / "no" / "such" / "out.json"
    with pytest.raises(ConfigError) as err:
        check_writable(deep)
    assert err.value.code == "E297"
    assert check_writable(deep, create_folders=True) == deep and not deep.parent.exists()  # nothing made yet
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        check_writable(blocker / "sub" / "out.json", create_folders=True)
    assert err.value.code == "E293"


def test_a_read_only_folder_is_refused(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ConfigError) as err:
        check_writable(tmp_path / "out.json")
    assert err.value.code == "E296" and "read-only" in str(err.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_file_is_refused(tmp_path):
    target = tmp_path / "ro.json"
    target.write_text("x", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(ConfigError) as err:
        check_writable(target)
    assert err.value.code == "E295"


def test_cli_refuses_a_directory_before_the_work(tmp_path, capsys, monkeypatch):
    check_pkg = sys.modules["mou_text.check"]

    def never(*a, **k):
        raise AssertionError("the check ran before the output was checked")

    monkeypatch.setattr(check_pkg, "check", never)
    for option in ("--json", "--html", "--xlsx"):
        assert main(["check", option, str(tmp_path), "--encoder", "fake"]) == 2
        err = capsys.readouterr().err
        assert "[E298]" in err and option in err and "Traceback" not in err
    assert main(["export-tm", "--tmx", str(tmp_path)]) == 2
    assert "[E298]" in capsys.readouterr().err
    assert main(["classify", str(ROOT / "corpora" / "mou"), "--out", str(tmp_path), "--encoder", "fake"]) == 2
    assert "[E229]" in capsys.readouterr().err  # a folder name has no output extension
    (tmp_path / "d.csv").mkdir()
    assert main(["classify", str(ROOT / "corpora" / "mou"), "--out", str(tmp_path / "d.csv"), "--encoder", "fake"]) == 2
    assert "[E298]" in capsys.readouterr().err


def test_cli_writes_into_a_fifo_and_to_dash(tmp_path, capfd):
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert main(["check", "--json", str(fifo), "--encoder", "fake", "--checks", "numbers"]) == 0
    reader.join(20)
    assert fifo.is_fifo() and got and got[0].startswith(b"{")
    capfd.readouterr()
    assert main(["export-tm", "--tmx", "-"]) == 0
    assert "<tmx" in capfd.readouterr().out


def test_classify_out_cannot_be_a_stream(capsys):
    assert main(["classify", str(ROOT / "corpora" / "mou"), "--out", "-", "--encoder", "fake"]) == 2
    assert "[E229]" in capsys.readouterr().err  # '-' has no extension: not an output format


def test_lock_refuses_a_second_run_and_is_released(tmp_path):
    out = tmp_path / "results.csv"
    with output_lock(out) as lock:
        assert lock == lock_path(out) and lock.read_text() == str(os.getpid())
        with pytest.raises(ConfigError) as err:
            with output_lock(out):
                pass
        assert err.value.code == "E294" and str(os.getpid()) in str(err.value)
    assert not lock_path(out).exists()
    with output_lock(out):  # free again
        pass


def test_a_killed_holder_leaves_no_lock_behind(tmp_path):
    out = tmp_path / "results.csv"
    code = (
        "import sys, time; from mou_text._io import output_lock\n"
        f"with output_lock({str(out)!r}):\n    print('held', flush=True); time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env)
    try:
        assert proc.stdout.readline().strip() == b"held"
        with pytest.raises(ConfigError, match=str(proc.pid)):
            with output_lock(out):
                pass
    finally:
        proc.kill()
        proc.wait()
    assert lock_path(out).exists()  # SIGKILL: the file stays, the lock does not
    with output_lock(out):
        pass


def test_classify_refuses_a_concurrent_run_on_one_out(tmp_path, capsys):
    out = tmp_path / "r.csv"
    with output_lock(out):
        assert main(["classify", str(ROOT / "corpora" / "mou"), "--out", str(out), "--encoder", "fake", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "[E294]" in err and "another run" in err
    assert not out.exists()


def test_dev_stdout_redirected_to_a_file_is_written_not_replaced(tmp_path):
    """``--json /dev/stdout > out.json``: the shell's file gets the report; nothing is renamed over it."""
    out = tmp_path / "out.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(out, "wb") as fh:
        inode = os.fstat(fh.fileno()).st_ino
        run = subprocess.run(
            [sys.executable, "-m", "mou_text", "check", "--json", "/dev/stdout", "--encoder", "fake", "--checks", "numbers"],
            stdout=fh, stderr=subprocess.PIPE, env=env, timeout=300,
        )
    assert run.returncode == 0, run.stderr
    assert os.stat(out).st_ino == inode  # the same file, not a new one renamed into place
    assert b'"format": "mou-text/check-report/1"' in out.read_bytes()
    assert Path("/dev/stdout").is_symlink() or Path("/dev/stdout").exists()
