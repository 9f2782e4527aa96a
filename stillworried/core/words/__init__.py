"""Every sentence a reader sees, written once (issue 24): the engine, the flow, the answer view,
the glue, the command line and the pages take their words from here, as Material takes its
interface's words from its language partial. A module per kind of words:

- dates: dates, spans of time and closed days in the GOV.UK style, and what is wrong with a date;
- limits: a time limit's rule, label, status and how its date was counted;
- answers: the answer's verdicts (due, overdue, which limit comes first, what happens next,
  "where should I be today?") and what the engine cannot answer;
- contacts: contact cards, where a number comes from, opening hours, the contacts pages;
- questions: the wizard's questions, their hints and boxes, their messages and the page around them;
- emergency: what to do if a child is in immediate danger, wherever the site says it;
- page: the answer page's headings, disclosures, check-answers rows, buttons, the calendar file
  and the command line's lines;
- pages: the build's pages' own words (a procedure's, an area's, guidance, forms, the source
  line), which the wizard never shows, so the phone's build leaves them out.

Plain strings and functions of plain values only: runs under CPython, MicroPython and Pyodide,
and imports nothing but datetime, so every other module may use it.
"""
