"""git, after a write: `repository` (the few git commands pln runs), `autocommit` (commit exactly the
files a `Change` touched, marked `Made-by: pln` for `pln undo`) and `sync` (pull --rebase and push,
conflicts explained).
"""
