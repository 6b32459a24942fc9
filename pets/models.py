"""Models of the pets app (added by later plan items)."""
