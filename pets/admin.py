"""Staff screens of the pets app: dogs with their medical records and shares.

Writes go through the services, so staff changes are validated and audited like an
owner's: a dog is added and changed with `dog_create` / `dog_update`, deactivated (never
deleted) with `dog_deactivate`; medical records are corrected with the
"entered in error" action; shares are revoked with `dog_share_revoke`. Record and share
screens are otherwise read-only, and the dog page shows every record inline.
"""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin, adopt_saved, call_for_each

from . import services
from .models import (
    DogAccessGrant,
    DogAllergy,
    DogCondition,
    DogProfile,
    MedicalDocument,
    Medication,
    Vaccination,
    VetVisit,
    WeightRecord,
)
from .selectors import dog_fulltext_filter


# --- Inlines on the dog page: read-only, each row links to its own screen ------------------
class _RecordInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class VaccinationInline(_RecordInline):
    model = Vaccination
    fields = ("vaccine_name", "vaccine_type", "status", "administered_on", "next_due_on")


class MedicationInline(_RecordInline):
    model = Medication
    fields = ("name", "dosage", "dosage_unit", "frequency", "status", "start_date", "end_date")


class DogConditionInline(_RecordInline):
    model = DogCondition
    fields = ("name", "clinical_status", "severity", "onset_date", "resolved_date")


class DogAllergyInline(_RecordInline):
    model = DogAllergy
    fields = ("substance", "category", "criticality", "clinical_status")


class VetVisitInline(_RecordInline):
    model = VetVisit
    fields = ("visit_date", "reason", "clinic_name", "weight_at_visit", "follow_up_on")


class MedicalDocumentInline(_RecordInline):
    model = MedicalDocument
    fields = ("title", "document_type", "issued_on", "file")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("file")


class WeightRecordInline(_RecordInline):
    model = WeightRecord
    fields = ("measured_on", "weight", "source")


