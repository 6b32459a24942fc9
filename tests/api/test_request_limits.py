"""Request bodies are bounded before any view sees them: JSON depth (400) and size (413).

Nesting deeper than `DOGGY_JSON_MAX_DEPTH` and bodies larger than Django's
`DATA_UPLOAD_MAX_MEMORY_SIZE` are refused by the project's parsers, which every API view
uses, in the one error shape.
"""

from __future__ import annotations

import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework import parsers as drf_parsers
from rest_framework.exceptions import ParseError
from rest_framework.test import APIClient

from accounts.models import LoginAttempt
from doggy.api import parsers
from doggy.api.parsers import JsonTooDeep, RequestTooLarge
from tests.pets.factories import DogProfileFactory

LOGIN_URL = "/api/v1/auth/login/"
DEEP = "[" * 1000 + "]" * 1000

TOO_DEEP = {
    "error": {
        "code": "json_too_deep",
        "message": "The JSON body is nested deeper than 32 levels.",
        "fields": {},
    }
}


def _too_large(limit: int) -> dict:
    return {
        "error": {
            "code": "request_too_large",
            "message": f"The request body is larger than {limit} bytes.",
            "fields": {},
        }
    }


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _parse(text: str, parser=None):
    parser = parser or parsers.JSONParser()
    body = text.encode()
    return parser.parse(io.BytesIO(body), "application/json", {"encoding": "utf-8"})


# --- The JSON parser ------------------------------------------------------------------------


def test_the_parser_accepts_json_exactly_as_deep_as_the_limit(settings):
    # given
    settings.DOGGY_JSON_MAX_DEPTH = 4

    # when
    parsed = _parse('{"a": [[{"b": 1}]]}')

    # then
    assert parsed == {"a": [[{"b": 1}]]}


def test_the_parser_refuses_json_one_level_deeper_than_the_limit(settings):
    # given
    settings.DOGGY_JSON_MAX_DEPTH = 4

    # when
    with pytest.raises(JsonTooDeep) as raised:
        _parse('{"a": [[{"b": []}]]}')

    # then
    assert raised.value.status_code == 400
    assert raised.value.detail == "The JSON body is nested deeper than 4 levels."
    assert raised.value.detail.code == "json_too_deep"


def test_brackets_inside_strings_do_not_count_as_depth(settings):
    # given
    settings.DOGGY_JSON_MAX_DEPTH = 2
    text = '{"a": ["[[[[{{{{ \\" ]]]] \\\\", "x"]}'

    # when
    parsed = _parse(text)

    # then
    assert parsed == {"a": ['[[[[{{{{ " ]]]] \\', "x"]}


def test_malformed_json_is_still_a_parse_error():
    with pytest.raises(ParseError) as raised:
        _parse('{"a": ')

    assert raised.value.detail.code == "parse_error"
    assert str(raised.value.detail).startswith("JSON parse error - ")


def test_a_recursion_error_while_decoding_becomes_too_deep(settings):
    # given a limit above what the decoder can nest (the depth scan passes)
    settings.DOGGY_JSON_MAX_DEPTH = 1_000_000

    # when
    with pytest.raises(JsonTooDeep) as raised:
        _parse(_nested(100_000))

    # then
    assert raised.value.detail.code == "json_too_deep"


def test_the_parser_refuses_a_body_over_the_upload_limit(settings):
    # given
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100

    # when
    with pytest.raises(RequestTooLarge) as raised:
        _parse('"' + "x" * 99 + '"')

    # then
    assert raised.value.status_code == 413
    assert raised.value.detail == "The request body is larger than 100 bytes."
    assert raised.value.detail.code == "request_too_large"


def test_the_parser_accepts_a_body_of_exactly_the_upload_limit(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100

    assert _parse('"' + "x" * 98 + '"') == "x" * 98


# --- Through the API -----------------------------------------------------------------------


@pytest.mark.django_db
def test_deeply_nested_json_to_the_login_is_a_400_before_any_attempt_is_recorded():
    # when
    response = APIClient().post(LOGIN_URL, data=DEEP, content_type="application/json")

    # then
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == TOO_DEEP
    assert LoginAttempt.objects.count() == 0


def test_deeply_nested_json_is_a_400_on_a_signed_in_route(owner, client_for):
    response = client_for(owner).post("/api/v1/dogs/", data=DEEP, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == TOO_DEEP


def test_deeply_nested_json_is_a_400_on_a_medical_record_route(owner, client_for):
    # given a view that names its own parsers
    dog = DogProfileFactory(owner=owner)

    # when
    response = client_for(owner).post(
        f"/api/v1/dogs/{dog.pk}/vaccinations/", data=DEEP, content_type="application/json"
    )

    # then
    assert response.status_code == 400
    assert response.json() == TOO_DEEP


@pytest.mark.django_db
def test_a_json_body_over_the_default_upload_limit_is_a_413():
    # given a body just over Django's default 2.5 MiB
    body = '{"email": "' + "x" * 2_621_440 + '"}'

    # when
    response = APIClient().post(LOGIN_URL, data=body, content_type="application/json")

    # then
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json() == _too_large(2_621_440)
    assert LoginAttempt.objects.count() == 0


@pytest.mark.django_db
def test_a_form_body_over_the_upload_limit_is_a_413(settings):
    # given
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    # when
    response = APIClient().post(
        LOGIN_URL,
        data="email=" + "x" * 1000,
        content_type="application/x-www-form-urlencoded",
    )

    # then
    assert response.status_code == 413
    assert response.json() == _too_large(1000)


def test_a_multipart_field_over_the_upload_limit_is_a_413(settings, owner, client_for):
    # given Django's multipart parser, which raises RequestDataTooBig for large fields
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    dog = DogProfileFactory(owner=owner)

    # when
    response = client_for(owner).post(
        f"/api/v1/dogs/{dog.pk}/documents/",
        data={"title": "x" * 2000},
        format="multipart",
    )

    # then
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "error": {
            "code": "request_too_large",
            "message": "The request body is larger than 1000 bytes.",
            "fields": {},
        }
    }


# --- Every view uses the bounded parser ------------------------------------------------------


def _api_views(resolver: URLResolver | None = None, prefix: str = ""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _api_views(pattern, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/"):
            view_class = getattr(pattern.callback, "cls", None)
            if view_class is not None:
                yield route, pattern.callback


def test_no_api_view_parses_json_without_the_depth_limit():
    # DRF's own JSONParser decodes any depth (form and multipart bodies are bounded by
    # Django itself); a view naming its parsers must name the project's JSONParser.
    offenders = []
    checked = 0
    for route, callback in _api_views():
        view_class = callback.cls
        classes = list(view_class.parser_classes)
        for extra in (getattr(callback, "actions", None) or {}).values():
            handler = getattr(view_class, extra, None)
            classes += list(getattr(handler, "kwargs", {}).get("parser_classes", []))
        initkwargs = getattr(callback, "initkwargs", {}) or {}
        classes += list(initkwargs.get("parser_classes", []))
        checked += 1
        for parser_class in classes:
            if parser_class is drf_parsers.JSONParser:
                offenders.append((route, parser_class.__name__))

    assert checked > 50
    assert offenders == []
