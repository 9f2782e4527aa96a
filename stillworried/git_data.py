"""The data files as they were at a git ref (a branch, tag or commit), read with
``git show REF:data/<file>`` into a folder, so that `diff` can check and load them exactly
like the data in the working tree. Every way this can fail is a DiffError that says what to do.
"""
import subprocess
from pathlib import Path

from stillworried.validation.data_files import FILES


class DiffError(Exception):
    """The comparison cannot be made; the message says why and what to do."""


def git(folder, *args):
    try:
        result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True)
    except FileNotFoundError:
        raise DiffError("git is not installed, so there is nothing to compare with. Install git and try again.")
    return result


def resolve(folder, base):
    """base itself if git knows it, else origin/base: in a fresh clone on another branch, or in
    a pull request's checkout, main is often only there as the remote's branch."""
    for ref in (base, "origin/" + base):
        if git(folder, "rev-parse", "--verify", "--quiet", ref + "^{commit}").returncode == 0:
            return ref
    raise DiffError("'%s' is not a branch, tag or commit in this repository. Try main, or a commit id from "
                    "'git log'." % base)


def data_at(base, data_dir, into):
    """Write the data files as they were at base into the folder `into`; return the ref used."""
    data_dir = Path(data_dir).resolve()
    prefix = git(data_dir, "rev-parse", "--show-prefix")
    if prefix.returncode != 0:
        raise DiffError("%s is not in a git repository, so there is nothing to compare with. Run diff in a clone "
                        "of the project." % data_dir)
    base = resolve(data_dir, base)
    for name in FILES:
        path = prefix.stdout.strip() + name
        shown = git(data_dir, "show", "%s:%s" % (base, path))
        if shown.returncode != 0:
            raise DiffError("%s did not exist at '%s', so there is nothing to compare with. Compare with a later "
                            "commit." % (path, base))
        (Path(into) / name).write_text(shown.stdout, encoding="utf-8")
    return base
