"""Factories of the accounts app (shared by the tests and the demo data command)."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from accounts.models import Role, ServiceProvider, User, UserRole

DEFAULT_PASSWORD = "correct-horse-battery-staple-42"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email_confirmed = True
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy hook
        if create:
            obj.save(update_fields=["password"])


class RoleFactory(DjangoModelFactory[Role]):
    class Meta:
        model = Role
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Role{n}")
    level = 1


class UserRoleFactory(DjangoModelFactory[UserRole]):
    class Meta:
        model = UserRole

    user = factory.SubFactory(UserFactory)
    role = factory.SubFactory(RoleFactory)
    assigned_by = factory.SelfAttribute("user")


class ServiceProviderFactory(DjangoModelFactory[ServiceProvider]):
    class Meta:
        model = ServiceProvider

    user = factory.SubFactory(UserFactory)
    business_name = factory.Faker("company")
    description = factory.Faker("sentence")
