"""The API's JSON parser: bounded in size and in nesting depth.

Python's decoder recurses once per nested array or object, so `[[[[…]]]]` a thousand
levels deep raises RecursionError, and a deep structure that does decode makes every
later walk over it (serializers, JSON Schema, audit diffs) recurse as deep. The parser
therefore measures the depth before decoding and answers 400 (`json_too_deep`) beyond
`DOGGY_JSON_MAX_DEPTH`; a body over Django's `DATA_UPLOAD_MAX_MEMORY_SIZE` is a 413
(`request_too_large`). Both happen when the view first reads `request.data`, before it
uses any of it. It is the default parser (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]);
views that name their parsers name this one, never DRF's own JSONParser.
"""

from __future__ import annotations

import re

from django.conf import settings
from rest_framework import exceptions, parsers, status
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

from doggy.core.error_codes import PlatformErrorCode


class RequestTooLarge(exceptions.APIException):
    """The body is larger than `DATA_UPLOAD_MAX_MEMORY_SIZE` (413)."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = PlatformErrorCode.REQUEST_TOO_LARGE.value

    def __init__(self):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        super().__init__(f"The request body is larger than {limit} bytes.")


class JsonTooDeep(exceptions.ParseError):
    """The JSON body nests arrays and objects deeper than `DOGGY_JSON_MAX_DEPTH` (400)."""

    default_code = PlatformErrorCode.JSON_TOO_DEEP.value

    def __init__(self):
        limit = settings.DOGGY_JSON_MAX_DEPTH
        super().__init__(f"The JSON body is nested deeper than {limit} levels.")


# A JSON string literal (escapes included): brackets inside one are text, not nesting.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")


def json_depth_exceeds(text: str, max_depth: int) -> bool:
    """Whether arrays and objects in `text` nest deeper than `max_depth` (`[]` is 1).

    Linear in the length of `text` and recursion-free; it answers for malformed text too
    (which the decoder then refuses for its own reasons).
    """
    if text.count("[") + text.count("{") <= max_depth:
        return False
    depth = 0
    for bracket in _NOT_A_BRACKET.sub("", _STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            if depth > max_depth:
                return True
        else:
            depth -= 1
    return False


def read_bounded(stream) -> bytes:
    """The whole body, refusing one over DATA_UPLOAD_MAX_MEMORY_SIZE (None: no limit)."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is None:
        return stream.read()
    body = stream.read(limit + 1)
    if len(body) > limit:
        raise RequestTooLarge()
    return body


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        try:
            text = read_bounded(stream).decode(encoding)
        except UnicodeDecodeError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
        if json_depth_exceeds(text, settings.DOGGY_JSON_MAX_DEPTH):
            raise JsonTooDeep()
        parse_constant = json.strict_constant if self.strict else None
        try:
            return json.loads(text, parse_constant=parse_constant)
        except RecursionError as exc:
            # Only reachable with a limit above what the interpreter's stack allows.
            raise JsonTooDeep() from exc
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
