"""The peer finder's choices, apart from its numpy code so the CLI parser loads without it."""

SCALINGS = ("zscore", "minmax", "rank")
MISSING_POLICIES = ("renormalise", "exclude")
