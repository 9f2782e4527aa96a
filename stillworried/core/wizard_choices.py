"""The choices the wizard's questions offer, from the area's data: its situations (procedures
and their follow-ups) and, at a stage whose source lists contacts agency by agency, the agencies.
Pure functions of the bundle; runs under CPython and MicroPython."""
from stillworried.core.address_grammar import AFTER, ID_CHARACTERS
from stillworried.core.procedures import PROCESS_START
from stillworried.core.words import questions as words


def area_procedures(bundle, area):
    """The procedures of an area, in the data's order: the browser's merged bundle says it in
    area_procedures (an area's part is written with sorted keys), the whole bundle by its own order."""
    if area in bundle.get("area_procedures", {}):
        return list(bundle["area_procedures"][area])
    return [pid for pid, procedure in bundle["procedures"].items() if procedure["partnership"] == area]


def follow_ups(bundle, procedure_id):
    """A procedure's follow-ups (situations its source gives a rule for outside its stages)."""
    procedure = bundle["procedures"].get(procedure_id)
    return procedure.get("follow_ups", []) if procedure else []


def follow_up(bundle, procedure_id, follow_id):
    """One follow-up of a procedure, or None."""
    for item in follow_ups(bundle, procedure_id):
        if item["id"] == follow_id:
            return item
    return None


def situations(bundle, area):
    """The choices of "Which of these describes you?": each procedure of the area, followed by its
    follow-ups, as [{"value", "label", "hint", "lapsed", "answers"}]. value is what the radio
    holds ("salford-vcse", "salford-vcse/referral": a slash is never in an id) and answers the
    address it leads to. The question is skipped where there is only one choice."""
    found = []
    for procedure_id in area_procedures(bundle, area):
        procedure = bundle["procedures"][procedure_id]
        lapsed = procedure["status"] == "lapsed"
        # Short, so Continue is on a phone's first screen; the answer gives the whole note.
        hint = words.situation_hint(procedure["title"], lapsed)
        found.append({"value": procedure_id, "label": procedure["for_whom"], "hint": hint, "lapsed": lapsed,
                      "answers": {"procedure": procedure_id}})
        for item in procedure.get("follow_ups", []):
            found.append({"value": procedure_id + "/" + item["id"], "label": item["for_whom"],
                          "hint": item.get("hint"), "lapsed": False,
                          "answers": {"procedure": procedure_id, AFTER: item["id"]}})
    return found


def one_situation(bundle, area):
    """The area's only situation (see situations) where it has one, which is no question to ask;
    else None."""
    found = situations(bundle, area)
    return found[0] if len(found) == 1 else None


def situation_answers(bundle, area, value):
    """The answers a situation choice leads to (see situations), or None for a value it does not offer."""
    for choice in situations(bundle, area):
        if choice["value"] == value:
            return choice["answers"]
    return None


def slug(text):
    """An organisation's name as an address-safe id: 'GMMH' -> 'gmmh'."""
    made = ""
    for character in text.lower():
        if character in "'\u2019":  # "Children's" -> "childrens"
            continue
        if character in ID_CHARACTERS and character != "-":
            made += character
        elif made and made[-1] != "-":
            made += "-"
    return made.strip("-")[:80]


def listed_as(contact, list_id):
    """The heading a list prints a contact under: its listed_under for that list, else its
    organisation (Rachel Clemow is under Education Settings in Wigan's Stage 1 table)."""
    for under in contact.get("listed_under", []):
        if under["list"] == list_id:
            return under["organisation"]
    return contact["organisation"]


def printed_names(bundle, partnership):
    """{a name an agency is also printed under: the agency's own name} for one area's agencies."""
    found = {}
    for item in bundle.get("agencies", {}).values():
        if item["partnership"] == partnership:
            for other in item.get("also_printed_as", []):
                found[other] = item["organisation"]
    return found


def agencies(bundle, procedure_id, stage_number):
    """The agencies whose contacts the source lists for this stage (its directory), in the
    source's order, as [{"id", "ids", "name", "label", "hint", "contacts", "adults_only"}]. Empty
    when the stage has no such list or the list names only one agency, since then the question
    changes nothing.

    Contacts fit the person asking about a child (issue 21, item 8): each agency's children's
    contacts come first, then those the source does not say are for children or adults, and
    the ones the source says are for adults only are apart, in adults_only; an agency with only
    those comes after the others, its hint saying so. An agency the sources print under two
    names (the hospital trust, spelt two ways in Wigan's two tables) is one choice whose label
    has both; ids holds the address id of each name, so a link made with either still works.
    The hint (or None) and which contact comes first for this list are the data's (the
    'agencies' block of contacts.yaml): Wigan Council's Michelle McNally at stage 2, say."""
    procedure = bundle["procedures"][procedure_id]
    directory = None
    for stage in procedure["stages"]:
        if stage["number"] == stage_number:
            directory = stage.get("directory")
    if not directory:
        return []
    aliases = printed_names(bundle, procedure["partnership"])
    found = []
    by_slug = {}
    for contact_id in bundle["lists"][directory]["contacts"]:
        name = listed_as(bundle["contacts"][contact_id], directory)
        name = aliases.get(name, name)
        key = slug(name)
        if key not in by_slug:
            by_slug[key] = {"id": key, "name": name, "contacts": []}
            found.append(by_slug[key])
        by_slug[key]["contacts"].append(contact_id)
    said = bundle.get("agencies", {})
    for item in found:
        data = said.get(procedure["partnership"] + "/" + item["name"], {})
        also = data.get("also_printed_as", [])
        item["ids"] = [item["id"]] + [slug(other) for other in also]
        item["label"] = words.agency_label(item["name"], also)
        for first in data.get("first", []):
            if first["list"] == directory and first["contact"] in item["contacts"]:
                item["contacts"].remove(first["contact"])
                item["contacts"].insert(0, first["contact"])
        serves = [bundle["contacts"][cid].get("serves") for cid in item["contacts"]]
        item["adults_only"] = [cid for cid, kind in zip(item["contacts"], serves) if kind == "adults"]
        item["contacts"] = [cid for cid, kind in zip(item["contacts"], serves) if kind == "children"] + \
            [cid for cid, kind in zip(item["contacts"], serves) if kind not in ("children", "adults")]
        item["hint"] = data.get("hint")
        if not item["contacts"]:
            item["hint"] = words.adults_only_hint(item["hint"])
    if len(found) < 2:
        return []
    return [item for item in found if item["contacts"]] + [item for item in found if not item["contacts"]]


def agency(bundle, procedure_id, stage_number, agency_id, choices=None):
    """The chosen agency of agencies() (or of choices, where the caller has them), or None. A
    link made with another name the agency is printed under still finds it."""
    for item in agencies(bundle, procedure_id, stage_number) if choices is None else choices:
        if agency_id in item["ids"]:
            return item
    return None


def chosen_agency(bundle, answer, answers):
    """(the agency chosen at the answer's stage or None, the stage's agency choices): none for a
    follow-up or a stage without a list."""
    if answer["stage"] is None:
        return None, []
    choices = agencies(bundle, answer["procedure"], answer["stage"])
    if not choices:
        return None, []
    return agency(bundle, answer["procedure"], answer["stage"], answers.get("agency"), choices), choices


def asks_when_it_started(procedure):
    """Whether to ask when the whole disagreement began: only when a time limit of this
    procedure counts from the start of the process."""
    if procedure.get("overall"):
        return True
    for stage in procedure["stages"]:
        for timescale in stage["timescales"]:
            if timescale["counts_from"] == PROCESS_START:
                return True
    return False
