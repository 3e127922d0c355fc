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
    if stamp.exists() and stamp.read_text().strip() == VERSION:
        return
    with tarfile.open(fileobj=io.BytesIO(verified_tarball()), mode="r:gz") as archive:
        for member, name in WANTED.items():
            content = archive.extractfile(member).read()
            if name.endswith(".css"):
                content = council_stylesheet(content.decode("utf-8")).encode("utf-8")
            destination = TARGET / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(content)
    stamp.write_text(VERSION + "\n")
    print(f"govuk-frontend {VERSION} assets ready in {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
