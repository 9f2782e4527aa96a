"""What's changed: the amendments page and its Atom feed, made at build time from the git
history of data/.

Practitioners are used to "registering for updates" on procedure manuals. Every change to a
number or a timescale reaches the site through a commit to data/, so the commits are the
amendment record: when (the commit date), what (the files and lines changed) and why (the
commit message, which the pull-request template asks for). We read them with `git log` and
nothing else, so there is no second record to keep in step.

A build from a copy without its history (a downloaded archive, or a machine without git) must
still work: the page then says plainly that the record is not available, and the feed is empty.
Commit messages are text from outside the data; like every other value they reach the page
only through escape.text (macros.html.el), and the feed is written by feedgen (lxml escapes it).
"""
import datetime
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from feedgen.feed import FeedGenerator

from macros.context import absolute_url
from macros.html import el, join

FEED_PATH = "amendments.xml"
PAGE_PATH = "amendments/"
FEED_ENTRIES = 50  # a feed reader needs the recent changes; the page keeps them all
# Fields and records are separated by ASCII unit and record separators, which a commit
# message does not contain in practice (and if one did, only that message would be cut).
RECORD, UNIT = "\x1e", "\x1f"
LOG_FORMAT = "%x1e%H%x1f%cI%x1f%s%x1f%b%x1f"
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class FileChange:
    path: str
    added: int | None  # None for a binary file
    removed: int | None


@dataclass
class Change:
    commit: str
    date: datetime.datetime
    subject: str
    paragraphs: list
    files: list

    @property
    def anchor(self):
        return "change-" + self.commit[:12]


@dataclass
class History:
    """The changes to the data, newest first. When `available` is false, `reason` says why
    there is no record; when `shallow` is true the clone was cut short and older changes are
    missing."""
    available: bool
    reason: str = ""
    shallow: bool = False
    changes: list = field(default_factory=list)


