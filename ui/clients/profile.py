"""A client's profile: details, family, membership badge, sales and invoices with the balance due."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.languages import date_text, left_to_right
from app.services import cards, clients, families, invoices, programs, sales
from app.services.access import Right
from app.services.status import LABELS
from ui.clients.cards import CardsPanel
from ui.clients.picker import ClientPicker
from ui.credits.statement import CreditsPanel
from ui.elided import ElidedLabel
from ui.i18n import term
from ui.models.rows import RowsModel
from ui.money import STANDING_COLOURS, money_text, price_text
from ui.ops import FAILED, OpChange, Ops
from ui.tables import list_view

PHOTO_SIZE = 96
# tables whose rows belong to one client (a bulk write of them may concern this one), and the
# shared lists a profile is drawn with (a change there concerns every profile)
CLIENT_TABLES = ("clients", "memberships", "freezes", "visits", "makeups", "invoices", "invoice_lines",
                 "payments", "enrolments", "credit_grants", "credit_uses", "credit_allocations",
                 "service_occurrences")
SHOWN_WITH = ("families", "payments", "attendance_statuses", "client_categories", "settings", "groups",
              "programs", "credit_types")
KIND_LABELS = {"membership": QT_TRANSLATE_NOOP("Terms", "Membership"),
               "lesson_pack": QT_TRANSLATE_NOOP("Terms", "Lesson pack"),
               "credits": QT_TRANSLATE_NOOP("Terms", "Credits")}


def _date(value) -> str:
    return date_text(value) if value else ""


class FamilyCard(QFrame):
    """The family: its payer and members (one click opens a member), and the buttons to change it."""

    open_client = Signal(int)

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent, objectName="card")
        self.ops = ops
        self.client_id: int | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(objectName="cardTitle")
        self.members = QVBoxLayout()
        self.members.setSpacing(2)
        buttons = QGridLayout()
        self.add_button = QPushButton(self.tr("Add member…"))
        self.payer_button = QPushButton(self.tr("Make payer"))
        self.leave_button = QPushButton(self.tr("Leave family"))
        for position, button in enumerate((self.add_button, self.payer_button, self.leave_button)):
            button.setVisible(ops.actor.may(Right.EDIT_CLIENTS))
            buttons.addWidget(button, position // 2, position % 2)
        layout.addWidget(self.heading)
        layout.addLayout(self.members)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_member)
        self.payer_button.clicked.connect(lambda: self.ops.run(families.set_payer, self.client_id, parent=self))
        self.leave_button.clicked.connect(lambda: self.ops.run(families.leave_family, self.client_id, parent=self))

    def show_client(self, client_id: int) -> None:
        self.client_id = client_id
        family = self.ops.read(families.family_of, client_id)
        while self.members.count():
            item = self.members.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if family is None:
            self.heading.setText(self.tr("Family"))
            note = QLabel(self.tr("Not in a family. Add a parent, child or sibling to group them under one payer."),
                          objectName="emptyNote")
            note.setWordWrap(True)
            self.members.addWidget(note)
        else:
            self.heading.setText(self.tr("Family {name}").format(name=family["name"]))
            for member in family["members"]:
                text = member["name"] + (self.tr("  · payer") if member["payer"] else "")
                link = QPushButton(text, objectName="memberLink", flat=True)
                link.setEnabled(member["id"] != client_id)
                link.clicked.connect(lambda _=False, mid=member["id"]: self.open_client.emit(mid))
                self.members.addWidget(link)
        in_family = family is not None
        self.payer_button.setEnabled(in_family and family["payer_id"] != client_id)
        self.leave_button.setEnabled(in_family)

    def add_member(self) -> None:
        member = ClientPicker.choose(self.ops, self.tr("Add to the family"), self)
        if member is not None:
            self.ops.run(families.add_to_family, self.client_id, member, parent=self)


class GroupsCard(QFrame):
    """The groups the client attends (or waits for), with Enrol… and Leave for the receptionist."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent, objectName="card")
        self.ops = ops
        self.client_id: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Groups"), objectName="cardTitle"))
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        self.enrol_button = QPushButton(self.tr("Enrol in a group…"))
        self.enrol_button.clicked.connect(self.enrol)
        layout.addWidget(self.enrol_button)

    def show_client(self, client_id: int) -> None:
        self.client_id = client_id
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.layout():
                while item.layout().count():
                    inner = item.layout().takeAt(0)
                    if inner.widget():
                        inner.widget().deleteLater()
            elif item.widget():
                item.widget().deleteLater()
        groups = self.ops.read(programs.client_groups, client_id)
        if not groups:
            self.rows.addWidget(QLabel(self.tr("Not in any group."), objectName="emptyNote"))
        for group in groups:
            line = QHBoxLayout()
            text = f"{group['program']} · {group['name']}" + (self.tr("  (waiting list)") if group["waiting"] else "")
            label = QLabel(text)
            label.setWordWrap(True)
            leave = QPushButton(self.tr("Leave"))
            leave.clicked.connect(lambda _=False, gid=group["id"]: self.ops.run(
                programs.leave_group, gid, self.client_id, parent=self))
            line.addWidget(label, 1)
            line.addWidget(leave)
            self.rows.addLayout(line)

    def enrol(self) -> None:
        groups = self.ops.read(programs.list_groups)
        names = [f"{g['program']} · {g['name']}" for g in groups]
        if not names:
            QMessageBox.information(self, self.tr("No groups"), self.tr("The owner has not set up any groups yet."))
            return
        chosen, ok = QInputDialog.getItem(self, self.tr("Enrol in a group"), self.tr("Group:"), names, 0, False)
        if ok:
            result = self.ops.run(programs.enrol, groups[names.index(chosen)]["id"], self.client_id, parent=self)
            if result is not FAILED and result["waiting"]:
                QMessageBox.information(self, self.tr("Waiting list"),
                                        self.tr("The group is full: the client is on its waiting list."))


