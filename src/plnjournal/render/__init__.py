"""Renderers: plain data in, text out, one module per format (`--format NAME` picks one).
`obsidian` is the one that makes many texts: {path: note} for a vault folder."""
