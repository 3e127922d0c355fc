"""Languages: the reader's choice (in the address, then kept for the session), then their
browser's, then English. Every link carries a non-English choice (?lang=ur), so a shared
link opens in the same language. An unknown language falls back to English and says so.
"""

from __future__ import annotations

import datetime

from babel.lists import format_list
from flask import Flask, g, has_request_context, request, session, url_for
from flask_babel import Babel, format_date, get_locale
from werkzeug.exceptions import HTTPException

from navigator.languages import LANGUAGES, TRANSLATED, language


def _asked() -> str | None:
    """The language the request names: ?lang=, or "lang" in a JSON API body."""
    asked = request.args.get("lang")
    if asked is None and request.path.startswith("/api/") and request.is_json:
        try:
            body = request.get_json(silent=True)
        except HTTPException:  # too large: the error it answers with is in English
            body = None
        if isinstance(body, dict) and isinstance(body.get("lang"), str):
            asked = body["lang"]
    return asked


def reader_language() -> str:
    """The reader's language code (en, ur, pl, ar), worked out once a request."""
    if "language" in g:
        return g.language
    known = _languages()
    asked = _asked()
    if asked is not None and asked not in known:
        g.unknown_language = asked[:20]
    if asked is not None:
        chosen = asked if asked in known else "en"
    elif session.get("lang") in known:
        chosen = session["lang"]
    else:
        chosen = request.accept_languages.best_match(known) or "en"
        if request.accept_languages and chosen == "en" and \
                not any(value.split("-")[0].lower() == "en" for value, _q in request.accept_languages):
            g.browser_language_missing = True
    g.language = chosen
    return chosen


def select_locale() -> str:
    return language(reader_language()).locale


def translate(text: str) -> str:
    from flask_babel import gettext
    return gettext(text) if text else text


def _languages() -> list[str]:
    from flask import current_app
    return current_app.config["LANGUAGES"]


def language_links() -> list[dict]:
    """The switcher: this page in each language (the home page after a form post)."""
    links = []
    for code in _languages():
        if request.method == "GET" and request.endpoint and request.endpoint != "static":
            # url_for's own options (_method, _external, ...) and its first argument's name
            # are never taken from a query string: ?_method=POST would break every page
            query = {name: value for name, value in request.args.items()
                     if not name.startswith("_") and name != "endpoint"}
            arguments = {**query, **(request.view_args or {}), "lang": code}
            url = url_for(request.endpoint, **arguments)
        else:
            url = url_for("journey.start", lang=code)
        links.append({"code": code, "name": language(code).name, "url": url,
                      "current": code == reader_language(), "dir": language(code).direction})
    return links


def other_languages() -> str:
    """The languages besides English, by their own names, as a list in the reader's words
    ("Polski, اردو and العربية"), from navigator/languages.py."""
    return format_list([language(code).name for code in TRANSLATED], locale=str(get_locale() or "en"))


def checked_date(value) -> str:
    """A contact's "checked on" date (YYYY-MM-DD in the page file) in the reader's words."""
    try:
        day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return format_date(day, "long")


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_locale)
    # Text from the rules and pages is translated with t(), never _(): Jinja's _() treats
    # every % as a placeholder, and content says things like "59% of plans".
    app.jinja_env.globals["t"] = translate
    app.jinja_env.globals["language_links"] = language_links
    app.jinja_env.globals["other_languages"] = other_languages  # formatted only when a notice shows
    app.jinja_env.globals["language_names"] = {each.code: each.name for each in LANGUAGES}
    app.jinja_env.filters["checked_date"] = checked_date

    @app.context_processor
    def reading_language():
        code = reader_language()
        return {"lang": language(code).html_lang, "lang_code": code,
                "text_direction": language(code).direction,
                "unknown_language": g.get("unknown_language"),
                "browser_language_missing": g.get("browser_language_missing", False)}

    @app.before_request
    def remember_choice():
        chosen = request.args.get("lang")
        if chosen in _languages() and session.get("lang") != chosen:
            session["lang"] = chosen
        g.setdefault("notices", [])

    @app.url_defaults
    def keep_language(endpoint, values):
        # Links and forms carry the reader's language, so a copied link keeps it.
        if endpoint == "static" or "lang" in values or not has_request_context():
            return
        code = reader_language()
        if code != "en":
            values["lang"] = code
