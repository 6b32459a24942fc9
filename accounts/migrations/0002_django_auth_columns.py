"""Django's own user columns, which Identity lacks, and the surrogate `UserRoles.Id`.

An ordinary migration that runs on a fresh database and on an adopted ASP.NET one alike
(SCHEMA.md 2.0). Besides the schema it rewrites data, as D12 allows for this step only:
e-mails are lower-cased and then made NOT NULL and unique (the login id, D5), missing
password hashes become unusable passwords, and `UserRoles` is rebuilt around a surrogate
key (D3) with its rows kept.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import migrations, models
from django.db.migrations.operations.base import Operation
from django.db.migrations.state import ModelState
from django.db.models import Count, Q
from django.db.models.functions import Lower, Trim

import doggy.core.db
from doggy.dbtools.backfill import backfill

# How many offending user ids an error message lists.
SAMPLE_SIZE = 10


class UnadoptableUsersError(RuntimeError):
    """Rows in `Users` that cannot take the login constraints; fix the data, then re-run."""


def _normalized_email():
    return Lower(Trim("email"))


def normalize_emails(apps, schema_editor):
    """Lower-case every e-mail (D5) after checking that each row has a distinct one.

    Validates before constraining, as the plan's execution strategy asks: a NULL, blank or
    case-insensitively duplicated e-mail stops the migration with the ids to fix.
    """
    User = apps.get_model("accounts", "User")
    users = User._default_manager.using(schema_editor.connection.alias)

    missing = list(
        users.filter(Q(email__isnull=True) | Q(email=""))
        .order_by("pk")
        .values_list("pk", flat=True)[:SAMPLE_SIZE]
    )
    if missing:
        raise UnadoptableUsersError(
            "Users.Email is about to become the unique, NOT NULL login, but some users "
            f"have no e-mail address (for example Id {', '.join(missing)}). Give each of "
            "them a unique address, then run the migration again."
        )

    duplicates = list(
        users.annotate(normalized=_normalized_email())
        .values("normalized")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .order_by("normalized")
        .values_list("normalized", flat=True)[:SAMPLE_SIZE]
    )
    if duplicates:
        raise UnadoptableUsersError(
            "Users.Email is about to become unique regardless of letter case, but these "
            f"addresses belong to more than one user: {', '.join(duplicates)}. Merge or "
            "rename those accounts, then run the migration again."
        )

    # Only rows not yet normalized are selected: a second run finds nothing to do.
    backfill(
        users.exclude(email=_normalized_email()),
        values={"email": _normalized_email()},
        label="Users.Email",
    )


def fill_missing_passwords(apps, schema_editor):
    """Give users without a hash (external-login accounts) an unusable password."""
    User = apps.get_model("accounts", "User")
    users = User._default_manager.using(schema_editor.connection.alias)

    def unusable(user):
        user.password = make_password(None)

    backfill(
        users.filter(password__isnull=True),
        transform=unusable,
        fields=["password"],
        label="Users.PasswordHash",
    )


class RebuildUserRoles(Operation):
    """Replace the `UserRoles` model and table by another shape, keeping its rows.

    Django cannot alter a table to or from a composite primary key in place, so the
    (UserId, RoleId) pairs are read, the table is dropped and created from the target
    state by the schema editor, and the pairs are written back. The same code runs on
    SQL Server, PostgreSQL and SQLite, in both directions. `fields` and `options` are
    the model's shape after the operation, as for `CreateModel`.
    """

    reversible = True
    reduces_to_sql = False

    def __init__(self, fields, options):
        self.fields = fields
        self.options = options

    def deconstruct(self):
        return (self.__class__.__qualname__, [], {"fields": self.fields, "options": self.options})

    def state_forwards(self, app_label, state):
        state.remove_model(app_label, "userrole")
        state.add_model(ModelState(app_label, "UserRole", list(self.fields), dict(self.options)))

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._rebuild(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._rebuild(app_label, schema_editor, from_state, to_state)

    def _rebuild(self, app_label, schema_editor, from_state, to_state):
        old = from_state.apps.get_model(app_label, "UserRole")
        new = to_state.apps.get_model(app_label, "UserRole")
        if not self.allow_migrate_model(schema_editor.connection.alias, new):
            return
        pairs = self._read_pairs(schema_editor, old)
        schema_editor.delete_model(old)
        schema_editor.create_model(new)
        self._write_pairs(schema_editor, new, pairs)

    @staticmethod
    def _columns(model):
        return model._meta.get_field("user").column, model._meta.get_field("role").column

    def _read_pairs(self, schema_editor, model):
        # Role assignments number users × a handful of roles, so they fit in memory.
        qn = schema_editor.quote_name
        user_col, role_col = self._columns(model)
        with schema_editor.connection.cursor() as cursor:
            # Identifiers come from the model state and are quoted; there are no values.
            cursor.execute(f"SELECT {qn(user_col)}, {qn(role_col)} FROM {qn(model._meta.db_table)}")  # noqa: S608
            return cursor.fetchall()

    def _write_pairs(self, schema_editor, model, pairs):
        qn = schema_editor.quote_name
        user_col, role_col = self._columns(model)
        # Quoted identifiers from the model state; the values are parameters.
        table = qn(model._meta.db_table)
        sql = f"INSERT INTO {table} ({qn(user_col)}, {qn(role_col)}) VALUES (%s, %s)"  # noqa: S608
        with schema_editor.connection.cursor() as cursor:
            for start in range(0, len(pairs), 1000):
                cursor.executemany(sql, pairs[start : start + 1000])

    def describe(self):
        return "Rebuild UserRoles around a new primary key, keeping its rows"

    @property
    def migration_name_fragment(self):
        return "rebuild_userroles"


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_baseline_identity"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="last_login",
            field=models.DateTimeField(
                blank=True, db_column="LastLoginAt", null=True, verbose_name="last login"
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="is_superuser",
            field=models.BooleanField(
                db_column="IsSuperuser",
                db_default=False,
                default=False,
                help_text="Has every Django admin permission without assigning them.",
                verbose_name="superuser status",
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="is_staff",
            field=models.BooleanField(
                db_column="IsStaff",
                db_default=False,
                default=False,
                help_text="Can sign in to the admin site.",
                verbose_name="staff status",
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="is_active",
            field=models.BooleanField(
                db_column="IsActive",
                db_default=True,
                default=True,
                help_text="Derived from the account status: Active and Pending accounts are active.",
                verbose_name="active",
            ),
        ),
        # Identity keeps no creation date: adopted rows get the migration's time.
        migrations.AddField(
            model_name="user",
            name="date_joined",
            field=models.DateTimeField(
                db_column="CreatedAt",
                db_default=doggy.core.db.UtcNow(),
                default=django.utils.timezone.now,
                verbose_name="date joined",
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="groups",
            field=models.ManyToManyField(
                blank=True,
                help_text=(
                    "The groups this user belongs to. A user will get all permissions "
                    "granted to each of their groups."
                ),
                related_name="user_set",
                related_query_name="user",
                to="auth.group",
                verbose_name="groups",
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="user_permissions",
            field=models.ManyToManyField(
                blank=True,
                help_text="Specific permissions for this user.",
                related_name="user_set",
                related_query_name="user",
                to="auth.permission",
                verbose_name="user permissions",
            ),
        ),
        # E-mail: validate, lower-case, then constrain (D5).
        migrations.RunPython(normalize_emails, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="email",
            field=models.EmailField(
                db_column="Email", max_length=256, unique=True, verbose_name="email address"
            ),
        ),
        # PasswordHash: Identity's NVARCHAR(MAX) NULL becomes Django's NOT NULL CharField.
        # Identity v2/v3 hashes (68/84 characters) fit in 128 and are kept as they are.
        migrations.RunPython(fill_missing_passwords, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="password",
            field=models.CharField(
                db_column="PasswordHash", max_length=128, verbose_name="password"
            ),
        ),
        # UserRoles: composite (UserId, RoleId) key → surrogate Id plus the unique pair (D3).
        RebuildUserRoles(
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "user",
                    models.ForeignKey(
                        db_column="UserId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="user_roles",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "role",
                    models.ForeignKey(
                        db_column="RoleId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="user_roles",
                        to="accounts.role",
                    ),
                ),
            ],
            options={
                "db_table": "UserRoles",
                "ordering": ["user_id", "role_id"],
                "indexes": [models.Index(fields=["role"], name="IX_UserRoles_RoleId")],
                "constraints": [
                    models.UniqueConstraint(fields=("user", "role"), name="UX_UserRoles_User_Role")
                ],
            },
        ),
    ]
