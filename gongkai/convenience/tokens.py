"""Hotline API tokens: made at random, shown once, kept only as a SHA-256 digest."""

import hashlib
import secrets

from gongkai.convenience.domain import TOKEN_PREFIX_LENGTH, TOKEN_SCHEME


def generate() -> str:
    # 32 random bytes: guessing is hopeless, so one fast digest is enough to store it.
    return TOKEN_SCHEME + secrets.token_urlsafe(32)


def digest(clear: str) -> str:
    return hashlib.sha256(clear.encode()).hexdigest()


def prefix(clear: str) -> str:
    """The start of the token, enough for staff to tell which key a system holds."""
    return clear[:TOKEN_PREFIX_LENGTH]
