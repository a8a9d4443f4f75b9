"""Qt widgets: the main window and one module per panel, over the core."""
