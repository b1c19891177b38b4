"""The filter bar over a report: only the filters its ReportDef uses (period with presets, package,
client, status, program/group, N days). A bad choice (a period ending before it starts, an unknown
client) is a plain message under the bar, and nothing runs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from app.errors import DomainError
from app.languages import date_edit_format
from app.reports.base import Filters, Period
from app.services import catalogue, clients, programs
from app.models import PackageKind
from app.services.status import Status
from ui.forms import pydate, qdate

PRESETS = ("this_month", "last_month", "this_year", "custom")
ALIASES = {"package_id": "package", "client_id": "client", "program": "group", "program_id": "group",
           "group_id": "group", "credit_type_id": "credit_type"}


def preset_period(preset: str, today: dt.date) -> Period | None:
    """The period a preset names on ``today`` (None: custom, the dates as typed)."""
    if preset == "this_month":
        return Period.month_of(today)
    if preset == "last_month":
        return Period.month_of(today.replace(day=1) - dt.timedelta(days=1))
    if preset == "this_year":
        return Period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    return None


class FilterBar(QWidget):
    """One row of filter widgets; :meth:`filters` reads them into a :class:`Filters` or raises DomainError."""

    def __init__(self, ops, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.ops = ops
        self.today = today or dt.date.today()
        self._client: tuple[str, int] | None = None  # (text shown, id) of the client last chosen
        self._build()
        self.use(frozenset())

    def _build(self) -> None:
        column = QVBoxLayout(self)  # the period and the client on one row, the other choices on the next: fits
        #                             1024 px in Russian too (the longest words)
        column.setContentsMargins(0, 0, 0, 0)
        when, which = QHBoxLayout(), QHBoxLayout()
        column.addLayout(when)
        column.addLayout(which)
        self.preset = QComboBox(objectName="periodPreset")
        for key, title in zip(PRESETS, (self.tr("This month"), self.tr("Last month"), self.tr("This year"),
                                        self.tr("From – to"))):
            self.preset.addItem(title, key)
        self.start = QDateEdit(calendarPopup=True, displayFormat=date_edit_format(), objectName="periodStart")
        self.end = QDateEdit(calendarPopup=True, displayFormat=date_edit_format(), objectName="periodEnd")
        self.package = QComboBox(objectName="packageFilter")
        self.client = QLineEdit(objectName="clientFilter", clearButtonEnabled=True)
        self.client.setPlaceholderText(self.tr("Client: name or code"))
        self.client.setToolTip(self.tr("Client: name or code"))  # whole, where the field is at its narrowest
        self.status = QComboBox(objectName="statusFilter")
        self.status.addItem(self.tr("Any status"), None)
        for status, label in ((Status.UPCOMING, self.tr("Upcoming")), (Status.ACTIVE, self.tr("Active")),
                              (Status.GRACE, self.tr("Grace")), (Status.SUSPENDED, self.tr("Suspended")),
                              (Status.EXPIRED, self.tr("Expired")), (Status.CANCELLED, self.tr("Cancelled"))):
            self.status.addItem(label, str(status))
        self.kind = QComboBox(objectName="kindFilter")
        for kind, title in ((None, self.tr("Every kind")), (PackageKind.MEMBERSHIP, self.tr("Memberships")),
                            (PackageKind.LESSON_PACK, self.tr("Lesson packs")), (PackageKind.CREDITS, self.tr("Credits"))):
            self.kind.addItem(title, None if kind is None else str(kind))
        self.credit_type = QComboBox(objectName="creditTypeFilter")
        self.group = QComboBox(objectName="groupFilter")
        self.days = QSpinBox(objectName="daysFilter", minimum=1, maximum=365, value=7)
        self.days.setSuffix(self.tr(" days"))
        self.widgets = {"period": (self.preset, self.start, self.end), "package": (self.package,),
                        "kind": (self.kind,), "credit_type": (self.credit_type,),
                        "client": (self.client,), "status": (self.status,), "group": (self.group,),
                        "days": (self.days,)}
        self.period_label = QLabel(self.tr("Period"))
        self.dash = QLabel("–")
        self.days_label = QLabel(self.tr("Within"))
        for widget in (self.period_label, self.preset, self.start, self.dash, self.end, self.client):
            when.addWidget(widget)
        when.addStretch(1)
        for widget in (self.days_label, self.days, self.kind, self.package, self.credit_type, self.status, self.group):
            which.addWidget(widget)
        which.addStretch(1)
        for combo in (self.package, self.credit_type, self.group):  # long names do not widen the page
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18 if combo is self.group else 14)
        self.client.setMinimumWidth(170)  # its hint, "Client: name or code", whole in Russian too
        self._choose_preset("this_month")
        self.preset.currentIndexChanged.connect(lambda _i: self._preset_chosen())
        self.start.dateChanged.connect(lambda _d: self._typed_date())
        self.end.dateChanged.connect(lambda _d: self._typed_date())

    def load_choices(self) -> None:
        """Packages, programs and groups to choose from (read when the bar is first shown with them)."""
        self.package.clear()
        self.package.addItem(self.tr("All packages"), None)
        for package in self.ops.read(catalogue.list_packages):
            self.package.addItem(package["name"], package["id"])
        self.credit_type.clear()
        self.credit_type.addItem(self.tr("All credit types"), None)
        for credit_type in self.ops.read(catalogue.list_credit_types):
            self.credit_type.addItem(credit_type["name"], credit_type["id"])
        self.group.clear()
        self.group.addItem(self.tr("All programs and groups"), None)
        groups = self.ops.read(programs.list_groups)
        for program in self.ops.read(programs.list_programs):
            self.group.addItem(program["name"], ("program", program["id"]))
            for group in (g for g in groups if g["program"] == program["name"]):
                self.group.addItem(f"{program['name']} · {group['name']}", ("group", group["id"]))

    def use(self, fields: frozenset[str]) -> None:
        """Show only the filters named in ``fields`` (a ReportDef's ``uses``, by the Filters field or its
        short name: package, client, credit_type; program and group are one)."""
        self.fields = frozenset(ALIASES.get(f, f) for f in fields)
        labels = {"period": (self.period_label, self.dash), "days": (self.days_label,)}
        shown = {key: widgets + labels.get(key, ()) for key, widgets in self.widgets.items()}
        for key, widgets in shown.items():  # hide first: the row never holds both reports' filters at once,
            if key not in self.fields:     # which would widen the window for good
                for widget in widgets:
                    widget.hide()
        for key in self.fields & shown.keys():
            for widget in shown[key]:
                widget.show()
        if self.fields & {"package", "group", "credit_type"} and self.package.count() == 0:
            self.load_choices()

    # ---- period ------------------------------------------------------------------

    def _choose_preset(self, key: str) -> None:
        self.preset.setCurrentIndex(self.preset.findData(key))
        self._preset_chosen()

    def _preset_chosen(self) -> None:
        period = preset_period(self.preset.currentData(), self.today)
        if period is not None:
            for edit, day in ((self.start, period.start), (self.end, period.end)):
                edit.blockSignals(True)
                edit.setDate(qdate(day))
                edit.blockSignals(False)

    def _typed_date(self) -> None:
        """A date typed by hand makes the period "from – to"."""
        if preset_period(self.preset.currentData(), self.today) != self._typed_period():
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData("custom"))
            self.preset.blockSignals(False)

    def _typed_period(self) -> tuple[dt.date, dt.date]:
        return pydate(self.start.date()), pydate(self.end.date())

    # ---- reading and setting ---------------------------------------------------

    def filters(self, defaults: Filters = Filters()) -> Filters:
        """The chosen filters; raises DomainError (a plain message) for a bad period or an unknown client."""
        values = {}
        if "period" in self.fields:
            values["period"] = Period(*self._typed_period())  # refuses an end before the start, or years past 2100
        if "package" in self.fields:
            values["package_id"] = self.package.currentData()
        if "client" in self.fields:
            values["client_id"] = self._client_id()
        if "status" in self.fields:
            values["status"] = self.status.currentData()
        if "kind" in self.fields:
            values["kind"] = self.kind.currentData()
        if "credit_type" in self.fields:
            values["credit_type_id"] = self.credit_type.currentData()
        if "group" in self.fields:
            chosen = self.group.currentData()
            values["program_id"] = chosen[1] if chosen and chosen[0] == "program" else None
            values["group_id"] = chosen[1] if chosen and chosen[0] == "group" else None
        if "days" in self.fields:
            values["days"] = self.days.value()
        return Filters(**{**defaults.__dict__, **values})

    def _client_id(self) -> int | None:
        typed = self.client.text().strip()
        if not typed:
            return None
        if self._client is not None and self._client[0] == typed:
            return self._client[1]
        found = self.ops.read(clients.find_by_code, typed)
        if found is None:
            matches = self.ops.read(clients.search_client_ids, typed, archived=None, limit=2)
            if not matches:
                raise DomainError(self.tr("No client matches “{typed}”.").format(typed=typed), field="client")
            if len(matches) > 1:  # said in the window's words here (a message of the window, not of app/)
                raise DomainError(self.tr("Several clients match “{typed}”: type more of the name, or the code.")
                                  .format(typed=typed), field="client")
            found = matches[0]
        return found

    def set_filters(self, filters: Filters, fields: frozenset[str]) -> None:
        """Show ``filters`` (a dashboard figure's) in the bar, for a report using ``fields``."""
        self.use(fields)
        if filters.period is not None:
            preset = next((key for key in PRESETS[:-1] if preset_period(key, self.today) == filters.period),
                          "custom")
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData(preset))
            self.preset.blockSignals(False)
            for edit, day in ((self.start, filters.period.start), (self.end, filters.period.end)):
                edit.blockSignals(True)
                edit.setDate(qdate(day))
                edit.blockSignals(False)
        self.package.setCurrentIndex(max(0, self.package.findData(filters.package_id)))
        self.status.setCurrentIndex(max(0, self.status.findData(filters.status)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(filters.kind)))
        self.credit_type.setCurrentIndex(max(0, self.credit_type.findData(filters.credit_type_id)))
        chosen = ("group", filters.group_id) if filters.group_id else (
            ("program", filters.program_id) if filters.program_id else None)
        self.group.setCurrentIndex(max(0, self.group.findData(chosen)))
        if filters.days is not None:
            self.days.setValue(filters.days)
        if filters.client_id is None:
            self._client = None
            self.client.clear()
        else:
            client = self.ops.read(clients.get_client, filters.client_id)
            text = f"{client['name']} ({client['code']})" if client.get("code") else client["name"]
            self._client = (text, filters.client_id)
            self.client.setText(text)
