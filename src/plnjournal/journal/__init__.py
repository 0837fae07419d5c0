"""The journal: files <-> records. The first step of the pipeline (load), and the one way to write.

- `settings`: finding the journal and reading pln.yaml; `userconfig`: the user's default journal;
- `ids`: slugs; `files`: the one walker over a kind's Markdown files, and the folders a journal holds;
- `fileformat`: front-matter text, bodies kept byte for byte (`simple_yaml` reads and writes the
  common simple front matter, `yaml_dialect` the rest); `schema`: front-matter <-> records;
- `parse`: one file -> one record + Problems; `load`: the whole journal -> `Loaded`;
  `walk`, `scan`, `cache`, `packed`: the fast path (the stat walk, in two halves at once on a big
  journal; the SQLite index in `.pln/`; parallel parsing);
- `refs`: references by id or name; `lookup`: one record by id or name; `vocabulary`: closed lists;
- `templates`: entry templates; `atomic`: the one atomic writer; `lock`: the journal's lock;
  `writer`: a record's stable text, saved through `atomic`.

Nothing here imports `ops`, `reports`, `render` or `cli`.
"""
