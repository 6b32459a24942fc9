"""Reads of the messaging app, one module per area (import from the module itself)."""
