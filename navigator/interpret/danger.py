"""How danger words sit in a message: the span a danger rule's words fall in, whether the
words are only a topic ("training on self-harm"), and whether the danger is told as over
("years ago, she is doing well now"). Pure functions over word positions; the interpreter
(navigator/interpret/interpreter.py) finds the words and decides.
"""

from __future__ import annotations

TOPIC_REACH = 5         # "training on", "an essay about" this many words before danger words,
TOPIC_AFTER = 2         # or just after them: "suicide prevention training"
IF_EVER_REACH = 4       # "if my mum ever": "ever" this many words after "if"
STORY_REACH = 12        # "a novel where one of the characters self-harms": a story this many words before


def clause_of(clauses: list[int] | None, index: int) -> int:
    """The clause a word is in; with no clauses given, all words are in one."""
    if not clauses:
        return 0
    return clauses[index] if 0 <= index < len(clauses) else -1


def span_with(start: int, end: int, classes: tuple[str, ...], by_class, within: int) -> tuple[int, int] | None:
    """The smallest span around one cue that holds a cue of every other class, if it fits `within` words."""
    low, high = start, end
    for cue_class in classes:
        best = None
        for s, e in by_class[cue_class]:
            new_low, new_high = min(low, s), max(high, e)
            if new_high - new_low <= within and (best is None or new_high - new_low < best[1] - best[0]):
                best = (new_low, new_high)
        if best is None:
            return None
        low, high = best
    return low, high


def only_a_topic(cues: list[tuple[str, int, int]], clauses: list[int], start: int,
                  sentences: list[int], questions: set[int]) -> bool:
    """Danger words as the subject of a question, not an event: "training on self-harm",
    "an essay on domestic abuse", "the dangers of overdose": a topic word just before the
    words in the same clause, or before them in a sentence that asks a question ("Is there
    a workshop on grooming?"), so "I need advice, she is cutting herself" stays urgent.
    A question about how something is done ("how do CAMHS assess self-harm?", "what are
    the signs of county lines?") is a topic too (`topic_asked`, before the words in their
    clause, before or after: Urdu puts it last), unless the question says it is happening ("... she cut herself again tonight?")."""
    clause, sentence = clause_of(clauses, start), clause_of(sentences, start)
    if any(c == "topic" and start - TOPIC_REACH <= s <= start + TOPIC_AFTER and clause_of(clauses, s) == clause
           for c, s, _e in cues):
        return True
    # In a question, the topic comes first ("what are the signs of county lines?") or in the
    # danger's own clause (Urdu puts it last: "county lines ke bare mein workshop hai?"); one
    # in a later clause asks about a danger told ("she took 20 paracetamol, what are the signs?").
    said_now = any(c == "present" and clause_of(sentences, s) == sentence for c, s, _e in cues)
    if sentence not in questions or said_now:
        return False
    return any((c == "topic" and clause_of(sentences, s) == sentence and (s < start or clause_of(clauses, s) == clause))
               or (c == "topic_asked" and clause_of(clauses, s) == clause) for c, s, _e in cues)


def told_as_over(cues: list[tuple[str, int, int]], sentences: list[int], start: int) -> bool:
    """A danger is over when its sentence says so ("in 2019", "years ago", "she is
    doing well now") and nothing there says it goes on ("again", "still", "tonight").
    Recall matters most, so anything less clear counts as now."""
    if not sentences or start >= len(sentences):
        return False
    here = sentences[start]
    # the next sentence counts too: "He drank Dettol when he was three. That was ten years ago."
    classes = {c for c, s, _ in cues if s < len(sentences) and sentences[s] in (here, here + 1)}
    return bool(classes & {"over", "recovered"}) and "present" not in classes


def in_a_story(cues: list[tuple[str, int, int]], sentences: list[int], start: int) -> bool:
    """Danger words that belong to a story, not the family: a news item, a novel, a film
    or documentary named shortly before them in the same sentence ("watched a documentary
    about a hospital where adults were abused", "a novel where a character takes an
    overdose"). A word for the family or the child between the story and the danger
    ("a documentary about suicide and now my son says he wants to die") brings the danger
    home, and so does a word for now after it ("... and she wants to do it tonight"): it
    stays urgent."""
    sentence = clause_of(sentences, start)
    stories = [e for c, s, e in cues if c == "story" and s < start and start - e <= STORY_REACH
               and clause_of(sentences, s) == sentence]
    if not stories:
        return False
    nearest = max(stories)
    comes_home = any(c == "personal" and nearest <= s < start for c, s, _e in cues)
    still_now = any(c == "present" and s >= start and clause_of(sentences, s) == sentence for c, s, _e in cues)
    return not (comes_home or still_now)


def only_if(cues: list[tuple[str, int, int]], sentences: list[int], start: int) -> bool:
    """A danger asked about in case it ever happens ("if he ever runs off, who do I
    ring?", "what should I do if she swallows a battery?"): a word of `hypothetical`
    before it in its sentence, or an "if" followed closely by an "ever" ("if my mum ever
    kicked me out"), and nothing there that says it is happening ("tonight", "again",
    "still"). A bare "if" is not enough: "if I don't get help she'll kill herself" is a
    fear of now."""
    sentence = clause_of(sentences, start)
    here = [(c, s) for c, s, _e in cues if clause_of(sentences, s) == sentence]
    if_ever = any(c == "if_word" and s < start and any(k == "ever_word" and s < e <= s + IF_EVER_REACH for k, e in here)
                  for c, s in here)
    here = [(c, s) for c, s in here if s < start]
    said_now = any(c == "present" and clause_of(sentences, s) == sentence for c, s, _e in cues)
    return (if_ever or any(c == "hypothetical" for c, _s in here)) and not said_now
