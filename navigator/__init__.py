"""The Trafford SEND pathway navigator: a thin Flask layer over pure cores.

create_app() reads settings, checks the rules and content, migrates the database, makes sure
the search index is current, and registers one blueprint per part of the site. Flask is
imported inside it, so importing a core (navigator.flow, navigator.content) never loads Flask.
"""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    from flask import Flask
    from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

    from navigator import cli, config, site, web

    instance = pathlib.Path((test_config or {}).get("INSTANCE_PATH") or config.instance_path())
    instance.mkdir(parents=True, exist_ok=True)
    app = Flask(__name__, instance_path=str(instance))
    app.config.from_mapping(config.from_environment(instance))
    if test_config:
        app.config.from_mapping(test_config)

    app.jinja_loader = ChoiceLoader([
        PackageLoader("navigator"),
        PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
    ])
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    app.extensions["navigator.site"] = site.build_site(app)
    web.init_app(app)
    cli.init_app(app)
    return app
