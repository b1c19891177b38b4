"""The membership desk's business layer: models, rules and storage. No Qt here."""

__version__ = "0.1.0"
