"""A Web Push service on loopback for the delivery tests.

It checks what a real push service checks (RFC 8292): the `Authorization: vapid t=…,k=…`
header carries an ES256 JWT signed by the key `k`, for this origin (`aud`), not expired,
with a `sub`. Then it does what the browser does (RFC 8291): decrypts the `aes128gcm` body
with the subscription's private key and auth secret, generated here. Every request is
recorded; the status it answers is set per test (201, or 410 for a gone subscription).
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _public_raw(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


@dataclass(frozen=True)
class VapidKeys:
    """The platform's VAPID key pair, in the forms the settings take."""

    private: str
    public: str

    @classmethod
    def generate(cls) -> VapidKeys:
        key = ec.generate_private_key(ec.SECP256R1())
        raw = key.private_numbers().private_value.to_bytes(32, "big")
        return cls(private=b64url(raw), public=b64url(_public_raw(key)))


@dataclass
class Received:
    path: str
    claims: dict[str, Any] | None
    vapid_key: str | None
    payload: dict[str, Any] | None
    error: str = ""
    ttl: str | None = None


@dataclass
class PushEndpoint:
    server: ThreadingHTTPServer
    receiver_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes
    received: list[Received] = field(default_factory=list)
    answer: int = 201

    @property
    def origin(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, name: str = "sub-1") -> str:
        return f"{self.origin}/push/{name}"

    @property
    def p256dh(self) -> str:
        return b64url(_public_raw(self.receiver_key))

    @property
    def auth(self) -> str:
        return b64url(self.auth_secret)


def _verify_vapid(header: str, origin: str) -> tuple[dict[str, Any], str]:
    """The JWT's claims and the key `k`; raises ValueError when anything is wrong."""
    scheme, _, params = header.partition(" ")
    if scheme != "vapid":
        raise ValueError(f"scheme {scheme!r}")
    parts = dict(part.strip().split("=", 1) for part in params.split(","))
    token, key = parts["t"], parts["k"]
    signing_input, _, signature = token.rpartition(".")
    header_part, _, claims_part = signing_input.partition(".")
    if json.loads(unb64url(header_part)) != {"typ": "JWT", "alg": "ES256"}:
        raise ValueError("JWT header")
    raw = unb64url(signature)
    if len(raw) != 64:
        raise ValueError("signature length")
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
    try:
        public.verify(der, signing_input.encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise ValueError("bad signature") from None
    claims = json.loads(unb64url(claims_part))
    if claims.get("aud") != origin:
        raise ValueError(f"aud {claims.get('aud')!r}")
    if not claims.get("sub") or int(claims.get("exp", 0)) <= time.time():
        raise ValueError("sub/exp")
    return claims, key


def start_push_endpoint() -> PushEndpoint:
    endpoint: PushEndpoint

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server hook
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            record = Received(
                path=self.path, claims=None, vapid_key=None, payload=None, ttl=self.headers["TTL"]
            )
            try:
                record.claims, record.vapid_key = _verify_vapid(
                    self.headers.get("Authorization", ""), endpoint.origin
                )
                if self.headers.get("Content-Encoding") != "aes128gcm":
                    raise ValueError("content encoding")
                plain = http_ece.decrypt(
                    body,
                    private_key=endpoint.receiver_key,
                    auth_secret=endpoint.auth_secret,
                    version="aes128gcm",
                )
                record.payload = json.loads(plain)
                status = endpoint.answer
            except Exception as exc:  # recorded for the test's assertion
                record.error = f"{type(exc).__name__}: {exc}"
                status = 400
            endpoint.received.append(record)
            self.send_response(status)
            if status == 201:
                self.send_header("Location", f"{endpoint.origin}/messages/{len(endpoint.received)}")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    endpoint = PushEndpoint(
        server=server,
        receiver_key=ec.generate_private_key(ec.SECP256R1()),
        auth_secret=os.urandom(16),
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return endpoint
