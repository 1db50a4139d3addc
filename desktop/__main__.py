"""``python -m desktop`` runs the ``painbridge`` command."""

from desktop.cli import run

run()
