"""The style sheet of the export dialog's preview."""

from __future__ import annotations

# The HTML summary's look in the subset of CSS that QTextDocument understands.
PREVIEW_CSS = """
body { font-family: sans-serif; color: #1d232b; }
.kicker { color: #1f4e79; font-size: small; font-weight: bold; }
h1 { font-size: x-large; margin-top: 2px; }
h2 { color: #1f4e79; font-size: large; margin-top: 18px; }
h3 { font-size: medium; margin-top: 12px; }
.count, .period, .legend, .intro, .footer, .meta { color: #5b6673; }
table { border-collapse: collapse; }
th { text-align: left; font-weight: bold; padding: 3px 8px 3px 0; }
td { padding: 3px 8px; }
table.figures th, table.figures td, table.corrections th, table.corrections td {
  border-bottom: 1px solid #d5dbe1; }
table.identity th { color: #5b6673; }
.num { text-align: right; }
.change { font-weight: bold; background-color: #f3f6f9; }
.badge { font-size: small; font-weight: bold; }
.edited { color: #8a3b00; background-color: #fde2c8; }
.verified { color: #1d5e2a; background-color: #d8efdc; }
s { color: #5b6673; }
.tag { color: #23415f; background-color: #e4ebf2; }
.page { font-weight: bold; color: #1d232b; }
.orphan { color: #8a3b00; font-style: italic; }
.notice { color: #8a3b00; }
blockquote { margin: 2px 0 4px 16px; font-family: serif; font-size: medium; }
.note { margin-left: 16px; }
code { font-family: monospace; }
"""
