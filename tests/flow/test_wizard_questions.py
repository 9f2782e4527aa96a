"""The wizard's questions fit the person (issue 9, item 5, and the agency question, item 2):
a question with one choice is skipped, the agency question is asked only where the source lists
contacts agency by agency, its choices come from the data, and the back links step through the
questions actually asked. Pure functions of stillworried.core (question_order, wizard_choices), so they run without a browser."""
from stillworried.core import address_grammar, question_order, wizard_choices
from stillworried.data import engine_bundle

TODAY = "2026-12-01"


def test_wigan_and_southwark_have_one_situation_so_the_question_is_skipped(bundle):
    for area, procedure in (("wigan", "wigan"), ("southwark", "southwark")):
        step, answers, problem = question_order.step(bundle, address_grammar.parse_fragment("#area=" + area), TODAY)
        assert (step, answers["procedure"], problem) == (address_grammar.STAGE, procedure, None)
        # Back from the stage question goes to the area question, the last one asked.
        assert question_order.back(answers, bundle) == {"area": None}


def test_salford_has_two_situations_so_it_asks(bundle):
    step, answers, _ = question_order.step(bundle, address_grammar.parse_fragment("#area=salford"), TODAY)
    assert step == address_grammar.SITUATION
    step, answers, _ = question_order.step(bundle, address_grammar.parse_fragment("#procedure=salford-vcse"), TODAY)
    assert step == address_grammar.STAGE and question_order.back(answers, bundle) == {"area": "salford"}


def test_wigan_appendix_2_lists_contacts_by_agency_for_stages_1_and_2(bundle):
    """Appendix 2: "Stage 1 Useful Contacts" and "Safeguarding Leads and Teams Main Numbers for
    logging/discussion/resolution at Stage 2". The choices are the organisations in the data."""
    for stage, listing in ((1, "wigan-stage-1-useful-contacts"), (2, "wigan-stage-2-safeguarding-leads")):
        choices = wizard_choices.agencies(bundle, "wigan", stage)
        names = [choice["name"] for choice in choices]
        # The heading each contact is printed under in that list, one choice for an agency printed
        # under two names (the hospital trust's two spellings).
        aliases = wizard_choices.printed_names(bundle, "wigan")
        listed = [aliases.get(wizard_choices.listed_as(bundle["contacts"][cid], listing), wizard_choices.listed_as(bundle["contacts"][cid], listing))
                  for cid in bundle["lists"][listing]["contacts"]]
        assert sorted(set(names)) == sorted(set(listed))
        assert sum(len(choice["contacts"]) + len(choice["adults_only"]) for choice in choices) == len(listed)
    police = wizard_choices.agency(bundle, "wigan", 2, "greater-manchester-police")
    assert "wigan-nathan-percival" in police["contacts"]


def test_the_agency_question_is_asked_only_where_it_changes_the_answer(bundle):
    for procedure_id, procedure in bundle["procedures"].items():
        for stage in procedure["stages"]:
            asked = bool(wizard_choices.agencies(bundle, procedure_id, stage["number"]))
            assert asked == bool(stage.get("directory")), (procedure_id, stage["number"])
    assert not wizard_choices.agencies(bundle, "southwark", 2)
    assert not wizard_choices.agencies(bundle, "salford-vcse", 2)


def test_the_agency_question_comes_after_the_stage_and_before_the_date(bundle):
    step, answers, problem = question_order.step(bundle, address_grammar.parse_fragment("#procedure=wigan&stage=2"), TODAY)
    assert (step, problem) == (address_grammar.AGENCY, None)
    # Back to the stage question with stage 2 still chosen.
    assert question_order.back(answers, bundle) == {"procedure": "wigan", "stage": 2, address_grammar.ASK: address_grammar.STAGE}
    step, answers, _ = question_order.step(bundle, address_grammar.parse_fragment("#procedure=wigan&stage=2&agency=gmmh"), TODAY)
    assert step == address_grammar.WHEN and answers["agency"] == "gmmh"
    assert address_grammar.make_fragment(question_order.back(answers, bundle)) == "#procedure=wigan&stage=2&agency=gmmh&ask=agency"
    link = "#procedure=wigan&stage=2&agency=gmmh&since=2026-11-23"
    step, answers, _ = question_order.step(bundle, address_grammar.parse_fragment(link), TODAY)
    assert step == address_grammar.RESULT and address_grammar.make_fragment(answers) == link
    assert address_grammar.make_fragment(question_order.back(answers, bundle)) == link + "&ask=when"


def test_a_shared_link_without_an_agency_still_opens_on_the_answer(bundle):
    step, answers, _ = question_order.step(bundle, address_grammar.parse_fragment("#procedure=wigan&stage=2&since=2026-11-23"), TODAY)
    assert step == address_grammar.RESULT and "agency" not in answers


