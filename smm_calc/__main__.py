"""`python -m smm_calc` runs the command line `smm-calc`."""

from .cli import main

raise SystemExit(main())
