"""The WSGI entry point: gunicorn wsgi:app (or any WSGI server)."""

from navigator import create_app

app = create_app()
