"""The migrated ai tables against SCHEMA.md 2.31–2.33 (plan items 031–033).

The plan gives titles only for these items, so the catalog is the contract: every
column with its type, nullability and delete rule, every named index and unique key
with its columns (and filter), every CHECK, the catalog's defaults, and no generated
index beside a named one that leads with the same column.
"""

from __future__ import annotations

import pytest
from django.db import models

from ai import models as ai_models
from doggy.core.db import NewGuid, UtcNow
from tests.catalog import (
    db_columns,
    db_constraints,
    filter_columns,
    model_columns,
    named,
)

N, Y = False, True
USERS = "fk:Users:"

# table -> {column: (type, nullable)}, in the catalog's order
CATALOG = {
    "AiHealthRecommendations": {
        "Id": ("uuid", N),
        "DogId": ("fk:DogProfiles:CASCADE", N),
        "RequestedById": (USERS + "SET_NULL", Y),
        "Trigger": ("char(12)", N),
        "Category": ("char(15)", N),
        "Title": ("char(200)", N),
        "Summary": ("char(1000)", N),
        "Details": ("text", N),
        "Urgency": ("char(8)", N),
        "Confidence": ("dec(4,3)", Y),
        "InputSnapshot": ("json", N),
        "ModelName": ("char(100)", N),
        "PromptVersion": ("char(30)", N),
        "Status": ("char(12)", N),
        "DismissedAt": ("datetime", Y),
        "ExpiresAt": ("datetime", Y),
        "SupersededById": ("fk:AiHealthRecommendations:SET_NULL", Y),
        "UsageRecordId": ("fk:AiUsageRecords:SET_NULL", Y),
        "CreatedAt": ("datetime", N),
    },
    "AiRecommendationFeedback": {
        "Id": ("bigauto", N),
        "RecommendationId": ("fk:AiHealthRecommendations:CASCADE", N),
        "UserId": (USERS + "CASCADE", N),
        "IsHelpful": ("bool", N),
        "Comment": ("char(1000)", N),
        "CreatedAt": ("datetime", N),
    },
    "ModerationChecks": {
        "Id": ("bigauto", N),
        "ContentType": ("char(20)", N),
        "ContentId": ("char(100)", N),
        "AuthorId": (USERS + "SET_NULL", Y),
        "Engine": ("char(50)", N),
        "Flagged": ("bool", N),
        "Categories": ("json", N),
        "CategoryScores": ("json", N),
        "MaxScore": ("dec(5,4)", Y),
        "Decision": ("char(14)", N),
        "ReviewedById": (USERS + "SET_NULL", Y),
        "ReviewedAt": ("datetime", Y),
        "ReviewOutcome": ("char(10)", Y),
        "UsageRecordId": ("fk:AiUsageRecords:SET_NULL", Y),
        "CreatedAt": ("datetime", N),
    },
    "ContentReports": {
        "Id": ("bigauto", N),
        "ReporterId": (USERS + "SET_NULL", Y),
        "ContentType": ("char(20)", N),
        "ContentId": ("char(100)", N),
        "ReportedUserId": (USERS + "SET_NULL", Y),
        "Reason": ("char(15)", N),
        "Details": ("text", N),
        "Status": ("char(10)", N),
        "Resolution": ("char(200)", N),
        "ResolvedById": (USERS + "SET_NULL", Y),
        "ResolvedAt": ("datetime", Y),
        "ModerationCheckId": ("fk:ModerationChecks:SET_NULL", Y),
        "CreatedAt": ("datetime", N),
    },
    "AiUsageRecords": {
        "Id": ("bigauto", N),
        "RequestId": ("uuid", N),
        "UserId": (USERS + "SET_NULL", Y),
        "Feature": ("char(20)", N),
        "AiProvider": ("char(20)", N),
        "ModelName": ("char(100)", N),
        "ProviderRequestId": ("char(100)", N),
        "PromptTokens": ("posint", N),
        "CompletionTokens": ("posint", N),
        "CachedTokens": ("posint", N),
        "TotalTokens": ("posint", N),
        "CostUsd": ("dec(12,6)", N),
        "LatencyMs": ("posint", Y),
        "Status": ("char(14)", N),
        "ErrorCode": ("char(50)", N),
        "UsageDate": ("date", N),
        "StartedAt": ("datetime", N),
        "CompletedAt": ("datetime", Y),
        "Metadata": ("json", N),
    },
    "AiDailyUsage": {
        "Id": ("bigauto", N),
        "UserId": (USERS + "CASCADE", N),
        "UsageDate": ("date", N),
        "RequestCount": ("posint", N),
        "SuccessCount": ("posint", N),
        "FailureCount": ("posint", N),
        "PromptTokens": ("bigint", N),
        "CompletionTokens": ("bigint", N),
        "CostUsd": ("dec(12,6)", N),
        "UpdatedAt": ("datetime", N),
    },
    "AiModelPrices": {
        "Id": ("auto", N),
        "AiProvider": ("char(20)", N),
        "ModelName": ("char(100)", N),
        "InputPerMillionUsd": ("dec(10,4)", N),
        "OutputPerMillionUsd": ("dec(10,4)", N),
        "CachedInputPerMillionUsd": ("dec(10,4)", N),
        "EffectiveFrom": ("date", N),
    },
}
# name -> (table, columns); a leading "-" in the model is a descending key, same columns
INDEXES = {
    "IX_AiRecs_Dog_Status_Created": ("AiHealthRecommendations", ["DogId", "Status", "CreatedAt"]),
    "IX_ModChecks_Content": ("ModerationChecks", ["ContentType", "ContentId"]),
    "IX_ModChecks_Queue": ("ModerationChecks", ["Decision", "MaxScore"]),
    "IX_Reports_Status_Created": ("ContentReports", ["Status", "CreatedAt"]),
    "IX_AiUsage_User_Date": ("AiUsageRecords", ["UserId", "UsageDate"]),
    "IX_AiUsage_Started": ("AiUsageRecords", ["StartedAt"]),
}
UNIQUES = {
    "UX_AiFeedback_Rec_User": ("AiRecommendationFeedback", ["RecommendationId", "UserId"]),
    "UX_Reports_Reporter_Content": ("ContentReports", ["ReporterId", "ContentType", "ContentId"]),
    "UX_AiDailyUsage_User_Date": ("AiDailyUsage", ["UserId", "UsageDate"]),
    "UX_AiModelPrices_Model_From": ("AiModelPrices", ["AiProvider", "ModelName", "EffectiveFrom"]),
}
# name -> the columns its filter reads
FILTERED = {
    "IX_ModChecks_Queue": ["Decision"],
    "UX_Reports_Reporter_Content": ["ReporterId", "Status"],
}
CHECKS = {
    "AiHealthRecommendations": [
        "CK_AiRecs_Confidence",
        "CK_AiRecs_Urgency",
        "CK_AiHealthRecommendations_Trigger",
        "CK_AiHealthRecommendations_Category",
        "CK_AiHealthRecommendations_Status",
    ],
    "AiRecommendationFeedback": [],
    "ModerationChecks": [
        "CK_ModerationChecks_ContentType",
        "CK_ModerationChecks_Decision",
        "CK_ModerationChecks_ReviewOutcome",
    ],
    "ContentReports": [
        "CK_ContentReports_ContentType",
        "CK_ContentReports_Reason",
        "CK_ContentReports_Status",
    ],
    "AiUsageRecords": [
        "CK_AiUsage_Tokens",
        "CK_AiUsageRecords_Feature",
        "CK_AiUsageRecords_AiProvider",
        "CK_AiUsageRecords_Status",
    ],
    "AiDailyUsage": ["CK_AiDailyUsage_NonNeg"],
    "AiModelPrices": ["CK_AiModelPrices_AiProvider"],
}
# The catalog's Python defaults (a single value: no database default, SCHEMA.md §2 legend)
DEFAULTS = {
    ("AiHealthRecommendations", "Trigger"): "OnDemand",
    ("AiHealthRecommendations", "Urgency"): "Info",
    ("AiHealthRecommendations", "Status"): "Active",
    ("AiHealthRecommendations", "Details"): "",
    ("AiRecommendationFeedback", "Comment"): "",
    ("ContentReports", "Status"): "Open",
    ("ContentReports", "Details"): "",
    ("ContentReports", "Resolution"): "",
    ("AiUsageRecords", "ProviderRequestId"): "",
    ("AiUsageRecords", "PromptTokens"): 0,
    ("AiUsageRecords", "TotalTokens"): 0,
    ("AiUsageRecords", "CostUsd"): 0,
    ("AiUsageRecords", "ErrorCode"): "",
    ("AiDailyUsage", "RequestCount"): 0,
    ("AiDailyUsage", "CostUsd"): 0,
    ("AiModelPrices", "InputPerMillionUsd"): 0,
}
# now (CreatedAt) and auto (UpdatedAt) columns carry UtcNow(); the uuid pk carries NewGuid()
DB_DEFAULTS = {
    ("AiHealthRecommendations", "Id"): NewGuid,
    ("AiHealthRecommendations", "CreatedAt"): UtcNow,
    ("AiRecommendationFeedback", "CreatedAt"): UtcNow,
    ("ModerationChecks", "CreatedAt"): UtcNow,
    ("ContentReports", "CreatedAt"): UtcNow,
    ("AiDailyUsage", "UpdatedAt"): UtcNow,
}

