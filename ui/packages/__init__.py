"""The Packages area: what the centre sells."""
