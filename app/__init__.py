"""The membership desk's business layer: models, rules and storage. No Qt here."""
