"""An owner's expense ledger (plan 040), under /api/v1/billing/: categories (the seeded
ones and the owner's own), expenses (CRUD, filtered), receipts, the streaming CSV export,
budgets and the summary by month and category with each budget's status. Always the
caller's own."""

from __future__ import annotations

import csv
from decimal import Decimal

from django.core.files.storage import storages
from django.http import FileResponse, StreamingHttpResponse
from django.urls import path
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.filtering import query_filters
from doggy.api.output import FastOutputMixin
from doggy.api.renderers import ORJSONRenderer
from doggy.api.serializers import ErrorSerializer
from doggy.core.errors import NotFoundError
from doggy.core.spreadsheet import formula_safe

from ..choices import BudgetPeriod
from ..errors import BillingErrorCode
from ..expense_selectors import (
    EXPORT_COLUMNS,
    budget_get,
    budget_list,
    expense_category_get_own,
    expense_category_list,
    expense_export_rows,
    expense_get,
    expense_list,
    expense_receipt_get,
    expense_summary,
)
from ..expense_services import (
    budget_create,
    budget_delete,
    budget_update,
    expense_category_create,
    expense_category_delete,
    expense_create,
    expense_delete,
    expense_receipt_attach,
    expense_receipt_remove,
    expense_update,
)
from ..models import ExpenseBudget, ExpenseCategory, PetExpense

EXPENSE_TAG = "expenses"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")


class ExpenseCategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = ExpenseCategory
        fields = ["slug", "name", "icon", "is_system", "sort_order"]
        read_only_fields = fields


class ExpenseCategoryInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    icon = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    sort_order = serializers.IntegerField(
        required=False, default=100, min_value=0, max_value=1_000_000
    )


class ExpenseReceiptSerializer(FastOutputMixin, serializers.Serializer):
    """The expense's receipt: downloadable from `expenses/{id}/receipt/` once `scan_status`
    is Clean."""

    file_name = serializers.CharField(source="original_file_name")
    content_type = serializers.CharField()
    size_bytes = serializers.IntegerField()
    scan_status = serializers.CharField()


