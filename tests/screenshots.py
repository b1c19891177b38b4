"""Screenshots of the main screens and dialogs at the sizes a reception PC has (1024 x 768, 1366 x 768).

Run ``make screenshots`` (or ``python -m tests.screenshots OUT_DIR``): a demo database in a throwaway
data folder, the owner signed in, each screen grabbed offscreen into ``OUT_DIR/<size>/<name>.png``.
Not a test: a person looks at the pictures (clipped text, overlapping buttons, empty space).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZES = ((1024, 768), (1366, 768))
PROFILE = "C000036"  # a client whose renewal started in grace, with cards and invoices, in the demo


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def _grab(widget, app, file: Path) -> None:
    _settle(app)
    file.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(file))


def shoot(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MEMBERSHIP_DESK_HOME", tempfile.mkdtemp(prefix="desk-shots-"))
    from PySide6.QtWidgets import QApplication, QTabWidget

    from app.services import clients, invoices
    from ui.app import start

    window = start(["--demo"])
    app = QApplication.instance()
    saved: list[Path] = []

    def grab(widget, folder: Path, name: str) -> None:
        _grab(widget, app, folder / f"{name}.png")
        saved.append(folder / f"{name}.png")

    for width, height in SIZES:
        folder = out / f"{width}x{height}"
        window.resize(width, height)
        for area in [a.key for a in window.areas]:
            window.show_area(area)
            if area == "clients":
                window.screen(area).show_list()  # not the profile left open by the other size's pass
            grab(window, folder, area)
        settings = window.screen("settings")
        for row in range(settings.nav.count()):
            settings.nav.setCurrentRow(row)
            grab(window, folder, f"settings-{row:02d}")
        window.show_area(f"client:{PROFILE}")
        grab(window, folder, "profile")
        tabs = window.findChild(QTabWidget, "profileTabs")
        for index in range(1, tabs.count()):
            tabs.setCurrentIndex(index)
            grab(window, folder, f"profile-tab{index}")
        tabs.setCurrentIndex(0)
        client_id = window.ops.read(clients.find_by_code, PROFILE)
        from ui.selling.payment import PaymentDialog
        from ui.selling.sale import SaleDialog

        sale = SaleDialog(window.ops, client_id, parent=window)
        sale.show()
        grab(sale, folder, "sale")
        sale.close()
        listed = window.ops.read(invoices.client_invoices, client_id)["invoices"]
        for invoice_id in [row["id"] for row in listed][:1]:
            payment = PaymentDialog(window.ops, invoice_id, parent=window)
            payment.show()
            grab(payment, folder, "payment")
            payment.close()
    window.close()
    return saved


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    for path in shoot(target):
        print(path)
