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
_INLINE = (
    "built inline (writes wait for the build or validating scan; reads go on); the online "
    "rendering (CONCURRENTLY / ONLINE = ON, NOT VALID then VALIDATE) is not built yet, see "
    "docs/development/plan.md, Migration lint"
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
    ("accounts", "0010_service_provider_enhancements", "DL003", "ServiceProviders.Slug"): _INLINE,
    (
        "accounts",
        "0010_service_provider_enhancements",
        "DL004",
        "ServiceProviders.ProfileImageFileId",
    ): _INLINE,
    (
        "accounts",
        "0010_service_provider_enhancements",
        "DL003",
        "ServiceProviders.ProfileImageFileId",
    ): _INLINE,
    (
        "accounts",
        "0010_service_provider_enhancements",
        "DL003",
        "ServiceProviders IX_Providers_Active_Verified",
    ): _INLINE,
    (
        "accounts",
        "0010_service_provider_enhancements",
        "DL003",
        "ServiceProviders IX_Providers_Rating",
    ): _INLINE,
    (
        "accounts",
        "0010_service_provider_enhancements",
        "DL004",
        "ServiceProviders CK_Providers_Rating",
    ): _INLINE,
    (
        "accounts",
        "0010_service_provider_enhancements",
        "DL004",
        "ServiceProviders CK_Providers_Policy",
    ): _INLINE,
    (
        "accounts",
        "0010_service_provider_enhancements",
        "DL004",
        "ServiceProviders CK_Providers_VerifStatus",
    ): _INLINE,
    ("accounts", "0011_addresses", "DL004", "ServiceProviders.BaseAddressId"): _INLINE,
    ("accounts", "0011_addresses", "DL003", "ServiceProviders.BaseAddressId"): _INLINE,
    ("accounts", "0011_addresses", "DL004", "ServiceProviders CK_Providers_Radius"): _INLINE,
    (
        "billing",
        "0004_payment_tracking",
        "DL004",
        "UserSubscriptions CK_UserSubscriptions_PaymentProvider",
    ): _INLINE,
    ("messaging", "0002_enhanced_messaging", "DL004", "Conversations.CreatedById"): _INLINE,
    ("messaging", "0002_enhanced_messaging", "DL003", "Conversations.CreatedById"): _INLINE,
    ("messaging", "0002_enhanced_messaging", "DL004", "Messages.DeletedById"): _INLINE,
    ("messaging", "0002_enhanced_messaging", "DL003", "Messages.DeletedById"): _INLINE,
    ("messaging", "0002_enhanced_messaging", "DL004", "Messages.ReplyToMessageId"): _INLINE,
    ("messaging", "0002_enhanced_messaging", "DL003", "Messages.ReplyToMessageId"): _INLINE,
    ("messaging", "0002_enhanced_messaging", "DL003", "Messages IX_Messages_Conv_Id"): _INLINE,
    (
        "messaging",
        "0002_enhanced_messaging",
        "DL004",
        "Conversations CK_Conversations_Type",
    ): _INLINE,
    (
        "messaging",
        "0002_enhanced_messaging",
        "DL004",
        "ConversationParticipants CK_ConversationParticipants_Role",
    ): _INLINE,
    (
        "messaging",
        "0002_enhanced_messaging",
        "DL003",
        "Messages UX_Messages_Sender_ClientId",
    ): _INLINE,
    ("messaging", "0002_enhanced_messaging", "DL004", "Messages CK_Messages_Type"): _INLINE,
    (
        "messaging",
        "0002_enhanced_messaging",
        "DL004",
        "Messages CK_Messages_ModerationStatus",
    ): _INLINE,
    (
        "messaging",
        "0002_enhanced_messaging_direct_keys",
        "DL004",
        "Conversations CK_Conversations_Direct",
    ): _INLINE,
    (
        "messaging",
        "0002_enhanced_messaging_direct_keys",
        "DL003",
        "Conversations UX_Conversations_DirectKey",
    ): _INLINE,
    (
        "messaging",
        "0009_conversation_management",
        "DL003",
        "ConversationParticipants IX_ConvParticipants_User_Inbox",
    ): _INLINE,
    (
        "messaging",
        "0009_conversation_management",
        "DL004",
        "ConversationParticipants CK_ConversationParticipants_NotificationLevel",
    ): _INLINE,
    ("scheduling", "0004_availability", "DL004", "ServiceOfferings.ScheduleId"): _INLINE,
    ("scheduling", "0004_availability", "DL003", "ServiceOfferings.ScheduleId"): _INLINE,
    ("scheduling", "0005_appointments", "DL004", "ProviderReviews.AppointmentId"): _INLINE,
    ("scheduling", "0005_appointments", "DL003", "ProviderReviews.AppointmentId"): _INLINE,
    (
        "scheduling",
        "0005_appointments",
        "DL003",
        "ProviderReviews UX_Reviews_Appt_Reviewer",
    ): _INLINE,
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
    ("messaging", "0010_appointment_links", "DL004", "Conversations.AppointmentId"): _INLINE,
    ("messaging", "0010_appointment_links", "DL003", "Conversations.AppointmentId"): _INLINE,
    ("messaging", "0010_appointment_links", "DL004", "VideoCallSessions.AppointmentId"): _INLINE,
    ("messaging", "0010_appointment_links", "DL003", "VideoCallSessions.AppointmentId"): _INLINE,
    (
        "messaging",
        "0010_appointment_links",
        "DL003",
        "Conversations UX_Conversations_Appointment",
    ): _INLINE,
}
