"""Keyed pseudonyms: the same value always gives the same pseudonym, nobody can compute it without the key.

The key lives OUTSIDE the database: in ``TREMPLIN_PSEUDONYM_KEY_FILE`` when set, otherwise in
``TREMPLIN_HOME/pseudonym.key``, created on first use with permissions 0600. Someone who steals
the database alone cannot link a pseudonym back to a person, nor test guesses (HMAC, not a
plain hash, so a NIR or an e-mail cannot be brute-forced from its pseudonym).

- :func:`pseudonym` — one-way HMAC-SHA256 pseudonym (``ps_`` + 24 hex digits), for the journal.
- :func:`keyed_hash` — full HMAC of a JSON-able payload (input hashes in the journal).
- :func:`seal` / :func:`unseal` — reversible pseudonyms (authenticated encryption, AES-SIV,
  deterministic): only whoever holds the key can get the value back.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
from pathlib import Path
from typing import Any

from tremplin.errors import DataUnavailable, InvalidInput

PREFIX = "ps_"
SEALED_PREFIX = "pz_"
_KEY_BYTES = 64
_lock = threading.Lock()
_cache: dict[Path, bytes] = {}


def key_path() -> Path:
    from tremplin.settings import get_settings

    settings = get_settings()
    return Path(settings.pseudonym_key_file) if settings.pseudonym_key_file else settings.home / "pseudonym.key"


def _create_key(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(_KEY_BYTES)
    # O_EXCL: never overwrite a key somebody else created in the meantime (that would orphan pseudonyms).
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "wb") as handle:
        handle.write(base64.b64encode(key) + b"\n")
    os.chmod(path, 0o600)


def load_key() -> bytes:
    """The secret key (64 bytes). Created with mode 0600 if missing."""
    path = key_path()
    with _lock:
        if path in _cache:
            return _cache[path]
        if not path.exists():
            _create_key(path)
        try:
            raw = path.read_bytes().strip()
            key = base64.b64decode(raw, validate=True)
        except (OSError, ValueError) as exc:
            raise DataUnavailable(f"clé de pseudonymisation illisible : {path}", hint="fichier base64 attendu") from exc
        if len(key) < 32:
            raise DataUnavailable(f"clé de pseudonymisation trop courte : {path}", hint="au moins 32 octets")
        _cache[path] = key
        return key


def forget_key_cache() -> None:
    """Drop cached keys (tests change TREMPLIN_HOME)."""
    with _lock:
        _cache.clear()


def _subkey(purpose: bytes) -> bytes:
    return hmac.new(load_key(), b"tremplin/" + purpose, hashlib.sha256).digest()


def pseudonym(value: str | int | None, *, domain: str = "id") -> str | None:
    """Stable keyed pseudonym of ``value`` (``None`` stays ``None``); already-pseudonymised values pass through.

    ``domain`` separates namespaces (a jobseeker id and a counsellor id with the same text give
    different pseudonyms when their domains differ). Default domain ``"id"``.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        raise InvalidInput("valeur vide : rien à pseudonymiser", field="value")
    if is_pseudonym(text):
        return text
    digest = hmac.new(_subkey(b"pseudonym/" + domain.encode()), text.encode("utf-8"), hashlib.sha256).hexdigest()
    return PREFIX + digest[:24]


def is_pseudonym(text: str) -> bool:
    return (
        isinstance(text, str)
        and text.startswith(PREFIX)
        and len(text) == len(PREFIX) + 24
        and all(c in "0123456789abcdef" for c in text[len(PREFIX) :])
    )


def canonical_json(data: Any) -> str:
    """One text per value: sorted keys, no spaces, UTF-8 kept (used for every hash)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default)


def _default(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    return str(value)


def keyed_hash(payload: Any) -> str:
    """HMAC-SHA256 of the canonical JSON of ``payload`` (anyone with the key can check an input)."""
    data = payload if isinstance(payload, bytes) else canonical_json(payload).encode("utf-8")
    return "hmac-sha256:" + hmac.new(_subkey(b"input-hash"), data, hashlib.sha256).hexdigest()


def seal(value: str) -> str:
    """Reversible pseudonym: deterministic authenticated encryption (AES-SIV), reversible only with the key."""
    from cryptography.hazmat.primitives.ciphers.aead import AESSIV

    token = AESSIV(_subkey(b"seal-1") + _subkey(b"seal-2")).encrypt(value.encode("utf-8"), None)
    return SEALED_PREFIX + base64.urlsafe_b64encode(token).decode("ascii").rstrip("=")


def unseal(token: str) -> str:
    """The original value of a :func:`seal` pseudonym. Raises InvalidInput if it was not made with this key."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESSIV

    if not token.startswith(SEALED_PREFIX):
        raise InvalidInput("ce n'est pas un pseudonyme réversible", field="token", hint=f"préfixe {SEALED_PREFIX} attendu")
    body = token[len(SEALED_PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        return AESSIV(_subkey(b"seal-1") + _subkey(b"seal-2")).decrypt(raw, None).decode("utf-8")
    except (InvalidTag, ValueError) as exc:
        raise InvalidInput("pseudonyme réversible invalide ou clé différente", field="token") from exc
