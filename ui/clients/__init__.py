"""The Clients area: the list with search, the client dialog and the profile."""
