"""Models of the billing app (added by later plan items)."""
