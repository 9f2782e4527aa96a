"""Every stage of every procedure, checked against the source text.

Each test names the source and says what it requires; the expected dates were worked out by
hand from a calendar (November 2026: Monday 23rd; Christmas 2026: Friday 25th, Boxing Day
observed Monday 28th, New Year's Day Friday 1 January 2027).
"""
from stillworried.core.worded import next_step


def ask(bundle, procedure, stage, since, started=None):
    return next_step(bundle, procedure, stage, since, started)


def timescale(answer, timescale_id):
    [found] = [item for item in answer["deadlines"] if item["id"] == timescale_id]
    return found


def due(answer):
    """The date of the stage's headline time limit."""
    return answer["deadline"]["date"]


def phones(answer):
    return [contact["phone"] for contact in answer["contacts"]]


def emails(answer):
    return [contact["email"] for contact in answer["contacts"]]


# --- Salford: the voluntary and community sector route (Joint Working Protocol, Appendix 2 §4)

def test_salford_vcse_stage_1_starts_at_practitioner_level_with_no_timescale(bundle):
    answer = ask(bundle, "salford-vcse", 1, "2026-11-23")
    assert answer["title"] == "Practitioner or caseworker"
    assert answer["deadline"] is None and answer["deadlines"] == []
    assert "designated" in answer["who"]["raising"] or "child protection" in answer["who"]["raising"]
    assert answer["next"]["stage"] == 2 and answer["next"]["title"] == "Practice Manager"
    assert [c["phone"] for c in answer["next"]["contacts"]] == ["+441616034500"]


def test_salford_vcse_stage_2_the_practice_manager_responds_within_5_working_days(bundle):
    answer = ask(bundle, "salford-vcse", 2, "2026-11-23")
    assert answer["title"] == "Practice Manager"
    assert due(answer) == "2026-11-30"
    assert answer["deadline"]["rule"] == ("The Practice Manager should respond to your complaint within 5 working days "
                                       "of the day you contacted them.")
    assert timescale(answer, "answer")["source"]["section"] == "Appendix 2, section 4, step 2"
    assert phones(answer) == ["+441616034500"]
    assert emails(answer) == ["worriedaboutachild@salford.gov.uk"]
    assert [form["id"] for form in answer["send"]] == ["salford-escalation-notice"]


def test_salford_vcse_stage_3_the_service_manager_responds_within_5_working_days_over_christmas(bundle):
    answer = ask(bundle, "salford-vcse", 3, "2026-12-21")
    assert answer["title"] == "Service Manager"
    assert due(answer) == "2026-12-30"
    assert phones(answer) == ["+441616034500"]


def test_salford_vcse_stage_4_the_head_of_service_responds_within_5_working_days_and_the_qau_advises(bundle):
    answer = ask(bundle, "salford-vcse", 4, "2026-11-23")
    assert answer["title"] == "Head of Service"
    assert due(answer) == "2026-11-30"
    assert phones(answer) == ["+441616034500", "+441616034322"]
    qau = answer["contacts"][1]
    # The newer document's number is the button, the other is offered beside it; each says where it is from.
    assert [(phone["e164"], phone["label"]) for phone in qau["phones"]] == [
        ("+441616034322", "Newest source: Salford VCSE protocol, January 2015")]
    assert [(other["phone"], other["label"]) for other in qau["conflicts"]] == [
        ("+441616034350", "Salford escalation procedure (2014), 15 May 2014")]
    assert answer["next"] is None


# --- Salford: the Safeguarding Children Board's 2014 procedure

def test_salford_2014_stages_1_and_2_have_no_timescale(bundle):
    for stage in (1, 2):
        answer = ask(bundle, "salford-sscb-2014", stage, "2026-11-23")
        assert answer["deadline"] is None


def test_salford_2014_stage_2_is_the_line_manager_or_the_designated_person_in_a_school(bundle):
    answer = ask(bundle, "salford-sscb-2014", 2, "2026-11-23")
    assert "designated person" in answer["who"]["raising"]