class ExpenseSerializer(FastOutputMixin, serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    dog = serializers.UUIDField(source="dog_id", read_only=True, allow_null=True)
    receipt = ExpenseReceiptSerializer(source="receipt_file", read_only=True, allow_null=True)

    class Meta:
        model = PetExpense
        fields = [
            "id",
            "dog",
            "category",
            "amount",
            "currency",
            "expense_date",
            "vendor",
            "description",
            "source",
            "receipt",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ExpenseInputSerializer(serializers.Serializer):
    """An expense's columns; PATCH validates with `partial=True`."""

    dog = serializers.UUIDField(required=False, allow_null=True)
    category = serializers.SlugField(max_length=100)
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    currency = serializers.RegexField(
        r"^[A-Za-z]{3}$", error_messages={"invalid": "Use an ISO-4217 code, e.g. USD."}
    )
    expense_date = serializers.DateField()
    vendor = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description = serializers.CharField(max_length=500, required=False, allow_blank=True)


class ExpenseFilterSerializer(serializers.Serializer):
    dog = serializers.UUIDField(required=False)
    category = serializers.SlugField(required=False)
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)
    currency = serializers.RegexField(r"^[A-Za-z]{3}$", required=False)

    def validate(self, attrs):
        start, end = attrs.get("date_from"), attrs.get("date_to")
        if start and end and end < start:
            raise serializers.ValidationError({"date_to": ["Must not be before date_from."]})
        return attrs


def _filters(request) -> dict:
    return query_filters(ExpenseFilterSerializer, request.query_params)


class _MonthTotal(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    category = serializers.CharField()
    currency = serializers.CharField()
    total = serializers.DecimalField(max_digits=14, decimal_places=2)
    count = serializers.IntegerField()


class _CategoryTotal(serializers.Serializer):
    category = serializers.CharField()
    name = serializers.CharField()
    currency = serializers.CharField()
    total = serializers.DecimalField(max_digits=14, decimal_places=2)
    count = serializers.IntegerField()


class _CurrencyTotal(serializers.Serializer):
    currency = serializers.CharField()
    total = serializers.DecimalField(max_digits=14, decimal_places=2)


class BudgetStatusSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    category = serializers.CharField(allow_null=True, help_text="null: the total budget")
    period = serializers.ChoiceField(choices=BudgetPeriod.choices)
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    amount = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField()
    spent = serializers.DecimalField(
        max_digits=14, decimal_places=2, help_text="In the budget's currency only."
    )
    remaining = serializers.DecimalField(max_digits=14, decimal_places=2)
    percent = serializers.IntegerField(help_text="spent / amount, in whole percent")
    other_currencies = serializers.ListField(
        child=serializers.CharField(),
        help_text="Currencies of the period's other expenses, not counted (never converted).",
    )


class ExpenseSummarySerializer(serializers.Serializer):
    by_month = _MonthTotal(many=True)
    by_category = _CategoryTotal(many=True)
    totals = _CurrencyTotal(many=True)
    budgets = BudgetStatusSerializer(many=True)


class BudgetSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = ExpenseBudget
        fields = ["id", "category", "period", "amount", "currency"]
        read_only_fields = fields


class BudgetInputSerializer(serializers.Serializer):
    """A budget's columns; `category` null (or left out) is the total budget. PATCH
    validates with `partial=True`."""

    category = serializers.SlugField(max_length=100, required=False, allow_null=True, default=None)
    period = serializers.ChoiceField(choices=BudgetPeriod.choices, default=BudgetPeriod.MONTHLY)
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    currency = serializers.RegexField(
        r"^[A-Za-z]{3}$", error_messages={"invalid": "Use an ISO-4217 code, e.g. USD."}
    )


class ReceiptInputSerializer(serializers.Serializer):
    # An empty file is the service's `file_empty`, as for every upload.
    file = serializers.FileField(
        allow_empty_file=True, help_text="A JPEG, PNG, WebP or PDF of at most 10 MiB."
    )


FILTER_PARAMETERS = ExpenseFilterSerializer


@extend_schema_view(
    get=extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expense_categories_list",
        responses={200: ExpenseCategorySerializer(many=True), 401: ERROR},
    )
)
class ExpenseCategoryListView(generics.ListAPIView):
    """The seeded categories and the caller's own (GET); add one of their own (POST)."""

    permission_classes = [IsAuthenticated]
    serializer_class = ExpenseCategorySerializer
    filter_backends: list = []
    pagination_class = None

    def get_queryset(self):
        return expense_category_list(actor=self.request.user)

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expense_categories_create",
        request=ExpenseCategoryInputSerializer,
        responses={201: ExpenseCategorySerializer, 400: ERROR, 401: ERROR, 409: ERROR},
    )
    def post(self, request):
        data = ExpenseCategoryInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        category = expense_category_create(actor=request.user, **data.validated_data)
        return Response(ExpenseCategorySerializer(category).data, status=status.HTTP_201_CREATED)


class ExpenseCategoryDetailView(APIView):
    """Delete one of the caller's own categories (the seeded ones are nobody's to delete)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expense_categories_destroy",
        responses={204: None, 401: ERROR, 404: ERROR, 409: ERROR},
    )
    def delete(self, request, slug):
        category = expense_category_get_own(actor=request.user, slug=slug)
        expense_category_delete(actor=request.user, category=category)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExpenseListView(generics.ListAPIView):
    """The caller's expenses, newest first, filtered (GET); record one (POST)."""

    permission_classes = [IsAuthenticated]
    serializer_class = ExpenseSerializer
    filter_backends: list = []

    def get_queryset(self):
        return expense_list(actor=self.request.user, filters=_filters(self.request))

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expenses_list",
        parameters=[FILTER_PARAMETERS],
        responses={200: ExpenseSerializer(many=True), 400: ERROR, 401: ERROR},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expenses_create",
        request=ExpenseInputSerializer,
        responses={201: ExpenseSerializer, 400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request):
        data = ExpenseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        expense = expense_create(actor=request.user, **data.validated_data)
        expense = expense_get(actor=request.user, expense_id=expense.pk)
        return Response(ExpenseSerializer(expense).data, status=status.HTTP_201_CREATED)


