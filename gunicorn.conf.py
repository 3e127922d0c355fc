"""Gunicorn settings read from the working directory (`gunicorn wsgi:app`).

Access lines, if turned on with --access-logfile, hold no address: a path can carry a
reference code (/j/ABCD2345) and a query what a family searched for. The navigator logs
each request's route pattern itself (navigator/web/request_log.py).
"""

access_log_format = '%(t)s "%(m)s" %(s)s %(B)s %(M)sms'  # no %(r), %(U), %(q), %(h) or %(f)