def test_salford_2014_stage_3_the_escalation_notice_is_copied_within_2_working_days(bundle):
    answer = ask(bundle, "salford-sscb-2014", 3, "2026-11-23")
    assert due(answer) == "2026-11-25"
    assert timescale(answer, "notice")["source"]["section"] == "3.4"
    # Two dated sources give the unit different numbers: the newer one's (January 2015) comes first.
    assert phones(answer) == ["+441616034322"]
    assert [other["phone"] for other in answer["contacts"][0]["conflicts"]] == ["+441616034350"]
    assert answer["deadline"]["label"] == \
        "Copy the Escalation Notice to the appropriate Service Manager (or equivalent) by"


def test_salford_2014_is_flagged_as_past_its_review_date_of_15_may_2016(bundle):
    answer = ask(bundle, "salford-sscb-2014", 3, "2026-11-23")
    assert answer["status"] == "lapsed" and answer["review_due"] == "2016-05-15"


def test_salford_2014_carries_the_lado_note(bundle):
    answer = ask(bundle, "salford-sscb-2014", 1, "2026-11-23")
    [lado] = [note for note in answer["notes"] if note["id"] == "lado"]
    assert "Local Authority Designated Officer" in lado["text"]


# --- Wigan Resolution Protocol

def test_wigan_stage_1_practitioner_to_practitioner_takes_at_most_10_working_days(bundle):
    answer = ask(bundle, "wigan", 1, "2026-11-23")
    assert due(answer) == "2026-12-07"
    assert answer["directory"]["id"] == "wigan-stage-1-useful-contacts"


def test_wigan_stage_2_line_manager_to_line_manager_takes_at_most_10_working_days(bundle):
    answer = ask(bundle, "wigan", 2, "2026-11-23")
    assert due(answer) == "2026-12-07"
    assert answer["directory"]["id"] == "wigan-stage-2-safeguarding-leads"
    [route] = [note for note in answer["notes"] if note["id"] == "no-line-manager"]
    assert "professional body, funders, commissioners or trustees" in route["text"]


def test_wigan_stage_3_head_of_service_takes_at_most_10_working_days_across_christmas(bundle):
    answer = ask(bundle, "wigan", 3, "2026-12-14")
    assert due(answer) == "2026-12-30"


def test_wigan_stage_4_directors_are_raised_within_a_further_2_working_days(bundle):
    answer = ask(bundle, "wigan", 4, "2026-12-24")
    assert due(answer) == "2026-12-30"
    assert "Designated Nurse" in answer["who"]["raising"]


def test_wigan_stage_5_exceptional_circumstances_go_to_the_wscp_business_manager_within_a_week(bundle):
    answer = ask(bundle, "wigan", 5, "2026-12-28")
    assert due(answer) == "2027-01-04"
    assert emails(answer) == ["wscb@wigan.gov.uk"]
    assert answer["next"] is None


def test_wigan_the_whole_process_takes_one_calendar_month(bundle):
    answer = ask(bundle, "wigan", 3, "2026-11-23", started="2026-10-31")
    assert answer["overall"]["date"] == "2026-11-30"


def test_wigan_says_what_to_do_if_the_process_is_halted(bundle):
    answer = ask(bundle, "wigan", 2, "2026-11-23")
    assert any(note["id"] == "halted" for note in answer["notes"])


# --- Southwark policy on professional disagreements

def test_southwark_stage_1_raise_within_2_working_days_and_answer_within_3(bundle):
    answer = ask(bundle, "southwark", 1, "2026-11-23", started="2026-11-20")
    assert timescale(answer, "raise")["date"] == "2026-11-24"
    assert timescale(answer, "answer")["date"] == "2026-11-26"
    assert due(answer) == "2026-11-26"


def test_southwark_the_whole_discussion_within_one_working_week(bundle):
    answer = ask(bundle, "southwark", 1, "2026-11-23", started="2026-11-20")
    assert answer["overall"]["date"] == "2026-11-27"


