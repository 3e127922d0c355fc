"""Languages: Flask-Babel, with the reader's choice, then their browser's, then English."""

from __future__ import annotations

from flask import Flask, g, request, session
from flask_babel import Babel

RIGHT_TO_LEFT = {"ar", "ur"}
# The language a reader chooses -> the locale used for words, dates and numbers.
# English is British English: "Monday 25 May 2026", not "Monday, May 25, 2026".
LOCALES = {"en": "en_GB"}


def select_locale() -> str:
    languages = _languages()
    chosen = request.args.get("lang") or session.get("lang")
    if chosen not in languages:
        chosen = request.accept_languages.best_match(languages) or "en"
    return LOCALES.get(chosen, chosen)


def translate(text: str) -> str:
    from flask_babel import gettext
    return gettext(text) if text else text


def _languages() -> list[str]:
    from flask import current_app
    return current_app.config["LANGUAGES"]


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_locale)
    # Text from the rules and pages is translated with t(), never _(): Jinja's _() treats
    # every % as a placeholder, and content says things like "59% of plans".
    app.jinja_env.globals["t"] = translate

    @app.context_processor
    def language():
        from flask_babel import get_locale
        locale = get_locale()
        code = locale.language if locale else "en"
        return {"lang": str(locale).replace("_", "-") if locale else "en",
                "text_direction": "rtl" if code in RIGHT_TO_LEFT else "ltr"}

    @app.before_request
    def remember_choice():
        chosen = request.args.get("lang")
        if chosen in _languages() and session.get("lang") != chosen:
            session["lang"] = chosen
        g.setdefault("notices", [])
