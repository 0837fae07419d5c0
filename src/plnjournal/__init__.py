"""plnjournal: a journal of an educator's professional learning network, as Markdown under git."""

__version__ = "0.1.0"
