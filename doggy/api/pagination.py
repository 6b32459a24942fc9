"""Pagination used by every list endpoint.

`page` is a whole number from 1 (or `last`); anything else is a 400 in the one error shape
with the message under `fields.page`. A page past the last one is a 404. `page_size` is
clamped to 100; a value that is not a positive whole number falls back to 25.
"""

from rest_framework import pagination
from rest_framework.exceptions import ValidationError

INVALID_PAGE_MESSAGE = "A page number is a whole number from 1."


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = "A page number, from 1 (or `last`); a page past the last is a 404."
    page_size_query_description = "Results per page: 25 by default, at most 100 (more is clamped)."

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        if not raw or raw in self.last_page_strings:
            return super().get_page_number(request, paginator)
        try:
            number = int(raw, 10)
        except ValueError:
            number = 0
        if number < 1:
            raise ValidationError({self.page_query_param: [INVALID_PAGE_MESSAGE]})
        return number

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] in (self.page_query_param, self.page_size_query_param):
                parameter["schema"]["minimum"] = 1
        return parameters
