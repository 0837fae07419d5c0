"""Renderers: plain data in, text out, one module per format (`--format NAME` picks one)."""
