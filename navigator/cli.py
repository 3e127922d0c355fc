"""The `navigator` command (shared/CONTRACT.md section 5); also `flask --app navigator ...`.

`check` runs without starting the app, so it can report broken rules that would stop the app.
"""

from __future__ import annotations

import pathlib
import sys

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from navigator import config, languages


@click.command("check")
@click.option("--content", "content_dir", type=click.Path(path_type=pathlib.Path),
              help="Folder of pages (default: NAVIGATOR_CONTENT_DIR or content/local_offer).")
@click.option("--rules", "rules_dir", type=click.Path(path_type=pathlib.Path),
              help="Folder of rules (default: NAVIGATOR_RULES_DIR or navigator/rules).")
@click.option("--translations", "translations_dir", type=click.Path(path_type=pathlib.Path),
              help="Folder of translation catalogs (default: translations/).")
def check_command(content_dir, rules_dir, translations_dir):
    """Check the rules, content and translations; exit 1 listing every problem."""
    from navigator.checks import check_all
    from navigator.translation_check import TRANSLATIONS, catalog_problems

    settings = config.from_environment(config.instance_path(), environ=_no_secret_env())
    problems = check_all(content_dir or settings["CONTENT_DIR"], rules_dir or settings["RULES_DIR"])
    # Every message in every language: none missing or fuzzy, no placeholder unlike the English.
    problems += catalog_problems(translations_dir or TRANSLATIONS)
    problems += languages.coverage_problems(pathlib.Path(rules_dir or settings["RULES_DIR"]) / "lexicon",
                                            translations_dir or TRANSLATIONS)
    for problem in problems:
        click.echo(str(problem), err=True)
    errors = [p for p in problems if not p.warning]
    warnings = len(problems) - len(errors)
    if errors:
        click.echo(f"{len(errors)} problem{'s' if len(errors) != 1 else ''} found"
                   + (f", and {warnings} warning{'s' if warnings != 1 else ''}." if warnings else "."), err=True)
        sys.exit(1)
    click.echo("Rules and content are valid" + (f", with {warnings} warning{'s' if warnings != 1 else ''}." if warnings else "."))


def _no_secret_env():
    import os
    # check needs no secret key; do not create instance/secret_key as a side effect
    return {**os.environ, "NAVIGATOR_SECRET_KEY": os.environ.get("NAVIGATOR_SECRET_KEY", "unused-by-check")}


@click.command("index")
@with_appcontext
def index_command():
    """(Re)build the search index from the content."""
    from navigator.content import load_library
    from navigator.search import open_search

    library = load_library(current_app.config["CONTENT_DIR"])
    search = open_search(current_app.config["SEARCH_DIR"], library)
    click.echo(f"Search index ready: {search.document_count()} pages.")


@click.command("purge")
@with_appcontext
def purge_command():
    """Delete saved journeys, staff sessions, failed attempts and search counts past their expiry."""
    from navigator.site import current_site
    from navigator.store import journeys, search_misses, staff

    database = current_site().database
    click.echo(f"Deleted {journeys.purge(database)} expired saved journeys.")
    click.echo(f"Deleted {staff.purge_sessions(database)} expired staff sessions.")
    click.echo(f"Deleted {current_app.extensions['navigator.throttle'].purge()} old failed attempts.")
    click.echo(f"Deleted {search_misses.purge(database)} days of searches older than 90 days.")


@click.group("users")
def users_group():
    """Staff accounts: advisers, editors and admins."""


@users_group.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(["adviser", "editor", "admin"]), required=True)
@with_appcontext
def users_create(email, role):
    """Create an account; the password is read from standard input (never an argument,
    which would show in the process list and shell history)."""
    from navigator.site import current_site
    from navigator.store.staff import StaffError, create_user

    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        create_user(current_site().database, email, password, role)
    except StaffError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {role} account {email.strip().lower()}.")


@users_group.command("disable")
@click.argument("email")
@with_appcontext
def users_disable(email):
    """Disable an account and end all of its sessions at once."""
    _set_active(email, False)
    click.echo(f"Disabled {email}; its sessions have ended.")


@users_group.command("enable")
@click.argument("email")
@with_appcontext
def users_enable(email):
    """Enable a disabled account again."""
    _set_active(email, True)
    click.echo(f"Enabled {email}.")


@users_group.command("unlock")
@click.argument("email")
@with_appcontext
def users_unlock(email):
    """Let an account sign in again at once, from every address, after wrong passwords."""
    from navigator.web.auth import SIGN_IN
    cleared = current_app.extensions["navigator.throttle"].forget_account(SIGN_IN, f"account:{email.strip().lower()}")
    click.echo(f"Unlocked {email.strip().lower()}: cleared {cleared} failed sign-in attempt(s).")


@users_group.command("list")
@with_appcontext
def users_list():
    """Every account with its role, and whether it is disabled."""
    from navigator.site import current_site
    from navigator.store.staff import list_users

    for email, role, active in list_users(current_site().database):
        click.echo(f"{email}\t{role}" + ("" if active else "\tdisabled"))


def _set_active(email: str, active: bool) -> None:
    from navigator.site import current_site
    from navigator.store.staff import StaffError, set_active

    try:
        set_active(current_site().database, email, active)
    except StaffError as error:
        raise click.ClickException(str(error)) from None


def init_app(app: Flask) -> None:
    app.cli.add_command(check_command)
    app.cli.add_command(index_command)
    app.cli.add_command(purge_command)
    app.cli.add_command(users_group)


def _create_app():
    from navigator import create_app
    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, add_default_commands=True,
             add_version_option=False)
def main():
    """Trafford SEND pathway navigator."""


main.add_command(check_command)


if __name__ == "__main__":
    main()
