"""Every write: the journal and a request in, a `Change` (files written and removed, and why) out.

- `init`: a new journal; `create`: `pln add` and `pln log`; `edit`: `pln edit` in $EDITOR;
- `rename`: `pln rename` and `pln rm`, keeping every reference right; `attach`: evidence files;
- `set`, `merge`: `pln set` and `pln merge`; `tags`: `pln tag rename|merge` across every record;
  `undo`: `pln undo`, pln's last commit reverted by a commit; `batch`: the all-or-nothing writes
  they share;
- `intentions`: `pln next --done`; `reflect`: `pln reflect`'s file;
- `imports`: `pln import`, the rows an `importing` reader made (or, with `--dry-run`, the plan).

Each goes through `journal.atomic` under `journal.lock`; the CLI commits the `Change` with
`git.autocommit`. Nothing here imports `render` or `cli`.
"""
