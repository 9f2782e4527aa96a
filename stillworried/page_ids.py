"""Moved to stillworried/core/page_ids.py (issue 24). Only for the modules not yet moved to the new
name (macros/render.py, exports/)."""
from stillworried.core.page_ids import *  # noqa: F401,F403
