"""git, after a write: `repository` (the few git commands pln runs), `autocommit` (commit exactly the
files a `Change` touched) and `sync` (pull --rebase and push, conflicts explained).
"""
