"""The pages' own words, around the data's: a procedure's page (its stages' headings and the
situations outside them), an area's overview, its guidance and the glossary, the forms, the quiet
source line under every value, and the home page's way into the wizard. The page makers
(macros/) put them in order; the wizard never shows them, so the phone's build leaves them out.
"""
from stillworried.core.words.contacts import area_contacts

# --- Every page -------------------------------------------------------------------------------

SOURCE_LABEL = "Source"


def source_for(count):
    """The label of one source line shared by several contact cards in a row."""
    return SOURCE_LABEL if count == 1 else "Source for the " + str(count) + " contacts above"


# The way into the wizard from the home page (a GOV.UK start button).
START_WIZARD = "Still worried? Find who to contact next, and by when"

# --- A procedure's page -----------------------------------------------------------------------


def stage_label(number):
    """The number before a stage's title on its page: "Stage 2"."""
    return "Stage " + str(number)


YOUR_SIDE = "Your side"
THEIR_SIDE = "Their side"
WHAT_TO_DO = "What to do"
TIME_LIMITS = "Time limits"
TIME_LIMIT = "Time limit"
WHO_TO_CONTACT = "Who to contact"
USE_THIS_IF = "Use this if: "
ALSO_IN_THIS_PROCEDURE = "Also in this procedure"

# --- An area's overview -----------------------------------------------------------------------

IF_YOU_DISAGREE = "If you disagree with another agency about a child"
CHOOSE_PROCEDURE = ("Choose the procedure that fits your situation. Each one lists the stages, who to contact and "
                    "the time limits.")
LEVELS_AND_GUIDANCE = "Levels of support and guidance"
CONTACTS_HEADING = "Contacts"
OR = " or "
SAVE_THEM_ALL = "save them all to your phone (vCard)"


def all_contacts(area):
    """The link to an area's contacts page: "All Salford contacts"."""
    return "All " + area_contacts(area)


# --- An area's guidance and the glossary ------------------------------------------------------

NOTE_LABEL = "Note: "
EXAMPLES = "Examples"
WHAT_YOU_CAN_DO = "What you can do"
THE_LEVELS = "The levels of support"
MORE_GUIDANCE = "More guidance"
ALL_AREAS = "all areas"
HOW_TO_REACH = "How to reach them: "
NO_NUMBER_GIVEN = "(the source gives no number)"


def who_it_is_for(audience):
    return "Who it is for: " + audience


def used_in(where):
    """The start of a glossary entry's quiet line, before the source it comes from."""
    return "Used in: " + ", ".join(where) + ". " + SOURCE_LABEL + ": "


# --- The forms --------------------------------------------------------------------------------

PRINT_AND_FILL_IN = ("Print this page and fill it in by hand. This site never asks for a child's details and stores "
                     "nothing.")
SEND_IT_TO = "Send it to"
THE_FORM = "The form"
