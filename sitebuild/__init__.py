"""The build's own steps: which pages the data makes (pages), the files the browser wizard runs
on (wizard_assets), the search index (site_search), each page's Content-Security-Policy (csp)
and the precompressed copies for static hosts (precompress). Nothing here depends on MkDocs;
the one module that does is mkdocs_hooks.py, which calls these."""
