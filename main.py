"""Kehu (客户经营助手): with no command the window opens; commands do batch work.

    python main.py [--archive PATH]      the window
    python main.py <command> --help      a command's own help
    python main.py --self-test           same as the self-test command (kehu --self-test)
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--self-test"]:        # the installed program: kehu --self-test
        argv[0] = "self-test"
    from cli import run_cli, is_cli
    if is_cli(argv):
        return run_cli(argv)
    from gui.main_window.app import run_window
    return run_window(argv)


if __name__ == "__main__":
    sys.exit(main())
