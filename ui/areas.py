"""The areas of the main window, who may open them, and where each comes from.

Each area's ``screen`` names the widget class to load, imported on first open so
start-up stays fast (the package build collects these modules by name).
"""

from __future__ import annotations

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
    Area("clients", "Clients", Right.VIEW_CLIENTS, "Find, add and edit clients and families.",
         screen="ui.clients.screen:ClientsScreen"),
    Area("packages", "Packages", Right.VIEW_CLIENTS, "Memberships, lesson packs and credit bundles for sale.",
         screen="ui.packages.screen:PackagesScreen"),
    Area("memberships", "Memberships", Right.SELL, "Sales, renewals, freezes, invoices and payments.",
         screen="ui.memberships.screen:MembershipsScreen"),
    Area("journal", "Journal", Right.MARK_JOURNAL, "Attendance of your groups, lesson by lesson.",
         screen="ui.journal.screen:JournalScreen"),
    Area("credits", "Credits", Right.USE_CREDITS, "Credit balances, top-ups and use.",
         screen="ui.credits.screen:CreditsScreen"),
    Area("agenda", "Agenda", Right.VIEW_CLIENTS, "The day's recurring services, marked done or missed.",
         screen="ui.agenda.screen:AgendaScreen"),
    Area("reports", "Reports", Right.VIEW_DAY_TAKINGS, "Takings, memberships, attendance and reminders.",
         screen="ui.reports.screen:ReportsScreen"),
    Area("settings", "Settings", Right.EDIT_SETTINGS, "Business profile, statuses, drawers, users and policies.",
         screen="ui.settings.screen:SettingsScreen"),
)


def areas_for(actor) -> list[Area]:
    return [area for area in AREAS if actor.may(area.right)]
