"""What to do if a child is in immediate danger, said once for the whole site: the box at the top
of the home page, of every area's pages, of the contacts pages and of the no-signal page
(templates/emergency.html), the wizard's answer to "Is a child in immediate danger?", the
header's button and line on every page and its footer (sitebuild/header.py), opening hours, the
calendar file and the wizard with no signal.

The number is never written here: each sentence is given it, from the data (the national contact
emergency-999, stillworried.core.contacts.emergency_phone), as every other number on the site is.
"""

QUESTION = "Is a child in immediate danger?"
LABEL = "Emergency"  # the box's name for a screen reader (it is a role="note")
# After the header's "Call 999", for a screen reader only: the button's whole name.
WHY = " if a child is in immediate danger"
# What to do after the call, where no area is chosen yet (the home page, the wizard's "Yes").
THEN = "When the child is safe, contact the front door for the child's area."
# The wizard's answer to "Is a child in immediate danger?", before THEN.
TELL_POLICE = "Tell the police the child is in immediate danger."
AREA_PAGES = "Its numbers are at the top of the area's page:"
# Under a front door with no number, in the lists of every area: the area's own emergency route
# (its source's words, which may say the source does not name 999, so not "what the source says").
IN_AN_EMERGENCY = "In an emergency: "


def call(number):
    """The call button: "Call 999"."""
    return "Call " + number


def call_now(number):
    """The wizard's answer when a child is in immediate danger: "Call 999 now"."""
    return call(number) + " now"


def in_danger(number, any_time=False):
    """The rule in one sentence: "If a child is in immediate danger, call 999." With any_time,
    beside opening hours: "... call 999 at any time." """
    return "If a child is in immediate danger, call " + number + (" at any time." if any_time else ".")


def not_an_emergency(door_name):
    """Under the call button on an area's pages, before its front door's contacts."""
    return "Not an emergency but worried about a child? " + door_name + ":"
