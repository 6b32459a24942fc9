"""The form step of a changelist action (a reason, a role, …), shared by the accounts
admin modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse

ACTION_FORM_TEMPLATE = "admin/accounts/action_form.html"
# Marks the second step of an action with a form (the first step comes from the list).
APPLY_FIELD = "_apply_action_form"


def action_form_page(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    objects: QuerySet | list,
    *,
    form_class,
    title: str,
    submit_label: str,
    on_valid: Callable[[dict[str, Any]], Any],
    intro: str = "",
    action: str | None = None,
    cancel_url: str | None = None,
):
    """The form step of an action: show `form_class`; once valid, call `on_valid`.

    For a changelist action (`action` given) it returns None after `on_valid`, which
    sends the browser back to the list; otherwise it returns `on_valid`'s result.
    """
    form = None
    if request.method == "POST" and request.POST.get(APPLY_FIELD) == "1":
        form = form_class(request.POST)
        if form.is_valid():
            return on_valid(form.cleaned_data)
    if form is None:
        form = form_class()
    opts = modeladmin.opts
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "intro": intro,
        "form": form,
        "objects": list(objects),
        "opts": opts,
        "action": action,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "apply_field": APPLY_FIELD,
        "submit_label": submit_label,
        "cancel_url": cancel_url or reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        "media": modeladmin.media + form.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, ACTION_FORM_TEMPLATE, context)
