"""``python -m desktop`` runs the ``painbridge`` command."""

from desktop.cli import run

if __name__ == "__main__":
    run()
