""""I made a referral and have heard nothing" (issue 21, item 6): a situation the source gives a
rule for outside its stages, declared in the data (a procedure's `follow_ups`) and offered by the
wizard beside the procedure, with a date, the route and the buttons.

Salford VCSE protocol, Appendix 2, section 2, step 4: "You will receive a Referrals Outcome Form
within one week"; section 4: "If you are dissatisfied with the response to your referral ...
Telephone the Partnership Bridge in Salford on 0161 603 4500 and ask to speak to a Practice
Manager". Referred on Wednesday 25 November 2026: the form is due on Wednesday 2 December.
"""
import copy
import shutil

import yaml

from tests.conftest import DATA
from stillworried import validate
from stillworried.core import worded
from stillworried.core import address_grammar, date_answers, question_answers, question_order, wizard_choices
from stillworried.data import build_bundle, engine_bundle

TODAY = "2026-12-09"


def test_salford_vcse_app_2_section_2_step_4_a_referral_on_25_november_is_overdue_on_9_december(bundle):
    answer = worded.follow_up(bundle, "salford-vcse", "referral", "2026-11-25", TODAY)
    assert (answer["stage"], answer["after"], answer["heading"]) == (
        None, "referral", "After a referral, the Referrals Outcome Form")
    deadline = answer["deadline"]
    assert (deadline["date"], deadline["label"], deadline["status"]) == (
        "2026-12-02", "Referrals Outcome Form due by", "overdue")
    assert deadline["source"]["section"] == "Appendix 2, section 2, step 4"
    assert answer["flag"]["words"] == ("This was due on Wednesday 2 December 2026. It is now overdue: telephone the "
                                       "Partnership Bridge and ask to speak to a Practice Manager (stage 2).")
    assert answer["next_words"] == ("If the form has not come, or you are dissatisfied with the response to your "
                                    "referral, go to stage 2: Practice Manager.")
    assert [contact["phone"] for contact in answer["contacts"]] == ["+441616034500"]
    assert [contact["email"] for contact in answer["contacts"]] == ["worriedaboutachild@salford.gov.uk"]
    # How a referral is made (App. 2 section 2, steps 1 to 3), for someone checking theirs arrived.
    assert len(answer["how"]["steps"]) == 3 and answer["how"]["source"]["section"] == \
        "Appendix 2, section 2, steps 1 to 3"
    assert "automated response" in answer["how"]["steps"][2]


def test_the_referral_is_a_situation_beside_the_salford_procedures(bundle):
    choices = wizard_choices.situations(bundle, "salford")
    assert [choice["value"] for choice in choices] == ["salford-vcse", "salford-vcse/referral", "salford-sscb-2014"]
    assert choices[1]["label"] == "I made a referral to the Partnership Bridge and have heard nothing."
    assert wizard_choices.situation_answers(bundle, "salford", "salford-vcse/referral") == \
        {"procedure": "salford-vcse", "after": "referral"}
    assert wizard_choices.situation_answers(bundle, "salford", "nowhere") is None
    # Wigan and Southwark declare none, so their one procedure is still chosen for the person.
    assert question_order.step(bundle, {"area": "wigan"}, TODAY)[0] == address_grammar.STAGE


def test_the_referral_has_its_own_addresses(bundle):
    asked = address_grammar.parse_fragment("#procedure=salford-vcse&after=referral")
    step, kept, problem = question_order.step(bundle, asked, TODAY)
    assert (step, problem) == (address_grammar.WHEN, None)
    assert date_answers.date_question(bundle, kept) == ("When did you make the referral?", "The day you made the referral", False)
    # Back keeps the situation chosen (issue 21 item 2: links keep the answers): the situation
    # question, asked again with the referral chosen.
    back = question_order.back(kept, bundle)
    assert address_grammar.make_fragment(back) == "#procedure=salford-vcse&after=referral&ask=situation"
    assert question_order.step(bundle, address_grammar.parse_fragment(address_grammar.make_fragment(back)), TODAY)[0] == address_grammar.SITUATION
    answered = address_grammar.parse_fragment("#procedure=salford-vcse&after=referral&since=2026-11-25")
    step, kept, problem = question_order.step(bundle, answered, TODAY)
    assert (step, problem) == (address_grammar.RESULT, None)
    assert address_grammar.make_fragment(kept) == "#procedure=salford-vcse&after=referral&since=2026-11-25"
    # Back from the answer asks its date again, with the day kept.
    assert address_grammar.make_fragment(question_order.back(kept, bundle)) == "#procedure=salford-vcse&after=referral&since=2026-11-25&ask=when"
    again = question_order.step(bundle, address_grammar.parse_fragment("#procedure=salford-vcse&after=referral&since=2026-11-25&ask=when"), TODAY)
    assert again[0] == address_grammar.WHEN and again[1]["since"] == "2026-11-25"
    # Answered again with the same day, it is the same answer; another situation starts afresh.
    assert address_grammar.make_fragment(question_answers.answered(bundle, again[1], address_grammar.WHEN, ("2026-11-25", None), TODAY)) == \
        "#procedure=salford-vcse&after=referral&since=2026-11-25"
    assert address_grammar.make_fragment(question_answers.answered(bundle, again[1], address_grammar.SITUATION, "salford-vcse", TODAY)) == \
        "#procedure=salford-vcse"
    assert question_answers.answered(bundle, again[1], address_grammar.SITUATION, "salford-vcse/referral", TODAY) == \
        address_grammar.given_answers(again[1])


