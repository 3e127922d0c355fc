"""Hostile strings for the input proofs (tests/test_hostile_inputs.py, tests/test_fuzz.py and
tests/browser/test_hostile_browser.py). A plain module: no tests here.

Each payload has a name (a pytest id, and what a failure message calls it). Python strings
cannot travel over HTTP holding a lone surrogate, so those come as the escapes a sender
would actually use: percent-encoded UTF-8 of one (invalid), and JSON's "\\ud800" (kept as
text here and placed raw inside a JSON body by the tests: see JSON_ONLY).
"""

from __future__ import annotations

from collections.abc import Iterator

# Markers that must never appear raw in HTML: a reflected payload that shows one of these
# outside an escaped context is a working injection. Checked by tests/test_hostile_inputs.py.
MARKER = "hostile7"

PAYLOADS: list[tuple[str, str]] = [
    # -- HTML and script injection, in every context a value can land in -----------------
    ("script-tag", f"<script>alert('{MARKER}')</script>"),
    ("script-tag-upper", f"<SCRIPT SRC=//evil.example/{MARKER}.js></SCRIPT>"),
    ("img-onerror-attr-break", f"\"><img src=x onerror=alert('{MARKER}')>"),
    ("img-onerror-single-quote", f"'><img src=x onerror=alert('{MARKER}')>"),
    ("svg-onload", f"<svg/onload=alert('{MARKER}')>"),
    ("svg-script", f"<svg><script>alert('{MARKER}')</script></svg>"),
    ("iframe-srcdoc", f"<iframe srcdoc=\"<script>alert('{MARKER}')</script>\"></iframe>"),
    ("javascript-url", f"javascript:alert('{MARKER}')"),
    ("javascript-url-mixed-case", f"JaVaScRiPt:alert('{MARKER}')"),
    ("javascript-url-entity", f"jav&#x09;ascript:alert('{MARKER}')"),
    ("data-url-html", f"data:text/html,<script>alert('{MARKER}')</script>"),
    ("attribute-event-no-quotes", f"x onmouseover=alert('{MARKER}') x"),
    ("textarea-breakout", f"</textarea><script>alert('{MARKER}')</script>"),
    ("title-breakout", f"</title><script>alert('{MARKER}')</script>"),
    ("style-breakout", f"</style><script>alert('{MARKER}')</script>"),
    ("script-string-breakout", f"';alert('{MARKER}');//"),
    ("json-in-script-breakout", f"</script><script>alert('{MARKER}')</script>"),
    ("html-comment-breakout", f"--><script>alert('{MARKER}')</script><!--"),
    ("meta-refresh", f"<meta http-equiv=refresh content=\"0;url=//evil.example/{MARKER}\">"),
    ("base-href", f"<base href=//evil.example/{MARKER}/>"),
    ("form-action-hijack", f"<form action=//evil.example/{MARKER}><button>Go</button></form>"),
    ("math-xlink", f"<math><a xlink:href=javascript:alert('{MARKER}')>x</a></math>"),
    ("details-ontoggle", f"<details open ontoggle=alert('{MARKER}')>"),
    ("html-entities", f"&lt;script&gt;alert('{MARKER}')&lt;/script&gt;"),
    # -- markdown that turns into HTML ------------------------------------------------------
    ("markdown-js-link", f"[click me](javascript:alert('{MARKER}'))"),
    ("markdown-image-onerror", f"![x](x\" onerror=\"alert('{MARKER}'))"),
    ("markdown-raw-html", f"Hello\n\n<div onclick=alert('{MARKER}')>x</div>\n"),
    ("markdown-autolink-js", f"<javascript:alert('{MARKER}')>"),
    # -- template injection -----------------------------------------------------------------
    ("jinja-expression", "{{7*7}}"),
    ("jinja-config", "{{ config.items() }}"),
    ("jinja-statement", "{% for x in range(3) %}{{x}}{% endfor %}"),
    ("jinja-class-walk", "{{ ''.__class__.__mro__[1].__subclasses__() }}"),
    ("format-string", "%(secret)s %s %d {0} {secret}"),
    # -- SQL-ish ------------------------------------------------------------------------------
    ("sql-or-true", "' OR '1'='1"),
    ("sql-drop", "'; DROP TABLE journeys; --"),
    ("sql-union", "\" UNION SELECT email, password_hash FROM users --"),
    ("sql-like-wildcards", "%_%_%"),
    # -- path traversal -----------------------------------------------------------------------
    ("traversal", "../../etc/passwd"),
    ("traversal-encoded", "..%2F..%2Fetc%2Fpasswd"),
    ("traversal-double-encoded", "%252e%252e%252fetc%252fpasswd"),
    ("traversal-backslash", "..\\..\\windows\\win.ini"),
    ("absolute-path", "/etc/passwd"),
    # -- header and line injection ------------------------------------------------------------
    ("crlf-header", "x\r\nSet-Cookie: hostile7=1"),
    ("crlf-encoded", "x%0d%0aSet-Cookie:%20hostile7=1"),
    ("lf-only", "x\nLocation: //evil.example"),
    ("open-redirect-tab", "/\t/evil.example"),
    ("open-redirect-protocol-relative", "//evil.example/hostile7"),
    ("open-redirect-backslash", "/\\evil.example"),
    # -- control characters and broken Unicode ------------------------------------------------
    ("nul", "abc\x00def"),
    ("nul-only", "\x00"),
    ("control-chars", "".join(chr(c) for c in range(1, 32)) + "\x7f"),
    ("c1-controls", "\x85\x8d\x9b\x9f"),
    ("percent-lone-surrogate", "%ED%A0%80"),
    ("percent-invalid-utf8", "%C3%28%FF%FE"),
    ("json-lone-surrogate-escape", "\\ud800"),
    ("json-reversed-surrogates", "\\udc00\\ud800"),
    ("rtl-override", "\u202egnp.exe\u202c safe"),
    ("bidi-isolates", "\u2066\u2067\u2068abc\u2069"),
    ("zero-width", "a\u200bu\u200ct\u200di\u2060s\ufeffm"),
    ("combining-flood", "Z" + "\u0336\u0337\u0338\u0335\u0334" * 400),
    ("emoji", "👩‍👩‍👧‍👦🏳️‍🌈🧑🏽‍🦽 autism 🤖"),
    ("replacement-and-noncharacters", "\ufffd\uffff\ufffe\U0010ffff"),
    ("full-width", "ａｕｔｉｓｍ ＜script＞"),
    # -- size -----------------------------------------------------------------------------------
    ("10k-chars", "autism " * 1430),
    ("100k-chars", "a" * 100_000),
    ("long-single-word", "x" * 5000),
    ("many-lines", "line\n" * 2000),
    # -- other scripts ------------------------------------------------------------------------
    ("arabic", "ابني مصاب بالتوحد وعمره ٧ سنوات"),
    ("urdu", "میرا بیٹا آٹسٹک ہے اور اس کی عمر ۷ سال ہے"),
    ("polish", "Mój syn ma autyzm, ma 7 lat. Zażółć gęślą jaźń"),
    ("mixed-direction", "autism التوحد 7 ٧ آٹزم"),
    # -- numbers ----------------------------------------------------------------------------------
    ("superscript-two", "²"),
    ("arabic-indic-digits", "١٢"),
    ("circled-one", "①"),
    ("negative", "-1"),
    ("huge-float", "1e309"),
    ("nan", "NaN"),
    ("infinity", "Infinity"),
    ("huge-int", "9" * 400),
    ("hex", "0x1F"),
    ("fraction", "3.5"),
    ("thai-digits", "๑๒"),
    # -- dates ------------------------------------------------------------------------------------
    ("year-zero", "0000-01-01"),
    ("feb-30", "2026-02-30"),
    ("year-9999", "9999-12-31"),
    ("year-10000", "10000-01-01"),
    ("date-with-time", "2026-05-01T25:61:61Z"),
    ("date-arabic-digits", "٢٠٢٦-٠٥-٠١"),
    ("date-uk-order", "31/12/2026"),
    # -- YAML and front matter ----------------------------------------------------------------
    ("yaml-python-object", "!!python/object/apply:os.system ['echo hostile7']"),
    ("yaml-unclosed-flow", "key: [a"),
    ("yaml-front-matter-break", "x\n---\nname: hostile7\n---\n"),
    ("yaml-anchor-bomb", "a: &a [x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b]"),
    ("yaml-complex-key", "? [a, b]\n: value"),
    ("yaml-merge-key", "<<: {name: hostile7}"),
    # -- odd shapes ---------------------------------------------------------------------------------
    ("empty", ""),
    ("spaces-only", "   \t  "),
    ("only-dashes", "----"),
    ("json-looking", "{\"answers\": {\"asking_as\": \"parent\"}}"),
    ("python-repr", "__import__('os').system('id')"),
    ("shell", "$(id); `id` | id && id"),
    ("ldap-like", "*)(uid=*))(|(uid=*"),
    ("xml-entity", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
]

# Payloads meant to be written raw into a JSON body (the escape itself is the attack).
JSON_ONLY = {"json-lone-surrogate-escape", "json-reversed-surrogates"}
# Payloads that already are percent-encodings: sent as they are in a query string, not
# encoded again (so the server's decoder meets the invalid bytes).
PERCENT_ENCODED = {"percent-lone-surrogate", "percent-invalid-utf8", "crlf-encoded", "traversal-encoded",
                   "traversal-double-encoded"}

# The ones a browser test puts through every box: the nastiest of each kind.
NASTIEST = [
    "script-tag", "img-onerror-attr-break", "img-onerror-single-quote", "svg-onload", "iframe-srcdoc",
    "textarea-breakout", "title-breakout", "json-in-script-breakout", "details-ontoggle",
    "attribute-event-no-quotes", "markdown-js-link", "jinja-expression", "rtl-override",
    "combining-flood", "crlf-header",
]

_BY_NAME = dict(PAYLOADS)
assert len(_BY_NAME) == len(PAYLOADS), "two payloads share a name"
assert len(PAYLOADS) >= 60


def payload(name: str) -> str:
    return _BY_NAME[name]


def payloads(*, skip: frozenset[str] | set[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """(name, payload) pairs, for pytest ids or a loop inside one test."""
    for name, text in PAYLOADS:
        if name not in skip:
            yield name, text


def nastiest() -> list[tuple[str, str]]:
    return [(name, _BY_NAME[name]) for name in NASTIEST]


def markup() -> list[tuple[str, str]]:
    """The payloads that could break out of HTML (a tag, a quote, an entity, a scheme), and
    the broken-Unicode ones: for a field that is only shown back, never parsed."""
    return [(name, text) for name, text in PAYLOADS
            if any(c in text for c in "<>\"'&") or "script:" in text.lower() or "%" in text
            or name in ("nul", "control-chars", "rtl-override", "combining-flood", "json-lone-surrogate-escape")]


def json_body_text(field_path: list[str], name: str, text: str, extra: dict | None = None) -> str:
    """A JSON body with `text` at `field_path`. For JSON_ONLY payloads the escape goes in as
    written (so "\\ud800" reaches the server as a JSON escape for half a character)."""
    import json

    body: dict = dict(extra or {})
    marker = "\x00HOSTILE\x00"
    node = body
    for key in field_path[:-1]:
        node = node.setdefault(key, {})
    node[field_path[-1]] = marker if name in JSON_ONLY else text
    dumped = json.dumps(body)
    quoted_marker = json.dumps(marker)[1:-1]
    return dumped.replace(quoted_marker, text) if name in JSON_ONLY else dumped


def scratch_content(app):
    """A context manager: point a running app's pages and editor at a copy of its content
    for a while, so hostile saves, creates, renames and deletes never touch the shipped
    pages; the app reads its own folder again afterwards."""
    import contextlib
    import pathlib
    import shutil
    import tempfile

    @contextlib.contextmanager
    def swapped():
        site = app.extensions["navigator.site"]
        original = site.content_dir
        with tempfile.TemporaryDirectory(prefix="hostile-content-") as folder:
            copy = pathlib.Path(folder) / "content"
            shutil.copytree(original, copy)
            site.content_dir = copy
            try:
                yield copy
            finally:
                site.content_dir = original
                site.refresh(every=0)

    return swapped()
