import sys

from kfor_viewer.cli import main

sys.exit(main())
