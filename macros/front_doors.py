"""What comes first on the home page and on every area's pages: the emergency route (999 and
what the source says to do), each area's front door for a worried person who is not facing an
emergency, what the source says where it gives the door no number, and the way into the wizard.
"""
from stillworried.core.contacts import emergency_phone
from stillworried.core.words import contacts as contact_words
from stillworried.core.page_ids import WIZARD, partnership_path
from stillworried.core.words import emergency as emergency_words, pages as page_words

from macros.html import el, join
from macros.pieces import contact_card, source_line
from macros.templates import render_template


def emergency_box(ctx, partnership=None, then=None, say=None):
    """The emergency box (templates/emergency.html), the one markup for it. With a partnership,
    what its source says to do and where it says it, and then (its front door) after the call;
    with none, what to do before an area is chosen. say (or None) writes out abbreviations at
    first use on the page."""
    say = say or (lambda text: text)
    route = partnership["emergency"] if partnership else None
    return render_template("emergency.html", words=emergency_words, phone=emergency_phone(ctx.bundle),
                           said=say(route["text"]) if route else None, then=then,
                           source=source_line(ctx, route["source"]) if route else None)


def emergency_notice(ctx):
    """{{ emergency_notice() }} in docs/: the box where no area is chosen (home, no-signal page)."""
    return emergency_box(ctx)


def door_caveat(door, say=None):
    """The front door's caveat ("The protocol does not call MAST Duty and Advice..."), where the
    source does not name this contact as the route: said wherever the door is shown. Or None."""
    say = say or (lambda text: text)
    return el("p", {"class": "sw-caveat"}, say(door["caveat"])) if door.get("caveat") else None


def out_of_hours(ctx, partnership):
    """One line under an area's front door: its opening hours (or that the source gives none), and
    that no number is given for out of hours, with 999. Said only where none of the area's
    contacts is for out of hours (a source that gives one would name it)."""
    for cid in ctx.own_contacts(partnership["id"]):
        contact = ctx.contact(cid)
        said = " ".join([contact["name"]] + [phone.get("label") or "" for phone in contact.get("phones", [])]).lower()
        if any(name in said for name in contact_words.OUT_OF_HOURS_NAMES):
            return None
    hours = next((ctx.contact(cid)["hours"]["text"] for cid in partnership["front_door"]["contacts"]
                  if ctx.contact(cid).get("hours")), None)
    return el("p", {"class": "sw-out-of-hours"},
              contact_words.out_of_hours_words(hours, emergency_phone(ctx.bundle)["display"]))


def door_reachable(ctx, door):
    """Whether the source gives the front door any phone number or email."""
    return any(ctx.contact(cid).get("phones") or ctx.contact(cid).get("emails") for cid in door["contacts"])


def no_number(ctx, partnership, route=None, say=None, door_words=True):
    """A front door the source gives no number (Southwark's MASH manager): what the source says
    to do with a worry about a child there (door_words: its own words and their source, unless
    the page says them just above), and one line saying there is no number. No number is invented.
    With route "said", the area's emergency route follows as a line (the lists of every area: the
    page's own box is above them, so no second box and no second call button); without, the page
    says it itself (an area page's emergency box around it, a contacts page's box after it)."""
    say = say or (lambda text: text)
    door = partnership["front_door"]
    names = [ctx.contact(cid)["name"] for cid in door["contacts"]]
    parts = [el("p", None, say(door["text"])), source_line(ctx, door["source"])] if door_words else []
    parts.append(el("p", {"class": "sw-no-number"}, el("strong", None, contact_words.NO_NUMBER_GIVEN),
                    contact_words.door_has_no_number(names)))
    if route == "said":
        emergency = partnership["emergency"]
        parts.append(el("p", {"class": "sw-door-route"}, el("strong", None, emergency_words.IN_AN_EMERGENCY),
                        say(emergency["text"])))
        parts.append(source_line(ctx, emergency["source"]))
    return join(parts)


def front_door_cards(ctx, partnership, heading="h4", route="said", say=None, door_words=True):
    """The front door's contacts as cards without conflict tables (a link to them instead), so a
    list of every area never makes one area's reader scroll through another area's table; or,
    where the source gives no number, what the source says to do instead (no_number's route)."""
    door = partnership["front_door"]
    if not door_reachable(ctx, door):
        return no_number(ctx, partnership, route, say, door_words)
    return join(contact_card(ctx, cid, heading=heading, conflict=False) for cid in door["contacts"])


def front_doors(ctx):
    items = []
    for partnership in ctx.bundle["partnerships"].values():
        door = partnership["front_door"]
        items.append(el("li", {"class": "sw-area"},
                        el("h3", None, el("a", {"href": ctx.url(partnership_path(partnership["id"]))},
                                          partnership["name"])),
                        el("p", None, door["name"] + ": " + door["text"]),
                        front_door_cards(ctx, partnership, door_words=False)))
    return el("ul", {"class": "sw-areas"}, items)


def partnership_emergency(ctx, partnership, say=None):
    """The emergency box of an area's overview and procedure pages, with its front door after
    the call; say (or None) writes out abbreviations at first use on the page."""
    say = say or (lambda text: text)
    door = partnership["front_door"]
    return emergency_box(ctx, partnership, say=say, then=join([
        el("p", None, say(emergency_words.not_an_emergency(door["name"]))),
        front_door_cards(ctx, partnership, heading="p", route=None, say=say),
        door_caveat(door, say),  # after the card, so its call button stays on the first screen
    ]))


def wizard_start(ctx):
    """The way into the wizard from the home page, as a GOV.UK start button."""
    return el("p", None, el("a", {"class": "md-button md-button--primary sw-start", "href": ctx.url(WIZARD)},
                             page_words.START_WIZARD))
