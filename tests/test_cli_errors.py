"""The command's top level: OS refusals become coded errors, a closed pipe ends quietly, an argument is
always a path, and no traceback reaches a user without --debug (issue 15)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest
from conftest import MOU, ROOT

from mou_text.cli import main


def _boom(exc: BaseException):
    def run(args):
        raise exc

    return run


@pytest.mark.parametrize(
    ("exc", "code", "words"),
    [
        (PermissionError(errno.EACCES, "Permission denied", "secret.md"), "E099", "permission denied"),
        (OSError(errno.EROFS, "Read-only file system", "out.json"), "E098", "read-only"),
        (OSError(errno.ENOSPC, "No space left on device", "out.xlsx"), "E097", "disk is full"),
        (IsADirectoryError(errno.EISDIR, "Is a directory", "out"), "E096", "directory"),
        (OSError(errno.EIO, "Input/output error", "x.pdf"), "E094", "Input/output error"),
    ],
)
def test_os_errors_are_coded(monkeypatch, capsys, exc, code, words):
    import mou_text.cli.parse as cmd

    monkeypatch.setattr(cmd, "run", _boom(exc))
    assert main(["parse", str(MOU / "en.md")]) == 2
    err = capsys.readouterr().err
    assert f"[{code}]" in err and words in err and exc.filename in err and "Traceback" not in err


def test_unexpected_errors_ask_for_debug(monkeypatch, capsys):
    import mou_text.cli.parse as cmd

    monkeypatch.setattr(cmd, "run", _boom(RuntimeError("something odd")))
    assert main(["parse", str(MOU / "en.md")]) == 70
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: something odd" in err and "--debug" in err and "Traceback" not in err
    with pytest.raises(RuntimeError):
        main(["--debug", "parse", str(MOU / "en.md")])
    with pytest.raises(RuntimeError):  # after the sub-command too
        main(["parse", str(MOU / "en.md"), "--debug"])


def test_debug_prints_the_traceback_of_a_coded_error(capsys, tmp_path):
    assert main(["parse", str(tmp_path / "missing.md"), "--debug"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "[E093]" in err


def test_broken_pipe_ends_quietly():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = f"{sys.executable} -m mou_text parse {MOU / 'en.md'} | head -1; exit ${{PIPESTATUS[0]}}"
    run = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, env=env, timeout=120)
    assert run.stdout.count("\n") == 1 and "clauses" in run.stdout
    assert run.stderr == "" and run.returncode in (0, 141)  # 0 when the pipe buffer took it all


@pytest.mark.parametrize("command", [["check"], ["pair"], ["export-tm", "--xliff", "x.xlf"]])
def test_a_missing_file_is_never_read_as_text(command, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "en.md").write_text((MOU / "en.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert main([*command, "en.md", "es_final.doc"]) == 2
    err = capsys.readouterr().err
    assert "[E093]" in err and "es_final.doc" in err
    assert not (tmp_path / "x.xlf").exists()


def test_parse_a_missing_file_or_a_folder(capsys, tmp_path):
    assert main(["parse", "nosuchfile"]) == 2
    err = capsys.readouterr().err
    assert "[E093]" in err and "nosuchfile" in err and "German" not in err
    assert main(["parse", str(tmp_path)]) == 2
    assert "[E092]" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_input_is_named(capsys, tmp_path):
    p = tmp_path / "secret.md"
    p.write_text("x", encoding="utf-8")
    p.chmod(0)
    assert main(["parse", str(p)]) == 2
    assert "[E091]" in capsys.readouterr().err
