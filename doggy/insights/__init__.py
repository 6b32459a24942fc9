"""Insights: the top domain layer, above every domain app.

Metric fills, provider performance snapshots, the report catalogue and dashboard
snapshots read across apps (appointments, messages, payments, expenses, KYC), so they
live above all of them. Their rows are stored in `audit`'s tables (plan items 034-036
and 041); only the code that computes them lives here. Nothing below imports it.
"""
