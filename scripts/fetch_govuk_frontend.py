"""Fetch GOV.UK Frontend's compiled assets from the npm registry, verified, into navigator/static/govuk/.

Only Python's standard library is used, so `make run` works on a machine with Python and
nothing else. The tarball's sha512 must match the pinned integrity (the value npm records),
so a tampered or different file is refused.

The compiled stylesheet is adapted for a council service: the GDS Transport typeface is
reserved for GOV.UK, so its @font-face rules are dropped and Arial is used instead (no font
files are copied). The JavaScript is copied unchanged.
"""

import base64
import hashlib
import io
import pathlib
import re
import sys
import tarfile
import urllib.request

VERSION = "6.3.0"  # keep in step with govuk-frontend-jinja in pyproject.toml
STAMP = f"{VERSION} with rtl"  # change to rebuild the assets on every machine
TARBALL = f"https://registry.npmjs.org/govuk-frontend/-/govuk-frontend-{VERSION}.tgz"
INTEGRITY = "sha512-cXIQxm5PHCsbic47GXZrVBZhAeeshTLRL6ZBKilLsR6rMCjJuWb7Fruq0VUNMBJFlJk/srsRj/q8d5bM9cgKoA=="

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = ROOT / "navigator" / "static" / "govuk"
WANTED = {
    "package/dist/govuk/govuk-frontend.min.css": "govuk-frontend.min.css",
    "package/dist/govuk/govuk-frontend.min.js": "govuk-frontend.min.js",
    "package/dist/govuk/assets/images/favicon.svg": "images/favicon.svg",
    "package/dist/govuk/assets/images/favicon.ico": "images/favicon.ico",
}


def council_stylesheet(css: str) -> str:
    """GOV.UK's stylesheet without the GDS Transport typeface."""
    css = re.sub(r"@font-face\{font-family:GDS Transport;[^}]*\}", "", css)
    css = css.replace("font-family:GDS Transport,arial,sans-serif", "font-family:arial,helvetica,sans-serif")
    css = css.replace("font-family:GDS Transport", "font-family:arial,helvetica,sans-serif")
    return css


# Properties whose four values run top, right, bottom, left: right and left trade places.
_FOUR_SIDES = {"margin", "padding", "border-width", "border-color", "border-style", "inset"}


def right_to_left(css: str) -> str:
    """GOV.UK's stylesheet mirrored for Urdu and Arabic, which GOV.UK Frontend does not do.

    Only declarations change, never selectors (a class named text-align-left keeps its
    name): left and right swap in property names and values, four-value shorthands swap
    their right and left values, and border-radius its corners. url(...) is left alone.
    """
    return re.sub(r"\{([^{}]*)\}", lambda block: "{" + _mirror_block(block.group(1)) + "}", css)


def _mirror_block(block: str) -> str:
    declarations = []
    for declaration in block.split(";"):
        name, colon, value = declaration.partition(":")
        if not colon or "url(" in value:
            declarations.append(declaration)
            continue
        name = _swap_sides(name)
        important = value.endswith("!important")
        core = value[: -len("!important")] if important else value
        parts = core.split()
        if name.strip() in _FOUR_SIDES and len(parts) == 4:
            parts = [parts[0], parts[3], parts[2], parts[1]]
        elif name.strip() == "border-radius" and len(parts) == 4:
            parts = [parts[1], parts[0], parts[3], parts[2]]
        core = " ".join(parts) if len(parts) == 4 and name.strip() in _FOUR_SIDES | {"border-radius"} else _swap_sides(core)
        declarations.append(f"{name}:{core}{'!important' if important else ''}")
    return ";".join(declarations)


def _swap_sides(text: str) -> str:
    return re.sub(r"\b(left|right)\b", lambda m: "right" if m.group(1) == "left" else "left", text)


def verified_tarball() -> bytes:
    with urllib.request.urlopen(TARBALL, timeout=60) as response:
        data = response.read()
    algorithm, expected = INTEGRITY.split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        sys.exit(f"govuk-frontend {VERSION}: the download does not match its pinned integrity; refusing it")
    return data


def main() -> None:
    stamp = TARGET / "VERSION"
    if stamp.exists() and stamp.read_text().strip() == STAMP:
        return
    with tarfile.open(fileobj=io.BytesIO(verified_tarball()), mode="r:gz") as archive:
        for member, name in WANTED.items():
            content = archive.extractfile(member).read()
            destination = TARGET / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            if name.endswith(".css"):
                css = council_stylesheet(content.decode("utf-8"))
                content = css.encode("utf-8")
                destination.with_name(name.replace(".min.css", ".rtl.min.css")).write_text(right_to_left(css), encoding="utf-8")
            destination.write_bytes(content)
    stamp.write_text(STAMP + "\n")
    print(f"govuk-frontend {VERSION} assets ready in {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
