"""Where the words were before issue 24 made them a catalogue, stillworried/core/words/. Only for
the modules not yet moved to the new names (macros/, exports/): new code imports the
catalogue's modules themselves."""
from stillworried.core.words.answers import *  # noqa: F401,F403
from stillworried.core.words.contacts import *  # noqa: F401,F403
from stillworried.core.words.dates import *  # noqa: F401,F403
from stillworried.core.words.limits import *  # noqa: F401,F403
from stillworried.core.words.page import *  # noqa: F401,F403
from stillworried.core.words.questions import *  # noqa: F401,F403
