"""HTML for the data, built from escaped values only. Each function returns one block of
HTML with no blank lines, so Markdown passes it through untouched."""
from stillworried import words

from macros.escape import text


def phone_link(phone):
    """A tel: link whose text is the same number, or plain text with a warning if invalid."""
    if not phone.get("e164"):
        return '<span class="sw-invalid">%s (this number is printed wrongly in the source and cannot be dialled)</span>' \
            % text(phone["number"])
    return '<a href="tel:%s">%s</a>' % (text(phone["e164"]), text(phone["display"]))


def email_link(email):
    return '<a href="mailto:%s">%s</a>' % (text(email["address"]), text(email["address"]))


def contact_block(contact):
    parts = ["<strong>%s</strong>" % text(contact["name"])]
    parts += [phone_link(phone) for phone in contact.get("phones", [])]
    parts += [email_link(email) for email in contact.get("emails", [])]
    if not contact.get("phones") and not contact.get("emails") and contact.get("note"):
        parts.append(text(contact["note"]))
    return "<br>".join(parts)


def emergency_notice(bundle):
    contact = bundle["contacts"]["emergency-999"]
    return ('<div class="admonition danger"><p class="admonition-title">Is a child in immediate danger?</p>'
            '<p>Call %s now. Then contact the front door for your area below.</p></div>'
            % phone_link(contact["phones"][0]))


def front_doors(bundle):
    rows = []
    for partnership in bundle["partnerships"].values():
        door = partnership["front_door"]
        contacts = "<br>".join(contact_block(bundle["contacts"][cid]) for cid in door["contacts"])
        rows.append("<li><strong>%s</strong>: %s<br>%s</li>"
                    % (text(partnership["name"]), text(door["text"]), contacts))
    return "<ul>%s</ul>" % "".join(rows)


def procedure_ladders(bundle):
    blocks = []
    for procedure in bundle["procedures"].values():
        stages = []
        for stage in procedure["stages"]:
            rules = "".join("<li>%s</li>" % text(words.timescale_rule(timescale)) for timescale in stage["timescales"])
            stages.append("<li><strong>%s</strong>%s</li>"
                          % (text(stage["title"]), "<ul>%s</ul>" % rules if rules else ""))
        lapsed = "<p><strong>Past its review date.</strong> %s</p>" % text(procedure["status_note"]) \
            if procedure["status"] == "lapsed" else ""
        blocks.append('<section><h3 id="%s">%s</h3>%s<p>%s</p><ol>%s</ol><p>Source: %s, %s</p></section>'
                      % (text(procedure["id"]), text(procedure["title"]), lapsed, text(procedure["summary"]),
                         "".join(stages), text(procedure["source"]["file"]), text(procedure["source"]["section"])))
    return "".join(blocks)