class DogAccessGrantInline(_RecordInline):
    model = DogAccessGrant
    fk_name = "dog"
    fields = ("grantee", "access_level", "expires_at", "created_at", "revoked_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("grantee")


# --- Dogs ------------------------------------------------------------------------------------
@admin.register(DogProfile)
class DogProfileAdmin(AuditedModelAdmin):
    list_display = ("name", "owner", "breed", "gender", "birthdate", "is_active", "created_at")
    list_filter = ("is_active", "gender", "energy_level", "socialization_level", "training_level")
    list_select_related = ("owner",)
    search_fields = ("owner__email", "microchip_number")
    search_help_text = (
        "Words in name, breeds, special needs or behaviour notes; or an owner's email or a "
        "microchip number."
    )
    ordering = ("name",)
    raw_id_fields = ("owner",)
    readonly_fields = ("id", "created_at", "updated_at")
    date_hierarchy = "created_at"
    actions = ("deactivate_dogs",)
    inlines = (
        VaccinationInline,
        MedicationInline,
        DogConditionInline,
        DogAllergyInline,
        VetVisitInline,
        MedicalDocumentInline,
        WeightRecordInline,
        DogAccessGrantInline,
    )
    fieldsets = (
        (None, {"fields": ("id", "owner", "name", "is_active")}),
        (
            "Profile",
            {
                "fields": (
                    ("breed", "secondary_breed"),
                    ("birthdate", "gender", "is_spayed_neutered"),
                    ("weight", "height"),
                    ("coat_color", "coat_type", "eye_color"),
                    ("microchip_number", "registration_number"),
                )
            },
        ),
        (
            "Health and behaviour",
            {
                "fields": (
                    ("energy_level", "socialization_level", "training_level"),
                    "special_needs",
                    "medications",
                    "allergies",
                    "behavior_notes",
                    "dietary_restrictions",
                )
            },
        ),
        (
            "Contacts",
            {
                "classes": ("collapse",),
                "fields": (
                    ("emergency_contact_name", "emergency_contact_phone"),
                    "emergency_contact_relationship",
                    ("veterinarian_name", "veterinarian_phone"),
                    "veterinarian_address",
                ),
            },
        ),
        ("Media", {"fields": ("profile_image_url", "additional_photos")}),
        ("Timestamps", {"fields": ("created_at", "updated_at")}),
    )

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        # Moving a dog to another owner is not a profile edit; it has no service yet.
        return (*fields, "owner") if obj is not None else fields

    def get_search_results(self, request, queryset, search_term):
        """The API's full-text search (GIN / FULLTEXT / substring), plus owner email and
        microchip number."""
        if not search_term:
            return queryset, False
        others, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        matched = dog_fulltext_filter(queryset, search_term).values("pk")
        return queryset.filter(pk__in=matched) | others, may_have_duplicates

    def has_delete_permission(self, request, obj=None):
        # Dogs are deactivated, never deleted (SCHEMA.md D14).
        return False

    def save_model(self, request, obj, form, change):
        data = {
            name: form.cleaned_data[name]
            for name in (form.changed_data if change else form.cleaned_data)
            if name in services.DOG_WRITABLE_FIELDS
        }
        if not change:
            saved = services.dog_create(
                actor=request.user, owner=form.cleaned_data["owner"], **data
            )
            if not form.cleaned_data.get("is_active", True):
                services.dog_deactivate(actor=request.user, dog=saved)
            adopt_saved(obj, saved)
            return
        dog = DogProfile.objects.get(pk=obj.pk)
        if data:
            services.dog_update(actor=request.user, dog=dog, **data)
        if "is_active" in form.changed_data:
            if form.cleaned_data["is_active"]:
                services.dog_reactivate(actor=request.user, dog=dog)
            else:
                services.dog_deactivate(actor=request.user, dog=dog)
        obj.refresh_from_db()

    @admin.action(description="Deactivate selected dogs", permissions=["change"])
    def deactivate_dogs(self, request, queryset):
        call_for_each(
            request,
            queryset,
            lambda dog: services.dog_deactivate(actor=request.user, dog=dog),
            done="{count} dog(s) deactivated.",
        )


# --- Medical records: read-only screens with the correction action ------------------------------
_CORRECTIONS = {
    Vaccination: ("vaccination", services.vaccination_mark_entered_in_error),
    Medication: ("medication", services.medication_mark_entered_in_error),
    DogCondition: ("condition", services.condition_mark_entered_in_error),
    DogAllergy: ("allergy", services.allergy_mark_entered_in_error),
}


class MedicalRecordAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    """A record kind's list and detail; corrections go through the services."""

    list_select_related = ("dog", "dog__owner")
    raw_id_fields = ("dog", "recorded_by")
    search_fields = ("dog__name", "dog__owner__email")
    date_hierarchy = "created_at"

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.model not in _CORRECTIONS:
            actions.pop("mark_entered_in_error", None)
        return actions

    @admin.action(description="Mark selected records entered in error")
    def mark_entered_in_error(self, request, queryset):
        kwarg, service = _CORRECTIONS[self.model]
        call_for_each(
            request,
            queryset.select_related("dog"),
            lambda record: service(
                actor=request.user, **{kwarg: record}, reason="Corrected by staff."
            ),
            done="{count} record(s) marked entered in error.",
        )

    actions = ("mark_entered_in_error",)


@admin.register(Vaccination)
class VaccinationAdmin(MedicalRecordAdmin):
    list_display = ("vaccine_name", "dog", "status", "administered_on", "next_due_on")
    list_filter = ("status", "vaccine_type")
    search_fields = (*MedicalRecordAdmin.search_fields, "vaccine_name", "lot_number")
    raw_id_fields = (*MedicalRecordAdmin.raw_id_fields, "certificate_file", "vet_visit")


@admin.register(Medication)
class MedicationAdmin(MedicalRecordAdmin):
    list_display = ("name", "dog", "status", "dosage", "dosage_unit", "start_date", "end_date")
    list_filter = ("status", "route")
    search_fields = (*MedicalRecordAdmin.search_fields, "name")


@admin.register(DogCondition)
class DogConditionAdmin(MedicalRecordAdmin):
    list_display = ("name", "dog", "clinical_status", "severity", "onset_date")
    list_filter = ("clinical_status", "severity")
    search_fields = (*MedicalRecordAdmin.search_fields, "name")


@admin.register(DogAllergy)
class DogAllergyAdmin(MedicalRecordAdmin):
    list_display = ("substance", "dog", "category", "criticality", "clinical_status")
    list_filter = ("clinical_status", "category", "criticality")
    search_fields = (*MedicalRecordAdmin.search_fields, "substance")


@admin.register(VetVisit)
class VetVisitAdmin(MedicalRecordAdmin):
    list_display = ("visit_date", "dog", "reason", "clinic_name", "cost", "currency")
    list_filter = ("currency",)
    search_fields = (*MedicalRecordAdmin.search_fields, "reason", "clinic_name")


@admin.register(MedicalDocument)
class MedicalDocumentAdmin(MedicalRecordAdmin):
    list_display = ("title", "dog", "document_type", "issued_on")
    list_filter = ("document_type",)
    list_select_related = (*MedicalRecordAdmin.list_select_related, "file")
    search_fields = (*MedicalRecordAdmin.search_fields, "title")
    raw_id_fields = (*MedicalRecordAdmin.raw_id_fields, "file", "vet_visit")


@admin.register(WeightRecord)
class WeightRecordAdmin(MedicalRecordAdmin):
    list_display = ("measured_on", "dog", "weight", "source")
    list_filter = ("source",)


# --- Shares ----------------------------------------------------------------------------------
@admin.register(DogAccessGrant)
class DogAccessGrantAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    list_display = ("dog", "grantee", "access_level", "expires_at", "revoked_at", "created_at")
    list_filter = ("access_level", ("revoked_at", admin.EmptyFieldListFilter))
    list_select_related = ("dog", "grantee")
    search_fields = ("dog__name", "grantee__email", "dog__owner__email")
    raw_id_fields = ("dog", "grantee", "granted_by")
    date_hierarchy = "created_at"
    actions = ("revoke_shares",)

    @admin.action(description="Revoke selected shares")
    def revoke_shares(self, request, queryset):
        call_for_each(
            request,
            queryset.filter(revoked_at__isnull=True).select_related("dog", "grantee"),
            lambda grant: services.dog_share_revoke(actor=request.user, grant=grant),
            done="{count} share(s) revoked.",
        )


from . import admin_contacts  # noqa: E402, F401
