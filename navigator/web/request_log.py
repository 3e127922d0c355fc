"""One log line a request that names the kind of page, never what was in its address.

An address can hold what a family typed (`/search?q=…`), a reference code (`/j/ABCD2345`)
or a question they answered. So the line holds the route's pattern (`/j/<code>`), the
method, the status and the time taken: enough to run the service, nothing about a person.
No address of the visitor either. Werkzeug's own request lines (the development server)
are dropped for the same reason, and an error's traceback is headed with the pattern too.

Gunicorn writes no access log unless asked (`--access-logfile`); gunicorn.conf.py sets a
format without the address for when it is.
"""

from __future__ import annotations

import logging
import sys
import time

from flask import Flask, g, request

log = logging.getLogger("navigator.requests")
UNMATCHED = "(no such page)"


def route() -> str:
    """The pattern of the route that answered, such as `/pages/<slug>`."""
    rule = request.url_rule
    return rule.rule if rule is not None else UNMATCHED


class _NoWerkzeugRequestLines(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # WSGIRequestHandler.log_request logs '"%s" %s %s' with the request line first.
        args = record.args if isinstance(record.args, tuple) else ()
        return not (len(args) == 3 and isinstance(args[0], str) and " HTTP/" in args[0])


def _quiet_werkzeug() -> None:
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, _NoWerkzeugRequestLines) for f in logger.filters):
        logger.addFilter(_NoWerkzeugRequestLines())


def _handler_once() -> None:
    # The navigator's lines reach standard error (gunicorn's and the dev server's log) even
    # when the deployer configured no logging; a configured root logger gets them as well.
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def init_app(app: Flask) -> None:
    _quiet_werkzeug()
    _handler_once()

    @app.before_request
    def start_clock():
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response):
        if request.endpoint != "static":
            took = (time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000
            log.info("%s %s %s %.0fms", request.method, route(), response.status_code, took)
        return response

    def log_exception(exc_info) -> None:
        app.logger.error("Exception on %s [%s]", route(), request.method, exc_info=exc_info)

    app.log_exception = log_exception
