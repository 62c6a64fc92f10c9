from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
MOU = ROOT / "corpora" / "mou"


@pytest.fixture(scope="session")
def en_doc():
    from mou_text import load_mou

    return load_mou("en")


@pytest.fixture(scope="session")
def es_doc():
    from mou_text import load_mou

    return load_mou("es")


# -- no network in the test suite (issue 15) ------------------------------------------------------------
_LOOPBACK_NAMES = {"localhost", "ip6-localhost", "ip6-loopback"}


def _is_loopback(address: object) -> bool:
    """Loopback addresses only: the notebook kernel (ZMQ over TCP) and chromedriver talk on these."""
    import ipaddress

    host = address[0] if isinstance(address, tuple) and address else address
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


class NetworkUsed(AssertionError):
    """A test (or mou-text under test) tried to reach the network: mou-text must work offline."""


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Fail any test in which a socket connects anywhere but this machine (AF_UNIX or loopback)."""
    import socket

    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guard(sock: socket.socket, address: object) -> None:
        if sock.family != getattr(socket, "AF_UNIX", None) and not _is_loopback(address):
            raise NetworkUsed(f"network connection attempted to {address!r}: mou-text must work offline")

    def guarded_connect(self, address):
        guard(self, address)
        return connect(self, address)

    def guarded_connect_ex(self, address):
        guard(self, address)
        return connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    yield