def test_southwark_3_3_same_working_day_then_within_a_further_five_days_then_confirmed_within_2(bundle):
    """3.3: escalated "within the same working day" (a Saturday: the next working day, Monday
    30 November), resolved "within a further five days", counted as 5 days (Saturday 5 December,
    a weekend: the last working day before it is Friday 4th), confirmed "within a further two
    working days" (Monday 7, Tuesday 8)."""
    answer = ask(bundle, "southwark", 2, "2026-11-28")  # a Saturday
    assert timescale(answer, "escalate")["date"] == "2026-11-30"
    assert timescale(answer, "escalate")["counted"] == \
        "the next working day after Saturday 28 November 2026, which is at the weekend"
    assert timescale(answer, "resolve")["date"] == "2026-12-05"
    assert timescale(answer, "resolve")["working_day_before"] == "2026-12-04"
    assert timescale(answer, "confirm")["date"] == "2026-12-08"
    assert due(answer) == "2026-12-05"


def test_southwark_stage_3_heads_of_service_have_5_working_days_confirmed_within_2(bundle):
    answer = ask(bundle, "southwark", 3, "2026-11-23")
    assert due(answer) == "2026-11-30"
    assert timescale(answer, "confirm")["date"] == "2026-12-02"


def test_southwark_stage_4_the_quality_assurance_unit_has_2_working_days(bundle):
    answer = ask(bundle, "southwark", 4, "2026-11-23")
    assert due(answer) == "2026-11-25"
    assert emails(answer) == ["SSCP@southwark.gov.uk"]
    assert [form["id"] for form in answer["send"]] == ["southwark-escalation-referral-form"]


def test_southwark_stage_5_the_independent_chair_recommends_within_5_working_days(bundle):
    answer = ask(bundle, "southwark", 5, "2026-12-24")
    assert due(answer) == "2027-01-05"
    assert answer["next"] is None


def test_southwark_immediate_risk_goes_to_the_mash_manager(bundle):
    answer = ask(bundle, "southwark", 3, "2026-11-23")
    [note] = [note for note in answer["notes"] if note["id"] == "immediate-risk"]
    assert note["contacts"] == ["southwark-mash-manager"]


# --- Every partnership

def test_every_partnership_has_999_for_immediate_danger(bundle):
    for partnership in bundle["partnerships"].values():
        assert partnership["emergency"]["contacts"] == ["emergency-999"]
    assert bundle["contacts"]["emergency-999"]["phones"][0]["e164"] == "999"


def test_every_stage_says_a_shorter_timescale_applies_when_the_child_needs_it(bundle):
    for procedure_id, procedure in bundle["procedures"].items():
        for stage in procedure["stages"]:
            answer = ask(bundle, procedure_id, stage["number"], "2026-11-23")
            assert answer["safety_rule"]["text"] and answer["safety_rule"]["source"]["file"]


def test_wigans_cafcass_number_is_never_callable(bundle):
    [phone] = bundle["contacts"]["wigan-cafcass"]["phones"]
    assert phone["number"] == "0300 456 400" and phone["e164"] is None


def test_the_procedures_and_stages_are_exactly_those_of_the_sources(bundle):
    shape = {pid: [stage["title"] for stage in p["stages"]] for pid, p in bundle["procedures"].items()}
    assert shape == {
        "salford-vcse": ["Practitioner or caseworker", "Practice Manager", "Service Manager", "Head of Service"],
        "salford-sscb-2014": ["Practitioner to practitioner", "Line manager or safeguarding lead",
                              "Operational or Service Manager"],
        "wigan": ["Practitioner to practitioner", "Line manager to line manager", "Head of service or senior manager",
                  "Director or assistant director", "Exceptional circumstances"],
        "southwark": ["Involve the worker from the other agency", "Line manager to line manager",
                      "Heads of service or assistant directors", "Quality Assurance Unit", "SSCP Independent Chair"],
    }
