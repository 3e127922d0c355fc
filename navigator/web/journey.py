"""The chat-style guided journey at /.

The state is the answers, kept in the signed session cookie and replayed through the flow
engine on every request. Each answer is an ordinary form post (works without JavaScript);
with JavaScript the same post returns only the conversation, which the page swaps in.
Answers travel in request bodies only, never in a URL.
"""

from __future__ import annotations

from flask import Blueprint, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from navigator.flow import AnswerError, Outcome, Question
from navigator.site import current_site
from navigator.web.presenters import (
    answer_label,
    explain,
    pathway_contacts,
    pathway_pages,
    translated_pages,
    urgent_contacts,
    urgent_pages,
)
from navigator.web.saved import shared_view
from navigator.web.understanding import merge_understood, understood_items

blueprint = Blueprint("journey", __name__)

CHAT_HEADER = "X-Navigator-Chat"  # set by static/js/navigator.js when it wants the fragment only


def _saved_answers() -> dict:
    answers = session.get("answers")
    return answers if isinstance(answers, dict) else {}


def _replay(answers: dict) -> tuple[Outcome, list[str]]:
    """Run the saved answers; drop (and say so) any the current rules cannot use."""
    outcome, dropped = current_site().flow.run_leniently(answers)
    if not dropped:
        return outcome, []
    session["answers"] = {k: v for k, v in answers.items() if k not in dropped}
    return outcome, [_("One of your earlier answers could no longer be used, so we ask that question again.")] * len(dropped)


def _is_urgent(outcome: Outcome) -> bool:
    return outcome.urgent or bool(session.get("urgent"))


def _land(outcome: Outcome, fragment: str):
    """Back to the journey after a form post (no JavaScript): at urgent help when anything
    typed or answered is urgent, wherever else the page would have opened."""
    return redirect(url_for(".start") + ("#urgent-help" if _is_urgent(outcome) else fragment))


def _render(outcome: Outcome, *, editing: Question | None = None, error: str | None = None,
            given=None, status: int = 200, notices=(), text_error: str | None = None, text: str = ""):
    site = current_site()
    notices = list(notices)
    understood = session.get("understood") if isinstance(session.get("understood"), dict) else None
    urgent = _is_urgent(outcome)
    if g.get("session_unreadable"):
        notices.append(_("We could not read the answers saved in your browser, so we have started again."))
        status = 400
    conversation = [(q, answer_label(q, outcome.answers[q.id])) for q in outcome.asked]
    context = dict(
        outcome=outcome,
        conversation=conversation,
        question=editing or outcome.question,
        editing=editing is not None,
        current_answer=given if given is not None else (
            outcome.answers.get(editing.id) if editing else None),
        error=error,
        notices=notices,
        cards=[(p, pathway_contacts(p, site.library), pathway_pages(p, site.library))
               for p in outcome.pathways if not (p.urgent and urgent)],
        urgent=urgent,
        urgent_contacts=urgent_contacts(site) if urgent else [],
        urgent_pages=urgent_pages(site) if urgent else [],
        understood=understood_items(understood, site) if understood else None,
        understood_pages=translated_pages(site.library, (understood or {}).get("pages", [])),
        text_error=text_error,
        text=text,
        shared=shared_view(session.get("shared")),
    )
    template = "_chat.html" if request.headers.get(CHAT_HEADER) else "journey.html"
    return render_template(template, **context), status


@blueprint.get("/")
def start():
    outcome, notices = _replay(_saved_answers())
    return _render(outcome, notices=notices)


@blueprint.get("/change/<question_id>")
def change(question_id: str):
    outcome, notices = _replay(_saved_answers())
    question = next((q for q in outcome.asked if q.id == question_id), None)
    if question is None:
        return redirect(url_for(".start"))
    return _render(outcome, editing=question, notices=notices)


