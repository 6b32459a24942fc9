"""SQL Server backend: mssql-django with the project's schema-editor fixes.

Selected automatically for `DATABASE_URL=mssql://…` (doggy/settings/base.py).
"""
