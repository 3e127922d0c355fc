"""Text as the interpreter sees it: normalised, split into words, lightly stemmed.

The same functions prepare the lexicon's phrases and a family's message, so both sides
always agree on what a word looks like.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic-Indic (٠-٩) and Extended Arabic-Indic, as written in Urdu (۰-۹), to 0-9.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_APOSTROPHES = re.compile(r"['’ʼ`´]")
_WORD = re.compile(r"\w+", re.UNICODE)
# Letters that Arabic and Urdu writers use interchangeably (alef forms, yeh forms, kaf).
_ARABIC_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ی": "ي", "ك": "ک",
                                  "ة": "ه", "ۃ": "ه", "ہ": "ه", "ھ": "ه", "ـ": None,
                                  "\u064b": None, "\u064c": None, "\u064d": None, "\u064e": None,
                                  "\u064f": None, "\u0650": None, "\u0651": None, "\u0652": None})


# Latin letters with marks, folded to plain ones: phones often type Polish without them
# ("zabic sie" for "zabić się"), so both the lexicon and the message are read without.
_LATIN_PLAIN = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


def _plain_latin(text: str) -> str:
    if text.isascii():
        return text
    out = []
    for char in text.translate(_LATIN_PLAIN):
        if "\u00c0" <= char <= "\u024f":  # Latin-1 Supplement and Latin Extended A/B only
            char = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        out.append(char)
    return "".join(out)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _plain_latin(text.translate(_DIGITS).translate(_ARABIC_VARIANTS))
    return _APOSTROPHES.sub("", text)  # "isn't" -> "isnt", "she's" -> "shes"


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


# Full stops, question and exclamation marks (Latin, Arabic and Urdu), semicolons and line ends.
_SENTENCE_END = re.compile(r"[.!?;\n\u061f\u06d4]+")


_CLAUSE_END = re.compile(r"[.!?;,:\n\u061f\u06d4\u060c\u061b()]+")


def sentence_numbers(text: str) -> list[int]:
    """For each word of words(text), the number of the sentence it is in."""
    return _numbers(text, _SENTENCE_END)


def clause_numbers(text: str) -> list[int]:
    """For each word of words(text), the number of the clause (between commas) it is in."""
    return _numbers(text, _CLAUSE_END)


def question_sentences(text: str) -> set[int]:
    """The numbers (as sentence_numbers gives them) of the sentences that end in a question mark."""
    parts = re.split(r"([.!?;\n\u061f\u06d4]+)", normalise(text))
    asked, number = set(), 0
    for index in range(0, len(parts), 2):
        ending = parts[index + 1] if index + 1 < len(parts) else ""
        if "?" in ending or "\u061f" in ending:
            asked.add(number)
        number += 1
    return asked


def _numbers(text: str, boundary: re.Pattern) -> list[int]:
    numbers: list[int] = []
    for index, part in enumerate(boundary.split(normalise(text))):
        numbers += [index] * len(_WORD.findall(part))
    return numbers


def stem(word: str) -> str:
    """A light English stem, so "assessed", "assess" and "assessing" meet.

    Only plain ASCII words are touched; other scripts rely on the lexicon's wildcards.
    """
    if not word.isascii() or not word.isalpha() or len(word) <= 4:
        return word
    for suffix in ("ings", "ing", "ies", "ied", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                continue
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word
