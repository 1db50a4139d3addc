"""Entry script of the frozen application (PyInstaller): the ``painbridge`` command.

``painbridge`` alone opens the desktop application; every command of docs/cli.md works;
``painbridge --self-test`` is the smoke test of the build.
"""

from desktop.cli import run

if __name__ == "__main__":
    run()
