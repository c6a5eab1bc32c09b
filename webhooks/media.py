"""Fetching a WhatsApp photo from Twilio: HTTP basic auth, type and size checked."""

from __future__ import annotations

import requests

from domain.proofs import MAX_PROOF_BYTES

IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")
TIMEOUT_S = 15


class MediaError(Exception):
    """The download failed for a reason worth retrying (network, 5xx)."""


def fetch_image(url: str, auth: tuple[str, str], max_bytes: int = MAX_PROOF_BYTES):
    """(content, None) for an image; (None, reason) for a file we refuse; MediaError to retry."""
    try:
        with requests.get(url, auth=auth, timeout=TIMEOUT_S, stream=True) as response:
            if response.status_code >= 500 or response.status_code == 429:
                raise MediaError(f"media server answered {response.status_code}")
            if response.status_code != 200:
                return None, "not_an_image"
            mime = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if mime not in IMAGE_TYPES:
                return None, "not_an_image"
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > max_bytes:
                return None, "too_large"
            content = bytearray()
            for chunk in response.iter_content(64 * 1024):
                content += chunk
                if len(content) > max_bytes:
                    return None, "too_large"
            return bytes(content), None
    except requests.RequestException as error:
        raise MediaError(str(error)) from error
