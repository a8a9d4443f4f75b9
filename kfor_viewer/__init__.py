"""kfor-viewer: read, extract and annotate UN Security Council documents on KFOR."""

__version__ = "0.1.0"
APP_NAME = "kfor-viewer"
