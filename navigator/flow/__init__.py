"""The flow engine: the guided questions and pathway rules, loaded, checked and run.

Pure Python: no Flask, SQLAlchemy or Whoosh here. `load_rules` reads navigator/rules/,
checks it completely (or raises RulesError listing every problem) and returns a `Flow`;
`Flow.run(answers)` replays the answers from the first question and says what to ask next
or which pathways fit, best first.
"""

from navigator.flow.engine import AnswerError, Flow, Outcome
from navigator.flow.model import URGENT_PATHWAY, Option, Pathway, Question, Step, Timescale, Words
from navigator.flow.rules import RULES_DIR, RulesError, load_rules

__all__ = ["AnswerError", "Flow", "Option", "Outcome", "Pathway", "Question", "RULES_DIR",
           "RulesError", "Step", "Timescale", "URGENT_PATHWAY", "Words", "load_rules"]
