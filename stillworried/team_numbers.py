"""Moved to stillworried/core/team_numbers.py (issue 24). Only for the modules not yet moved to the new
name (macros/render.py, exports/)."""
from stillworried.core.team_numbers import *  # noqa: F401,F403
