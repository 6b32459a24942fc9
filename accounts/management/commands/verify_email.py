"""`manage.py verify_email EMAIL`: confirm an account's email without opening the link.

For local development, where verification emails go to the console (`make run`'s terminal)
rather than an inbox. It issues the same signed token the emailed link carries and redeems
it through `auth_email_verify`, so the account changes exactly as it would from the link
(Pending becomes Active) and the change is audited. Refused unless DEBUG is on, or
`--force` is given, like `demo_data`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.services.authentication import (
    auth_email_verify,
    email_verification_tokens,
    link_token_make,
)
from doggy.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Confirm the email of an account (development), as its emailed link would."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the account's email address")
        parser.add_argument(
            "--force", action="store_true", help="run even when DEBUG is off (not for production)"
        )

    def handle(self, *args, email: str, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError("verify_email is for development: DEBUG is off (use --force).")
        user = User.objects.filter(email=email.strip().lower()).first()
        if user is None:
            raise CommandError(f"No account has the email {email!r}.")
        if user.email_confirmed:
            self.stdout.write(f"{user.email} is already verified ({user.account_status}).")
            return
        try:
            user = auth_email_verify(token=link_token_make(user, email_verification_tokens))
        except ApplicationError as exc:
            raise CommandError(f"{user.email} cannot be verified: {exc.message}") from exc
        self.stdout.write(self.style.SUCCESS(f"{user.email} verified ({user.account_status})."))
