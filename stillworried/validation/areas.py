"""Everything an area shows belongs to that area: a Wigan stage cannot send Salford's form, show
Salford's list or name Salford's Bridge, and Wigan's front door cannot be Salford's.

Each entry of the data belongs to a partnership: a partnership's routes, its forms, procedures,
lists, agencies and contacts (by their 'partnership'), its guidance (by its name) and a glossary
entry (by its 'partnerships'). What an entry points at must be its partnership's own:

- a document it cites (its 'source' or 'sources', at any depth) is one of that partnership's
  documents (the 'partnership' of the document in stages.yaml's 'sources');
- a contact it names ('contacts', 'send_to') is that partnership's, or national (999);
- a list it shows ('directory') or joins ('lists'), and a form it sends ('send'), are that
  partnership's.

A national contact (999) may cite any document and join any list: the sources of every area
tell people to call 999. And two rules for the routes on every page:

- a front door is one of the partnership's own contacts, never a national one, and none of its
  numbers is a short number (999, 112, 101 or 111): those are not an area's front door;
- an emergency route always reaches 999: one of its contacts holds the number 999.
"""
from stillworried import phones
from stillworried.text_policy import shown
from stillworried.validation.data_files import walk

NATIONAL = "national"
ALL = "all"


class Areas:
    def __init__(self, files, add):
        self.files = files
        self.add = add
        stages = files.get("stages.yaml")
        contacts = files.get("contacts.yaml")
        self.names = {p["id"]: p["name"] for p in stages.data["partnerships"]} if stages else {}
        self.documents = {s["file"]: s["partnership"] for s in stages.data["sources"]} if stages else None
        self.forms = {f["id"]: f["partnership"] for f in stages.data["forms"]} if stages else None
        self.contacts = {c["id"]: c for c in contacts.data["contacts"]} if contacts else None
        self.lists = {item["id"]: item["partnership"] for item in contacts.data["lists"]} if contacts else None

    def area(self, pid):
        return self.names.get(pid, pid)

    def whose(self, owner):
        return "national" if owner == NATIONAL else "%s's" % self.area(owner)

    def check(self):
        stages, contacts, guidance = (self.files.get(name)
                                      for name in ("stages.yaml", "contacts.yaml", "guidance.yaml"))
        if stages:
            for index, partnership in enumerate(stages.data["partnerships"]):
                here = ("partnerships", index)
                self.owned(stages, here, partnership, {partnership["id"]})
                self.front_door(stages, here + ("front_door",), partnership)
                self.emergency(stages, here + ("emergency",), partnership)
            for key in ("forms", "procedures"):
                for index, item in enumerate(stages.data[key]):
                    self.owned(stages, (key, index), item, {item["partnership"]})
        if contacts:
            for key in ("lists", "agencies", "contacts"):
                for index, item in enumerate(contacts.data.get(key, [])):
                    if item["partnership"] != NATIONAL:
                        self.owned(contacts, (key, index), item, {item["partnership"]})
        if guidance:
            for pid, entry in guidance.data["guidance"].items():
                self.owned(guidance, ("guidance", pid), entry, {pid})
            for index, entry in enumerate(guidance.data["glossary"]):
                if ALL not in entry["partnerships"]:
                    self.owned(guidance, ("glossary", index), entry, set(entry["partnerships"]))

    def owned(self, marked, path, entry, owners):
        """Every document, contact, list and form entry points at belongs to one of owners."""
        if not owners <= set(self.names) | {NATIONAL}:
            return  # a partnership that does not exist: the cross checks report it
        mine = " or ".join(sorted(self.area(pid) for pid in owners))
        own = " or ".join(sorted(self.whose(pid) for pid in owners))
        known = set(self.names) | {NATIONAL}
        for inner, value in walk(entry):
            at = path + inner
            key = inner[-1] if inner else None
            if isinstance(value, dict) and isinstance(value.get("file"), str) and self.documents is not None:
                owner = self.documents.get(value["file"])
                if owner in known and owner not in owners:
                    self.add(marked.problem(at + ("file",), "'%s' is %s document, but this belongs to %s. Check which "
                                            "document says it, and cite %s own document: another area's does not "
                                            "apply here."
                                            % (shown(value["file"]), self.whose(owner), mine, own)))
            elif key in ("contacts", "send_to") and isinstance(value, list) and self.contacts is not None:
                for index, cid in enumerate(value):
                    owner = self.contacts.get(cid, {}).get("partnership")
                    if owner in known and owner != NATIONAL and owner not in owners:
                        self.add(marked.problem(at + (index,), "The contact '%s' is %s, but this belongs to %s. Use "
                                                "one of %s own contacts (or a national one, such as 999)."
                                                % (shown(cid), self.whose(owner), mine, own)))
            elif key in ("directory", "lists") and self.lists is not None:
                for index, list_id in (enumerate(value) if isinstance(value, list) else [(None, value)]):
                    if not isinstance(list_id, str):
                        break  # a guidance section's 'lists' are the lists it prints, not contact lists
                    owner = self.lists.get(list_id)
                    if owner in known and owner not in owners:
                        self.add(marked.problem(at + ((index,) if index is not None else ()), "The contact list "
                                                "'%s' is %s, but this belongs to %s. Use one of %s own lists."
                                                % (shown(list_id), self.whose(owner), mine, own)))
            elif key == "send" and isinstance(value, list) and self.forms is not None:
                for index, form_id in enumerate(value):
                    owner = self.forms.get(form_id)
                    if owner in known and owner not in owners:
                        self.add(marked.problem(at + (index,), "The form '%s' is %s, but this belongs to %s. Use "
                                                "one of %s own forms." % (shown(form_id), self.whose(owner), mine,
                                                                          own)))

    def front_door(self, marked, path, partnership):
        if self.contacts is None:
            return
        for index, cid in enumerate(partnership["front_door"]["contacts"]):
            contact = self.contacts.get(cid)
            if contact is None:
                continue
            if contact["partnership"] == NATIONAL:
                self.add(marked.problem(path + ("contacts", index), "A front door is where %s takes a worry that is "
                                        "not an emergency, so it must be one of %s own contacts, not the national "
                                        "'%s'. Use the area's own contact; the emergency route is for 999."
                                        % (self.area(partnership["id"]),
                                                                                  self.whose(partnership["id"]), cid)))
                continue
            for phone in contact.get("phones", []):
                if phone["number"].strip() in phones.SHORT_CODES:
                    self.add(marked.problem(path + ("contacts", index), "The front door '%s' has the number %s, a "
                                            "national short number, which is not an area's front door. A front door "
                                            "has the partnership's own published number (a landline, or the "
                                            "non-geographic number its documents print). Remove %s from '%s'."
                                            % (cid, phone["number"].strip(), phone["number"].strip(), cid)))

    def emergency(self, marked, path, partnership):
        if self.contacts is None:
            return
        route = partnership["emergency"]
        reaches = any(phone["number"].strip() == phones.EMERGENCY
                      for cid in route["contacts"] for phone in self.contacts.get(cid, {}).get("phones", []))
        if not reaches:
            self.add(marked.problem(path + ("contacts",), "%s's emergency route does not reach 999. If a child is in "
                                    "immediate danger the answer is always 999: put the national 999 contact in "
                                    "'contacts' (contacts: [emergency-999])." % self.area(partnership["id"])))


def check(files, add):
    Areas(files, add).check()
