"""What the notebooks show: summary tables, HTML rendering and plotly figures.

Views take a tables object and return DataFrames, ``html.HtmlTable`` or figures. They read
their rows through a few providers (``providers``, ``rows``) and import ``text`` and
``tag`` (labels, lexicon data); never ``panel`` or ``report``. ``analysis.panel`` installs
faster versions of the providers when it is imported; without it every view gives the same
output from the plain pandas code.

By what they hold: ``rows`` (the rows every view reads), ``labels`` (names of actors,
issues, speakers, source chains), ``hovers`` (evidence), ``html`` (rendered tables),
``figures`` (the house figure: template, layout, constructors), ``menus`` (per-outlet
menus); per notebook: ``corpus_tables``/``corpus_figures`` (01),
``mention_codes``/``mention_tables``/``mention_figures`` (02),
``stance_data``/``stance_tables``/``stance_figures`` (03) and
``position_data``/``position_compare``/``position_tables``/``position_marks``/
``position_figures`` (04).
"""
