"""A local test PKI that serves OCSP, CRLs and RFC 3161 time-stamps over HTTP (certomancer's Animator, a WSGI
app, on a free port in a thread): a root CA, an OCSP responder, a time-stamping authority, and the signer's and
the agency's certificates. The signing certificates are short-lived (``SIGNER_LIFETIME``) so a test can move the
validation clock past their expiry; the CA, the responder and the TSA live for years, as a national CA's do."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import CertLabel, CertomancerConfig
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from werkzeug.serving import WSGIRequestHandler, make_server

ARCH = "hptd"
SIGNER_LIFETIME = dt.timedelta(hours=2)
PASSPHRASE = b"ltv-test"


@dataclass
class TestPKI:
    url: str  # the service root, http://127.0.0.1:<port>
    root_pem: Path
    signer_p12: Path
    agency_p12: Path
    signing_certs_expire: dt.datetime

    @property
    def tsa_url(self) -> str:
        return f"{self.url}/{ARCH}/tsa/tsa"


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S+0000")


def _config(url: str, keys: Path, now: dt.datetime) -> dict:
    long = {"valid-from": _iso(now - dt.timedelta(days=30)), "valid-to": _iso(now + dt.timedelta(days=3650))}
    short = {"valid-from": _iso(now - dt.timedelta(minutes=10)), "valid-to": _iso(now + SIGNER_LIFETIME)}
    organisation = "Ủy ban nhân dân thành phố Hải Phòng"
    signing = {"issuer": "root", "validity": short, "profiles": ["digsig-commitment"]}
    return {
        "external-url-prefix": url,
        "keysets": {"keys": {"path-prefix": str(keys), "keys": {
            name: {"path": f"{name}.pem"} for name in ("root", "ocsp", "tsa", "signer", "agency")}}},
        "pki-architectures": {ARCH: {
            "keyset": "keys",
            "entity-defaults": {"country-name": "VN", "organization-name": organisation},
            "entities": {"root": {"common-name": "CA thử nghiệm LTV"}, "ocsp": {"common-name": "OCSP thử nghiệm"},
                         "tsa": {"common-name": "TSA thử nghiệm"}, "signer": {"common-name": "Nguyễn Văn Tùng"},
                         "agency": {"common-name": organisation}},
            "certs": {
                "root": {"subject": "root", "issuer": "root", "validity": long, "profiles": [
                    {"id": "simple-ca", "params": {"crl-repo": "root", "ocsp-service": "root"}}]},
                "ocsp": {"issuer": "root", "validity": long, "profiles": ["ocsp-responder"]},
                "tsa": {"issuer": "root", "validity": long, "extensions": [
                    {"id": "key_usage", "critical": True, "smart-value": {
                        "schema": "key-usage", "params": ["digital_signature"]}},
                    {"id": "extended_key_usage", "critical": True, "value": ["time_stamping"]}]},
                "signer": dict(signing),
                "agency": dict(signing),
            },
            "services": {
                "ocsp": {"root": {"for-issuer": "root", "responder-cert": "ocsp", "signing-key": "ocsp"}},
                "crl-repo": {"root": {"for-issuer": "root", "signing-key": "root",
                                      "simulated-update-schedule": "P7D"}},
                "time-stamping": {"tsa": {"signing-key": "tsa", "signing-cert": "tsa"}},
            },
        }},
    }


class _Quiet(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):  # one line per OCSP/TSA request is noise in a test's output
        pass


class _App:
    """The WSGI app is known only once the port is (the certificates carry the service URLs)."""

    app = None

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


def start(folder: Path):
    """The PKI's files in ``folder`` and its HTTP service started; returns (TestPKI, stop)."""
    keys = folder / "keys"
    keys.mkdir(parents=True, exist_ok=True)
    for name in ("root", "ocsp", "tsa", "signer", "agency"):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (keys / f"{name}.pem").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    holder = _App()
    server = make_server("127.0.0.1", 0, holder, threaded=True, request_handler=_Quiet)
    url = f"http://127.0.0.1:{server.server_port}"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    config = CertomancerConfig(_config(url, keys, now), key_search_dir=str(keys))
    arch = config.get_pki_arch(ARCH)
    holder.app = Animator(AnimatorArchStore(config.pki_archs), with_web_ui=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    root_pem = folder / "root.pem"
    root_pem.write_bytes(arch.get_cert(CertLabel("root")).dump())
    paths = {}
    for label in ("signer", "agency"):
        paths[label] = folder / f"{label}.p12"
        paths[label].write_bytes(arch.package_pkcs12(CertLabel(label), password=PASSPHRASE))
    pki = TestPKI(url, root_pem, paths["signer"], paths["agency"], now + SIGNER_LIFETIME)

    def stop():
        server.shutdown()
        thread.join(timeout=5)

    return pki, stop
