"""Plan 038 against SCHEMA.md 2.38 and A19, and its keys and CHECKs refused in the DB."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from accounts.models import BackgroundCheck, ProviderCredentialType
from tests import catalog
from tests.accounts.factories import (
    BackgroundCheckFactory,
    ProviderCredentialFactory,
    ProviderCredentialTypeFactory,
)

COLUMNS = {
    "ProviderCredentialTypes": {
        "Id": False,
        "Code": False,
        "Name": False,
        "IsRequired": False,
        "CategoryId": True,
    },
    "ProviderCredentials": {
        "Id": False,
        "ProviderId": False,
        "CredentialType": False,
        "Issuer": False,
        "CredentialNumber": False,
        "IssuedOn": True,
        "ExpiresOn": True,
        "CoverageAmount": True,
        "FileId": True,
        "Status": False,
        "VerifiedById": True,
        "VerifiedAt": True,
        "RejectionReason": False,
        "CreatedAt": False,
        "UpdatedAt": False,
        # accounts/0014: the 30-day expiry notice, once per credential
        "ExpiryNoticeSentAt": True,
    },
    "BackgroundChecks": {
        "Id": False,
        "ProviderId": False,
        "Vendor": False,
        "ExternalReportId": True,
        "Status": False,
        "Result": True,
        "Adjudication": True,
        "RequestedAt": False,
        "CompletedAt": True,
        "ExpiresAt": True,
    },
}
INDEXES = {
    "IX_ProvCreds_Provider_Status": ("ProviderCredentials", ["ProviderId", "Status"]),
    "IX_ProvCreds_Expires": ("ProviderCredentials", ["ExpiresOn"]),
    "IX_BgChecks_Provider": ("BackgroundChecks", ["ProviderId", "RequestedAt"]),
}
UNIQUES = {
    "UX_BgChecks_Vendor_Report": ("BackgroundChecks", ["Vendor", "ExternalReportId"]),
    "UX_ProvCredTypes_Code_All": ("ProviderCredentialTypes", ["Code"]),
    "UX_ProvCredTypes_Code_Cat": ("ProviderCredentialTypes", ["Code", "CategoryId"]),
}
FILTERED = {
    "IX_ProvCreds_Expires": ("ProviderCredentials", ["Status"]),
    "UX_BgChecks_Vendor_Report": ("BackgroundChecks", ["ExternalReportId"]),
    "UX_ProvCredTypes_Code_All": ("ProviderCredentialTypes", ["CategoryId"]),
    "UX_ProvCredTypes_Code_Cat": ("ProviderCredentialTypes", ["CategoryId"]),
}
CHECKS = {
    "ProviderCredentialTypes": {"CK_ProviderCredentialTypes_Code"},
    "ProviderCredentials": {
        "CK_ProvCreds_Dates",
        "CK_ProvCreds_Coverage",
        "CK_ProviderCredentials_CredentialType",
        "CK_ProviderCredentials_Status",
    },
    "BackgroundChecks": {
        "CK_BackgroundChecks_Vendor",
        "CK_BackgroundChecks_Status",
        "CK_BackgroundChecks_Result",
        "CK_BackgroundChecks_Adjudication",
    },
}
TODAY = datetime.date(2026, 6, 1)
BAD_UPDATES = [
    ("CK_ProviderCredentialTypes_Code", ProviderCredentialTypeFactory, {"code": "Diploma"}),
    (
        "CK_ProvCreds_Dates",
        ProviderCredentialFactory,
        {"issued_on": TODAY, "expires_on": TODAY},
    ),
    ("CK_ProvCreds_Coverage", ProviderCredentialFactory, {"coverage_amount": -1}),
    ("CK_ProviderCredentials_CredentialType", ProviderCredentialFactory, {"credential_type": "X"}),
    ("CK_ProviderCredentials_Status", ProviderCredentialFactory, {"status": "Approved"}),
    ("CK_BackgroundChecks_Vendor", BackgroundCheckFactory, {"vendor": "checkr"}),
    ("CK_BackgroundChecks_Status", BackgroundCheckFactory, {"status": "Complete"}),
    ("CK_BackgroundChecks_Result", BackgroundCheckFactory, {"result": "fail"}),
    ("CK_BackgroundChecks_Adjudication", BackgroundCheckFactory, {"adjudication": "done"}),
]


@pytest.mark.parametrize("table", COLUMNS)
def test_table_has_exactly_the_catalogs_columns(db, table):
    assert catalog.db_columns(table) == COLUMNS[table]


@pytest.mark.parametrize(("name", "where"), INDEXES.items(), ids=list(INDEXES))
def test_named_index_exists(db, name, where):
    catalog.assert_index(where[0], name, where[1], unique=False)


@pytest.mark.parametrize(("name", "where"), UNIQUES.items(), ids=list(UNIQUES))
def test_unique_key_exists(db, name, where):
    catalog.assert_index(where[0], name, where[1], unique=True)


@pytest.mark.parametrize(("name", "where"), FILTERED.items(), ids=list(FILTERED))
def test_filtered_index_has_an_and_only_filter(name, where):
    catalog.assert_filter_reads(where[0], name, where[1])


@pytest.mark.parametrize("table", CHECKS)
def test_check_constraints_exist(db, table):
    assert catalog.named_checks(table) == CHECKS[table]


@pytest.mark.parametrize("table", COLUMNS)
def test_no_generated_index_duplicates_a_named_one(db, table):
    assert catalog.generated_duplicates(table) == []


@pytest.mark.parametrize(("_case", "factory", "values"), BAD_UPDATES)
def test_check_constraint_refuses_bad_values(db, _case, factory, values):
    row = factory()
    model = type(row)
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**values)
    assert model.objects.filter(pk=row.pk).values(*values).get() != values


def test_a_vendor_report_is_stored_once_but_many_may_wait_for_their_id(db):
    check = BackgroundCheckFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        BackgroundCheckFactory(external_report_id=check.external_report_id)
    BackgroundCheckFactory(provider=check.provider, external_report_id=None)
    BackgroundCheckFactory(provider=check.provider, external_report_id=None)
    assert BackgroundCheck.objects.filter(provider=check.provider).count() == 3


def test_the_required_credential_types_are_seeded(db):
    # A19: every provider needs insurance and a business licence; vets a licence
    required_of_all = set(
        ProviderCredentialType.objects.filter(category__isnull=True, is_required=True).values_list(
            "code", flat=True
        )
    )
    assert required_of_all == {"BusinessLicense", "LiabilityInsurance"}
    vet = ProviderCredentialType.objects.get(category__slug="vet-consult")
    assert (vet.code, vet.is_required) == ("VeterinaryLicense", True)


def test_a_credential_type_is_listed_once_for_all_and_once_per_category(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProviderCredentialType.objects.bulk_create(
            [ProviderCredentialType(code="Bonding", name="Bond again")]
        )
    row = ProviderCredentialTypeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProviderCredentialTypeFactory(code=row.code, category=row.category)