def git(args, cwd, git_command):
    return subprocess.run([git_command, "-c", "core.quotePath=false", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def history(data_dir, git_command="git"):
    """The commits that changed data_dir, read with git log. Never raises for a missing git
    or a missing history: the site must build from any copy of the project."""
    try:
        return read_history(Path(data_dir), git_command)
    except (FileNotFoundError, PermissionError, NotADirectoryError):
        return History(False, "git is not installed where the site was built, so the record of changes "
                              "could not be read.")
    except subprocess.TimeoutExpired:
        return History(False, "git did not answer in time, so the record of changes could not be read.")


def read_history(data_dir, git_command):
    inside = git(["rev-parse", "--is-inside-work-tree"], data_dir, git_command)
    if "dubious ownership" in inside.stderr:
        return History(False, "git refused to read the history because the project folder belongs to another "
                              "user. The person building the site can allow it with: git config --global "
                              "--add safe.directory " + str(data_dir.resolve().parent))
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return History(False, "the site was built from a copy of the project without its git history "
                              "(for example a downloaded archive), so the record of changes is not available.")
    tracked = git(["ls-files", "--", "."], data_dir, git_command)
    if tracked.returncode != 0 or not tracked.stdout.strip():
        return History(False, "the data folder the site was built from is not part of the project's git "
                              "history, so the record of changes is not available.")
    log = git(["log", "--no-merges", "--no-renames", "--no-ext-diff", "--no-textconv", "--numstat",
               "--format=" + LOG_FORMAT, "--", "."], data_dir, git_command)
    if log.returncode != 0:
        return History(False, "git could not read the history (%s)." % (log.stderr.strip() or "no reason given"))
    shallow = git(["rev-parse", "--is-shallow-repository"], data_dir, git_command).stdout.strip() == "true"
    return History(True, shallow=shallow, changes=parse_log(log.stdout))


def xml_text(value):
    """The text without the control characters XML cannot hold (git allows them in a message)."""
    return NOT_IN_XML.sub("", value)


def parse_log(output):
    changes = []
    for record in output.split(RECORD)[1:]:
        parts = [xml_text(part) for part in record.split(UNIT)]
        commit, date, subject = parts[:3]
        body, stat = UNIT.join(parts[3:-1]), parts[-1]
        changes.append(Change(commit=commit, date=datetime.datetime.fromisoformat(date), subject=subject.strip(),
                              paragraphs=paragraphs(body), files=file_changes(stat)))
    return changes


def paragraphs(body):
    """The message body as paragraphs, without trailers such as Signed-off-by: (names and
    email addresses of contributors are not what a reader came for)."""
    blocks = [block.strip() for block in body.strip().split("\n\n") if block.strip()]
    if blocks and all(is_trailer(line) for line in blocks[-1].splitlines()):
        blocks.pop()
    return [" ".join(line.strip() for line in block.splitlines()) for block in blocks]


def is_trailer(line):
    key, colon, value = line.partition(": ")
    return bool(colon and value and key and all(c.isalnum() or c == "-" for c in key) and key[0].isupper())


def file_changes(stat):
    files = []
    for line in stat.strip().splitlines():
        added, removed, path = line.split("\t", 2)
        files.append(FileChange(path, None if added == "-" else int(added), None if removed == "-" else int(removed)))
    return files


# --- Words ----------------------------------------------------------------------------------

def day(date):
    """23 November 2026: the GOV.UK style, with no leading zero."""
    return "%d %s" % (date.day, date.strftime("%B %Y"))


def lines(count, word):
    return "%d line%s %s" % (count, "" if count == 1 else "s", word)


def file_summary(change):
    """data/contacts.yaml: 1 line added, 1 line removed."""
    if change.added is None:
        return change.path + ": changed"
    return "%s: %s, %s" % (change.path, lines(change.added, "added"), lines(change.removed, "removed"))


# --- The page -------------------------------------------------------------------------------

def change_details(change):
    """When, why (the message) and what (the files): the page's entry and the feed's content."""
    parts = [el("p", {"class": "sw-source"}, "Changed on " + day(change.date))]
    parts += [el("p", None, text) for text in change.paragraphs]
    if not change.paragraphs:
        parts.append(el("p", None, "No reason was given beyond the title."))
    parts += [el("p", None, "What changed:"), el("ul", None, [el("li", None, file_summary(f)) for f in change.files])]
    return join(parts)


def change_item(change):
    return el("section", {"class": "sw-change"}, el("h2", {"id": change.anchor}, change.subject),
              change_details(change))


def page(ctx, record):
    """The amendments page for a History."""
    feed = el("a", {"href": ctx.url(FEED_PATH)}, "the Atom feed of changes")
    intro = el("p", None, "Every change to the numbers, procedures and guidance on this site is recorded here, "
                          "newest first, with the reason given for it. To be told of changes, add ", feed,
               " to a feed reader.")
    if not record.available:
        return join([intro, el("div", {"class": "admonition warning"},
                               el("p", {"class": "admonition-title"}, "The record of changes is not available"),
                               el("p", None, "This copy of the site cannot list its changes: " + record.reason))])
    parts = [intro]
    if record.shallow:
        parts.append(el("div", {"class": "admonition note"},
                        el("p", None, "This copy of the site was built from part of the project's history, "
                                      "so older changes are not listed.")))
    if not record.changes:
        parts.append(el("p", None, "No changes have been recorded yet."))
    parts += [change_item(change) for change in record.changes]
    return join(parts)


# --- The feed -------------------------------------------------------------------------------

def feed(record, site_url, site_name, now=None):
    """The Atom feed (bytes) of the newest changes. Links and ids are absolute, from site_url."""
    page_url = absolute_url(site_url, PAGE_PATH)
    generator = FeedGenerator()
    generator.id(absolute_url(site_url, FEED_PATH))
    generator.title("%s: what's changed" % site_name)
    generator.subtitle("Changes to the safeguarding contacts, procedures and guidance on %s." % site_name)
    generator.author({"name": site_name})
    generator.link(href=page_url, rel="alternate", type="text/html")
    generator.link(href=absolute_url(site_url, FEED_PATH), rel="self", type="application/atom+xml")
    generator.language("en-GB")
    changes = record.changes[:FEED_ENTRIES] if record.available else []
    generator.updated(changes[0].date if changes else (now or datetime.datetime.now(datetime.timezone.utc)))
    for change in changes:
        entry = generator.add_entry(order="append")
        entry.id(page_url + "#" + change.anchor)
        entry.title(change.subject)
        entry.link(href=page_url + "#" + change.anchor, rel="alternate", type="text/html")
        entry.updated(change.date)
        entry.published(change.date)
        entry.content(str(change_details(change)), type="html")
    return generator.atom_str(pretty=True)
