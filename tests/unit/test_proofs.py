from datetime import UTC, datetime

import pytest

from domain.errors import ProofRejected
from domain.proofs import (
    MAX_PROOF_BYTES,
    PaymentProof,
    ProofStatus,
    check_image,
    normalise_reference,
)

NOW = datetime(2026, 11, 25, tzinfo=UTC)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 100


@pytest.mark.parametrize(
    ("content", "mime"), [(JPEG, "image/jpeg"), (PNG, "image/png"), (WEBP, "image/webp")]
)
def test_images_recognised_by_content(content, mime):
    assert check_image(content) == mime


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"GIF89a" + b"\x00" * 10,
        b"%PDF-1.4",
        b"RIFF\x00\x00\x00\x00WAVE",
        b"MZ\x90\x00",
        b"photo.jpg",
    ],
)
def test_other_content_is_refused_whatever_its_name(content):
    with pytest.raises(ProofRejected):
        check_image(content)


def test_size_cap():
    check_image(JPEG[:4] + b"\x00" * (MAX_PROOF_BYTES - 4))
    with pytest.raises(ProofRejected) as error:
        check_image(JPEG[:4] + b"\x00" * (MAX_PROOF_BYTES - 3))
    assert error.value.reason == "too_large"


def test_reference_normalised_for_comparison():
    assert normalise_reference(" mp-2311.AB 42 ") == "MP2311AB42"
    assert normalise_reference("🙂") is None
    assert normalise_reference(None) is None
    assert len(normalise_reference("A1" * 250) or "") == 64


@pytest.mark.parametrize(
    "text", ["2", "12345", "merci", "voici mon reçu", "OK OK OK", "A-B-C-D-E-F", "🙂🙂🙂🙂🙂🙂"]
)
def test_what_does_not_look_like_a_reference_is_none(text):
    assert normalise_reference(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MP241130.1542.C12345", "MP2411301542C12345"),
        ("om 123456", "OM123456"),
        ("123456", "123456"),
    ],
)
def test_references_as_mobile_money_writes_them(text, expected):
    assert normalise_reference(text) == expected


def test_proof_is_decided_once():
    proof = PaymentProof.from_upload(1, PNG, "ref 100001", NOW)
    assert (proof.mime, proof.size, proof.reference) == ("image/png", len(PNG), "REF100001")
    assert len(proof.sha256) == 64
    proof.decide(True, "admin:1", NOW)
    assert proof.status is ProofStatus.APPROVED
    with pytest.raises(ProofRejected):
        proof.decide(False, "admin:2", NOW, "late")
    assert proof.status is ProofStatus.APPROVED and proof.decided_by == "admin:1"
