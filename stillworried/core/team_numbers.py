"""Which contacts are one team, and which of a contact's numbers can be dialled.

Different sources often print different numbers for one team (the "same team, different
number" problem): the engine offers the other numbers, the contacts page shows them side by
side, and the data check warns about a number no 'conflict' note names. All three find the
team here. Runs under CPython and MicroPython: plain dicts and lists only.
"""


def teams(contacts):
    """{team: [key of each member, in the order contacts holds them]} for the contacts that
    name a team. contacts is the bundle's {id: contact} or contacts.yaml's list (keys are
    then indexes)."""
    found = {}
    for key, contact in (contacts.items() if isinstance(contacts, dict) else enumerate(contacts)):
        if contact.get("team"):
            found.setdefault(contact["team"], []).append(key)
    return found


def team_of(contacts, key):
    """Every member of key's team, key included, in order; [key] when it names no team."""
    team = contacts[key].get("team")
    return teams(contacts)[team] if team else [key]


def teammates(contacts, key):
    """The other members of key's team, in order; [] when it names no team."""
    return [other for other in team_of(contacts, key) if other != key]


def dialable_phones(contact):
    """The phones of a bundle contact that can be dialled, in order: those with an E.164 form
    (stillworried.data gives none to a number the source prints wrongly)."""
    return [phone for phone in contact.get("phones", []) if phone.get("e164")]
