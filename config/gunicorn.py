"""Gunicorn settings shared by `./dev run` and production.

Government sites must answer over IPv6 as well as IPv4 (the city plan's IPv6 item), so the default
binds one IPv4 and one IPv6 socket. Override with GONGKAI_BIND (space-separated addresses).
"""

import os

_port = os.environ.get("GONGKAI_PORT", "8000")
_host4 = os.environ.get("GONGKAI_HOST4", "127.0.0.1")
_host6 = os.environ.get("GONGKAI_HOST6", "::1")

bind = os.environ.get("GONGKAI_BIND", f"{_host4}:{_port} [{_host6}]:{_port}").split()
workers = int(os.environ.get("GONGKAI_WORKERS", "2"))
threads = int(os.environ.get("GONGKAI_THREADS", "4"))
accesslog = os.environ.get("GONGKAI_ACCESS_LOG", "-")
loglevel = os.environ.get("GONGKAI_LOG_LEVEL", "warning")
# Behind a reverse proxy the proxy's address is the only one allowed to set X-Forwarded-*.
forwarded_allow_ips = os.environ.get("GONGKAI_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
