"""The platform admin: typed system settings (masked when encrypted) and stored files."""

from __future__ import annotations

import pytest
from django.urls import reverse

from audit.choices import AuditAction
from audit.models import AuditLog
from doggy.choices import ScanStatus, SettingDataType
from doggy.models import SystemSetting
from doggy.selectors import setting_get
from doggy.services import system_setting_create
from tests.accounts.factories import UserFactory
from tests.doggy.factories import StoredFileFactory, SystemSettingFactory

SECRET = "sk_live_plaintext_value_123"  # noqa: S105 - a test value that must never leak


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def encrypted_setting(db, settings):
    return system_setting_create(
        actor=None,
        key="Payments.ApiKey",
        value=SECRET,
        data_type=SettingDataType.STRING,
        category="Payments",
        is_encrypted=True,
    )


def _change_url(setting: SystemSetting) -> str:
    return reverse("admin:doggy_systemsetting_change", args=[setting.pk])


@pytest.mark.django_db
def test_wrong_setting_value_shows_a_form_error_and_writes_nothing(superuser_client):
    # given an integer setting limited to three digits
    setting = SystemSettingFactory(
        setting_key="AI.DailyRequestLimit",
        setting_value="100",
        data_type=SettingDataType.INTEGER,
        validation_rule=r"\d{1,3}",
    )
    # when a superuser saves a word, then a number too long for the rule
    word = superuser_client.post(_change_url(setting), {"value": "lots"})
    long = superuser_client.post(_change_url(setting), {"value": "5000"})
    # then each shows the error on the value and nothing is written
    assert word.status_code == 200
    assert word.context["adminform"].form.errors["value"] == ["Enter a whole number."]
    assert long.status_code == 200
    assert long.context["adminform"].form.errors["value"]
    setting.refresh_from_db()
    assert setting.setting_value == "100"
    assert not AuditLog.objects.exists()


@pytest.mark.django_db
def test_valid_setting_value_is_saved_through_the_service(superuser_client, superuser):
    # given a boolean setting
    setting = SystemSettingFactory(
        setting_key="Platform.MaintenanceMode",
        setting_value="false",
        data_type=SettingDataType.BOOLEAN,
    )
    # when a superuser turns it on
    response = superuser_client.post(_change_url(setting), {"value": "TRUE"})
    # then the canonical value is stored, read back typed and audited with old and new
    assert response.status_code == 302
    setting.refresh_from_db()
    assert (setting.setting_value, setting.updated_by_id) == ("true", superuser.pk)
    assert setting_get("Platform.MaintenanceMode") is True
    row = AuditLog.objects.get(action=AuditAction.SETTING_CHANGED)
    assert row.old_values["setting_value"] == "false"
    assert row.new_values["setting_value"] == "true"


@pytest.mark.django_db
def test_encrypted_setting_never_appears_in_the_admin(superuser_client, encrypted_setting):
    # given an encrypted setting (stored as a Fernet token)
    ciphertext = encrypted_setting.setting_value
    assert ciphertext != SECRET
    # when its list and change page are shown
    listing = superuser_client.get(reverse("admin:doggy_systemsetting_changelist"))
    page = superuser_client.get(_change_url(encrypted_setting))
    # then neither the plaintext nor the ciphertext is in the HTML; the list shows a mask
    for response in (listing, page):
        html = response.content.decode()
        assert response.status_code == 200
        assert SECRET not in html
        assert ciphertext not in html
    assert "********" in listing.content.decode()


@pytest.mark.django_db
def test_empty_encrypted_value_keeps_the_stored_one(superuser_client, encrypted_setting):
    # given an encrypted setting
    ciphertext = encrypted_setting.setting_value
    # when the form is saved with the value left empty
    response = superuser_client.post(_change_url(encrypted_setting), {"value": ""})
    # then nothing changes and nothing is audited
    assert response.status_code == 302
    encrypted_setting.refresh_from_db()
    assert encrypted_setting.setting_value == ciphertext
    assert setting_get("Payments.ApiKey") == SECRET
    assert not AuditLog.objects.filter(action=AuditAction.SETTING_CHANGED).exists()


@pytest.mark.django_db
def test_new_encrypted_value_is_stored_encrypted_and_audited_masked(
    superuser_client, encrypted_setting
):
    # when a superuser replaces the secret
    response = superuser_client.post(_change_url(encrypted_setting), {"value": "new-secret-9"})
    # then it reads back decrypted, while neither the page nor the audit row holds it
    assert response.status_code == 302
    assert setting_get("Payments.ApiKey") == "new-secret-9"
    row = AuditLog.objects.get(action=AuditAction.SETTING_CHANGED)
    assert "new-secret-9" not in str(row.new_values)
    assert SECRET not in str(row.old_values)


