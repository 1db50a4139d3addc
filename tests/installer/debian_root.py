"""A throwaway Debian root for installing the .deb with the real dpkg and debconf, without
touching the machine: ``dpkg --root`` with the maintainer scripts run outside a chroot
(``--force-script-chrootless``; they honour ``$DPKG_ROOT``) and debconf's databases inside
the root (debconf reads ``$DPKG_ROOT/etc/debconf.conf`` when ``DPKG_ROOT`` is set). Works
as root and, with ``--force-not-root``, as any user. Dependencies are not installed into
the root (``--force-depends``): only the package's own files and scripts are exercised."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

DEBCONF_CONF = """\
Config: configdb
Templates: templatedb

Name: configdb
Driver: File
Mode: 644
Filename: /var/cache/debconf/config.dat

Name: templatedb
Driver: File
Mode: 644
Filename: /var/cache/debconf/templates.dat
"""


def require_debian_tools() -> None:
    for tool in ("dpkg", "dpkg-deb", "debconf-set-selections"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (a Debian/Ubuntu system is needed)")


def make_root(root: Path) -> Path:
    for folder in (
        "var/lib/dpkg/info",
        "var/lib/dpkg/updates",
        "var/lib/dpkg/triggers",
        "var/cache/debconf",
        "etc",
    ):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name in ("status", "available"):
        (root / "var/lib/dpkg" / name).touch()
    (root / "etc" / "debconf.conf").write_text(DEBCONF_CONF, encoding="utf-8")
    return root


def _environment(root: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
        "HOME": str(root),
        "LANG": "C.UTF-8",
        "DEBIAN_FRONTEND": "noninteractive",
        "DPKG_ROOT": str(root),
    }


def preseed(root: Path, answers: Mapping[str, str]) -> None:
    """debconf-set-selections into the root's database: {'hub_url': 'https://...'}."""
    kinds = {"model_channel": "select"}
    lines = "".join(
        f"painbridge painbridge/{key} {kinds.get(key, 'string')} {value}\n"
        for key, value in answers.items()
    )
    subprocess.run(
        ["debconf-set-selections"],
        input=lines,
        text=True,
        env=_environment(root),
        check=True,
        capture_output=True,
    )


def dpkg(root: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    environment = _environment(root)
    del environment["DPKG_ROOT"]  # dpkg sets it for the maintainer scripts
    return subprocess.run(
        [
            "dpkg",
            f"--root={root}",
            "--force-not-root",
            "--force-script-chrootless",
            "--force-depends",
            "--log=/dev/null",
            *argv,
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
