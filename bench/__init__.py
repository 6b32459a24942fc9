"""`make bench`: side-by-side timings of the API against hand-written baselines."""
