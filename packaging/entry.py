"""The frozen app's entry point (packaging/kfor-viewer.spec): `kfor-viewer` in the bundle."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The render worker is a "spawn" child: in a frozen app it re-runs this executable, and
    # freeze_support() turns that run into the child instead of a second app.
    multiprocessing.freeze_support()
    from kfor_viewer.cli import main

    sys.exit(main())
