"""Writes of the accounts app, one module per topic.

Import from the topic module (`from accounts.services.rbac import user_role_grant`).
"""
