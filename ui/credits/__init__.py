"""The Credits area, the profile's credit statement and the Use dialog (K2-K7)."""
