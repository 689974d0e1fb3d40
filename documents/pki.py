"""A local test certification authority and the two signing certificates the demo needs (the Chairman, the
agency), written as PKCS#12 files under the var folder. Production uses the Government CA's PKCS#11 tokens."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def _name(common: str, organisation: str = "Ủy ban nhân dân thành phố Hải Phòng") -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.LOCALITY_NAME, "Hải Phòng"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _certificate(subject, issuer, key, issuer_key, *, ca: bool, days: int):
    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
               .serial_number(x509.random_serial_number()).not_valid_before(now)
               .not_valid_after(now + dt.timedelta(days=days))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False),
            critical=True)
    else:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False),
            critical=True).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                                         critical=False)
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                                        critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


BOARD_ORGANISATION = "Sở Nội vụ thành phố Hải Phòng"


def create_test_pki(folder: Path, passphrase: bytes, *, signer_name: str, agency_name: str,
                    board_name: str = "Ban Thi đua - Khen thưởng thành phố Hải Phòng") -> dict[str, Path]:
    """ca.pem, signer.p12 (the Chairman), agency.p12 (the city's seal) and board.p12 (the Board's seal, issue 32)
    in ``folder`` (kept if they exist). Written in a temporary folder moved into place in one step, so two
    processes starting at once never read a half-written set. A set made before the Board's key existed gets
    board.p12 under a test CA of its own (``ca-board.pem``, a trust root by default): the first CA's key was not
    kept."""
    paths = {"ca": folder / "ca.pem", "signer": folder / "signer.p12", "agency": folder / "agency.p12",
             "board": folder / "board.p12"}
    if all(p.exists() for p in paths.values()):
        return paths
    if paths["signer"].exists() and paths["agency"].exists():
        _add_board(folder, passphrase, board_name)
        return paths
    final = folder
    folder = folder.with_name(f"{folder.name}.tmp-{os.getpid()}")
    folder.mkdir(parents=True, exist_ok=True)
    staged = {key: folder / path.name for key, path in paths.items()}
    _write(staged, passphrase, signer_name, agency_name, board_name)
    try:
        if final.exists() and not any(final.iterdir()):
            final.rmdir()
        os.rename(folder, final)
    except OSError:  # another process got there first: use its set
        shutil.rmtree(folder, ignore_errors=True)
    return paths


def _ca():
    ca_key = _key()
    ca_name = _name("CA thử nghiệm Cổng TĐKT Hải Phòng")  # a test CA: never for real documents
    return ca_key, ca_name, _certificate(ca_name, ca_name, ca_key, ca_key, ca=True, days=3650)


def _p12(path: Path, label: str, name: x509.Name, ca, ca_name, ca_key, passphrase: bytes) -> None:
    key = _key()
    certificate = _certificate(name, ca_name, key, ca_key, ca=False, days=1825)
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        label.encode(), key, certificate, [ca], serialization.BestAvailableEncryption(passphrase)))
    path.chmod(0o600)


def _write(paths: dict[str, Path], passphrase: bytes, signer_name: str, agency_name: str, board_name: str) -> None:
    ca_key, ca_name, ca = _ca()
    paths["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths["ca"].chmod(0o600)
    for label, name in (("signer", _name(signer_name)), ("agency", _name(agency_name)),
                        ("board", _name(board_name, BOARD_ORGANISATION))):
        _p12(paths[label], label, name, ca, ca_name, ca_key, passphrase)


def _add_board(folder: Path, passphrase: bytes, board_name: str) -> None:
    """board.p12 for a set made before it, under its own test CA (written first, so a trust root never lacks)."""
    staged = folder / f"board.p12.tmp-{os.getpid()}"
    ca_key, ca_name, ca = _ca()
    (folder / "ca-board.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    _p12(staged, "board", _name(board_name, BOARD_ORGANISATION), ca, ca_name, ca_key, passphrase)
    os.replace(staged, folder / "board.p12")