class ExpenseDetailView(APIView):
    """One of the caller's expenses: read, edit, delete."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expenses_retrieve",
        responses={200: ExpenseSerializer, 401: ERROR, 404: ERROR},
    )
    def get(self, request, expense_id):
        return Response(
            ExpenseSerializer(expense_get(actor=request.user, expense_id=expense_id)).data
        )

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expenses_update",
        request=ExpenseInputSerializer,
        responses={
            200: ExpenseSerializer,
            400: ERROR,
            401: ERROR,
            403: ERROR,
            404: ERROR,
            409: ERROR,
        },
    )
    def patch(self, request, expense_id):
        expense = expense_get(actor=request.user, expense_id=expense_id)
        data = ExpenseInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        expense_update(actor=request.user, expense=expense, **data.validated_data)
        return Response(
            ExpenseSerializer(expense_get(actor=request.user, expense_id=expense_id)).data
        )

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expenses_destroy",
        responses={204: None, 401: ERROR, 404: ERROR},
    )
    def delete(self, request, expense_id):
        expense = expense_get(actor=request.user, expense_id=expense_id)
        expense_delete(actor=request.user, expense=expense)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExpenseSummaryView(APIView):
    """Totals of the caller's (filtered) expenses by month and category, per currency."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expenses_summary",
        parameters=[FILTER_PARAMETERS],
        responses={200: ExpenseSummarySerializer, 400: ERROR, 401: ERROR},
    )
    def get(self, request):
        summary = expense_summary(actor=request.user, filters=_filters(request))
        return Response(ExpenseSummarySerializer(summary).data)


# --- Receipts -------------------------------------------------------------------------------


class ExpenseReceiptView(APIView):
    """The receipt of one of the caller's expenses: upload or replace it (PUT, multipart
    `file`), download it once its virus scan passed (GET), remove it (DELETE)."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expenses_receipt_download",
        responses={
            (200, "application/octet-stream"): OpenApiTypes.BINARY,
            401: ERROR,
            404: ERROR,
        },
    )
    def get(self, request, expense_id):
        stored = expense_receipt_get(actor=request.user, expense_id=expense_id)
        try:
            handle = storages[stored.storage_backend].open(stored.storage_key, "rb")
        except OSError:
            raise NotFoundError(
                BillingErrorCode.EXPENSE_RECEIPT_NOT_FOUND, "Receipt not found."
            ) from None
        response = FileResponse(
            handle,
            content_type=stored.content_type,
            as_attachment=True,
            filename=stored.original_file_name,
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expenses_receipt_put",
        request={"multipart/form-data": ReceiptInputSerializer},
        responses={200: ExpenseSerializer, 400: ERROR, 401: ERROR, 404: ERROR},
    )
    def put(self, request, expense_id):
        expense = expense_get(actor=request.user, expense_id=expense_id)
        data = ReceiptInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        expense_receipt_attach(
            actor=request.user, expense=expense, uploaded_file=data.validated_data["file"]
        )
        return Response(
            ExpenseSerializer(expense_get(actor=request.user, expense_id=expense_id)).data
        )

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expenses_receipt_destroy",
        responses={204: None, 401: ERROR, 404: ERROR},
    )
    def delete(self, request, expense_id):
        expense = expense_get(actor=request.user, expense_id=expense_id)
        expense_receipt_remove(actor=request.user, expense=expense)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- The CSV export -------------------------------------------------------------------------


def csv_cell(value) -> str:
    """A value as a CSV cell that no spreadsheet runs as a formula (prefixed with `'`)."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return formula_safe(text)


class _Echo:
    """A file-like object whose `write` returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(rows):
    writer = csv.writer(_Echo())
    yield writer.writerow([header for header, _ in EXPORT_COLUMNS])
    receipt = [header for header, _ in EXPORT_COLUMNS].index("has_receipt")
    for row in rows:
        cells = list(row)
        cells[receipt] = "yes" if cells[receipt] else "no"
        yield writer.writerow([csv_cell(cell) for cell in cells])


class CSVRenderer(BaseRenderer):
    """Lets `Accept: text/csv` (or `?format=csv`) through content negotiation; the export
    streams its own body, and its errors are rendered as JSON (`handle_exception`)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return ORJSONRenderer().render(data, "application/json", renderer_context)


