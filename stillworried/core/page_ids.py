"""The ids, classes and data-field names that the build (templates/, macros/) and the browser
glue (pyscript/wizard.py) share, and where each kind of page lives on the site, named once so
the two cannot drift apart. Runs under CPython and MicroPython: plain strings only."""

# <template> elements in the wizard page, cloned by the glue.
TEMPLATE_FIRST = "sw-tpl-first"
TEMPLATE_CONTACT = "sw-tpl-contact"
TEMPLATE_TIMELINE = "sw-tpl-timeline"
# One radio choice, cloned for each of the chosen area's situations, a procedure's stages and
# the agencies listed at a stage (macros/wizard.py choices_template).
TEMPLATE_CHOICE = "sw-tpl-choice"

# The answer section the glue writes, and the first-paint block inside it.
RESULT = "sw-result"
FIRST = "sw-first"
# The attribute of #sw-wizard holding {procedure id: its first-paint fragment}, and the id of
# each stage's block in a fragment: FIRST_STAGE + stage number.
FIRST_PAINT_MAP = "data-first-paint"
# The attribute of #sw-wizard holding the address grammar's patterns (address_grammar.patterns)
# for the first paint's script, which keeps no copy of them.
ADDRESS_PATTERNS = "data-address"
# The attribute of #sw-wizard holding the loading line's sentences ({"loading", "not_loaded"},
# from the words catalogue) for status.js, which keeps no English of its own.
STATUS_WORDS = "data-status-words"
FIRST_STAGE = "sw-first-stage-"

# The fillable parts of a template: <... data-field="NAME">.
FIELD = "data-field"
TITLE = "title"
LEDE = "lede"
WHO = "who"
CONTACTS = "contacts"
LABEL = "label"
DATE = "date"
FLAG = "flag"
RULE = "rule"
# The day the answer counted from, as the person gave it (or the walk's assumption, said so).
FROM = "from"
NEXT = "next"
WHICH_WINS = "which-wins"
# Beside the date: a weekend or bank holiday (with the working day before it), the steps of your
# own that are due or overdue (and what to do now), and why a source read two ways is counted so.
CLOSED = "closed"
STEPS_DUE = "steps-due"
READING = "reading"
NO_NUMBER = "no-number"
NAME = "name"
ROLE = "role"
CALL = "call"
NUMBER = "number"
PHONE_LABEL = "phone-label"
EMAIL = "email"
NOTE = "note"
# The contact card's other parts (templates/contact_card.html): all its numbers and addresses,
# a number the source prints wrongly, and what the contacts pages add.
WAYS = "ways"
INVALID = "phone-invalid"
INVALID_NUMBER = "invalid-number"
EMAIL_ADDRESS = "email-address"
EMAIL_LABEL = "email-label"
NO_WAYS = "no-ways"
HOURS = "hours"
ORGANISATION = "organisation"
ADDRESS = "address"
VCARD = "vcard"
SOURCE = "source"
# The wizard card's disclosure of other numbers printed for the same team: the line, one
# number in it (cloned per number), its link and whose it is, and the data's note on it.
CONFLICT = "conflict"
ALSO = "also"
ALSO_ONE = "also-one"
ALSO_CALL = "also-call"
ALSO_NAME = "also-name"
CONFLICT_NOTE = "conflict-note"

# The questions whose choices come from the chosen area's data: where the glue puts them, the
# parts of each choice, the question's hint, and the line saying which procedure was chosen.
CHOICES = "choices"
CHOICE_LABEL = "choice-label"
CHOICE_HINT = "choice-hint"
CHOICE_TAG = "choice-tag"
HINT = "hint"
CHOSEN = "chosen"
# "When did stage N begin?": its question, and the link for "I do not know".
QUESTION = "question"
DONT_KNOW = "dont-know"
# The attribute of a question's form naming what its choices were filled for (an area, a
# procedure, a procedure and stage), so they are made once and a choice made stays checked.
FILLED_FOR = "data-filled-for"


# The timeline (templates/timeline.html): one step per row of ROW units.
CAPTION = "caption"
LADDER = "ladder"
STEP = "step"
STEP_NUMBER = "step-number"
STEP_TITLE = "step-title"
STEP_DATE = "step-date"
LADDER_TEXT = "ladder-text"
STEP_TEXT = "step-text"
ROW = 48


# --- Site paths, from the site's root: where each kind of page lives ----------------------

# The wizard's page. Its links go up to the site's root first (from_wizard).
WIZARD = "still-worried/"
# The home page's list of areas (docs/index.md: "## Choose your area"), which the wizard's
# no-script fallback links to.
HOME_AREAS = "choose-your-area"


# The search index (Pagefind's files) and the open data, each a folder of the built site.
SEARCH_INDEX = "pagefind"
OPEN_DATA = "contacts/open-data/"


def partnership_path(partnership_id):
    return partnership_id + "/"


def procedure_path(procedure):
    """procedure: a procedure of the bundle, or any dict with its 'partnership' and 'id'."""
    return procedure["partnership"] + "/" + procedure["id"] + "/"


# The contacts index (docs/contacts/index.md), and the page shown with no signal for a page that
# was never saved on the phone (docs/offline.md; the service worker serves it).
CONTACTS_INDEX = "contacts/"
OFFLINE = "offline/"


def contacts_path(partnership_id):
    return "contacts/" + partnership_id + "/"


def form_path(form_id):
    return "forms/" + form_id + "/"


def guidance_path(partnership_id, section_id=None):
    return partnership_id + "/support/" + (section_id + "/" if section_id else "")


def vcard_path(name):
    return "contacts/vcards/" + name + ".vcf"


def from_wizard(path):
    """A site path as a link from the wizard's page."""
    return "../" * WIZARD.count("/") + path
