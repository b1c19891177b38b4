"""Words the screens show from app/'s tables, marked for translation (app/ has no Qt).

Shown with ``ui.i18n.term(value)``. tests/ui/test_languages.py checks that every value of
these tables is listed here, so a new status or method added in app/ fails until it is.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

# app.services.status.LABELS: a membership's status, a client's standing
STATUSES = (QT_TRANSLATE_NOOP("Terms", "Upcoming"), QT_TRANSLATE_NOOP("Terms", "Active"),
            QT_TRANSLATE_NOOP("Terms", "Grace"), QT_TRANSLATE_NOOP("Terms", "Suspended"),
            QT_TRANSLATE_NOOP("Terms", "Expired"), QT_TRANSLATE_NOOP("Terms", "Cancelled"),
            QT_TRANSLATE_NOOP("Terms", "None"))
# app.services.payments.METHOD_NAMES
METHODS = (QT_TRANSLATE_NOOP("Terms", "Cash"), QT_TRANSLATE_NOOP("Terms", "Bank transfer"),
           QT_TRANSLATE_NOOP("Terms", "Cheque"), QT_TRANSLATE_NOOP("Terms", "Card / online"),
           QT_TRANSLATE_NOOP("Terms", "Other"))
# app.services.invoices.payment_state: an invoice's state
PAYMENT_STATES = (QT_TRANSLATE_NOOP("Terms", "draft"), QT_TRANSLATE_NOOP("Terms", "issued"),
                  QT_TRANSLATE_NOOP("Terms", "void"), QT_TRANSLATE_NOOP("Terms", "unpaid"),
                  QT_TRANSLATE_NOOP("Terms", "paid"), QT_TRANSLATE_NOOP("Terms", "partly paid"))
# app.services.checkin.verdict: the check-in banner's reason
CHECKIN_REASONS = (
    QT_TRANSLATE_NOOP("Terms", "Membership active."),
    QT_TRANSLATE_NOOP("Terms", "In grace: checked in. Please renew."),
    QT_TRANSLATE_NOOP("Terms", "Frozen: no check-in until it resumes."),
    QT_TRANSLATE_NOOP("Terms", "No membership: checked in (policy: anyone)."),
    QT_TRANSLATE_NOOP("Terms", "Expired: checked in (policy: any member)."),
    QT_TRANSLATE_NOOP("Terms", "The membership has expired."),
    QT_TRANSLATE_NOOP("Terms", "The membership has not started yet."),
    QT_TRANSLATE_NOOP("Terms", "No membership."),
)
# app.services.transfer.ImportRow.status: what an imported line becomes
IMPORT_STATES = (QT_TRANSLATE_NOOP("Terms", "new"), QT_TRANSLATE_NOOP("Terms", "duplicate"),
                 QT_TRANSLATE_NOOP("Terms", "error"))
# app.services.lists.LISTS: the settings lists, their fields and one item of each
LISTS = (
    QT_TRANSLATE_NOOP("Terms", "Attendance statuses"), QT_TRANSLATE_NOOP("Terms", "attendance status"),
    QT_TRANSLATE_NOOP("Terms", "Client categories"), QT_TRANSLATE_NOOP("Terms", "client category"),
    QT_TRANSLATE_NOOP("Terms", "Cash drawers"), QT_TRANSLATE_NOOP("Terms", "cash drawer"),
    QT_TRANSLATE_NOOP("Terms", "Credit types"), QT_TRANSLATE_NOOP("Terms", "credit type"),
    QT_TRANSLATE_NOOP("Terms", "Name"), QT_TRANSLATE_NOOP("Terms", "Letter"), QT_TRANSLATE_NOOP("Terms", "Colour"),
    QT_TRANSLATE_NOOP("Terms", "Charges a lesson"), QT_TRANSLATE_NOOP("Terms", "Gives a makeup"),
    QT_TRANSLATE_NOOP("Terms", "Uses a makeup"), QT_TRANSLATE_NOOP("Terms", "May attend lessons"),
    QT_TRANSLATE_NOOP("Terms", "Unit"), QT_TRANSLATE_NOOP("Terms", "Used at check-in"),
    QT_TRANSLATE_NOOP("Terms", "Low balance at"),
)
