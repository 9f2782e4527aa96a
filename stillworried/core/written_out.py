"""An answer's abbreviations written out the first time a reader meets them, in the order the
wizard shows its texts (abbreviations.py holds the matcher; this knows an answer's shape)."""
from stillworried.core import abbreviations


def letters_for(bundle, partnership_id):
    """{letters: words} for one area, from the glossary's abbreviations in the bundle."""
    return abbreviations.known(bundle.get("abbreviations", {}), partnership_id)


def _texts(item, keys, letters, seen):
    """A copy of the dict item with the texts under keys written out, in that order."""
    item = dict(item)
    for key in keys:
        if isinstance(item.get(key), str):
            item[key] = abbreviations.write_out(item[key], letters, seen)
    return item


def _either(item, first, others, letters, seen):
    """A copy of item where the text under first, if any, is shown instead of the texts under
    others (who.sentence, else who.raising and who.receiving): each is written out as if it were
    the one shown, and what comes after counts only what is shown as read."""
    if not item.get(first):
        return _texts(item, others, letters, seen)
    item = _texts(item, others, letters, dict(seen))
    return _texts(item, [first], letters, seen)


def _limit(limit, letters, seen):
    return _texts(limit, ("label", "rule", "missing_words", "non_working_day", "after_overall_words", "reading_words"),
                  letters, seen)


def _contact(contact, letters, seen):
    # A card shows its note only where there is no number or email to show (the answer view).
    shown = ("name", "person", "role", "conflict") + (() if contact["phones"] or contact["emails"] else ("note",))
    return _texts(contact, shown, letters, seen)


def _all(texts, letters, seen):
    return [abbreviations.write_out(text, letters, seen) for text in texts]


def written_out(bundle, answer):
    """A copy of an answer in words (worded.answer) in which every abbreviation the glossary
    knows for the answer's area (SSCP is Salford's partnership in Salford and Southwark's in
    Southwark) is written out the first time a reader meets it: the texts are taken in the order
    the wizard shows them (the first screen's lede, who, rule, next step and contacts, then the
    rest; the stage's title, a heading, is left as the source says it). The bundle and the answer
    given are not changed; the source's own words (each limit's quote) are never changed."""
    letters = letters_for(bundle, answer["partnership"])
    if not letters:
        return answer
    seen = {}
    # The stage's title is a heading, kept short as the source names it ("SSCP Independent
    # Chair"): the who sentence just below it writes the words out.
    answer = _texts(answer, ("where_words", "partnership_name", "procedure_title"), letters, seen)
    answer["who"] = _either(answer["who"], "sentence", ("raising", "receiving"), letters, seen)
    deadlines = []
    for limit in answer["deadlines"]:
        copied = _limit(limit, letters, seen) if limit["headline"] else limit
        if limit["headline"]:
            answer["deadline"] = copied
        deadlines.append(copied)
    answer = _texts(answer, ("which_wins", "next_words"), letters, seen)
    if answer["flag"]:
        answer["flag"] = _texts(answer["flag"], ("words",), letters, seen)
    answer["steps_due"] = [_texts(step, ("words",), letters, seen) for step in answer["steps_due"]]
    if answer["no_number"]:
        said = _either(answer["no_number"], "sentence", ("words", "reach"), letters, seen)
        said["contacts"] = [_contact(contact, letters, seen) for contact in said["contacts"]]
        answer["no_number"] = said
    answer["contacts"] = [_contact(contact, letters, seen) for contact in answer["contacts"]]
    answer = _texts(answer, ("status_note",), letters, seen)
    answer["deadlines"] = [limit if limit["headline"] else _limit(limit, letters, seen) for limit in deadlines]
    if answer["overall"]:
        answer["overall"] = _limit(answer["overall"], letters, seen)
    answer["do"] = _all(answer["do"], letters, seen)
    answer["send"] = [_texts(form, ("title",), letters, seen) for form in answer["send"]]
    answer["record"] = _all(answer["record"], letters, seen)
    if answer["how"]:
        answer["how"] = _texts(answer["how"], ("title",), letters, seen)
        answer["how"]["steps"] = _all(answer["how"]["steps"], letters, seen)
    answer["safety_rule"] = _texts(answer["safety_rule"], ("text",), letters, seen)
    answer["notes"] = [_texts(note, ("title", "text"), letters, seen) for note in answer["notes"]]
    if answer["next"]:
        following = _texts(answer["next"], ("title",), letters, seen)
        following["who"] = _either(following["who"], "sentence", ("receiving",), letters, seen)
        following["contacts"] = [_contact(contact, letters, seen) for contact in following["contacts"]]
        answer["next"] = following
    if answer["directory"]:
        listing = _texts(answer["directory"], ("title",), letters, seen)
        listing["contacts"] = [_contact(contact, letters, seen) for contact in listing["contacts"]]
        answer["directory"] = listing
    return answer
