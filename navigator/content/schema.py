"""What a page's front matter may hold.

Field names follow the Open Referral UK service record where one has a counterpart
(name, description, url, email, minimum_age, maximum_age, assured_date, status), so pages
can later be exchanged with council directories. The rest are ours: review_by, needs,
contacts, sources.
"""



def N_(text: str) -> str:  # noqa: N802  # gettext's own name for "extract this, translate it later"
    """Marks English for the catalogs (babel.cfg); the web layer translates it when shown."""
    return text


OLDEST = 25  # the SEND system's upper age: the oldest a page (or /browse) can be for

NEEDS = {
    "communication-interaction": N_("Communication and interaction (including autism and speech and language)"),
    "cognition-learning": N_("Cognition and learning"),
    "social-emotional-mental-health": N_("Social, emotional and mental health"),
    "sensory-physical": N_("Sensory and/or physical needs"),
    "all": N_("Every area of need"),
}

# UK numbers as families dial them: 0161 912 2592, +44 161 912 2592, 0800 1111,
# and the short national lines 999, 111, 116 123 and text numbers such as 85258.
UK_PHONE = r"^(?:0(?: ?\d){7,10}|\+44(?: ?\d){9,10}|999|111|116 ?\d{3}|\d{5})$"
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$",
        "errorMessage": "should be a date written as YYYY-MM-DD, for example 2026-05-31"}
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
WEB_ADDRESS = {"type": "string", "pattern": r"^https://[^\s]+$",
               "errorMessage": "should be a full web address starting https://"}
EMAIL = {"type": "string", "format": "email", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
         "errorMessage": "should be an email address such as name@trafford.gov.uk"}

CONTACT = {
    "type": "object",
    "required": ["id", "name", "verified"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": SLUG,
               "errorMessage": "should be a short name in lower case with dashes, such as sendiass"},
        "name": {"type": "string", "minLength": 1},
        "phone": {"type": "string", "pattern": UK_PHONE,
                  "errorMessage": "should be a UK phone number such as 0161 912 2592"},
        "text": {"type": "string", "minLength": 1},  # e.g. "Text SHOUT to 85258"
        "email": EMAIL,
        "url": WEB_ADDRESS,
        "hours": {"type": "string"},
        # When an editor last checked this contact works, or false if nobody has yet.
        "verified": {"anyOf": [{"const": False}, DATE],
                     "errorMessage": "should be the date someone last checked this contact "
                                     "(YYYY-MM-DD), or false if nobody has yet"},
        # Where the number was checked (a public source's title), shown beside the date.
        "source": {"type": "string", "minLength": 1},
        # Say what is not known rather than invent it: shown to families, listed for editors.
        "missing": {"type": "string", "minLength": 1},
    },
}

SOURCE = {
    "type": "object",
    "required": ["title"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "url": WEB_ADDRESS,
        "as_of": {"type": "string", "pattern": r"^\d{4}(-\d{2}){0,2}$",
                  "errorMessage": "should be a year, year-month or date, such as 2023-07"},
    },
}

PAGE = {
    "type": "object",
    "required": ["name", "description", "needs", "assured_date", "review_by", "sources"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 120},
        "description": {"type": "string", "minLength": 1, "maxLength": 400},
        "status": {"enum": ["active", "inactive", "defunct", "temporarily closed"]},
        "url": WEB_ADDRESS,
        "email": EMAIL,
        "minimum_age": {"type": "integer", "minimum": 0, "maximum": OLDEST},
        "maximum_age": {"type": "integer", "minimum": 0, "maximum": OLDEST},
        "needs": {"type": "array", "minItems": 1, "items": {
            "enum": sorted(NEEDS),
            "errorMessage": "is not a known area of need; use one of: " + ", ".join(sorted(NEEDS))}},
        "assured_date": DATE,
        "review_by": DATE,
        "contacts": {"type": "array", "items": CONTACT},
        "sources": {"type": "array", "minItems": 1, "items": SOURCE},
        # A page someone may need to leave quickly (abuse, crisis, mental health): it shows
        # the "Exit this page" button.
        "sensitive": {"type": "boolean"},
    },
}

# A page's translation (slug.ur.md beside slug.md): the words only. Contacts, sources, ages
# and dates come from the English page, so a phone number is only ever kept in one place.
TRANSLATION = {
    "type": "object",
    "required": ["translation_of", "name", "description"],
    "additionalProperties": False,
    "properties": {
        # The first 12 characters of the English file's version (the editor's desk shows
        # it) when the translation was made: a different one means the English has changed.
        "translation_of": {"type": "string", "pattern": r"^[0-9a-f]{12}$",
                           "errorMessage": "should be the first 12 characters of the English page's "
                                           "version, as the editor's desk shows it"},
        "name": {"type": "string", "minLength": 1, "maxLength": 200},
        "description": {"type": "string", "minLength": 1, "maxLength": 600},
        # The words of the English page's contacts, by contact id: never a number or address.
        "contacts": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": False,
            "properties": {key: {"type": "string", "minLength": 1} for key in ("name", "text", "hours", "missing")},
            "errorMessage": "should give a contact's name, text, hours or missing, in words only"}},
    },
}
