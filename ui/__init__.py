"""The membership desk's window: Qt only; reads and writes through app.services."""
