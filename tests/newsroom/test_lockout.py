"""Admin login lockout (django-axes) keys on the real client, behind the deployment's proxy."""

import pytest
from django.test import Client

from articles.management.demo import DEMO_PASSWORD

LOGIN = "/admin/login/"
PROXY = "10.0.0.254"
LOCKED = 429  # django-axes' answer to a locked-out login


def log_in(username, password, remote="127.0.0.1", forwarded=None):
    """POST the admin login form; 302 = logged in, 200 = refused, 429 = locked out."""
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    response = Client().post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **headers
    )
    return response.status_code


@pytest.fixture
def behind_proxy(settings):
    """The documented deployment: one TLS proxy that appends the client to X-Forwarded-For."""
    settings.NEWSROOM_TRUSTED_PROXY_COUNT = 1
    settings.NEWSROOM_CLIENT_IP_HEADER = "X-Forwarded-For"


def test_five_wrong_passwords_lock_the_user_name_at_that_address(users):
    for _ in range(4):
        assert log_in("editor", "wrong", remote="198.51.100.7") == 200
    assert log_in("editor", "wrong", remote="198.51.100.7") == LOCKED
    assert log_in("editor", DEMO_PASSWORD, remote="198.51.100.7") == LOCKED


def test_spraying_four_tries_per_user_name_locks_the_address(users):
    for username in ["editor", "chief", "reporter"]:
        for _ in range(4):
            log_in(username, "wrong", remote="198.51.100.7")
    # Every further try from that address is refused, even with a right password …
    assert log_in("admin", DEMO_PASSWORD, remote="198.51.100.7") == LOCKED
    # … and the same users still log in from their own addresses.
    assert log_in("editor", DEMO_PASSWORD, remote="203.0.113.9") == 302


def test_an_attackers_failures_do_not_lock_a_real_user_elsewhere(users):
    for _ in range(10):
        log_in("chief", "wrong", remote="198.51.100.7")
    assert log_in("chief", DEMO_PASSWORD, remote="203.0.113.9") == 302


def test_behind_the_proxy_each_client_is_told_apart(users, behind_proxy):
    for _ in range(10):
        log_in("chief", "wrong", remote=PROXY, forwarded="198.51.100.7")
    assert log_in("chief", DEMO_PASSWORD, remote=PROXY, forwarded="198.51.100.7") == LOCKED
    # Same proxy, another client: not locked out by the attacker.
    assert log_in("chief", DEMO_PASSWORD, remote=PROXY, forwarded="203.0.113.9") == 302


def test_behind_the_proxy_a_forged_header_entry_is_ignored(users, behind_proxy):
    # The attacker writes a new address into X-Forwarded-For each time; the proxy appends
    # the real one, which is what counts.
    for number in range(6):
        forged = f"192.0.2.{number}, 198.51.100.7"
        log_in("chief", "wrong", remote=PROXY, forwarded=forged)
    assert (
        log_in("chief", DEMO_PASSWORD, remote=PROXY, forwarded="192.0.2.77, 198.51.100.7") == LOCKED
    )


def test_without_a_trusted_proxy_the_header_is_ignored(users):
    # Rotating forged addresses in X-Forwarded-For does not escape the lockout …
    for number in range(6):
        log_in("chief", "wrong", remote="198.51.100.7", forwarded=f"192.0.2.{number}")
    assert log_in("chief", DEMO_PASSWORD, remote="198.51.100.7", forwarded="192.0.2.99") == LOCKED
    # … nor can it put someone else's address in trouble.
    assert log_in("chief", DEMO_PASSWORD, remote="192.0.2.1") == 302


@pytest.mark.parametrize(
    ("count", "header", "value", "expected"),
    [
        (0, "X-Forwarded-For", "192.0.2.1", "10.0.0.254"),  # no proxy trusted: header ignored
        (1, "X-Forwarded-For", "", "10.0.0.254"),  # not through the proxy
        (1, "X-Forwarded-For", "198.51.100.7", "198.51.100.7"),
        (1, "X-Forwarded-For", "192.0.2.1, 198.51.100.7", "198.51.100.7"),
        (2, "X-Forwarded-For", "192.0.2.1, 198.51.100.7, 10.0.0.1", "198.51.100.7"),
        (2, "X-Forwarded-For", "10.0.0.1", "10.0.0.254"),  # fewer entries than proxies
        (1, "X-Forwarded-For", "not-an-address", "10.0.0.254"),
        (1, "X-Forwarded-For", "2001:db8::1", "2001:db8::1"),
        (1, "X-Real-IP", "198.51.100.7", "198.51.100.7"),
    ],
)
def test_client_ip(rf, settings, count, header, value, expected):
    from newsroom.clientip import client_ip, meta_key

    settings.NEWSROOM_TRUSTED_PROXY_COUNT = count
    settings.NEWSROOM_CLIENT_IP_HEADER = header
    request = rf.get("/", REMOTE_ADDR=PROXY, **{meta_key(header): value})
    assert client_ip(request) == expected
