"""Version 1 of the REST API: each app mounts its own routes here."""

urlpatterns: list = []
