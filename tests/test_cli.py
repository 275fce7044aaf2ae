from __future__ import annotations

import subprocess
import sys

import pytest

from geo.cli import main


def test_version_flag_prints_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "diplomap 0.1.0" in capsys.readouterr().out


def test_python_dash_m_geo_runs_the_cli() -> None:
    out = subprocess.run([sys.executable, "-m", "geo", "--help"], capture_output=True, text=True, check=True)
    assert "extract" in out.stdout and "map" in out.stdout


def test_unknown_command_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
