"""The interpreter: what a family types in, what it is about out.

Pure Python: no Flask, SQLAlchemy or Whoosh. `Interpreter.read(text)` finds the concepts the
text expresses (phrases from the lexicon, typos forgiven with rapidfuzz, negated mentions
set aside, idioms ignored), the child's current age, whether urgent help is needed, and the
pathways the concepts point to, best first. Every answer comes from the lexicon and the
rules; nothing is generated.
"""

from navigator.interpret.interpreter import Interpretation, Interpreter
from navigator.interpret.lexicon import LEXICON_DIR, load_lexicon
from navigator.interpret.urgency import URGENCY_DIR, load_urgency_model

__all__ = ["Interpretation", "Interpreter", "LEXICON_DIR", "URGENCY_DIR", "load_lexicon", "load_urgency_model"]
