"""The chat-style guided journey at /.

The state is the answers, kept in the (encrypted) session cookie and replayed through the
flow engine on every request (navigator/web/journeys.py). Each answer is an ordinary form
post (works without JavaScript); with JavaScript the same post returns only the
conversation, which the page swaps in. Answers travel in request bodies only, never in a URL.
"""

from __future__ import annotations

from flask import Blueprint, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from navigator.flow import AnswerError, Outcome, Question
from navigator.site import current_site
from navigator.web.journeys import FAMILY, JourneyState, read_words, replay, results, shared_view, text_problem
from navigator.web.presenters import answer_label, explain, translated_pages
from navigator.web.understanding import merge_understood, understood_items

blueprint = Blueprint("journey", __name__)

CHAT_HEADER = "X-Navigator-Chat"  # set by static/js/navigator.js when it wants the fragment only


def _journey() -> tuple[JourneyState, Outcome, list[str]]:
    """The family's journey from the session, replayed (unusable answers dropped and saved)."""
    state = JourneyState.load(session, FAMILY)
    outcome, notices = replay(state, current_site())
    if notices:
        state.save(session)
    return state, outcome, notices


def _land(state: JourneyState, fragment: str, when_complete: str | None = None):
    """After a form post: back to the journey (JavaScript: the conversation only). Without
    JavaScript the page opens at urgent help when anything typed or answered is urgent."""
    state.save(session)
    outcome, notices = replay(state, current_site())
    if request.headers.get(CHAT_HEADER):
        return _render(state, outcome, notices=notices)
    if state.urgent or outcome.urgent:
        fragment = "#urgent-help"
    elif when_complete and outcome.complete:
        fragment = when_complete
    return redirect(url_for(".start") + fragment)


def _render(state: JourneyState, outcome: Outcome, *, editing: Question | None = None, error: str | None = None,
            given=None, status: int = 200, notices=(), text_error: str | None = None, text: str = "",
            check_danger: bool = False):
    site = current_site()
    notices = list(notices)
    if g.get("session_unreadable"):
        notices.append(_("We could not read the answers saved in your browser, so we have started again."))
        status = 400
    context = dict(
        outcome=outcome,
        conversation=[(q, answer_label(q, outcome.answers[q.id])) for q in outcome.asked],
        question=editing or outcome.question,
        editing=editing is not None,
        current_answer=given if given is not None else (outcome.answers.get(editing.id) if editing else None),
        error=error, notices=notices, text_error=text_error, text=text,
        understood=understood_items(state.understood, site) if state.understood else None,
        check_danger=check_danger or bool((state.understood or {}).get("check_danger")),
        understood_pages=translated_pages(site.library, (state.understood or {}).get("pages", [])),
        shared=shared_view(state),
        **results(outcome, site, urgent=state.urgent),
    )
    template = "_chat.html" if request.headers.get(CHAT_HEADER) else "journey.html"
    return render_template(template, **context), status


@blueprint.get("/")
def start():
    state, outcome, notices = _journey()
    return _render(state, outcome, notices=notices)


@blueprint.get("/change/<question_id>")
def change(question_id: str):
    state, outcome, notices = _journey()
    question = next((q for q in outcome.asked if q.id == question_id), None)
    if question is None:
        return redirect(url_for(".start"))
    return _render(state, outcome, editing=question, notices=notices)


@blueprint.post("/answer")
def answer():
    flow = current_site().flow
    state, outcome, notices = _journey()
    question = flow.questions.get(request.form.get("question", ""))
    answerable = {q.id for q in outcome.asked} | ({outcome.question.id} if outcome.question else set())
    if question is None or question.id not in answerable:
        return _render(state, outcome, status=400, notices=notices, error=_(
            "That question is not part of your journey now. Your answers are kept: carry on below."))
    raw = request.form.getlist("answer") if question.type == "multi" else request.form.get("answer", "")
    try:
        value = flow.clean(question, raw)
    except AnswerError as error:
        editing = question if question != outcome.question else None
        return _render(state, outcome, editing=editing, error=explain(error), given=raw, status=400, notices=notices)
    state.set_answers({**state.answers, question.id: value})
    return _land(state, "#question", when_complete="#result")


@blueprint.post("/understand")
def understand():
    """Read what the family typed; keep only what was understood, never the words."""
    state, outcome, notices = _journey()
    text = request.form.get("text", "")
    problem = text_problem(text)
    if problem:
        return _render(state, outcome, text=text if text.strip() else "", status=400, text_error=problem,
                       notices=notices)
    reading = read_words(state, current_site(), text)
    if not reading.concepts and reading.age is None:
        state.understood = None
        state.save(session)
        return _render(state, outcome, text=text, check_danger=reading.check_danger, notices=[_(
            "We could not tell what this is about. Try different words, or answer the questions below.")])
    return _land(state, "#understood")


@blueprint.post("/understood")
def understood():
    """Confirm what was understood (it fills in answers), remove an item, or set it aside."""
    state, outcome, _notices = _journey()
    action = request.form.get("action", "")
    if state.understood is None or action not in ("confirm", "remove", "dismiss"):
        return _render(state, outcome, status=400, notices=[_("There is nothing waiting to be confirmed. Carry on below.")])
    if action == "remove":
        item = request.form.get("item", "")
        if item == "age":
            state.understood["age"] = None
        else:
            state.understood["concepts"] = [c for c in state.understood.get("concepts", []) if c != item]
    else:
        if action == "confirm":
            state.set_answers(merge_understood(state.answers, state.understood, current_site()))
        state.understood = None
    return _land(state, "#question")


@blueprint.post("/start-again")
def start_again():
    """Forget the family's journey; the language and any staff sign-in or call are kept."""
    session.pop(FAMILY, None)
    return redirect(url_for(".start"))
