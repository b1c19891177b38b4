"""The day agenda of recurring services (R1)."""
