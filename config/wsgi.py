"""WSGI entry point for gunicorn or any WSGI server behind the reverse proxy."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# What is loaded by now lives as long as the worker: keep it out of the collector's full passes,
# which otherwise stall a request that allocates many objects (a common word's search reads ten
# thousand matches: 160 ms pauses seen, docs/benchmarks.md).
gc.freeze()
