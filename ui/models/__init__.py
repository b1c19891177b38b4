"""Item models over ids, with rows fetched on demand."""
