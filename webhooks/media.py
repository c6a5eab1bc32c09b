"""Fetching a WhatsApp file from Twilio: credentials to Twilio's API only, size capped.

`MediaUrl0` comes in a webhook; Twilio's media URL is on its API host
(`https://api.twilio.com/…/Media/ME…`) and answers with a redirect to its CDN. The account
credentials go with that first request only, and only to the Twilio API host (or the host of
TWILIO_API_BASE_URL, for a local fake); redirects are followed without them, to https only.
Any other URL is refused and logged: the trader is told the photo could not be read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit

import requests

from domain.proofs import MAX_PROOF_BYTES

log = logging.getLogger(__name__)
TIMEOUT_S = 15
MAX_REDIRECTS = 3
TWILIO_API_BASE = "https://api.twilio.com"
DEFAULT_PORTS = {"http": 80, "https": 443}


class MediaError(Exception):
    """The download failed for a reason worth retrying (network, 5xx)."""


def _origin(url: SplitResult) -> tuple[str, str | None, int | None]:
    return url.scheme, url.hostname, url.port or DEFAULT_PORTS.get(url.scheme)


@dataclass(frozen=True)
class MediaAccess:
    """The Twilio credentials and the one API base they may be sent to."""

    account_sid: str
    auth_token: str
    api_base: str = TWILIO_API_BASE

    def may_send_credentials_to(self, url: str) -> bool:
        """Same scheme, host and port as the API base (so https, unless a local http fake)."""
        return _origin(urlsplit(url)) == _origin(urlsplit(self.api_base))

    def may_follow(self, url: str) -> bool:
        """Redirects (without credentials): https, or http when the API base itself is http."""
        scheme = urlsplit(url).scheme
        return scheme == "https" or scheme == urlsplit(self.api_base).scheme == "http"


def fetch_image(
    url: str, auth: MediaAccess | tuple[str, str], max_bytes: int = MAX_PROOF_BYTES
) -> tuple[bytes | None, str | None]:
    """(content, None) for an image; (None, reason) for a file or URL we refuse; MediaError
    to retry."""
    access = auth if isinstance(auth, MediaAccess) else MediaAccess(*auth)
    if not access.may_send_credentials_to(url):
        log.error("media URL refused: %s is not the Twilio API", urlsplit(url).netloc)
        return None, "not_an_image"
    try:
        response = _follow(url, access)
        if response is None:
            return None, "not_an_image"
        with response:
            return _read_image(response, max_bytes)
    except requests.RequestException as error:
        raise MediaError(str(error)) from error


def _follow(url: str, access: MediaAccess) -> requests.Response | None:
    """The first request with the credentials, each redirect without; None if refused."""
    credentials = (access.account_sid, access.auth_token)
    response = requests.get(
        url, auth=credentials, timeout=TIMEOUT_S, stream=True, allow_redirects=False
    )
    for _ in range(MAX_REDIRECTS):
        if not response.is_redirect:
            return response
        target = urljoin(response.url, response.headers["Location"])
        response.close()
        if not access.may_follow(target):
            log.error("media redirect refused (https only): %s", urlsplit(target).netloc)
            return None
        response = requests.get(target, timeout=TIMEOUT_S, stream=True, allow_redirects=False)
    response.close()
    log.error("media URL refused: more than %d redirects", MAX_REDIRECTS)
    return None


def _read_image(response: requests.Response, max_bytes: int) -> tuple[bytes | None, str | None]:
    if response.status_code >= 500 or response.status_code == 429:
        raise MediaError(f"media server answered {response.status_code}")
    if response.status_code != 200:
        return None, "not_an_image"
    # Any type is downloaded (up to the cap): the content, not the name or the header,
    # decides whether it is a proof, and a file that is not is still kept for the admins.
    declared = int(response.headers.get("Content-Length") or 0)
    if declared > max_bytes:
        return None, "too_large"
    content = bytearray()
    for chunk in response.iter_content(64 * 1024):
        content += chunk
        if len(content) > max_bytes:
            return None, "too_large"
    return bytes(content), None
