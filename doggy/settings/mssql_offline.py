"""Settings for rendering SQL Server DDL offline (`manage.py plan ddl --vendor mssql`).

The `default` database is SQL Server through mssql-django, but no connection is ever
opened: `doggy.dbtools.mssql_ddl` renders every migration through the backend's schema editor
with the database catalog emulated. Only that renderer uses these settings, in a process
of its own, because importing mssql-django patches Django globally.
"""

from .base import *  # noqa: F403

SECRET_KEY = "offline-ddl-rendering-only-not-a-secret"  # noqa: S105
DATABASES = {
    "default": {
        "ENGINE": "mssql",
        "NAME": "doggy",
        # Never contacted: any attempt to connect is an error of the renderer.
        "HOST": "offline.invalid",
        "OPTIONS": {
            "driver": "ODBC Driver 18 for SQL Server",
            "python_driver": "mssql_python",
        },
    }
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
