"""A command whose reader goes away (``... | head -1``) stops quietly."""
import os
import subprocess
import sys
from pathlib import Path

from model.demo import demo

ROOT = Path(__file__).resolve().parents[2]


def test_a_closed_pipe_ends_the_command_without_a_traceback(tmp_path):
    path = tmp_path / "d.kehu"
    demo.build_demo(path, customers=300, seed=2)
    out = tmp_path / "big.csv"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}
    # 'promotions' prints a line per plan and the comparison; 'head -c 1' leaves after one byte.
    command = f"{sys.executable} main.py promotions {path} | head -c 1 > {out}"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
