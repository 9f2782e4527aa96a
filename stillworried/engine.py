"""Where the engine was before issue 24 split it by job into stillworried/core/ (limits,
contacts, verdicts, answers, walk) and put its words in stillworried/core/words/. Only for the
modules not yet moved to the new names (macros/, exports/): new code imports from
stillworried.core. Each name keeps its old meaning: the answers and contacts in words."""
from stillworried.core import contacts as _contacts, worded as _worded
from stillworried.core.procedures import get_procedure, get_stage  # noqa: F401
from stillworried.core.words.answers import next_words  # noqa: F401
from stillworried.core.written_out import letters_for  # noqa: F401

checked_words = _worded.checked_words
which_wins_rule = _worded.which_wins_rule


def phone_from(bundle, phone):
    return _contacts.phone_from(bundle, phone)


def contact_summary(bundle, contact_id):
    return _worded.contact(_contacts.contact_summary(bundle, contact_id))


def no_number(bundle, procedure_id, stage_number):
    procedure = get_procedure(bundle, procedure_id)
    return _worded.no_number(_contacts.no_number(bundle, get_stage(procedure, stage_number)))
