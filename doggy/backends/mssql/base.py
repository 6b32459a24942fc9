"""mssql-django's DatabaseWrapper whose schema editor keeps model CheckConstraints.

See `PreserveCheckConstraintsMixin` for the two mssql-django 2.0.0 defects it works
around; the offline DDL render (doggy.dbtools.mssql_ddl) uses the same mixin, so the committed
DDL under docs/sql/mssql/ is what `migrate` runs.
"""

from mssql.base import DatabaseWrapper as MssqlDatabaseWrapper
from mssql.schema import DatabaseSchemaEditor as MssqlSchemaEditor

from .schema import PreserveCheckConstraintsMixin


class DatabaseSchemaEditor(PreserveCheckConstraintsMixin, MssqlSchemaEditor):
    pass


class DatabaseWrapper(MssqlDatabaseWrapper):
    SchemaEditorClass = DatabaseSchemaEditor