@pytest.mark.django_db
def test_only_superusers_change_settings_that_are_not_user_editable(client, roles_admin):
    # given a system.admin holder who is staff, not superuser, and two settings
    client.force_login(roles_admin)
    locked = SystemSettingFactory(
        setting_key="Platform.SessionTimeoutMinutes",
        setting_value="120",
        data_type=SettingDataType.INTEGER,
        is_user_editable=False,
    )
    editable = SystemSettingFactory(
        setting_key="Calendar.BookingAdvanceDays",
        setting_value="30",
        data_type=SettingDataType.INTEGER,
        is_user_editable=True,
    )
    # when they save both
    refused = client.post(_change_url(locked), {"value": "5"})
    view = client.get(_change_url(locked))
    allowed = client.post(_change_url(editable), {"value": "60"})
    # then the locked one is refused (and shown read-only), the editable one changes
    assert refused.status_code == 403
    assert view.status_code == 200
    assert 'name="value"' not in view.content.decode()
    assert allowed.status_code == 302
    locked.refresh_from_db()
    editable.refresh_from_db()
    assert (locked.setting_value, editable.setting_value) == ("120", "60")


@pytest.fixture
def roles_admin(db, user_with_permission):
    member = user_with_permission("system.admin")
    member.is_staff = True
    member.save(update_fields=["is_staff"])
    return member


@pytest.mark.django_db
def test_superuser_defines_a_setting_through_the_service(superuser_client):
    # when a superuser adds a setting with a value its rule refuses, then a good one
    url = reverse("admin:doggy_systemsetting_add")
    data = {
        "setting_key": "Files.MaxImages",
        "value": "many",
        "data_type": SettingDataType.INTEGER,
        "category": "Files",
        "description": "",
        "validation_rule": "",
    }
    refused = superuser_client.post(url, data)
    created = superuser_client.post(url, {**data, "value": "12"})
    # then the first shows the error on the value, the second creates the row, audited
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors["value"] == ["Enter a whole number."]
    assert created.status_code == 302
    assert setting_get("Files.MaxImages") == 12
    assert (
        AuditLog.objects.filter(
            action=AuditAction.CREATE, entity_type="doggy.SystemSetting"
        ).count()
        == 1
    )


@pytest.mark.django_db
def test_settings_cannot_be_deleted(superuser_client):
    # given a setting
    setting = SystemSettingFactory(setting_key="Test.Keep")
    # when a superuser posts its delete page
    response = superuser_client.post(
        reverse("admin:doggy_systemsetting_delete", args=[setting.pk]), {"post": "yes"}
    )
    # then it is refused
    assert response.status_code == 403
    assert SystemSetting.objects.filter(pk=setting.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "query"),
    [
        ("by purpose", {"purpose__exact": "KycDocument"}),
        ("by scan status", {"scan_status__exact": ScanStatus.INFECTED}),
        ("by name", {"q": "passport"}),
    ],
)
def test_stored_file_list_filters_and_searches(superuser_client, _case, query):
    # given a clean dog photo and an infected KYC passport scan
    StoredFileFactory(original_file_name="rex.png")
    wanted = StoredFileFactory(
        purpose="KycDocument",
        scan_status=ScanStatus.INFECTED,
        original_file_name="passport.png",
        owner=UserFactory(),
    )
    # when the list is filtered or searched
    response = superuser_client.get(reverse("admin:doggy_storedfile_changelist"), query)
    # then only the scan is listed
    assert [f.pk for f in response.context["cl"].result_list] == [wanted.pk]


@pytest.mark.django_db
def test_stored_file_admin_is_read_only(superuser_client):
    # given a file
    stored = StoredFileFactory()
    # when a superuser tries to add, change or delete
    add = superuser_client.get(reverse("admin:doggy_storedfile_add"))
    change = superuser_client.post(
        reverse("admin:doggy_storedfile_change", args=[stored.pk]), {"scan_status": "Clean"}
    )
    delete = superuser_client.post(
        reverse("admin:doggy_storedfile_delete", args=[stored.pk]), {"post": "yes"}
    )
    # then each is refused
    assert (add.status_code, change.status_code, delete.status_code) == (403, 403, 403)
