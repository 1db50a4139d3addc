"""Child process for test_store_crash.py: save cases in a loop until killed.

Usage: python crash_writer.py HOME ROUND   (IT recovery private key, hex, on stdin)

Prints ``ready`` once unlocked, then ``committed <case_id> <sha256>`` after each
add_version has returned (i.e. after COMMIT), flushing every line, so the parent knows
exactly which saves were acknowledged before it sent SIGKILL.
"""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

from desktop.store import Home, open_store_with_recovery


def main() -> None:
    home, round_number = Home(Path(sys.argv[1])), int(sys.argv[2])
    private_key = bytes.fromhex(sys.stdin.readline().strip())
    rng = random.Random(round_number)
    store = open_store_with_recovery(home, private_key)
    print("ready", flush=True)
    number = 0
    while True:
        case_id = f"r{round_number}-c{number}"
        if number % 4 == 3:  # now and then a second version of an earlier case
            case_id = f"r{round_number}-c{number - 2}"
        document = {
            "round": round_number,
            "number": number,
            "nrs": rng.randint(0, 10),
            "history": "".join(rng.choice("abcdefghij ") for _ in range(rng.randint(50, 3000))),
        }
        stored = store.add_version(
            case_id,
            document,
            actor="crash-writer",
            pseudonym=f"PB-{case_id}",
            patient_name=f"Patient {case_id}",
            assessment_date=date(2025, 1, 1),
            announce=number % 3 != 0,
        )
        print(f"committed {stored.case_id} {stored.sha256}", flush=True)
        number += 1


if __name__ == "__main__":
    main()
