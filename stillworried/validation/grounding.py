"""The data against the source documents themselves: a pull request cannot publish what the
sources do not say.

- every document stages.yaml lists is in the documents' folder, readable, and the version
  whose sha256 it records;
- every cited section exists in its document (stillworried/source_sections.py finds it);
- every `quote` is in the section its `source` cites, word for word (spacing, bold marks and
  curly quotes aside), and every passage of three words or more that a text puts in double
  quotation marks is word for word in a document;
- every phone number and email address is printed in a document its `sources` cite (the
  national short numbers a contact may have, 999 and the like, are the project's own list);
- every email address is at a domain that the documents of its partnership print.

Run by validate.check when the documents were found (stillworried.source_documents); what
needs only the data (a time limit's amount against its quote) is in time_limits.py.
"""
import re

from stillworried import email_policy, phones
from stillworried.source_documents import Unreadable
from stillworried.source_sections import normalise
from stillworried.text_policy import shown
from stillworried.validation.data_files import walk

QUOTED = re.compile(r'"([^"]+)"')
NATIONAL = "national"


class Grounding:
    """The files that passed their schema (files: {name: MarkedData}) against documents
    (source_documents.Documents), each problem handed to add."""

    def __init__(self, files, documents, add):
        self.files = files
        self.documents = documents
        self.add = add
        self.usable = set()
        self.unusable = set()
        self.partnership_of = {}

    def check(self):
        stages = self.files.get("stages.yaml")
        if stages is None:
            return  # which documents there are is written in stages.yaml
        for index, source in enumerate(stages.data["sources"]):
            self.check_document(stages, ("sources", index), source)
        for marked in self.files.values():
            self.check_citations(marked)
            self.check_quotes(marked)
        contacts = self.files.get("contacts.yaml")
        if contacts:
            self.check_contacts(contacts)

    def check_document(self, marked, path, source):
        name = source["file"]
        self.partnership_of[name] = source["partnership"]
        try:
            actual = self.documents.sha256(name)
        except Unreadable as why:
            self.unusable.add(name)
            self.add(marked.problem(path + ("file",), "The source document '%s' cannot be read: %s. Put the "
                                    "document itself in the protocols folder (%s), or, if nothing cites it any more, "
                                    "remove it from this list." % (shown(name), why, self.documents.folder)))
            return
        self.usable.add(name)
        recorded = source.get("sha256")
        if recorded is None:
            self.add(marked.problem(path + ("file",), "'sha256' is missing for '%s': it records which version of the "
                                    "document the data was checked against. Check the values that cite it against "
                                    "the document, then add: sha256: %s" % (shown(name), actual)))
        elif recorded.lower() != actual:
            self.add(marked.problem(path + ("sha256",), "The document '%s' in the protocols folder is not the version "
                                    "recorded here (its sha256 is %s). If the partnership has published a new "
                                    "version, check every value that cites it against the new text, then write "
                                    "sha256: %s. If not, restore the document as it was." % (shown(name), actual,
                                                                                              actual)))

    def check_citations(self, marked):
        for path, value in walk(marked.data):
            if not (isinstance(value, dict) and isinstance(value.get("section"), str)
                    and value.get("file") in self.usable):
                continue
            if not self.documents.passages(value["file"], value["section"]):
                self.add(marked.problem(path + ("section",), "There is no section '%s' in %s. Write the heading or "
                                        "numbered paragraph as the document prints it (for example '3.3 Stage 2' or "
                                        "'Appendix 2, section 4, step 1'); for two places, separate them with ';'."
                                        % (shown(value["section"], 120), value["file"])))

    def check_quotes(self, marked):
        for path, value in walk(marked.data):
            if isinstance(value, dict) and isinstance(value.get("quote"), str) and isinstance(value.get("source"),
                                                                                            dict):
                self.check_quote(marked, path, value["quote"], value["source"])
            elif isinstance(value, str) and '"' in value:
                self.check_quoted_passages(marked, path, value)

    def check_quote(self, marked, path, quote, source):
        name, section = source.get("file"), source.get("section")
        if name not in self.usable or not isinstance(section, str):
            return
        passages = self.documents.passages(name, section)
        if passages and not any(normalise(quote) in passage for passage in passages):
            elsewhere = normalise(quote).lower() in self.documents.whole(name)
            self.add(marked.problem(path + ("quote",), "This quote is not word for word in '%s' of %s%s. Check it "
                                    "against the document and copy the document's own words exactly, typing errors "
                                    "and all (to quote part of a sentence, quote the part), citing the section that "
                                    "prints them."
                                    % (shown(section, 80), name, " (it is elsewhere in the document: cite that "
                                       "section)" if elsewhere else "")))

    def check_quoted_passages(self, marked, path, text):
        if self.unusable:
            return  # a passage may be in the document that cannot be read, which is reported instead
        for passage in QUOTED.findall(text):
            if len(passage.split()) < 3:
                continue
            wanted = normalise(passage).lower().rstrip(".")
            if not any(wanted in self.documents.whole(name) for name in self.usable):
                self.add(marked.problem(path, "The words in quotation marks, \"%s\", are not word for word in any "
                                        "source document. Check them against the document and quote it exactly, or "
                                        "remove the quotation marks and say it in your own words."
                                        % shown(passage, 80)))

    def check_contacts(self, contacts):
        for index, contact in enumerate(contacts.data["contacts"]):
            here = ("contacts", index)
            for phone_index, phone in enumerate(contact.get("phones", [])):
                number = phone["number"]
                if contact["partnership"] == NATIONAL and number.strip() in phones.SHORT_CODES:
                    continue  # 999 and the like: the project's own list of national numbers
                cited = self.cited(phone)
                if cited and not any(phones.national_digits(number) in self.documents.numbers(name) for name in cited):
                    self.add(contacts.problem(here + ("phones", phone_index, "number"), "'%s' is not printed in %s, "
                                              "the document its 'sources' cite. Every number must be printed in the "
                                              "document it cites: check it against the document, or cite the "
                                              "document that prints it (a new document goes in the protocols folder "
                                              "and in 'sources' in stages.yaml, in the same pull request)."
                                              % (shown(number), " or ".join(cited))))
            domains = self.domains(contact["partnership"])
            for email_index, email in enumerate(contact.get("emails", [])):
                address = email["address"].lower()
                refused = email_policy.domain_refusal(address, domains, self.area(contact["partnership"]))
                if refused:
                    self.add(contacts.problem(here + ("emails", email_index, "address"), refused))
                    continue
                cited = self.cited(email)
                if cited and not any(address in self.documents.emails(name) for name in cited):
                    self.add(contacts.problem(here + ("emails", email_index, "address"), "'%s' is not printed in %s, "
                                              "the document its 'sources' cite. Check the address against the "
                                              "document and copy it exactly, or cite the document that prints it."
                                              % (shown(email["address"]), " or ".join(cited))))

    def cited(self, item):
        """The readable documents a phone's or email's sources cite, each once."""
        return list(dict.fromkeys(source["file"] for source in item["sources"] if source["file"] in self.usable))

    def area(self, partnership):
        if partnership == NATIONAL:
            return "any area"
        stages = self.files["stages.yaml"].data
        return next((p["name"] for p in stages["partnerships"] if p["id"] == partnership), partnership)

    def domains(self, partnership):
        """The email domains the documents of a partnership print (of every document, for
        a national contact)."""
        names = [name for name in self.usable
                 if partnership == NATIONAL or self.partnership_of.get(name) == partnership]
        return sorted({email.rsplit("@", 1)[1] for name in names for email in self.documents.emails(name)})


def check(files, documents, add):
    grounding = Grounding(files, documents, add)
    grounding.check()
    return grounding
