"""One module per kind of divergence; each exposes ``check(pairs, ctx) -> list[Finding]``."""
