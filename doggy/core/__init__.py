"""The kernel: db helpers, the error type, request context, the update helper and the
plan's permission vocabulary. It imports no app."""
