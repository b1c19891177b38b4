"""What happens before the main window: the database, first start, sign-in."""
