"""The files people download from the site, made from the checked data at each build: the
contacts as open data (open_data: Open Referral UK CSV and JSON), a vCard per contact and per
area (vcards), and the record of changes to the data with its Atom feed (amendments, from git
log). Nothing here depends on MkDocs."""
