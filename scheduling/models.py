"""Models of the scheduling app (added by later plan items)."""
