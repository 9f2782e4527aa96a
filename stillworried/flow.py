"""Moved to stillworried/core/ (issue 24). Only for the modules not yet moved to the new names
(macros/render.py, bench/)."""
from stillworried.core.flow import *  # noqa: F401,F403
