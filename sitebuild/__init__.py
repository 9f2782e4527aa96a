"""The build's own steps: the checked data (checked_data), which pages the data makes and the
functions the pages in docs/ call (pages), the navigation and the header (navigation, header),
the files the browser wizard runs on (wizard_assets), the search index (site_search), each
page's Content-Security-Policy (csp), the service worker (offline) and the precompressed copies
for static hosts (precompress). Nothing here imports MkDocs; the one module that does is
mkdocs_hooks.py, which calls these."""
