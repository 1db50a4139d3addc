"""The hub service (FastAPI): enrollment, uploads, review, changes feed, model repository.

Needs the ``hub`` extra (fastapi, uvicorn, sqlalchemy, tuf, psycopg). Clinic code never
imports this package; clinic and hub share only :mod:`sync.protocol`. Storage goes through
SQLAlchemy Core: an embedded SQLite file by default, PostgreSQL when given a URL.
See docs/hub.md.
"""