@blueprint.post("/answer")
def answer():
    flow = current_site().flow
    outcome, notices = _replay(_saved_answers())
    answers = _saved_answers()  # as replay left them: unusable answers dropped, others kept
    question_id = request.form.get("question", "")
    question = flow.questions.get(question_id)
    answerable = {q.id for q in outcome.asked} | ({outcome.question.id} if outcome.question else set())
    if question is None or question.id not in answerable:
        return _render(outcome, error=_("That question is not part of your journey now. "
                                        "Your answers are kept: carry on below."),
                       status=400, notices=notices)
    raw = request.form.getlist("answer") if question.type == "multi" else request.form.get("answer", "")
    try:
        value = flow.clean(question, raw)
    except AnswerError as error:
        editing = question if question.id != (outcome.question.id if outcome.question else None) else None
        return _render(outcome, editing=editing, error=explain(error), given=raw, status=400, notices=notices)
    answers[question.id] = value
    session["answers"] = answers
    session.pop("shared", None)  # a code saved earlier holds the earlier answers
    new_outcome, more = _replay(answers)
    if request.headers.get(CHAT_HEADER):
        return _render(new_outcome, notices=notices + more)
    return _land(new_outcome, "#result" if new_outcome.complete else "#question")


@blueprint.post("/understand")
def understand():
    """Read what the family typed; keep only what was understood, never the words."""
    from navigator.web.api import MAX_TEXT, related_pages
    site = current_site()
    text = request.form.get("text", "")
    outcome, notices = _replay(_saved_answers())
    if not text.strip():
        return _render(outcome, text_error=_("Type a few words about what is happening."), status=400)
    if len(text) > MAX_TEXT:
        return _render(outcome, text=text, status=400, text_error=_(
            "That is %(count)d characters. Keep it under %(max)d: a few sentences is enough.",
            count=len(text), max=MAX_TEXT))
    reading = site.interpreter.read(text)
    session["understood"] = {"concepts": list(reading.concepts), "age": reading.age,
                             "pages": [p["slug"] for p in related_pages(reading)]}
    if reading.urgent:
        session["urgent"] = True
    if not reading.concepts and reading.age is None:
        session.pop("understood")
        return _render(outcome, text=text, status=200, notices=[_(
            "We could not tell what this is about. Try different words, or answer the questions below.")])
    if request.headers.get(CHAT_HEADER):
        return _render(_replay(_saved_answers())[0])
    return _land(_replay(_saved_answers())[0], "#understood")


@blueprint.post("/understood")
def understood():
    """Confirm what was understood (it fills in answers), remove an item, or set it aside."""
    site = current_site()
    current = session.get("understood") if isinstance(session.get("understood"), dict) else None
    action = request.form.get("action", "")
    if current is None or action not in ("confirm", "remove", "dismiss"):
        outcome, _notices = _replay(_saved_answers())
        return _render(outcome, status=400, notices=[_("There is nothing waiting to be confirmed. Carry on below.")])
    if action == "remove":
        item = request.form.get("item", "")
        if item == "age":
            current["age"] = None
        else:
            current["concepts"] = [c for c in current.get("concepts", []) if c != item]
        session["understood"] = current
    elif action == "confirm":
        session["answers"] = merge_understood(_saved_answers(), current, site)
        session.pop("understood")
        session.pop("shared", None)
    else:
        session.pop("understood")
    if request.headers.get(CHAT_HEADER):
        return _render(_replay(_saved_answers())[0])
    return _land(_replay(_saved_answers())[0], "#question")


# What "Start again" keeps: the language, and a staff member's sign-in (Flask-Login's keys).
KEPT_ON_START_AGAIN = ("lang", "_user_id", "_fresh", "_id", "call")


@blueprint.post("/start-again")
def start_again():
    kept = {key: session[key] for key in KEPT_ON_START_AGAIN if key in session}
    session.clear()
    session.update(kept)
    return redirect(url_for(".start"))
