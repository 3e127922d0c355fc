"""The shipped rules load; each kind of broken rule is reported with its file and reason,
and broken rules stop the app from starting."""

import re

import pytest
import yaml

from navigator.content import load_library
from navigator.flow import RulesError, load_rules
from tests.conftest import CONTENT_DIR, make_app
from tests.factories import BROKEN, edit, shipped_rules


def test_the_shipped_rules_load_and_every_route_reaches_a_pathway():
    flow = shipped_rules()
    assert "ehc-needs-assessment" in flow.pathways
    assert flow.start in flow.questions


def problems_for(rules_folder):
    library = load_library(CONTENT_DIR)
    with pytest.raises(RulesError) as caught:
        load_rules(rules_folder, page_slugs=library.pages, contact_ids=library.contacts)
    return [str(p) for p in caught.value.problems]


# (file, text to replace, replacement, words the problem must contain)


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_each_broken_rule_is_reported_with_file_and_reason(copied_rules, case):
    file, old, new, words = BROKEN[case]
    edit(copied_rules, file, old, new)
    text = "\n".join(problems_for(copied_rules))
    for word in words:
        assert word in text


def test_an_unreachable_question_is_reported(copied_rules):
    edit(copied_rules, "questions.yaml", "    next: happening\n", "    next: end\n")
    text = "\n".join(problems_for(copied_rules))
    assert "questions.happening" in text and "no route from the first question" in text


def test_questions_that_go_round_in_a_circle_are_reported(copied_rules):
    edit(copied_rules, "questions.yaml", "    next: end\n", "    next: age\n")
    text = "\n".join(problems_for(copied_rules))
    assert "go round in a circle" in text and "age" in text


def test_answers_that_reach_no_pathway_are_reported_with_an_example(copied_rules):
    edit(copied_rules, "pathways/sen-support.yaml", "between: [2, 18]", "between: [2, 10]")
    text = "\n".join(problems_for(copied_rules))
    assert "these answers reach no pathway" in text
    assert re.search(r"age=1[1-5]\b", text)


def test_a_pathway_no_answers_lead_to_is_reported(copied_rules):
    path = copied_rules / "pathways" / "ehc-plan-review.yaml"
    document = yaml.safe_load(path.read_text())
    impossible = {"all": [{"question": "age", "between": [0, 4]}, {"question": "age", "between": [20, 25]}]}
    document["reached_by"] = [{"when": impossible, "priority": 1}]
    path.write_text(yaml.safe_dump(document))
    assert "ehc-plan-review.yaml [reached_by]: no answers lead to this pathway" in problems_for(copied_rules)


def test_a_last_branch_with_a_condition_is_reported(copied_rules):
    edit(copied_rules, "questions.yaml", "      - goto: support_now\n",
         "      - goto: support_now\n        when: {question: happening, equals: none}\n")
    assert any("last branch of next must have no 'when'" in p for p in problems_for(copied_rules))


def test_every_problem_is_listed_at_once(copied_rules):
    edit(copied_rules, "questions.yaml", "next: happening", "next: hapening")
    edit(copied_rules, "pathways/sen-support.yaml", "contacts: [sendiass, parent-carer-forum]",
         "contacts: [sendiass, nobody]")
    problems = problems_for(copied_rules)
    assert any("hapening" in p for p in problems) and any("'nobody'" in p for p in problems)


def test_two_questions_with_one_id_are_reported(copied_rules):
    document = yaml.safe_load((copied_rules / "questions.yaml").read_text())
    document["questions"].append(dict(document["questions"][-1]))
    (copied_rules / "questions.yaml").write_text(yaml.safe_dump(document))
    assert any("two questions are called 'want'" in p for p in problems_for(copied_rules))


def test_broken_rules_stop_the_app_from_starting_with_every_problem_listed(tmp_path, copied_rules):
    edit(copied_rules, "questions.yaml", "next: happening", "next: hapening")
    edit(copied_rules, "pathways/sen-support.yaml", "\ntitle:", "\ntilte:")
    with pytest.raises(RulesError) as caught:
        make_app(tmp_path, RULES_DIR=copied_rules)
    message = str(caught.value)
    assert "hapening" in message and "tilte" in message
