"""Build the desk into dist/MembershipDesk with PyInstaller (``make package``)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    return subprocess.call(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(ROOT / "dist"),
         "--workpath", str(ROOT / "build"), str(ROOT / "packaging" / "desk.spec")],
        cwd=ROOT,
    )


if __name__ == "__main__":
    raise SystemExit(main())
