"""Moved to stillworried/core/abbreviations.py (issue 24). Only for the modules not yet moved to the new
name (macros/render.py, exports/)."""
from stillworried.core.abbreviations import *  # noqa: F401,F403
