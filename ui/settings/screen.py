"""The owner's settings pages; each page saves its own fields in one action."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import languages, letters
from app.services import lists, settings
from app.services.versions import ChangedMeanwhile
from ui.forms import FieldErrors
from ui.i18n import term
from ui.ops import FAILED, OpChange, Ops
from ui.settings.drawers import CashDrawersPage
from ui.settings.lists import ListPage, UsersPage
from ui.settings.logo import LogoField
from ui.settings.server import BackupsNote, ServerPage

CHECKIN_NAMES = {"anyone": QT_TRANSLATE_NOOP("Terms", "Anyone"),
                 "any_membership": QT_TRANSLATE_NOOP("Terms", "Any client with a membership"),
                 "current_members": QT_TRANSLATE_NOOP("Terms", "Only current members")}

PAGES = [
    (QT_TRANSLATE_NOOP("Terms", "Business"), [
        ("business_name", QT_TRANSLATE_NOOP("Terms", "Business name"), "text"),
        ("business_address", QT_TRANSLATE_NOOP("Terms", "Address"), "multiline"),
        ("business_logo", QT_TRANSLATE_NOOP("Terms", "Logo"), "logo"),
        ("currency", QT_TRANSLATE_NOOP("Terms", "Currency"), "text"),
        ("tax_rate", QT_TRANSLATE_NOOP("Terms", "Tax rate %"), "text"),
        ("invoice_prefix", QT_TRANSLATE_NOOP("Terms", "Invoice number prefix"), "text"),
        ("language", QT_TRANSLATE_NOOP("Terms", "Language (each user may choose their own: File › Language…)"),
         "language"),
        ("draft_invoices", QT_TRANSLATE_NOOP("Terms", "Save membership invoices as drafts to edit before issuing"),
         "bool"),
    ]),
    (QT_TRANSLATE_NOOP("Terms", "Memberships and attendance"), [
        ("tolerance_days", QT_TRANSLATE_NOOP("Terms", "Grace days after a membership ends"), "int"),
        ("freeze_min_days", QT_TRANSLATE_NOOP("Terms", "Shortest freeze (days)"), "int"),
        ("freeze_max_days", QT_TRANSLATE_NOOP("Terms", "Longest freeze (days)"), "int"),
        ("freeze_max_days_per_year", QT_TRANSLATE_NOOP("Terms", "Freeze days a year at most"), "int"),
        ("checkin_policy", QT_TRANSLATE_NOOP("Terms", "Who may check in"), "checkin"),
        ("double_checkin_minutes",
         QT_TRANSLATE_NOOP("Terms", "Ask before a second check-in within (minutes; 0: never)"), "int"),
        ("makeup_days", QT_TRANSLATE_NOOP("Terms", "Days to use a makeup lesson"), "int"),
        ("credits_expiring_days", QT_TRANSLATE_NOOP("Terms", "Warn of credits expiring within (days)"), "int"),
        ("reminder_offsets", QT_TRANSLATE_NOOP("Terms", "Remind days before (+) or after (-) the end"), "offsets"),
        ("sibling_discount_pct", QT_TRANSLATE_NOOP("Terms", "Sibling discount % (second and later children)"), "text"),
    ]),
    (QT_TRANSLATE_NOOP("Terms", "Email"), [
        ("smtp_host", QT_TRANSLATE_NOOP("Terms", "SMTP server"), "text"),
        ("smtp_port", QT_TRANSLATE_NOOP("Terms", "Port"), "port"),
        ("smtp_user", QT_TRANSLATE_NOOP("Terms", "User"), "text"),
        ("smtp_password", QT_TRANSLATE_NOOP("Terms", "Password"), "password"),
        ("smtp_sender", QT_TRANSLATE_NOOP("Terms", "Sender address"), "text"),
        ("smtp_tls", QT_TRANSLATE_NOOP("Terms", "Use TLS"), "bool"),
        ("reminder_subject", QT_TRANSLATE_NOOP("Terms", "Reminder email subject"), "text"),
        ("reminder_body",
         QT_TRANSLATE_NOOP("Terms", "Reminder email text\nwith {client} {package}\n{ends} {business} {items}"),
         "template"),
    ]),
    (QT_TRANSLATE_NOOP("Terms", "Backups"),
     [("backups_keep", QT_TRANSLATE_NOOP("Terms", "Backup copies to keep"), "int")]),
]


class SettingsPage(QWidget):
    def __init__(self, ops: Ops, fields: list[tuple[str, str, str]], parent=None):
        super().__init__(parent)
        self.ops = ops
        self.fields = fields
        self.widgets: dict[str, QWidget] = {}
        self.versions: dict | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label puts its field below it
        self.errors = FieldErrors(form, QLabel())
        for key, label, kind in fields:
            widget = LogoField(ops, self.errors) if kind == "logo" else _editor(kind)
            widget.setObjectName(key)
            self.widgets[key] = widget
            self.errors.add_row(term(label) if kind != "bool" else "", key, widget)
            if kind == "bool":
                widget.setText(term(label))
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        line = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"), default=True)
        self.saved = QLabel(objectName="clientCount")
        line.addWidget(self.save_button)
        line.addWidget(self.saved)
        line.addStretch(1)
        layout.addLayout(line)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def load(self, values: dict, versions: dict | None = None) -> None:
        self.versions = versions  # as read with the values: a save after another PC's is refused (D7)
        self.language = values.get("language")
        for key, _label, kind in self.fields:  # a default letter text in the business's language
            _set(self.widgets[key], kind, letters.shown(key, values[key], self.language))

    def values(self) -> dict:
        return {key: letters.kept(key, _get(self.widgets[key], kind), self.language)
                for key, _label, kind in self.fields
                if kind != "logo"}  # the logo is saved by its own Browse… (copied and checked)

    def save(self) -> None:
        self.errors.clear()
        self.saved.clear()
        before, values = self.language, self.values()  # the page reloads when the save is announced
        saved = self.ops.run(settings.update_settings, values, self.versions, parent=self,
                             on_error=self._refused, done=self.tr("Settings saved"))
        if saved is not FAILED:
            if "currency" in saved:  # money on this PC's screens shows the new symbol from now on
                languages.use(languages.current(), saved["currency"])
            self.saved.setText(self.tr("Saved. The new language takes effect after a restart.")
                               if values.get("language", before) != before else self.tr("Saved."))
            self.versions = self.ops.read(settings.read_versions)  # this save is the one to build on

    def _refused(self, err) -> None:
        if isinstance(err, ChangedMeanwhile):  # show what the other PC saved
            self.load(self.ops.read(settings.read_settings), self.ops.read(settings.read_versions))
        self.errors.show(err)


def _editor(kind: str) -> QWidget:
    if kind == "bool":
        return QCheckBox()
    if kind in ("int", "port"):
        spin = QSpinBox(minimum=0, maximum=65535 if kind == "port" else 366)
        spin.setMaximumWidth(110)
        return spin
    if kind in ("multiline", "template"):
        editor = QPlainTextEdit()
        editor.setMaximumHeight(70 if kind == "multiline" else 150)
        return editor
    if kind == "language":
        combo = QComboBox()
        for code in languages.SHIPPED:
            combo.addItem(languages.NAMES[code], code)  # each in its own words
        return combo
    if kind == "checkin":
        combo = QComboBox()
        for value, name in CHECKIN_NAMES.items():
            combo.addItem(term(name), value)
        return combo
    editor = QLineEdit()
    if kind == "password":
        editor.setEchoMode(QLineEdit.EchoMode.Password)
    if kind == "offsets":
        editor.setPlaceholderText("7, 1, -3")
    return editor


def _set(widget: QWidget, kind: str, value) -> None:
    if kind == "bool":
        widget.setChecked(bool(value))
    elif kind in ("int", "port"):
        widget.setValue(int(value))
    elif kind in ("multiline", "template"):
        widget.setPlainText(str(value))
    elif kind in ("checkin", "language"):
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif kind == "offsets":
        widget.setText(", ".join(str(v) for v in value))
    elif kind == "logo":
        widget.show_logo(value)
    else:
        widget.setText(str(value))


def _get(widget: QWidget, kind: str):
    if kind == "bool":
        return widget.isChecked()
    if kind in ("int", "port"):
        return widget.value()
    if kind in ("multiline", "template"):
        return widget.toPlainText()
    if kind in ("checkin", "language"):
        return widget.currentData()
    if kind == "offsets":
        return [part.strip() for part in widget.text().replace(";", ",").split(",") if part.strip()]
    return widget.text()


NAV_WIDTH = 190  # a long page title wraps onto two lines


class SettingsScreen(QWidget):
    """Pages listed on the left (they are too many for tabs), the chosen one on the right."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.addWidget(QLabel(self.tr("Settings"), objectName="areaTitle"))
        self.nav = QListWidget(objectName="settingsNav")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.pages = [SettingsPage(ops, fields) for _title, fields in PAGES]
        self.lists = {kind: CashDrawersPage(ops) if kind == "cash_drawers" else ListPage(ops, kind)
                      for kind in lists.LISTS}
        self.users = UsersPage(ops)
        self.server = ServerPage(ops)
        backups = self.pages[[title for title, _fields in PAGES].index("Backups")]
        backups.layout().insertWidget(0, BackupsNote(ops))
        titles = [title for title, _fields in PAGES] + [spec.title for spec in lists.LISTS.values()] + [
            QT_TRANSLATE_NOOP("Terms", "Users"), QT_TRANSLATE_NOOP("Terms", "Database server")]
        for title, page in zip(titles, [*self.pages, *self.lists.values(), self.users, self.server], strict=True):
            self.nav.addItem(term(title))
            self.stack.addWidget(page)
        self.nav.setWordWrap(True)  # a long page title takes two lines: the lists beside keep their columns
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
        self.ops.changed.connect(self._on_changed)
        self.reload()

    def page_titles(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def open_page(self, page: QWidget) -> None:
        self.nav.setCurrentRow(self.stack.indexOf(page))

    def reload(self) -> None:
        values, versions = self.ops.read(settings.read_settings), self.ops.read(settings.read_versions)
        for page in self.pages:
            page.load(values, versions)

    def _on_changed(self, change: OpChange) -> None:
        if change.changes.touches("settings"):
            self.reload()
