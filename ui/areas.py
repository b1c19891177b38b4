"""The areas of the main window, who may open them, and where each comes from.

Each area's ``screen`` names the widget class to load, imported on first open so
start-up stays fast (the package build collects these modules by name).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from dataclasses import dataclass

from app.services.access import Right


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    right: Right
    about: str
    screen: str  # "module:Class", built on first open


AREAS: tuple[Area, ...] = (
    Area("clients", QT_TRANSLATE_NOOP("Terms", "Clients"), Right.VIEW_CLIENTS,
         QT_TRANSLATE_NOOP("Terms", "Find, add and edit clients and families."),
         screen="ui.clients.screen:ClientsScreen"),
    Area("packages", QT_TRANSLATE_NOOP("Terms", "Packages"), Right.VIEW_CLIENTS,
         QT_TRANSLATE_NOOP("Terms", "Memberships, lesson packs and credit bundles for sale."),
         screen="ui.packages.screen:PackagesScreen"),
    Area("memberships", QT_TRANSLATE_NOOP("Terms", "Memberships"), Right.SELL,
         QT_TRANSLATE_NOOP("Terms", "Sales, renewals, freezes, invoices and payments."),
         screen="ui.memberships.screen:MembershipsScreen"),
    Area("journal", QT_TRANSLATE_NOOP("Terms", "Journal"), Right.MARK_JOURNAL,
         QT_TRANSLATE_NOOP("Terms", "Attendance of your groups, lesson by lesson."),
         screen="ui.journal.screen:JournalScreen"),
    Area("credits", QT_TRANSLATE_NOOP("Terms", "Credits"), Right.USE_CREDITS,
         QT_TRANSLATE_NOOP("Terms", "Credit balances, top-ups and use."),
         screen="ui.credits.screen:CreditsScreen"),
    Area("agenda", QT_TRANSLATE_NOOP("Terms", "Agenda"), Right.VIEW_CLIENTS,
         QT_TRANSLATE_NOOP("Terms", "The day's recurring services, marked done or missed."),
         screen="ui.agenda.screen:AgendaScreen"),
    Area("reports", QT_TRANSLATE_NOOP("Terms", "Reports"), Right.VIEW_DAY_TAKINGS,
         QT_TRANSLATE_NOOP("Terms", "Takings, memberships, attendance and reminders."),
         screen="ui.reports.screen:ReportsScreen"),
    Area("settings", QT_TRANSLATE_NOOP("Terms", "Settings"), Right.EDIT_SETTINGS,
         QT_TRANSLATE_NOOP("Terms", "Business profile, statuses, drawers, users and policies."),
         screen="ui.settings.screen:SettingsScreen"),
)


def areas_for(actor) -> list[Area]:
    return [area for area in AREAS if actor.may(area.right)]
