"""The owner's reports (SPEC Q1-Q8): each a read-only function returning a :class:`~app.reports.base.Report`."""