def test_an_unknown_agency_asks_again_with_a_reason(bundle):
    step, _, problem = question_order.step(
        bundle, address_grammar.parse_fragment("#procedure=wigan&stage=2&agency=nobody&since=2026-11-23"), TODAY)
    assert step == address_grammar.AGENCY and "Choose whose decision" in problem
    step, answers, problem = question_order.step(
        bundle, address_grammar.parse_fragment("#procedure=wigan&stage=1&agency=other&since=2026-11-23"), TODAY)
    assert step == address_grammar.RESULT and answers["agency"] == address_grammar.OTHER_AGENCY and problem is None


def test_an_agency_on_a_stage_without_a_list_is_dropped(bundle):
    step, answers, _ = question_order.step(
        bundle, address_grammar.parse_fragment("#procedure=southwark&stage=2&agency=gmmh&since=2026-11-23"), TODAY)
    assert step == address_grammar.RESULT and "agency" not in answers


def test_the_agency_choices_are_address_safe_and_hostile_values_are_dropped(bundle):
    for procedure_id, procedure in bundle["procedures"].items():
        for stage in procedure["stages"]:
            for choice in wizard_choices.agencies(bundle, procedure_id, stage["number"]):
                assert address_grammar.parse_fragment("#agency=" + choice["id"]) == {"agency": choice["id"]}
    assert address_grammar.parse_fragment("#agency=<script>") == {"unreadable": ["agency"]}


def test_the_browser_bundle_answers_the_same(bundle):
    """The wizard runs flow on the engine bundle, not the full one."""
    browser = engine_bundle(bundle)
    assert wizard_choices.agencies(browser, "wigan", 2) == wizard_choices.agencies(bundle, "wigan", 2)


def test_every_stage_says_who_contacts_whom_in_one_sentence(bundle):
    for procedure in bundle["procedures"].values():
        for stage in procedure["stages"]:
            sentence = stage["who"]["sentence"]
            assert sentence.endswith(".") and len(sentence) < 240, (procedure["id"], stage["number"])


def test_wigan_stage_2_you_refer_it_to_your_line_manager_who_contacts_theirs(bundle):
    """Step 2 of the Wigan protocol: the practitioner refers it to their own line manager, who
    takes it up with the other practitioner's line manager: no contradiction between the two."""
    stage = bundle["procedures"]["wigan"]["stages"][1]
    assert stage["who"]["sentence"] == ("Refer it straight away to your line manager. Your line manager "
                                        "contacts the other practitioner's line manager.")


def test_the_first_stage_hint_covers_raised_and_still_waiting(bundle):
    for procedure in bundle["procedures"].values():
        first = procedure["stages"][0]["reached_when"]
        assert "waiting" in first, procedure["id"]


def test_where_should_i_be_today_has_its_own_addresses(bundle):
    """The stage question's first choice: #procedure=<id>&raised asks the day it was raised, and
    #procedure=<id>&raised=<day> is the answer; the back link steps through them."""
    step, answers, problem = question_order.step(bundle, address_grammar.parse_fragment("#procedure=southwark&raised"), TODAY)
    assert (step, problem) == (address_grammar.WHEN_RAISED, None)
    assert address_grammar.make_fragment(answers) == "#procedure=southwark&raised"
    assert question_order.back(answers, bundle) == {"procedure": "southwark"}
    step, answers, problem = question_order.step(bundle, address_grammar.parse_fragment("#procedure=southwark&raised=2026-11-23"), TODAY)
    assert (step, problem) == (address_grammar.RESULT, None)
    assert address_grammar.make_fragment(answers) == "#procedure=southwark&raised=2026-11-23"
    # On 1 December the walk has reached stage 2, so the question before the answer is when
    # stage 2 began; and before that, when it was raised, with the day kept.
    assert address_grammar.make_fragment(question_order.back(answers, bundle)) == "#procedure=southwark&raised=2026-11-23&stage=2"
    step, answers, problem = question_order.step(bundle, address_grammar.parse_fragment("#procedure=southwark&raised=2026-11-23&stage=2"),
                                       TODAY)
    assert (step, problem) == (address_grammar.WHEN_ESCALATED, None)
    assert address_grammar.make_fragment(question_order.back(answers, bundle)) == \
        "#procedure=southwark&raised=2026-11-23&stage=2&ask=when-raised"


def test_where_should_i_be_today_refuses_a_future_or_broken_day(bundle):
    step, _, problem = question_order.step(bundle, address_grammar.parse_fragment("#procedure=southwark&raised=2026-12-25"), TODAY)
    assert step == address_grammar.WHEN_RAISED and problem == "The day you raised it must be today or in the past."
    step, _, problem = question_order.step(bundle, address_grammar.parse_fragment("#procedure=southwark&raised=<b>"), TODAY)
    assert step == address_grammar.WHEN_RAISED and "could not read" in problem
