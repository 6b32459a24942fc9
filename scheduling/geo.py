"""Distances on the Earth for the near-a-point search, in SQL and in Python.

There is no portable spatial type (SQL Server, PostgreSQL and SQLite differ), so the
search works in two steps, both inside the database:

1. a bounding box on the indexed `Addresses.Latitude/Longitude` (IX_Addresses_Geo) that
   contains every point within the radius, which discards almost every row cheaply;
2. the exact great-circle (haversine) distance of the remaining rows, computed with the
   database's own math functions (SIN, COS, ASIN, SQRT, RADIANS, POWER exist on all
   three engines; Django registers them on SQLite), so that filtering on the radius,
   ordering by distance and pagination all happen in SQL and a page is always correct.

The Python `haversine_km` is the same formula, used by tests to check the SQL.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.db.models import ExpressionWrapper, F, FloatField, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt

# The mean Earth radius (IUGG), the usual choice for haversine distances.
EARTH_RADIUS_KM = 6371.0088
_MICRO = Decimal("0.000001")


@dataclass(frozen=True)
class GeoPoint:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class BoundingBox:
    """Latitude bounds and one or two longitude ranges (two when crossing ±180°)."""

    min_latitude: Decimal
    max_latitude: Decimal
    longitude_ranges: tuple[tuple[Decimal, Decimal], ...]


def _down(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(_MICRO, rounding=ROUND_FLOOR)


def _up(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(_MICRO, rounding=ROUND_CEILING)


def bounding_box(point: GeoPoint, radius_km: float) -> BoundingBox:
    """The smallest latitude/longitude box holding the spherical cap of `radius_km`.

    Latitude spans ±r/R radians. The longitude span is asin(sin(r/R) / cos(lat)), the
    exact extent of the cap (J. Matuschek, "Finding Points Within a Distance of a
    Latitude/Longitude Using Bounding Coordinates"). A cap reaching a pole spans every
    longitude; one crossing the antimeridian is split in two ranges. Bounds are rounded
    outwards to the columns' six decimals, so no point inside the radius is lost.
    """
    angular = radius_km / EARTH_RADIUS_KM
    lat = math.radians(point.latitude)
    lng = math.radians(point.longitude)
    min_lat, max_lat = lat - angular, lat + angular
    full = ((Decimal("-180"), Decimal("180")),)
    if min_lat <= -math.pi / 2 or max_lat >= math.pi / 2:
        return BoundingBox(
            max(_down(math.degrees(min_lat)), Decimal("-90")),
            min(_up(math.degrees(max_lat)), Decimal("90")),
            full,
        )
    ratio = math.sin(angular) / math.cos(lat)
    if ratio >= 1:
        ranges = full
    else:
        delta = math.asin(ratio)
        low, high = math.degrees(lng - delta), math.degrees(lng + delta)
        if low < -180:
            ranges = ((_down(low + 360), Decimal("180")), (Decimal("-180"), _up(high)))
        elif high > 180:
            ranges = ((_down(low), Decimal("180")), (Decimal("-180"), _up(high - 360)))
        else:
            ranges = ((_down(low), _up(high)),)
    return BoundingBox(_down(math.degrees(min_lat)), _up(math.degrees(max_lat)), ranges)


def haversine_km(a: GeoPoint, b: GeoPoint) -> float:
    """The great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(a.latitude), math.radians(b.latitude)
    d_phi = phi2 - phi1
    d_lambda = math.radians(b.longitude - a.longitude)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(h, 1.0)))


def haversine_km_expression(latitude_path: str, longitude_path: str, point: GeoPoint):
    """The SQL twin of `haversine_km` between the columns at the given paths and `point`.

    The columns are DECIMAL; they are cast to floating point first because RADIANS and
    the trigonometric functions take floats on every engine. `Least(h, 1)` is not needed:
    rows reach this expression only inside the bounding box, far from antipodes.
    """
    f = FloatField()
    phi1 = math.radians(point.latitude)
    lambda1 = math.radians(point.longitude)
    phi2 = Radians(Cast(F(latitude_path), f), output_field=f)
    lambda2 = Radians(Cast(F(longitude_path), f), output_field=f)
    half = Value(2.0, output_field=f)
    sin_d_phi = Sin(
        ExpressionWrapper((phi2 - Value(phi1, output_field=f)) / half, output_field=f),
        output_field=f,
    )
    sin_d_lambda = Sin(
        ExpressionWrapper((lambda2 - Value(lambda1, output_field=f)) / half, output_field=f),
        output_field=f,
    )
    h = ExpressionWrapper(
        Power(sin_d_phi, 2, output_field=f)
        + Value(math.cos(phi1), output_field=f)
        * Cos(phi2, output_field=f)
        * Power(sin_d_lambda, 2, output_field=f),
        output_field=f,
    )
    return ExpressionWrapper(
        Value(2 * EARTH_RADIUS_KM, output_field=f) * ASin(Sqrt(h, output_field=f), output_field=f),
        output_field=f,
    )
