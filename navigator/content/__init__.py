"""The content model: local-offer pages as markdown files with YAML front matter.

Pure Python: no Flask, SQLAlchemy or Whoosh here. `load_library` reads a folder of pages,
validates each against the schema, renders and sanitises the markdown, and reports every
broken page without stopping.
"""

from navigator.content.library import load_library, load_page
from navigator.content.model import Contact, Library, Page
from navigator.content.render import render_markdown

__all__ = ["Contact", "Library", "Page", "load_library", "load_page", "render_markdown"]