MODELS = {
    m._meta.db_table: m
    for m in vars(ai_models).values()
    if isinstance(m, type) and issubclass(m, models.Model) and m._meta.app_label == "ai"
}


def _field(table: str, column: str) -> models.Field:
    (field,) = [f for f in MODELS[table]._meta.concrete_fields if f.column == column]
    return field


def test_the_catalog_covers_every_ai_model():
    assert set(MODELS) == set(CATALOG)


@pytest.mark.parametrize("table", CATALOG)
def test_model_has_exactly_the_catalogs_columns_types_and_delete_rules(table):
    assert model_columns(MODELS[table]) == CATALOG[table]


@pytest.mark.parametrize("table", CATALOG)
def test_migrated_table_has_the_catalogs_columns_and_nullability(db, table):
    assert db_columns(table) == {column: null for column, (_, null) in CATALOG[table].items()}


@pytest.mark.parametrize(("name", "where"), INDEXES.items(), ids=list(INDEXES))
def test_named_index_exists_with_its_columns(db, name, where):
    table, columns = where
    constraint = db_constraints(table)[name]
    assert (constraint["index"], constraint["unique"]) == (True, False)
    assert constraint["columns"] == columns


@pytest.mark.parametrize(("name", "where"), UNIQUES.items(), ids=list(UNIQUES))
def test_unique_key_exists_with_its_columns(db, name, where):
    table, columns = where
    constraint = db_constraints(table)[name]
    assert constraint["unique"] is True
    assert constraint["columns"] == columns


