"""Build the desk into dist/MembershipDesk with PyInstaller (``make package``)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from ui.i18n import compile_all

    compile_all()  # the .qm translations go into the build with resources/ (L2)
    return subprocess.call(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(ROOT / "dist"),
         "--workpath", str(ROOT / "build"), str(ROOT / "packaging" / "desk.spec")],
        cwd=ROOT,
    )


if __name__ == "__main__":
    raise SystemExit(main())