class ExpenseExportView(APIView):
    """The caller's expenses (the list's filters) as CSV, streamed: one query read in
    chunks, whatever the number of rows."""

    permission_classes = [IsAuthenticated]
    renderer_classes = [ORJSONRenderer, CSVRenderer]

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        # The one error shape stays JSON whatever the client accepted.
        self.request.accepted_renderer = ORJSONRenderer()
        self.request.accepted_media_type = ORJSONRenderer.media_type
        return response

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expenses_export_csv",
        parameters=[FILTER_PARAMETERS],
        # 404: a `format` other than csv or json (DRF's content negotiation).
        responses={(200, "text/csv"): OpenApiTypes.STR, 400: ERROR, 401: ERROR, 404: ERROR},
    )
    def get(self, request):
        rows = expense_export_rows(actor=request.user, filters=_filters(request))
        response = StreamingHttpResponse(_csv_lines(rows), content_type="text/csv; charset=utf-8")
        name = f"expenses-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


# --- Budgets --------------------------------------------------------------------------------


class BudgetListView(generics.ListAPIView):
    """The caller's budgets (GET); set one (POST)."""

    permission_classes = [IsAuthenticated]
    serializer_class = BudgetSerializer
    filter_backends: list = []
    pagination_class = None

    def get_queryset(self):
        return budget_list(actor=self.request.user)

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="budgets_list",
        responses={200: BudgetSerializer(many=True), 401: ERROR},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="budgets_create",
        request=BudgetInputSerializer,
        responses={201: BudgetSerializer, 400: ERROR, 401: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request):
        data = BudgetInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        budget = budget_create(actor=request.user, **data.validated_data)
        budget = budget_get(actor=request.user, budget_id=budget.pk)
        return Response(BudgetSerializer(budget).data, status=status.HTTP_201_CREATED)


class BudgetDetailView(APIView):
    """One of the caller's budgets: read, edit, delete."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="budgets_retrieve",
        responses={200: BudgetSerializer, 401: ERROR, 404: ERROR},
    )
    def get(self, request, budget_id):
        return Response(BudgetSerializer(budget_get(actor=request.user, budget_id=budget_id)).data)

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="budgets_update",
        request=BudgetInputSerializer,
        responses={200: BudgetSerializer, 400: ERROR, 401: ERROR, 404: ERROR, 409: ERROR},
    )
    def patch(self, request, budget_id):
        budget = budget_get(actor=request.user, budget_id=budget_id)
        data = BudgetInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        budget_update(actor=request.user, budget=budget, **data.validated_data)
        return Response(BudgetSerializer(budget_get(actor=request.user, budget_id=budget_id)).data)

    @extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="budgets_destroy",
        responses={204: None, 401: ERROR, 404: ERROR},
    )
    def delete(self, request, budget_id):
        budget = budget_get(actor=request.user, budget_id=budget_id)
        budget_delete(actor=request.user, budget=budget)
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path(
        "expense-categories/",
        ExpenseCategoryListView.as_view(),
        name="billing-expense-category-list",
    ),
    path(
        "expense-categories/<slug:slug>/",
        ExpenseCategoryDetailView.as_view(),
        name="billing-expense-category-detail",
    ),
    path("expenses/", ExpenseListView.as_view(), name="billing-expense-list"),
    path("expenses/summary/", ExpenseSummaryView.as_view(), name="billing-expense-summary"),
    path("expenses/export.csv", ExpenseExportView.as_view(), name="billing-expense-export"),
    path(
        "expenses/<uuid:expense_id>/",
        ExpenseDetailView.as_view(),
        name="billing-expense-detail",
    ),
    path(
        "expenses/<uuid:expense_id>/receipt/",
        ExpenseReceiptView.as_view(),
        name="billing-expense-receipt",
    ),
    path("budgets/", BudgetListView.as_view(), name="billing-budget-list"),
    path("budgets/<int:budget_id>/", BudgetDetailView.as_view(), name="billing-budget-detail"),
]
