"""The harness of the hostile pull-request families (tests/test_hostile_*.py, issue 23): each case
is one edit a hostile or clumsy pull request could make to a copy of data/, and each must be
refused as a pull request's check and the site's build refuse it:

- `python -m stillworried check` (its own entry point, stillworried.cli.main, in this process)
  exits 1 with a data/FILE.yaml:LINE:COL message at the right line, in words a maintainer can act
  on (tests/test_hostile_yaml.assert_refused says what that means);
- the build's loader (mkdocs_hooks.load_bundle, which every `mkdocs build` calls first) stops with
  the same message. A few cases of each family also run the real `mkdocs build`.

The edit replaces `old`, which must occur once in `file`, by `new` (after the `also` edits, made
the same way). The problem must be reported where `at` is: text looked for in `new`, else the
nearest before the edit ("^" marks the column; without one, where `at` starts), or, as
(file, text), text that occurs once in another file of the copy. `sources` are edits made to a
copy of the source documents (source_copies) that the check is given instead.
"""
import shutil
from dataclasses import dataclass

from tests.conftest import DATA
from tests.source_copies import record_fingerprints, sources_copy
from tests.data.test_hostile_yaml import assert_refused, run_check
from tests.data.test_validation_mutations import locate as where


@dataclass(frozen=True)
class Edit:
    id: str
    file: str
    old: str
    new: str
    says: tuple
    at: object = None
    also: tuple = ()
    sources: tuple = ()
    col: bool = True

    def __str__(self):
        return self.id


def replace_once(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, "%s: %r should occur once, found %d" % (path.name, old, text.count(old))
    start = text.index(old)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8", newline="")
    return text[:start] + new + text[start + len(old):], start, start + len(new)


def make(case, folder):
    """The edited copy of data/ (and of the documents, if the case edits them): (data_dir,
    sources or None, file, line, col) of where the problem must be reported."""
    data_dir = folder / "data"
    shutil.copytree(DATA, data_dir)
    for file, old, new in case.also:
        replace_once(data_dir / file, old, new)
    text, start, end = replace_once(data_dir / case.file, case.old, case.new)
    sources = None
    if case.sources:
        sources = sources_copy(folder, case.sources)
        if not any(old.startswith("    sha256:") for _, old, _ in case.also):
            record_fingerprints(data_dir, sources)
    if isinstance(case.at, tuple):
        file, needle = case.at
        other = (data_dir / file).read_text(encoding="utf-8")
        assert other.count(needle.replace("^", "")) == 1, needle
        line, col = where(other, 0, len(other), needle)
        return data_dir, sources, file, line, col
    line, col = where(text, start, end, case.at or case.new)
    return data_dir, sources, case.file, line, col


def refused(case, tmp_path, capsys, monkeypatch):
    """Run the case through check and the build's loader, and assert both refuse it."""
    data_dir, sources, file, line, col = make(case, tmp_path)
    if sources is not None:
        monkeypatch.setenv("STILLWORRIED_SOURCES", str(sources))
    outcome = run_check(data_dir, capsys, monkeypatch)
    assert_refused(outcome, data_dir, file, line, col if case.col else None, case.says)
    return outcome


def ids(cases):
    return [case.id for case in cases]
