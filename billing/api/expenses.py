"""An owner's expense ledger (plan 040), under /api/v1/billing/: categories, expenses
(CRUD, filtered) and the summary by month and category. Always the caller's own."""

from __future__ import annotations

from decimal import Decimal

from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.filtering import query_filters
from doggy.api.output import FastOutputMixin
from doggy.api.serializers import ErrorSerializer

from ..expense_selectors import expense_category_list, expense_get, expense_list, expense_summary
from ..expense_services import expense_create, expense_delete, expense_update
from ..models import ExpenseCategory, PetExpense

EXPENSE_TAG = "expenses"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")


class ExpenseCategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = ExpenseCategory
        fields = ["slug", "name", "icon", "is_system", "sort_order"]
        read_only_fields = fields


class ExpenseSerializer(FastOutputMixin, serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    dog = serializers.UUIDField(source="dog_id", read_only=True, allow_null=True)

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


class ExpenseSummarySerializer(serializers.Serializer):
    by_month = _MonthTotal(many=True)
    by_category = _CategoryTotal(many=True)
    totals = _CurrencyTotal(many=True)


FILTER_PARAMETERS = ExpenseFilterSerializer


@extend_schema_view(
    get=extend_schema(
        tags=[EXPENSE_TAG],
        operation_id="expense_categories_list",
        responses={200: ExpenseCategorySerializer(many=True), 401: ERROR},
    )
)
class ExpenseCategoryListView(generics.ListAPIView):
    """The seeded categories and the caller's own."""

    permission_classes = [IsAuthenticated]
    serializer_class = ExpenseCategorySerializer
    filter_backends: list = []
    pagination_class = None

    def get_queryset(self):
        return expense_category_list(actor=self.request.user)


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


urlpatterns = [
    path(
        "expense-categories/",
        ExpenseCategoryListView.as_view(),
        name="billing-expense-category-list",
    ),
    path("expenses/", ExpenseListView.as_view(), name="billing-expense-list"),
    path("expenses/summary/", ExpenseSummaryView.as_view(), name="billing-expense-summary"),
    path(
        "expenses/<uuid:expense_id>/",
        ExpenseDetailView.as_view(),
        name="billing-expense-detail",
    ),
]
