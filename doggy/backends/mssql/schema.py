"""Schema-editor fixes for mssql-django, shared by `migrate` and the offline DDL render."""

from __future__ import annotations


class PreserveCheckConstraintsMixin:
    """Work around two mssql-django 2.0.0 defects with a model's CheckConstraint.

    When `AlterField` changes a column's type or NULL-ability:

    1. If the field type has a check of its own (PositiveIntegerField's `>= 0`),
       `_alter_field` drops *every* CHECK on the column, so that SQL Server accepts the
       ALTER COLUMN, but recreates only the type's own check: a `Meta.constraints`
       CheckConstraint on that column silently disappears, on SQL Server only.
    2. Otherwise it drops no CHECK at all, and SQL Server refuses the ALTER COLUMN
       (error 5074: the constraint depends on the column), so `migrate` fails.

    This mixin drops the model's CheckConstraints on the column before the alteration
    and re-creates every one that existed before and is gone after it. It works offline
    (the emulated catalog answers `_constraint_names`) and on a live server.
    """

    def _alter_field(
        self,
        model,
        old_field,
        new_field,
        old_type,
        new_type,
        old_db_params,
        new_db_params,
        strict=False,
    ):
        from django.db import models

        checks = {
            constraint.name: constraint
            for constraint in model._meta.constraints
            if isinstance(constraint, models.CheckConstraint)
        }
        before = set(self._constraint_names(model, check=True))
        if checks and (old_type != new_type or old_field.null != new_field.null):
            on_column = self._db_table_constraint_names(
                model._meta.db_table, [old_field.column], column_match_any=True, check=True
            )
            for name in sorted(set(on_column) & set(checks)):
                self.execute(self._delete_check_sql(model, name))
        result = super()._alter_field(
            model,
            old_field,
            new_field,
            old_type,
            new_type,
            old_db_params,
            new_db_params,
            strict,
        )
        after = set(self._constraint_names(model, check=True))
        for name, constraint in checks.items():
            if name in before and name not in after:
                self.execute(constraint.create_sql(model, self))
        return result
