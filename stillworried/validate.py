"""Check the data files and say what is wrong, where, and how to fix it.

The people who edit these files are safeguarding staff, not programmers, and a wrong phone
number shown to a worried volunteer is the worst mistake this site can make. So every
problem is reported as ``file:line:col: message``, the message says what to do, and one
problem never stops the others from being found.

This module runs the check; its parts are in stillworried/validation/ (reading the files,
the schemas and their English, suggestions, the links between files). The names other
modules use are imported here so that they keep one address.
"""
from pathlib import Path

from stillworried import named_in_text, source_documents, text_policy, yaml_limits, yamlmarks
from stillworried.text_policy import shown
from stillworried.validation import areas, core_scalars, dates, grounding, site_paths, time_limits
from stillworried.validation.cross_checks import CrossChecks, contact_references  # noqa: F401 - used by callers
from stillworried.validation.data_files import FILES, SCHEMA_DIR, display_path, walk  # noqa: F401
from stillworried.validation.schema_check import Validator, load_schema
from stillworried.validation.schema_messages import field_name, schema_problem
from stillworried.validation.suggestions import EMAIL_IN_TEXT, NUMBER_IN_TEXT, number_owners  # noqa: F401
from stillworried.yamlmarks import Problem


class Checker:
    """Collects problems across all data files, then checks the links between them."""

    def __init__(self, data_dir, documents=None, today=None):
        self.data_dir = Path(data_dir)
        self.documents = documents
        self.today = today  # None: dates.check takes London's today
        self.problems = []
        self.files = {}

    def add(self, problem):
        self.problems.append(problem)

    def read(self):
        loaded = {}
        for name in FILES:
            path = self.data_dir / name
            where = display_path(path)
            try:
                loaded[name] = yamlmarks.load(where, yaml_limits.read_text(path))
            except yaml_limits.FileRefused as refused:
                self.add(Problem(where, refused.line, refused.col, refused.message))
            except Problem as problem:
                self.add(problem)
        owners = number_owners(loaded["contacts.yaml"].data) if "contacts.yaml" in loaded else {}
        for name, marked in loaded.items():
            unpublishable = self.check_strings(marked)
            validator = Validator(load_schema(FILES[name]))
            errors = sorted(validator.iter_errors(marked.data), key=lambda error: list(map(str, error.absolute_path)))
            # A number not written as YAML 1.2 writes it (010, 1:00, 5.0) is reported as typed, not as
            # what YAML 1.1 made of it; where the schema wants text instead, the schema says so.
            wants_text = {tuple(error.absolute_path) for error in errors if error.validator == "type"}
            scalars = dict(core_scalars.problems(marked, wants_text))
            for error in errors:
                if error.validator == "pattern" and tuple(error.absolute_path) in unpublishable:
                    continue  # the character that breaks the pattern is already reported, with its fix
                if tuple(error.absolute_path) in scalars:
                    continue
                for problem in schema_problem(marked, error, owners):
                    self.add(problem)
            for problem in scalars.values():
                self.add(problem)
            if not errors and not scalars:
                self.files[name] = marked

    def check_strings(self, marked):
        """Report every string (value or field name) holding a character that cannot be
        published (text_policy); return the paths of those values."""
        found = set()
        for path, value in walk(marked.data):
            if path and isinstance(path[-1], str):
                hit = text_policy.problem_in(path[-1])
                if hit:
                    self.add(marked.problem(path, text_policy.message(None, path[-1], *hit), key=True))
            if isinstance(value, str):
                hit = text_policy.problem_in(value, multiline=marked.is_block(path))
                if hit:
                    found.add(path)
                    self.add(marked.problem(path, text_policy.message(field_name(path), value, *hit)))
                    continue
                odd = text_policy.unreadable(value)
                if odd:
                    found.add(path)
                    self.add(marked.problem(path, text_policy.unreadable_message(field_name(path), value, odd)))
        return found

    def add_where_none(self, problem):
        """Add a problem unless one was already reported at the same place: a number that is
        not valid is not also reported as not printed in its source."""
        if (problem.file, problem.line, problem.col) not in self.places:
            self.add(problem)

    def check_links(self):
        CrossChecks(self.files, self.add).check_links()
        # The checks below build on the links: each reports only where nothing was reported yet.
        self.places = {(problem.file, problem.line, problem.col) for problem in self.problems}
        areas.check(self.files, self.add_where_none)
        site_paths.check(self.files, self.add_where_none)
        time_limits.check(self.files, self.add_where_none)
        dates.check(self.files, self.add_where_none, self.today)
        if self.documents is not None and self.documents.found:
            grounding.check(self.files, self.documents, self.add_where_none)


def check(data_dir, sources=None, today=None):
    """All problems in the data, sorted by file and line. An empty list means all is well.

    sources: the source documents (stillworried.source_documents.find()), or a folder of them;
    by default they are looked for where source_documents says. Where they are not found,
    nothing is checked against them (the caller says so: see cli/check.py). today: the day
    dates are checked against (default: London's today).

    Whatever the files hold, this returns problems and never raises: a pull request is
    untrusted input, and a traceback tells a maintainer nothing. If the checker itself fails on
    something it did not foresee, that is one more problem, which stops the build like any
    other (tests/data/test_hostile_yaml.py makes sure no known input gets there)."""
    if sources is None or isinstance(sources, (str, Path)):
        sources = source_documents.find(sources)
    checker = Checker(data_dir, sources, today)
    try:
        checker.read()
        checker.check_links()
        checker.problems += named_in_text.find(checker.files, checker.problems)
    except Exception as error:  # noqa: BLE001 - the last line of defence, reported as a problem
        checker.files = {}
        checker.add(Problem(display_path(data_dir), 1, 1, UNFORESEEN % (type(error).__name__, shown(error, 200))))
    return sorted(checker.problems, key=Problem.sort_key), checker.files


UNFORESEEN = ("The check stopped on something in the data it did not foresee (%s: %s). Nothing can be published. "
              "Undo the last change to the data and check again, and report this to the site's developers with "
              "the change.")
