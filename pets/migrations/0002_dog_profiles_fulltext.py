"""Plan 009, second half: full-text search over dogs (SCHEMA.md D7).

The plan's `CREATE FULLTEXT INDEX ON DogProfiles (Name, Breed, SecondaryBreed,
SpecialNeeds, BehaviorNotes)`, one form per engine, none of which the ORM's model state
knows about (so `makemigrations` stays clean):

- SQL Server: the FULLTEXT INDEX itself, in catalog `FTC_Doggy`. Skipped when the
  Full-Text Search feature is not installed (`FULLTEXTSERVICEPROPERTY`). The plan's
  `KEY INDEX PK__DogProfiles` does not exist (SQL Server names primary keys
  `PK__DogProfi__<hash>`), so the key index name is read from `sys.key_constraints`
  and the statement runs as dynamic SQL. Non-atomic: SQL Server refuses full-text DDL
  inside a user transaction.
- PostgreSQL: a GIN index `IX_DogProfiles_FullText` over a `simple` tsvector of the same
  five columns, built CONCURRENTLY so a large table keeps taking writes.
  `pets.selectors.dog_search_vector` builds the equal expression, which is what lets
  queries use the index.
- SQLite: nothing; search falls back to substring matching.
"""

from django.db import migrations

# Equal to pets.selectors.DOG_SEARCH_* (a migration never imports app code; a test
# keeps the two in step).
SEARCH_FIELDS = ("name", "breed", "secondary_breed", "special_needs", "behavior_notes")
SEARCH_COLUMNS = ("Name", "Breed", "SecondaryBreed", "SpecialNeeds", "BehaviorNotes")
SEARCH_CONFIG = "simple"
INDEX_NAME = "IX_DogProfiles_FullText"


def _postgres_index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector(*SEARCH_FIELDS, config=SEARCH_CONFIG), name=INDEX_NAME)


# The SQL Server statements, written out in full (fixed text, no parameters).
MSSQL_CREATE_CATALOG = (
    "IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'FTC_Doggy') "
    "CREATE FULLTEXT CATALOG [FTC_Doggy]"
)
# LANGUAGE 0 (neutral): no stemming, like PostgreSQL's 'simple' configuration.
MSSQL_CREATE_INDEX = (
    "IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'DogProfiles')) "
    "BEGIN "
    "DECLARE @pk sysname = (SELECT name FROM sys.key_constraints "
    "WHERE parent_object_id = OBJECT_ID(N'DogProfiles') AND type = 'PK'); "
    "DECLARE @sql nvarchar(max) = N'CREATE FULLTEXT INDEX ON [DogProfiles] ("
    "[Name] LANGUAGE 0, [Breed] LANGUAGE 0, [SecondaryBreed] LANGUAGE 0, "
    "[SpecialNeeds] LANGUAGE 0, [BehaviorNotes] LANGUAGE 0) "
    "KEY INDEX ' + QUOTENAME(@pk) + N' ON [FTC_Doggy] WITH CHANGE_TRACKING AUTO'; "
    "EXEC sp_executesql @sql; "
    "END"
)
MSSQL_DROP_INDEX = (
    "IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'DogProfiles')) "
    "DROP FULLTEXT INDEX ON [DogProfiles]"
)
# The catalog goes only when no other table's index uses it.
MSSQL_DROP_CATALOG = (
    "IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs c WHERE c.name = N'FTC_Doggy' "
    "AND NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes i "
    "WHERE i.fulltext_catalog_id = c.fulltext_catalog_id)) "
    "DROP FULLTEXT CATALOG [FTC_Doggy]"
)


def _mssql_fulltext_installed(cursor) -> bool:
    cursor.execute("SELECT CAST(FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') AS int)")
    row = cursor.fetchone()
    return bool(row and row[0])


def _mssql_forwards(schema_editor) -> None:
    with schema_editor.connection.cursor() as cursor:
        if not _mssql_fulltext_installed(cursor):
            # Search then falls back to LIKE (pets.selectors checks for the index).
            return
        cursor.execute(MSSQL_CREATE_CATALOG)
        cursor.execute(MSSQL_CREATE_INDEX)


def _mssql_backwards(schema_editor) -> None:
    with schema_editor.connection.cursor() as cursor:
        if not _mssql_fulltext_installed(cursor):
            return
        cursor.execute(MSSQL_DROP_INDEX)
        cursor.execute(MSSQL_DROP_CATALOG)


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        model = apps.get_model("pets", "DogProfile")
        schema_editor.add_index(model, _postgres_index(), concurrently=True)
    elif vendor == "microsoft":
        _mssql_forwards(schema_editor)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        model = apps.get_model("pets", "DogProfile")
        schema_editor.remove_index(model, _postgres_index(), concurrently=True)
    elif vendor == "microsoft":
        _mssql_backwards(schema_editor)


class Migration(migrations.Migration):
    # Full-text DDL cannot run inside a transaction on SQL Server, nor can
    # CREATE INDEX CONCURRENTLY on PostgreSQL.
    atomic = False

    dependencies = [
        ("pets", "0001_dog_profiles"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
