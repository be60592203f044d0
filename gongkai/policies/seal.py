"""The 政府信息公开专用章 as a digital signature (plan item 18), without Django.

Each organ holds an Ed25519 key pair. Approval signs the canonical JSON of the decision record
(item, attribute, basis, content hash, approver, time), so anyone with the public key can check
that what is published is what was approved. The private key is stored encrypted (AES-GCM under
a key-encryption key from the deployment's settings), never in clear.
"""

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_BYTES = 12


@dataclass(frozen=True)
class KeyPair:
    public_pem: str
    encrypted_private: bytes
    fingerprint: str


def key_encryption_key(secret: str) -> bytes:
    """A 256-bit key derived from the deployment secret, used only to wrap seal keys."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"gongkai-seal-keys", info=b"kek").derive(
        secret.encode("utf-8")
    )


def canonical(record: dict[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8")


def content_hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def generate(kek: bytes) -> KeyPair:
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    nonce = os.urandom(NONCE_BYTES)
    encrypted = nonce + AESGCM(kek).encrypt(nonce, raw_private, b"seal-key")
    public = private.public_key()
    public_pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    raw_public = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return KeyPair(public_pem.decode("ascii"), encrypted, hashlib.sha256(raw_public).hexdigest())


def sign(record: dict[str, Any], *, encrypted_private: bytes, kek: bytes) -> str:
    nonce, ciphertext = encrypted_private[:NONCE_BYTES], encrypted_private[NONCE_BYTES:]
    private = Ed25519PrivateKey.from_private_bytes(AESGCM(kek).decrypt(nonce, ciphertext, b"seal-key"))
    return base64.b64encode(private.sign(canonical(record))).decode("ascii")


def verify(record: dict[str, Any], *, signature: str, public_pem: str) -> bool:
    public = serialization.load_pem_public_key(public_pem.encode("ascii"))
    if not isinstance(public, Ed25519PublicKey):
        return False
    try:
        public.verify(base64.b64decode(signature), canonical(record))
    except (InvalidSignature, ValueError):
        return False
    return True
