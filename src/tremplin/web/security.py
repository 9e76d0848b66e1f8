"""Security primitives of the console: password hashing, signed session tokens, CSRF tokens.

- Passwords: ``hashlib.scrypt`` (N=2**14, r=8, p=1, 16-byte salt), stored as
  ``scrypt$N$r$p$salt$hash`` (base64), compared in constant time.
- Session cookie: a random token signed with itsdangerous (``URLSafeTimedSerializer``),
  so a forged or expired cookie is rejected before any database read; the database keeps
  only the token's SHA-256 with the session's idle and absolute expiry.
- CSRF: a token derived by HMAC from a per-session secret (or, before sign-in, from a
  signed anonymous cookie), required on every POST form.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
_SALT_BYTES = 16
_DKLEN = 32

_lock = threading.Lock()
_keys: dict[str, bytes] = {}


@dataclass(frozen=True)
class ConsoleConfig:
    """Session lifetimes, read from the environment (minutes)."""

    idle_minutes: int = 30
    absolute_minutes: int = 10 * 60
    secure_cookies: bool = False

    @classmethod
    def from_env(cls) -> ConsoleConfig:
        return cls(
            idle_minutes=int(os.environ.get("TREMPLIN_CONSOLE_IDLE_MINUTES", "30")),
            absolute_minutes=int(os.environ.get("TREMPLIN_CONSOLE_ABSOLUTE_MINUTES", str(10 * 60))),
            secure_cookies=os.environ.get("TREMPLIN_CONSOLE_SECURE_COOKIES", "0") in ("1", "true", "yes"),
        )


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=_DKLEN)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str | None) -> bool:
    """True when ``password`` matches ``stored``. Unknown formats never match."""
    if not stored:
        # Spend the same time as a real check so that unknown logins are not told apart by timing.
        hashlib.scrypt(b"x", salt=b"0" * _SALT_BYTES, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=_DKLEN)
        return False
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(digest_b64)
        digest = hashlib.scrypt(
            password.encode("utf-8"), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


def _key_file() -> Path:
    from tremplin.settings import get_settings

    return get_settings().home / "console.key"


def secret_key() -> bytes:
    """The signing key: TREMPLIN_SECRET_KEY when set, otherwise a random key kept in HOME (0600)."""
    from tremplin.settings import get_settings

    configured = get_settings().secret_key
    if configured:
        return configured.encode("utf-8")
    path = _key_file()
    cache_key = str(path)
    with _lock:
        if cache_key in _keys:
            return _keys[cache_key]
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "w") as handle:
                    handle.write(secrets.token_urlsafe(48))
        key = path.read_text().strip().encode("utf-8")
        _keys[cache_key] = key
        return key


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key(), salt=salt)


def sign(value: str, *, purpose: str) -> str:
    return _serializer(purpose).dumps(value)


def unsign(signed: str, *, purpose: str, max_age_seconds: int) -> str | None:
    """The value, or None when the signature is wrong or older than ``max_age_seconds``."""
    try:
        value = _serializer(purpose).loads(signed, max_age=max_age_seconds)
    except (SignatureExpired, BadSignature):
        return None
    return value if isinstance(value, str) else None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def csrf_token(secret: str) -> str:
    """The CSRF token for forms of a session (or of an anonymous visitor) holding ``secret``."""
    return hmac.new(secret_key(), b"csrf:" + secret.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_valid(secret: str | None, submitted: str | None) -> bool:
    if not secret or not submitted:
        return False
    return hmac.compare_digest(csrf_token(secret), submitted)
