"""The one place that binds sqlite-utils to SQLCipher.

sqlite-utils imports ``pysqlite3`` in preference to the standard ``sqlite3`` and uses that
module's exception classes (``OperationalError`` in ``query()``'s RETURNING handling,
``table.drop(ignore=True)``...). sqlcipher3 raises its own classes, so sqlcipher3 and its
``dbapi2`` are registered under the ``pysqlite3`` names *before* sqlite_utils is first
imported. Every other store module imports sqlite-utils and the DB-API from here.
"""

from __future__ import annotations

import sys

import sqlcipher3
from sqlcipher3 import dbapi2

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", dbapi2)

# sqlite-utils imports pandas and numpy when they are installed (only to insert DataFrames
# and numpy scalars, which the store never does: it writes JSON text and Python values).
# Where the training extra brought pandas in, that cost ~0.4 s at every start, numpy alone
# ~70 ms. Hide them while sqlite-utils loads, unless something already loaded them.
_HIDDEN = [name for name in ("pandas", "numpy") if name not in sys.modules]
for _name in _HIDDEN:
    sys.modules[_name] = None  # type: ignore[assignment]  # import numpy -> ImportError
try:
    import sqlite_utils
    import sqlite_utils.utils
finally:
    for _name in _HIDDEN:
        del sys.modules[_name]


def _check_binding() -> None:
    """Fail loudly if sqlite_utils was imported first and bound to stdlib sqlite3."""
    if getattr(sqlite_utils.utils, "dbapi2", None) is not dbapi2:  # pragma: no cover
        raise ImportError(
            "sqlite_utils was imported before desktop.store.driver, so it is bound to the "
            "standard sqlite3 module instead of SQLCipher; import desktop.store first"
        )


_check_binding()

SqliteUtilsDatabase = sqlite_utils.Database
Connection = dbapi2.Connection
DatabaseError = dbapi2.Error

__all__ = ["Connection", "DatabaseError", "SqliteUtilsDatabase", "dbapi2", "sqlcipher3"]
