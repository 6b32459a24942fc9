"""Models of the ai app (added by later plan items)."""
