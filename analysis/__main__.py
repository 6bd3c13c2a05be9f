"""``python -m analysis`` runs the same CLI as the ``analysis`` console script."""

from analysis.cli import main

raise SystemExit(main())
