"""The engine's data cut into one small shared part and one part per partnership, so the
browser wizard downloads only what a question about one area needs.

England has about 150 partnerships: the whole bundle would be megabytes of JSON for a phone to
fetch and parse, to answer a question about one of them. The build (sitebuild/wizard_assets.py)
calls split() and writes each part as its own content-hashed file; the glue loads the shared
part, reads from the address or the area answer which partnership the question is about
(area_for), fetches that one part and merge()s it in. The merged bundle has exactly the shape of
the full one, so the engine and the flow take the same shapes as before and give the same
answers for that area (tests/micropython/suite.py checks it under every interpreter).

- shared: the bank holidays, the list of areas (each area's id and name), the national contacts
  (999), the abbreviations every area uses (glossary entries for "all"), which area each
  procedure belongs to, and the file name of each area's part.
- a part: the ids of that partnership's procedures in the data's order (area_procedures: the
  data files are written with sorted keys, and the situation question lists them in the
  order the data gives), its record (emergency route, front door), procedures, forms, lists,
  agencies, contacts and sources, the abbreviations its glossary entries name it for (SSCP
  is a different partnership in Salford and in Southwark), plus anything they
  name that belongs elsewhere, and every contact of the same team as one of its contacts (the
  engine lists the other numbers printed for a team).

Pure functions on dicts, lists and strings: runs under CPython, MicroPython and Pyodide.
"""

# The collections of the engine's bundle that hold one partnership's things (each item names
# its partnership). Everything else in the bundle (the calendar, the partnerships) is shared.
COLLECTIONS = ("sources", "forms", "procedures", "contacts", "lists", "agencies")
# What a part adds to: the collections, the area's full record in partnerships, and the order of
# its procedures in area_procedures.
MERGED = COLLECTIONS + ("partnerships", "area_procedures", "abbreviations")
# In the data, these keys hold ids of things in another collection.
REFERENCES = {"contacts": "contacts", "send_to": "contacts", "send": "forms", "directory": "lists"}


def _owner(item):
    return item.get("partnership")


def _referenced(data, found):
    """Add (collection, id) for every id that data (a procedure, form, list...) points at."""
    if isinstance(data, dict):
        for key in data:
            value = data[key]
            target = REFERENCES.get(key)
            if target and isinstance(value, str):
                found.append((target, value))
            elif target and isinstance(value, list) and all(isinstance(item, str) for item in value):
                for item in value:
                    found.append((target, item))
            else:
                _referenced(value, found)
    elif isinstance(data, list):
        for value in data:
            _referenced(value, found)
    return found


def _teams(bundle):
    """{team: [contact ids]}, made once per split so that splitting stays linear."""
    teams = {}
    for contact_id in bundle["contacts"]:
        team = bundle["contacts"][contact_id].get("team")
        if team:
            teams.setdefault(team, []).append(contact_id)
    return teams


def _complete(bundle, shared, part, teams):
    """Copy into part everything its items point at that is not already there or shared, then
    every contact sharing a team with one of its contacts, until nothing is missing."""
    pending = []
    for key in COLLECTIONS:
        for item_id in part[key]:
            pending.append((key, item_id))
    while pending:
        key, item_id = pending.pop()
        item = bundle[key][item_id]
        found = _referenced(item, [])
        if key == "contacts" and item.get("team"):
            found += [("contacts", other) for other in teams[item["team"]]]
        for target, other in found:
            if other in part[target] or other in shared[target] or other not in bundle[target]:
                continue
            part[target][other] = bundle[target][other]
            pending.append((target, other))
    return part


def file_name(partnership_id, digest):
    return "area-" + partnership_id + "-" + digest + ".json"


def split(bundle):
    """(shared, {partnership id: part}) from the engine's bundle. shared["parts"] is left for
    the build to fill with each part's file name, once it has hashed the part's content."""
    areas = bundle["partnerships"]
    # The list of areas is all the first questions need: each area's full record (emergency
    # route, front door, their sources) travels with its part.
    listed = {}
    for partnership_id in areas:
        listed[partnership_id] = {"id": partnership_id, "name": areas[partnership_id]["name"]}
    shared = {"calendar": bundle["calendar"], "partnerships": listed, "parts": {}, "procedure_areas": {}}
    parts = {}
    for partnership_id in areas:
        parts[partnership_id] = {"partnerships": {partnership_id: areas[partnership_id]},
                                 "area_procedures": {partnership_id: []}}
        for key in COLLECTIONS:
            parts[partnership_id][key] = {}
    for key in COLLECTIONS:
        shared[key] = {}
        for item_id in bundle[key]:
            item = bundle[key][item_id]
            owner = _owner(item)
            if owner in parts:
                parts[owner][key][item_id] = item
            else:
                shared[key][item_id] = item  # national: 999 and its source
    _split_abbreviations(bundle.get("abbreviations", {}), shared, parts)
    for procedure_id in bundle["procedures"]:
        owner = bundle["procedures"][procedure_id]["partnership"]
        shared["procedure_areas"][procedure_id] = owner
        parts[owner]["area_procedures"][owner].append(procedure_id)
    teams = _teams(bundle)
    for partnership_id in areas:
        # The partnership's own record (emergency route, front door) may name contacts too.
        for target, other in _referenced(areas[partnership_id], []):
            if other in bundle[target] and other not in shared[target]:
                parts[partnership_id][target][other] = bundle[target][other]
        _complete(bundle, shared, parts[partnership_id], teams)
    return shared, parts


def _split_abbreviations(abbreviations, shared, parts):
    """An abbreviation for every area goes in the shared part; one named for some areas goes in
    each of their parts (an entry names a list of partnerships, not one owner)."""
    shared["abbreviations"] = {}
    for partnership_id in parts:
        parts[partnership_id]["abbreviations"] = {}
    for entry_id in abbreviations:
        entry = abbreviations[entry_id]
        if "all" in entry["partnerships"]:
            shared["abbreviations"][entry_id] = entry
        for partnership_id in entry["partnerships"]:
            if partnership_id in parts:
                parts[partnership_id]["abbreviations"][entry_id] = entry


def area_for(shared, answers):
    """The partnership whose part a question needs: the area answered, or the area of the
    procedure in the address. None when the question needs no area's data (the first questions,
    or an area or procedure we do not have: the flow then says so)."""
    procedure_id = answers.get("procedure")
    if procedure_id:
        return shared["procedure_areas"].get(procedure_id)
    area = answers.get("area")
    if area and area in shared["partnerships"]:
        return area
    return None


def merge(bundle, part):
    """Add one partnership's part to a bundle (in place, so every reference to it sees the new
    data) and return it. Merging the same part twice changes nothing."""
    for key in MERGED:
        if key not in bundle:
            bundle[key] = {}
        for item_id in part.get(key, {}):
            bundle[key][item_id] = part[key][item_id]
    return bundle


def copy_of(shared):
    """A bundle to merge parts into that leaves shared itself unchanged."""
    bundle = {}
    for key in shared:
        value = shared[key]
        bundle[key] = dict(value) if key in MERGED else value
    return bundle
