"""Printable documents (reportlab): invoices and receipts, member cards, reports."""
