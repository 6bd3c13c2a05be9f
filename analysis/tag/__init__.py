"""Tagging: the actor dictionary, lexicons, mentions, attribution, stances and moves.

Each tagger takes the loader's tables and returns its own. Imports ``analysis.text`` and
the basics (``analysis.resources``, ``analysis.schema``) only (never ``analysis.load``:
a tagger reads DataFrames).

The modules, from the shared base up:

- ``actors``: the actor dictionary and the affiliation walk; ``camel``: camel-tools data;
- ``matcher`` → ``mentions``: actor mentions; ``candidates``: names the dictionary lacks;
- ``lexicon`` (compiling cue lexicons) → ``cues`` (the packaged cue lexicons);
- ``clauses``: sentences (``Sent``) and the clause utilities every tagger uses;
- ``issues``, ``sources``: what claims are about, which outlets they cite;
- ``claims``: claim sentences and shared columns; ``holders``: holders and counterparts;
- the taggers: ``speakers`` → ``attribution``; ``stance``; ``positions``.
"""