class ClientProfile(QWidget):
    back = Signal()
    edit_requested = Signal(int)
    sell_requested = Signal(int)
    invoice_requested = Signal(int)

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.client_id: int | None = None
        self._stale = False  # a change came while hidden or while cards were being edited
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        top = QHBoxLayout()
        back = QPushButton(self.tr("← All clients"))
        back.clicked.connect(lambda: self.may_leave() and self.back.emit())
        self.title = ElidedLabel(objectName="areaTitle")  # a long name gives way, the buttons stay
        self.code = QLabel(objectName="clientCode")
        self.badge = ElidedLabel(objectName="membershipBadge")  # heads the left column: the name keeps the top row
        self.sell = QPushButton(self.tr("Sell…"), objectName="primary")
        self.sell.setVisible(ops.actor.may(Right.SELL))
        self.sell.clicked.connect(lambda: self.sell_requested.emit(self.client_id))
        self.card = QPushButton(self.tr("Member card…"))
        self.card.clicked.connect(self.save_card)
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setVisible(ops.actor.may(Right.EDIT_CLIENTS))
        self.edit.clicked.connect(lambda: self.edit_requested.emit(self.client_id))
        for widget in (back, None, self.title, self.code):
            top.addSpacing(16) if widget is None else top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.sell)
        top.addWidget(self.card)
        top.addWidget(self.edit)
        layout.addLayout(top)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.details = QFormLayout()
        self.fields = {}
        for key, label in [("phone", self.tr("Phone")), ("email", self.tr("Email")),
                           ("birth_date", self.tr("Birth date")), ("category", self.tr("Category")),
                           ("guardian_name", self.tr("Guardian")), ("guardian_phone", self.tr("Guardian's phone")),
                           ("notes", self.tr("Notes"))]:
            value = QLabel(objectName=f"profile_{key}")
            value.setTextFormat(Qt.TextFormat.PlainText)  # the client's own text (D8)
            value.setWordWrap(True)
            self.fields[key] = value
            name = QLabel(label)
            name.setWordWrap(True)  # "Законный представитель" on two lines: the values keep the card's width
            self.details.addRow(name, value)
        details = QFrame(objectName="card")
        details_box = QVBoxLayout(details)  # the photo above the details: the values get the card's width
        photo_box = QHBoxLayout()
        self.photo = QLabel(objectName="clientPhoto")
        self.photo.setFixedSize(PHOTO_SIZE, PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_button = QPushButton(self.tr("Photo…"))
        self.photo_button.setVisible(ops.actor.may(Right.EDIT_CLIENTS))
        self.photo_button.clicked.connect(self.choose_photo)
        photo_box.addWidget(self.photo)
        photo_box.addWidget(self.photo_button, 0, Qt.AlignmentFlag.AlignBottom)
        photo_box.addStretch(1)
        details_box.addLayout(photo_box)
        details_box.addLayout(self.details, 1)
        self.family = FamilyCard(ops)
        self.family.open_client.connect(lambda client_id: self.may_leave() and self.show_client(client_id))
        self.groups = GroupsCard(ops)
        self.groups.setVisible(ops.actor.may(Right.ENROL))
        left.addWidget(self.badge)
        left.addWidget(details)
        left.addWidget(self.family)
        left.addWidget(self.groups)
        left.addStretch(1)
        holder = QWidget()
        holder.setLayout(left)
        holder.setFixedWidth(340)  # leaves the cards room at 1024 px
        body.addWidget(holder)
        body.addWidget(self._tabs(), 1)
        layout.addLayout(body, 1)
        ops.changed.connect(self._on_changed)

    def _tabs(self) -> QTabWidget:
        self.tabs = QTabWidget(objectName="profileTabs")
        self.undo_stack = QUndoStack(self)
        cards_page = QWidget()
        cards_box = QVBoxLayout(cards_page)
        cards_box.setContentsMargins(4, 4, 4, 4)
        self.cards = CardsPanel(self.ops, self.undo_stack)
        undo_row = QHBoxLayout()
        self.cards_hint = QLabel(objectName="emptyNote")
        self.cards_hint.setWordWrap(True)
        undo_row.addWidget(self.cards_hint, 1)
        self.undo_button = QPushButton(self.tr("Undo move"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.edit_cards = QPushButton(self.tr("Edit cards"))
        self.edit_cards.clicked.connect(self.cards.start_editing)
        self.save_cards = QPushButton(self.tr("Save"), objectName="primary")
        self.save_cards.clicked.connect(self.cards.save_edits)
        self.cancel_cards = QPushButton(self.tr("Cancel"))
        self.cancel_cards.clicked.connect(self.cards.cancel_editing)
        for button in (self.undo_button, self.edit_cards, self.save_cards, self.cancel_cards):
            undo_row.addWidget(button)
        self.cards.editing_changed.connect(self._cards_mode)
        self._cards_mode(False)
        cards_box.addLayout(undo_row)
        cards_box.addWidget(self.cards, 1)
        undo = QAction(self.tr("Undo"), self, shortcut=QKeySequence.StandardKey.Undo)
        undo.triggered.connect(self.undo_stack.undo)
        self.addAction(undo)
        self.tabs.addTab(cards_page, self.tr("Membership cards"))
        self.sales_model = RowsModel([
            ("package", QT_TRANSLATE_NOOP("Terms", "Package")),
            ("kind", QT_TRANSLATE_NOOP("Terms", "Kind"), lambda r: term(KIND_LABELS[r["kind"]])),
            ("start", QT_TRANSLATE_NOOP("Terms", "From"), lambda r: _date(r["start"])),
            ("end", QT_TRANSLATE_NOOP("Terms", "Until"), lambda r: _date(r["end"])),
            ("status", QT_TRANSLATE_NOOP("Terms", "Status"), lambda r: term(LABELS[r["status"]])),
            ("lessons", QT_TRANSLATE_NOOP("Terms", "Lessons"),
             lambda r: f"{r['used']}/{r['size']}" if r["size"] else ""),
            ("price", QT_TRANSLATE_NOOP("Terms", "Price"), lambda r: money_text(r["price"])),
            ("invoice", QT_TRANSLATE_NOOP("Terms", "Invoice")),
        ], self, right=("price", "lessons"),
            colour=lambda r, k: STANDING_COLOURS[r["status"]].name() if k == "status" else None)
        self.sales_view = list_view(self.sales_model, "salesTable", fit=True)
        self.sales_view.activated.connect(self._open_sale_invoice)
        self.tabs.addTab(self.sales_view, self.tr("Sales"))
        self.money_page = None
        self.money_shown_for = None
        if self.ops.actor.may(Right.VIEW_MONEY):
            money = self.money_page = QWidget()
            box = QVBoxLayout(money)
            self.balance = QLabel(objectName="balanceDue")
            self.invoices_model = RowsModel([
                ("number", QT_TRANSLATE_NOOP("Terms", "Number")),
                ("date", QT_TRANSLATE_NOOP("Terms", "Date"), lambda r: _date(r["date"])),
                ("for", QT_TRANSLATE_NOOP("Terms", "For")),
                ("total", QT_TRANSLATE_NOOP("Terms", "Total"), lambda r: money_text(r["total"])),
                ("paid", QT_TRANSLATE_NOOP("Terms", "Paid"), lambda r: money_text(r["paid"])),
                ("balance", QT_TRANSLATE_NOOP("Terms", "Due"), lambda r: money_text(r["balance"])),
                ("state", QT_TRANSLATE_NOOP("Terms", "State")),
            ], self, right=("total", "paid", "balance"),
                colour=lambda r, k: "#b03a2e" if k == "balance" and r["balance"] > 0 else None)
            self.invoices_view = list_view(self.invoices_model, "invoicesTable", fit=True)
            self.invoices_view.activated.connect(
                lambda index: self.invoice_requested.emit(self.invoices_model.row_id(index.row())))
            box.addWidget(self.balance)
            box.addWidget(self.invoices_view, 1)
            self.tabs.addTab(money, self.tr("Invoices and balance"))
        self.credits = None
        if self.ops.actor.may(Right.USE_CREDITS):  # a teacher sees no credits
            self.credits = CreditsPanel(self.ops)
            credits_tab = self.tabs.addTab(self.credits, self.tr("Credits"))
            self.credits.flagged.connect(lambda on: self.tabs.setTabText(
                credits_tab, self.tr("Credits ⚠") if on else self.tr("Credits")))
        self.tabs.currentChanged.connect(lambda _i: self._show_money())
        return self.tabs

    def may_leave(self) -> bool:
        """Unsaved card changes are not dropped without asking."""
        if not (self.cards.editing and self.cards.edits):
            return True
        answer = QMessageBox.question(self, self.tr("Unsaved changes"),
                                      self.tr("Discard the changes to the cards that are not saved?"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.cards.cancel_editing()
        return True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._refresh_if_stale()

    def _cards_mode(self, editing: bool) -> None:
        """Normal mode: drag visits, undo moves, "Edit cards". Edit mode: Save and Cancel."""
        if not editing:
            QTimer.singleShot(0, self._refresh_if_stale)  # what changed meanwhile, once the edits are done
        may_edit = self.ops.actor.may(Right.SELL)
        self.cards_hint.setText(self.tr(
            "Change dates, price or description under each card; click a visit to change its status or date. "
            "Save applies everything at once; Cancel returns to the last saved state.") if editing else self.tr(
            "Drag a visit to another card or to the unpaid visits to move it."))
        self.undo_button.setVisible(not editing)
        self.edit_cards.setVisible(may_edit and not editing)
        self.save_cards.setVisible(editing)
        self.cancel_cards.setVisible(editing)

    def _open_sale_invoice(self, index) -> None:
        invoice_id = self.sales_model.rows[index.row()]["invoice_id"]
        if invoice_id is not None and self.ops.actor.may(Right.VIEW_MONEY):
            self.invoice_requested.emit(invoice_id)

    def show_client(self, client_id: int) -> None:
        self.client_id = client_id
        self._stale = False
        client = self.ops.read(clients.get_client, client_id)
        self.title.setText(client["name"])
        self.code.setText(client["code"] + (self.tr("  · archived") if client["archived"] else ""))
        categories = dict(self.ops.read(clients.categories))
        client["category"] = categories.get(client["category_id"], "")
        for key, label in self.fields.items():
            value = client[key]
            text = date_text(value) if hasattr(value, "strftime") else (value or "—")
            label.setText(left_to_right(text) if key in ("phone", "guardian_phone", "email") else text)
        if client_id != self.cards.client_id:
            self.undo_stack.clear()  # moves are undone on the profile they were made on
        self.family.show_client(client_id)
        view = self.ops.read(cards.client_cards, client_id)  # one read for the cards and the sales tab
        self.cards.show_client(client_id, view)
        if self.groups.isVisibleTo(self):
            self.groups.show_client(client_id)
        self._show_photo(client["photo"])
        self.sales_model.set_rows(view["cards"])
        shown = self.ops.read(sales.standing, client_id)  # M8: as the lists and check-in see it
        if shown["membership_id"] is None:
            self.badge.setText(self.tr("No membership"))
            colour = STANDING_COLOURS["none"]
        else:
            self.badge.setText(self.tr("{package} · {status} until {end}").format(
                package=shown["package"], status=term(LABELS[shown["status"]]).lower(), end=_date(shown["end"])))
            colour = STANDING_COLOURS[shown["status"]]
        self.badge.setStyleSheet(f"color: white; background: {colour.name()}; border-radius: 9px; padding: 2px 10px;")
        if self.credits is not None:
            self.credits.show_client(client_id)  # K7 flags show on the tab's title
        self.money_shown_for = None
        self._show_money()

    def _show_money(self) -> None:
        """The invoices tab, read when it is in front (a profile opens on its cards, and fast)."""
        if (not self.ops.actor.may(Right.VIEW_MONEY) or self.tabs.currentWidget() is not self.money_page
                or self.money_shown_for == self.client_id):
            return
        self.money_shown_for = self.client_id
        money = self.ops.read(invoices.client_invoices, self.client_id)
        self.invoices_model.set_rows(money["invoices"])
        text = self.tr("Balance due: {amount}").format(amount=price_text(money["balance"]))
        if money["family_balance"] is not None:
            text += self.tr("   ·   whole family: {amount}").format(amount=price_text(money["family_balance"]))
        self.balance.setText(text)

    def _show_photo(self, stored: str) -> None:
        path = clients.photo_path(stored)
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))
        else:
            self.photo.setPixmap(pixmap.scaled(PHOTO_SIZE, PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))

    def choose_photo(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a photo"), str(Path.home()),
                                                self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if chosen:
            self.ops.run(clients.set_photo, self.client_id, chosen, parent=self)

    def save_card(self, path: str | None = None):
        """X3: this client's member card as a PDF (print it on card stock, or ten to a page)."""
        from ui.clients.transfer import save_member_cards

        return save_member_cards(self.ops, self, [self.client_id], path,
                                 suggested=f"card-{self.code.text().split()[0]}.pdf")

    def concerns(self, change: OpChange) -> bool:
        """Only what this client's profile shows: their rows, or the lists it is drawn with."""
        return self.client_id is not None and (
            change.changes.concerns_client(self.client_id, *CLIENT_TABLES) or change.changes.touches(*SHOWN_WITH))

    def _on_changed(self, change: OpChange) -> None:
        if not self.concerns(change):
            return
        editing_elsewhere = self.cards.editing and change.initiator is not self.cards  # not the edits' own save
        if not self.isVisible() or editing_elsewhere:  # never under the user's edits: after them
            self._stale = True
            return
        self.show_client(self.client_id)

    def _refresh_if_stale(self) -> None:
        if self._stale and self.client_id is not None and self.isVisible() and not self.cards.editing:
            self.show_client(self.client_id)
