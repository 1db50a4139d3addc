"""The .deb (installers/deb): metadata and layout, declared dependencies, and the package's
life with the real dpkg and debconf in a throwaway root: a silent install with preseeded
answers writes the machine configuration the application reads, an upgrade keeps it (and
any hand edit) and never touches user data, a purge removes it and says what it leaves."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import __version__
from desktop.services.machine_config import MachineConfig, load_machine_config
from tests.installer.debian_root import dpkg, make_root, preseed, require_debian_tools

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = {
    "hub_url": "https://hub.example.org:8443",
    "enrollment_code": "K7Q2-M4XD-9PLA-3ZTR",
    "device_name": "Lakeside clinic - reception",
    "model_channel": "pilot",
}
CONFIG = Path("etc/painbridge/painbridge.conf")


@pytest.fixture(scope="session")
def deb(frozen_bundle: Path, build_folder: Path) -> Path:
    require_debian_tools()
    result = subprocess.run(
        [
            "bash",
            str(ROOT / "installers" / "deb" / "build-deb.sh"),
            str(frozen_bundle),
            str(build_folder / "deb"),
        ],
        env={**os.environ, "DEB_COMPRESSION": "zstd"},  # fast; releases use xz
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return Path(result.stdout.splitlines()[-1])


@pytest.fixture
def root(tmp_path: Path) -> Iterator[Path]:
    yield make_root(tmp_path / "root")
    shutil.rmtree(tmp_path / "root", ignore_errors=True)  # 250 MB: not kept for later runs


def _field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def _install(root: Path, deb: Path) -> str:
    result = dpkg(root, "--install", str(deb))
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_package_metadata_and_layout(deb: Path) -> None:
    assert deb.name == f"painbridge_{__version__}_amd64.deb"
    assert _field(deb, "Package") == "painbridge"
    assert _field(deb, "Version") == __version__
    depends = _field(deb, "Depends")
    glibc = os.confstr("CS_GNU_LIBC_VERSION").split()[1]  # type: ignore[union-attr]
    assert f"libc6 (>= {glibc})" in depends
    for package in (
        "libgl1",
        "libegl1",
        "libxcb1",
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libxkbcommon-x11-0",
        "libfontconfig1",
        "libdbus-1-3",
    ):
        assert re.search(rf"(^|, ){re.escape(package)}(,|$| )", depends), package
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    entries = {
        line.split()[-1] if " -> " not in line else line.split()[-3]: line for line in listing
    }
    assert "./opt/painbridge/painbridge" in entries
    assert "-> /opt/painbridge/painbridge" in entries["./usr/bin/painbridge"]
    assert "./usr/share/applications/painbridge.desktop" in entries
    assert "./usr/share/icons/hicolor/scalable/apps/painbridge.svg" in entries
    assert "./usr/lib/painbridge/write-machine-config" in entries
    assert not any(name.startswith("./etc/") for name in entries)  # written by postinst
    assert all(" root/root " in line for line in listing)
    assert all("rwxrwxrwx" not in line or " -> " in line for line in listing)


def test_declared_dependencies_cover_the_libraries_the_bundle_loads(
    deb: Path, frozen_bundle: Path
) -> None:
    """Every library a bundled binary links to directly (DT_NEEDED) is in the bundle or
    belongs to a package the .deb declares (Depends/Recommends), or to one of their own
    dependencies (e.g. libGL.so.1 is libglx0's, which libgl1 depends on)."""
    declared = {
        alternative.split()[0]
        for field in ("Depends", "Recommends")
        for part in _field(deb, field).split(",")
        for alternative in part.split("|")
    }
    allowed = set(declared)
    for package in declared:
        query = subprocess.run(
            ["dpkg-query", "-W", "-f=${Depends},${Pre-Depends}", package],
            capture_output=True,
            text=True,
            check=False,
        )
        allowed |= {p.strip().split()[0] for p in re.split(r"[,|]", query.stdout) if p.strip()}
    internal = frozen_bundle / "_internal"
    binaries = [
        path
        for path in [frozen_bundle / "painbridge", *internal.rglob("*.so*")]
        if path.is_file() and not path.is_symlink()
    ]
    in_bundle = {path.name for path in internal.rglob("*.so*")}
    search = ":".join(sorted({str(p.parent) for p in internal.rglob("*.so*")}))
    system: dict[str, str] = {}  # soname -> path on this machine ("" when not installed)
    for binary in binaries:
        needed = re.findall(
            r"^\s*NEEDED\s+(\S+)",
            subprocess.run(
                ["objdump", "-p", str(binary)], capture_output=True, text=True, check=True
            ).stdout,
            re.MULTILINE,
        )
        outside = [soname for soname in needed if soname not in in_bundle]
        if not outside:
            continue
        ldd = subprocess.run(
            ["ldd", str(binary)],
            capture_output=True,
            text=True,
            check=False,
            env={"LD_LIBRARY_PATH": search, "PATH": os.environ["PATH"]},
        ).stdout
        for soname in outside:
            found = re.search(rf"^\s*{re.escape(soname)} => (/\S+)", ldd, re.MULTILINE)
            if found is None:  # the dynamic loader: "/lib64/ld-linux-x86-64.so.2 (0x...)"
                found = re.search(rf"^\s*(/\S*/{re.escape(soname)}) \(", ldd, re.MULTILINE)
            system[soname] = os.path.realpath(found.group(1)) if found else ""
    assert {"libc.so.6", "libxcb.so.1", "libfontconfig.so.1", "libcups.so.2"} <= set(system)
    # Wayland is optional (Recommends; Qt falls back to X11): it may be absent here.
    missing = sorted(n for n, path in system.items() if not path)
    assert all(n.startswith("libwayland-") for n in missing), missing
    undeclared = {}
    for soname, library in sorted(system.items()):
        if not library:
            continue
        owner = subprocess.run(
            ["dpkg-query", "-S", library], capture_output=True, text=True, check=False
        )
        if owner.returncode != 0:  # merged /usr: try the other spelling
            other = library.replace("/usr/lib/", "/lib/", 1)
            owner = subprocess.run(
                ["dpkg-query", "-S", other], capture_output=True, text=True, check=False
            )
        packages = {p.split(":")[0].strip() for p in owner.stdout.split(":", 1)[0].split(",")}
        if not packages & allowed:
            undeclared[soname] = packages
    assert undeclared == {}


def test_silent_install_with_preseeded_answers(root: Path, deb: Path) -> None:
    preseed(root, ANSWERS)
    output = _install(root, deb)
    assert f"painbridge: wrote {root / CONFIG}" in output
    config = root / CONFIG
    assert oct(config.stat().st_mode & 0o777) == "0o644"
    if os.geteuid() == 0:
        assert (config.stat().st_uid, config.stat().st_gid) == (0, 0)
    assert load_machine_config({"PAINBRIDGE_CONFIG": str(config)}) == MachineConfig(
        hub_url="https://hub.example.org:8443",
        enrollment_code="K7Q2-M4XD-9PLA-3ZTR",
        device_name="Lakeside clinic - reception",
        model_channel="pilot",
        source=str(config),
    )
    # The installed payload itself works (permissions, layout): the frozen self-test.
    run = subprocess.run(
        [
            "env",
            "-i",
            str(root / "opt" / "painbridge" / "painbridge"),
            "--self-test",
            "--temp-basedir",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_install_without_answers_presets_nothing(root: Path, deb: Path) -> None:
    _install(root, deb)
    config = root / CONFIG
    assert load_machine_config({"PAINBRIDGE_CONFIG": str(config)}) == MachineConfig(
        source=str(config)
    )


def test_upgrade_keeps_configuration_hand_edits_and_user_data(root: Path, deb: Path) -> None:
    preseed(root, ANSWERS)
    _install(root, deb)
    user_data = root / "home" / "clinician" / ".local" / "share" / "PainBridge"
    user_data.mkdir(parents=True)
    (user_data / "painbridge.db").write_bytes(b"encrypted store")
    config = root / CONFIG
    written = config.read_text(encoding="utf-8")

    _install(root, deb)  # the same version again: dpkg runs the upgrade path
    assert config.read_text(encoding="utf-8") == written
    assert (user_data / "painbridge.db").read_bytes() == b"encrypted store"

    edited = written.replace("model_channel = pilot", "model_channel = stable")
    config.write_text(edited, encoding="utf-8")
    output = _install(root, deb)
    assert "was edited by hand; keeping it" in output
    assert config.read_text(encoding="utf-8") == edited

    config.unlink()  # IT deletes the edited file and preseeds a new hub: it is applied
    preseed(root, {"hub_url": "https://new-hub.example.org"})
    _install(root, deb)
    assert load_machine_config({"PAINBRIDGE_CONFIG": str(config)}).hub_url == (
        "https://new-hub.example.org"
    )


def test_remove_then_purge(root: Path, deb: Path) -> None:
    preseed(root, ANSWERS)
    _install(root, deb)
    user_data = root / "home" / "clinician" / ".local" / "share" / "PainBridge"
    user_data.mkdir(parents=True)
    (user_data / "keys.json").write_text("{}", encoding="utf-8")

    removed = dpkg(root, "--remove", "painbridge")
    assert removed.returncode == 0, removed.stderr
    assert not (root / "opt" / "painbridge").exists()
    assert (root / CONFIG).exists()  # remove keeps the machine configuration

    purged = dpkg(root, "--purge", "painbridge")
    assert purged.returncode == 0, purged.stderr
    assert not (root / "etc" / "painbridge").exists()
    assert not (root / "var" / "lib" / "painbridge").exists()
    assert "~/.local/share/PainBridge" in purged.stderr
    assert "left in place on purpose" in purged.stderr
    assert (user_data / "keys.json").read_text(encoding="utf-8") == "{}"
    debconf_db = (root / "var" / "cache" / "debconf" / "config.dat").read_text("utf-8")
    assert "painbridge/hub_url" not in debconf_db
