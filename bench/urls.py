"""The product's URLs plus `/bench/…`, the hand-written baselines (never in doggy.urls)."""

from django.urls import path

from doggy.urls import urlpatterns as product_urlpatterns

from . import baselines

urlpatterns = [
    *product_urlpatterns,
    *(path(f"bench/{name}/", view, name=f"bench-{name}") for name, view in baselines.VIEWS.items()),
]