@pytest.mark.parametrize(("name", "columns"), FILTERED.items(), ids=list(FILTERED))
def test_filtered_index_reads_only_its_columns_with_a_sql_server_safe_filter(name, columns):
    table = (INDEXES.get(name) or UNIQUES[name])[0]
    model = MODELS[table]
    assert filter_columns(model, named(model, name)) == columns


def test_the_review_queue_holds_pending_checks_by_descending_score():
    queue = named(MODELS["ModerationChecks"], "IX_ModChecks_Queue")
    assert queue.fields == ["decision", "-max_score"]
    assert queue.condition.children == [("decision", "PendingReview")]


def test_the_open_report_key_covers_open_and_reviewing_reports_of_known_reporters():
    key = named(MODELS["ContentReports"], "UX_Reports_Reporter_Content")
    assert dict(key.condition.children) == {
        "status__in": ["Open", "Reviewing"],
        "reporter__isnull": False,
    }


@pytest.mark.parametrize("table", CHECKS)
def test_check_constraints_exist(db, table):
    found = {n for n, c in db_constraints(table).items() if c["check"] and n.startswith("CK_")}
    assert found == set(CHECKS[table])


@pytest.mark.parametrize(("where", "value"), DEFAULTS.items(), ids=[c for _, c in DEFAULTS])
def test_catalog_default(where, value):
    field = _field(*where)
    assert field.get_default() == value
    assert not field.has_db_default()


@pytest.mark.parametrize(("where", "expression"), DB_DEFAULTS.items(), ids=str)
def test_database_default(where, expression):
    assert isinstance(_field(*where).db_default, expression)


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("AiHealthRecommendations", "InputSnapshot"),
        ("ModerationChecks", "Categories"),
        ("ModerationChecks", "CategoryScores"),
        ("AiUsageRecords", "Metadata"),
    ],
)
def test_json_columns_default_to_an_empty_object(table, column):
    assert _field(table, column).get_default() == {}


def test_usage_request_id_is_unique_and_generated():
    field = _field("AiUsageRecords", "RequestId")
    assert field.unique is True
    assert field.get_default() != field.get_default()


def test_no_generated_index_duplicates_a_named_one(db):
    # FK columns that lead a named index or key carry no second, generated index (0.1)
    for table in CATALOG:
        constraints = db_constraints(table)
        leads = {
            c["columns"][0]
            for n, c in constraints.items()
            if (c["index"] or c["unique"])
            and n[:3] in ("IX_", "UX_")
            and c["columns"]
            and n not in FILTERED
        }
        generated = [
            n
            for n, c in constraints.items()
            if c["index"]
            and not c["unique"]
            and n[:3] not in ("IX_", "UX_")
            and not c["primary_key"]
            and c["columns"]
            and c["columns"][0] in leads
        ]
        assert generated == [], table
