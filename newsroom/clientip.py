"""The address a request came from, as the deployment's own proxies report it.

Behind the TLS proxy every request arrives from the proxy's address, so
REMOTE_ADDR alone makes every reader one client (django-axes then locked a real
user out after anyone's five wrong passwords).  The proxy appends the address
it was connected from to X-Forwarded-For; what a client put in that header
itself comes before it and proves nothing.  So with N trusted proxies in front
of the application the client is the Nth address from the right, and with none
the header is ignored entirely.

Settings (from the environment, see newsroom/settings.py):
``NEWSROOM_TRUSTED_PROXY_COUNT`` (default 0: REMOTE_ADDR only) and
``NEWSROOM_CLIENT_IP_HEADER`` (default ``X-Forwarded-For``).
"""

import ipaddress

from django.conf import settings


def meta_key(header):
    """``X-Forwarded-For`` → ``HTTP_X_FORWARDED_FOR``."""
    return "HTTP_" + header.upper().replace("-", "_")


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the trusted proxy's entry in the header."""
    remote = request.META.get("REMOTE_ADDR")
    count = settings.NEWSROOM_TRUSTED_PROXY_COUNT
    if count < 1:
        return remote
    header = request.META.get(meta_key(settings.NEWSROOM_CLIENT_IP_HEADER), "")
    addresses = [address.strip() for address in header.split(",") if address.strip()]
    if len(addresses) < count:
        # Not through every trusted proxy: the header proves nothing.
        return remote
    candidate = addresses[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