def test_a_broken_referral_link_says_why(bundle):
    step, _, problem = question_order.step(bundle, address_grammar.parse_fragment("#procedure=salford-vcse&after=nothing"), TODAY)
    assert step == address_grammar.SITUATION and "We do not have that situation" in problem
    step, _, problem = question_order.step(bundle, address_grammar.parse_fragment("#procedure=salford-vcse&after=referral&since=2026-12-25"),
                                 TODAY)
    assert step == address_grammar.WHEN and problem == "The day you made the referral must be today or in the past."
    step, _, problem = question_order.step(bundle, address_grammar.parse_fragment("#procedure=salford-vcse&after=<b>"), TODAY)
    assert step == address_grammar.WHEN or step == address_grammar.SITUATION


def test_another_area_declares_a_follow_up_in_yaml_alone(tmp_path):
    """Data-driven: a follow-up added to Wigan's procedure in stages.yaml, and nothing else, is
    checked, offered and answered."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    stages = yaml.safe_load((DATA / "stages.yaml").read_text(encoding="utf-8"))
    [salford] = [p for p in stages["procedures"] if p["id"] == "salford-vcse"]
    [wigan] = [p for p in stages["procedures"] if p["id"] == "wigan"]
    wigan["follow_ups"] = [dict(copy.deepcopy(salford["follow_ups"][0]), contacts=["wigan-mast"], then=1, notes=[])]
    del wigan["follow_ups"][0]["how"]
    # Cited to Wigan's own document (another area's document does not apply there), with a time
    # limit that document prints.
    step_2 = {"file": "wigan-resolution-protocol.txt", "section": "Step 2: Line Manager to Line Manager"}
    follow = wigan["follow_ups"][0]
    follow["source"] = dict(step_2)
    [limit] = follow["timescales"]
    limit.pop("readings")
    limit.update(amount=10, unit="working_days", source=dict(step_2), quote="Where possible this should not exceed "
                 "10 working days between stages and one month for the overall process to be completed.")
    (folder / "stages.yaml").write_text(yaml.safe_dump(stages, sort_keys=False, allow_unicode=True), encoding="utf-8")
    problems, _ = validate.check(folder)
    assert [str(problem) for problem in problems] == []
    bundle = engine_bundle(build_bundle(folder))
    assert question_order.step(bundle, {"area": "wigan"}, TODAY)[0] == address_grammar.SITUATION
    answer = worded.follow_up(bundle, "wigan", "referral", "2026-11-25", TODAY)
    assert answer["next_words"].endswith("go to stage 1: Practitioner to practitioner.")
    # A follow-up whose route names a stage the procedure has not got is a problem, on its line.
    wigan["follow_ups"][0]["then"] = 9
    (folder / "stages.yaml").write_text(yaml.safe_dump(stages, sort_keys=False, allow_unicode=True), encoding="utf-8")
    problems, _ = validate.check(folder)
    assert [problem.message for problem in problems] == [
        "This procedure has no stage 9. 'then' is the stage number the source's route leads to, from 1 to 5."]


def test_the_outcome_form_note_at_stage_1_points_to_the_route(bundle):
    [note] = [n for n in bundle["procedures"]["salford-vcse"]["stages"][0]["notes"] if n["id"] == "outcome-form"]
    assert 'its route if "you are dissatisfied with the response to your referral" starts at stage 2' in note["text"]
