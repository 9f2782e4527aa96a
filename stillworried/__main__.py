import sys

from stillworried.cli import main

sys.exit(main())
