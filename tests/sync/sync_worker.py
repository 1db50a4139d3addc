"""Child process for test_kill.py: sync the clinic's outbox until killed or done.

Usage: python -m tests.sync.sync_worker HOME   (IT recovery private key, hex, on stdin)

Prints ``ready`` once unlocked, then ``round <sent> <duplicates>`` after each sync round,
and ``done`` when nothing is queued any more.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.services.sync import SyncService
from desktop.store import Home, OutboxState, open_store_with_recovery
from sync.transport import Timeouts
from tests.sync.support import connector


def main() -> None:
    home = Home(Path(sys.argv[1]))
    private_key = bytes.fromhex(sys.stdin.readline().strip())
    store = open_store_with_recovery(home, private_key)
    timeouts = Timeouts(connect=1.0, read=1.0, write=1.0, pool=1.0)
    sync = SyncService(
        store,
        actor="worker",
        connect=connector(timeouts=timeouts),
        max_failures=20,
        sleep=lambda seconds: None,
    )
    print("ready", flush=True)
    while store.stats().outbox[OutboxState.PENDING]:
        report = sync.sync_now(update_models=False)
        print(f"round {report.sent} {report.duplicates}", flush=True)
    print("done", flush=True)
    store.close()


if __name__ == "__main__":
    main()
