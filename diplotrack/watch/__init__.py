"""`diplotrack watch`: keep a database current from a list of feeds and pages.

    sources.py   the sources file -> Source records (or one-line SourceLineErrors)
    state.py     per source: validators, last poll, entries seen (tables watch_*)
    polite.py    per-host minimum interval, robots.txt
    poll.py      one poll of one source: conditional GET, then the ingest pipeline
    report.py    what a poll added: articles, stories, stories with a new report, actors
    runner.py    poll every source once, or loop until interrupted
    command.py   `diplotrack watch SOURCES` (the CLI's one call)
"""
