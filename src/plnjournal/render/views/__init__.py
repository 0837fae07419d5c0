"""How each report looks: one module per report, each with `table(data)` (rich renderables or
plain text), `markdown(data) -> str` and `csv(data) -> str`."""
