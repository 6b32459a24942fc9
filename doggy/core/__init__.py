"""The kernel: db helpers, the error type, request context, the update helper, the
plan's permission vocabulary and the runner of work after commit. It imports no app."""
