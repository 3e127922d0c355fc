"""The flow engine on tiny fake flows: given these answers, the next question is X."""

import pytest

from navigator.flow import AnswerError
from tests.factories import flow, pathway, question

ALWAYS = {"question": "first", "answered": True}


def two_step_flow():
    return flow(
        [question("first", next=[({"question": "first", "equals": "yes"}, "age"), (None, "end")]),
         question("age", type="number", min=0, max=25)],
        [pathway("young", {"question": "age", "between": [0, 4]}, priority=10),
         pathway("anyone", ALWAYS, priority=1),
         pathway("danger", {"question": "first", "equals": "no"}, urgent=True)],
    )


def test_with_no_answers_the_first_question_is_asked():
    outcome = two_step_flow().run({})
    assert outcome.question.id == "first"
    assert outcome.pathways == ()


def test_the_next_question_depends_on_the_answer():
    assert two_step_flow().run({"first": "yes"}).question.id == "age"
    assert two_step_flow().run({"first": "no"}).complete


def test_pathways_are_ranked_by_priority_and_urgent_help_comes_first():
    assert [p.id for p in two_step_flow().run({"first": "yes", "age": 3}).pathways] == ["young", "anyone"]
    outcome = two_step_flow().run({"first": "no"})
    assert [p.id for p in outcome.pathways] == ["danger", "anyone"]
    assert outcome.urgent


def test_an_age_range_is_inclusive():
    fits = lambda age: "young" in [p.id for p in two_step_flow().run({"first": "yes", "age": age}).pathways]
    assert fits(0) and fits(4) and not fits(5)


def test_changing_an_earlier_answer_reroutes_and_leaves_later_answers_unused():
    outcome = two_step_flow().run({"first": "no", "age": 3})
    assert outcome.complete
    assert outcome.unused == ("age",)
    assert "age" not in outcome.answers


def test_numbers_typed_in_a_form_are_accepted():
    assert two_step_flow().run({"first": "yes", "age": " 7 "}).answers["age"] == 7


@pytest.mark.parametrize("answers, message", [
    ({"first": "maybe"}, "Choose one of the answers offered."),
    ({"first": ["yes"]}, "Choose one of the answers offered."),
    ({"first": "yes", "age": "seven"}, "Enter a whole number, like 7."),
    ({"first": "yes", "age": 26}, "Enter a number from 0 to 25."),
    ({"first": "yes", "age": -1}, "Enter a number from 0 to 25."),
    ({"first": "yes", "age": True}, "Enter a whole number, like 7."),
    ({"nonsense": "yes"}, "There is no question called 'nonsense'."),
])
def test_an_answer_the_question_cannot_take_is_refused_with_a_reason(answers, message):
    with pytest.raises(AnswerError, match=message):
        two_step_flow().run(answers)


def test_a_pathway_ranks_by_the_highest_priority_among_the_situations_that_apply():
    f = flow([question("first", next="age"), question("age", type="number", min=0, max=25)],
             [pathway("school", ALWAYS, 50),
              pathway("early", {"question": "age", "between": [0, 4]}, 10, False,
                      ({"question": "first", "equals": "yes"}, 90))])
    assert [p.id for p in f.run({"first": "no", "age": 3}).pathways] == ["school", "early"]
    assert [p.id for p in f.run({"first": "yes", "age": 3}).pathways] == ["early", "school"]
    assert [p.id for p in f.run({"first": "no", "age": 9}).pathways] == ["school"]


def test_a_multi_answer_is_kept_in_the_order_of_the_options_without_repeats():
    multi = flow([question("needs", type="multi", options=("a", "b", "c"))],
                 [pathway("p", {"question": "needs", "one_of": ["b"]})])
    outcome = multi.run({"needs": ["c", "b", "c"]})
    assert outcome.answers["needs"] == ["b", "c"]
    assert [p.id for p in outcome.pathways] == ["p"]


def test_a_multi_answer_needs_at_least_one_choice():
    multi = flow([question("needs", type="multi", options=("a", "b"))], [pathway("p", {"question": "needs", "answered": True})])
    with pytest.raises(AnswerError, match="at least one"):
        multi.run({"needs": []})


def test_conditions_combine_with_all_any_and_not():
    both = {"all": [{"question": "first", "equals": "yes"}, {"not": {"question": "age", "between": [0, 4]}}]}
    either = {"any": [{"question": "first", "equals": "no"}, {"question": "age", "one_of": []}]}
    f = flow([question("first", next="age"), question("age", type="number", min=0, max=25)],
             [pathway("both", both), pathway("either", either), pathway("fallback", ALWAYS)])
    assert [p.id for p in f.run({"first": "yes", "age": 9}).pathways] == ["both", "fallback"]
    assert [p.id for p in f.run({"first": "yes", "age": 2}).pathways] == ["fallback"]
    assert [p.id for p in f.run({"first": "no", "age": 2}).pathways] == ["either", "fallback"]


def danger_after_two_questions():
    return flow(
        [question("who", options=["parent", "young_person"], next=[(None, "happening")]),
         question("happening", type="multi", options=["crisis", "homeless", "none"], next=[(None, "end")]),
         question("age", type="number", min=0, max=25)],
        [pathway("urgent", {"question": "happening", "equals": "crisis"}, urgent=True),
         pathway("child-homeless", {"all": [{"question": "happening", "equals": "homeless"},
                                            {"question": "age", "between": [0, 15]}]}, urgent=True),
         pathway("anyone", ALWAYS, priority=1)],
    )


def test_an_urgent_answer_given_before_the_questions_ahead_of_it_is_urgent_at_once():
    # "Who is asking?" is still unanswered, as on a call screen filled from the caller's words
    outcome = danger_after_two_questions().run({"happening": ["crisis"]})
    assert outcome.question.id == "who" and outcome.urgent


def test_urgency_waits_only_for_what_it_really_depends_on():
    rules = danger_after_two_questions()
    assert not rules.run({"happening": ["homeless"]}).urgent          # age not known yet
    assert rules.run({"happening": ["homeless"], "age": 12}).urgent    # settled: a child
    assert not rules.run({"happening": ["homeless"], "age": 17}).urgent
    assert not rules.run({"who": "parent", "happening": ["none"]}).urgent


def test_an_unusable_answer_does_not_make_a_journey_urgent():
    assert not danger_after_two_questions().run({"who": "parent", "age": 40}).urgent  # over the maximum


@pytest.mark.parametrize("typed, read", [("9", 9), (" 12 ", 12), ("\u0669", 9), ("\u06f1\u06f2", 12)])
def test_a_number_is_read_in_any_script_s_own_digits(typed, read):
    steps = two_step_flow()
    assert steps.clean(steps.questions["age"], typed) == read


@pytest.mark.parametrize("typed", ["1²", "①", "½", "4.5", "-1", "1 2", "", "١٢٣٤"])
def test_anything_else_in_a_number_field_is_refused_with_a_message(typed):
    steps = two_step_flow()
    with pytest.raises(AnswerError) as refused:
        steps.clean(steps.questions["age"], typed)
    assert "whole number" in str(refused.value) or "from 0 to 25" in str(refused.value)
