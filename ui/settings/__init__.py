"""The Settings area (owner only)."""
