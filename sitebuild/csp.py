"""The Content-Security-Policy of every page, for one build.

Every page gets its policy in a meta tag at the top of <head>, built from the page's own inline
scripts (their SHA-256 hashes; Material writes three). The same policies go into a _headers file
for static hosts that read one, with frame-ancestors 'none' and X-Frame-Options: DENY: no site
may show ours in a frame (a framed page can be overlaid to trick a tap). frame-ancestors only
works as a header; in a meta tag browsers ignore it and log an error, so the meta tags leave it
out.

Nothing here depends on MkDocs. A Policies object holds one build's pages, so a rebuild
(bin/serve) starts with none.
"""
import base64
import hashlib
import re

# The policy for every page. Scripts: our own files plus the hashes of the page's inline
# scripts. Styles: Material and the browser set style attributes. Images: Material's icons are
# data: URLs. Nothing may be loaded from any other host.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# The wizard page alone may also run PyScript. Its core builds functions from strings
# (new Function), which needs 'unsafe-eval', and compiles the interpreter's WebAssembly, which
# needs 'wasm-unsafe-eval'. No other page gets either.
WIZARD_SCRIPT_SRC = ["'unsafe-eval'", "'wasm-unsafe-eval'"]
# The search page alone may compile WebAssembly: Pagefind's search runs as WebAssembly, in the
# page itself (not in a worker, which a meta-tag policy would not cover).
SEARCH_SCRIPT_SRC = ["'wasm-unsafe-eval'"]
# Only in the _headers file (see above).
HEADER_ONLY = {"frame-ancestors": ["'none'"]}
OTHER_HEADERS = ("X-Frame-Options: DENY", "Referrer-Policy: no-referrer", "X-Content-Type-Options: nosniff",
                 "Permissions-Policy: interest-cohort=()")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def policy_for(scripts, wizard=False, header=False, search=False):
    """The policy as one line, for a page whose inline scripts are `scripts`."""
    policy = {key: list(value) for key, value in POLICY.items()}
    if header:
        policy.update({key: list(value) for key, value in HEADER_ONLY.items()})
    if wizard:
        policy["script-src"] += WIZARD_SCRIPT_SRC
    elif search:
        policy["script-src"] += SEARCH_SCRIPT_SRC
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        policy["script-src"].append("'sha256-%s'" % digest)
    return "; ".join("%s %s" % (key, " ".join(value)) for key, value in policy.items())


class Policies:
    """The policies of one build's pages: each page's is put in its <head> and remembered for
    the _headers file."""

    def __init__(self):
        self.pages = {}

    def apply(self, output, url, wizard=False, search=False):
        """output with its CSP meta tag first in <head>."""
        scripts = INLINE_SCRIPT.findall(output)
        self.pages[url] = (scripts, wizard, search)
        meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy_for(scripts, wizard, search=search)
        return output.replace("<head>", "<head>" + meta, 1)

    def headers_file(self):
        """The text of _headers: every page's policy as a header, and the headers that go with it."""
        lines = []
        for url, (scripts, wizard, search) in sorted(self.pages.items()):
            lines += ["/" + url, "  Content-Security-Policy: " + policy_for(scripts, wizard, header=True, search=search)]
            lines += ["  " + header for header in OTHER_HEADERS] + [""]
        return "\n".join(lines)
