"""Findings of `plan lint` that are accepted on purpose, each with its reason.

Keys are (app, migration, rule, subject) exactly as `plan lint --all` prints them. An
entry that no longer matches a finding fails the lint, so this list cannot go stale.
"""

from __future__ import annotations

_SEED = (
    "seeds the plan's fixed rows (SCHEMA.md); it reads no existing row, so there is nothing "
    "to walk in batches"
)
_SYSTEM_USER = "inserts the one system user row (I-4); it reads no existing row"
_DDL = "vendor-specific DDL issued from Python (PostgreSQL only), not a change of rows"
_MERGE = (
    "touches only direct conversations that share a DirectKey, found by one GROUP BY (none on"
    " a healthy database); each is merged in three statements, no table walk"
)
_IS_READ = (
    "Messages.IsRead is superseded by the participants' read cursors, which 0002's backfill "
    "derives from it; the reverse (recompute_is_read) derives it back from the cursors"
)
_SMALL = (
    "Roles holds the four seeded roles and the few the customer adds; validating the check "
    "reads a handful of rows"
)
_ADOPTION = (
    "Phase 1 is deployed when the Identity database is adopted (`plan adopt`), before this "
    "backend serves it; the table is not under this backend's write load during the build"
)

ACKNOWLEDGED: dict[tuple[str, str, str, str], str] = {
    ("doggy", "0002_seed_system_settings", "DL007", "seed_settings"): _SEED,
    ("accounts", "0005_seed_rbac", "DL007", "seed_rbac"): _SEED,
    ("scheduling", "0002_seed_service_categories", "DL007", "seed_categories"): _SEED,
    ("accounts", "0013_seed_credential_types", "DL007", "seed_credential_types"): _SEED,
    ("billing", "0002_seed_free_plan", "DL007", "seed_free_plan"): _SEED,
    ("billing", "0006_seed_expense_categories", "DL007", "seed_categories"): _SEED,
    ("accounts", "0003_enhanced_user_management", "DL003", "Users IX_Users_Name"): _ADOPTION,
    ("accounts", "0003_enhanced_user_management", "DL003", "Users IX_Users_LastSeen"): _ADOPTION,
    (
        "accounts",
        "0003_enhanced_user_management",
        "DL003",
        "Users IX_Users_AccountStatus",
    ): _ADOPTION,
    (
        "accounts",
        "0003_enhanced_user_management",
        "DL004",
        "Users CK_Users_AccountStatus",
    ): _ADOPTION,
    ("accounts", "0004_rbac_permissions", "DL004", "UserRoles.AssignedBy"): _ADOPTION,
    ("accounts", "0004_rbac_permissions", "DL003", "UserRoles.AssignedBy"): _ADOPTION,
    ("accounts", "0004_rbac_permissions", "DL003", "UserRoles IX_UserRoles_User_Active"): _ADOPTION,
    ("accounts", "0004_rbac_permissions", "DL007", "create_system_user"): _SYSTEM_USER,
    ("accounts", "0004_rbac_permissions", "DL004", "Roles CK_Roles_Level"): _SMALL,
    ("accounts", "0004_rbac_permissions", "DL004", "Roles CK_Roles_MaxUsers"): _SMALL,
    ("pets", "0002_dog_profiles_fulltext", "DL007", "forwards"): _DDL,
    ("scheduling", "0005_appointments", "DL007", "create_no_overlap"): _DDL,
    (
        "messaging",
        "0002_enhanced_messaging_backfill",
        "DL007",
        "merge_duplicate_direct_conversations",
    ): _MERGE,
    (
        "messaging",
        "0009_conversation_management_drop_is_read",
        "DL005",
        "Messages.IsRead",
    ): _IS_READ,
}
