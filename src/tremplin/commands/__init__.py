"""CLI verb groups, one module per area.

Each module exposes ``register(root, groups)``: it adds its verbs to the root app and,
where it has them, its ``evaluate`` and ``train`` sub-commands to ``groups``.
Modules import only typer and the standard library at top level: ``tremplin --help``
must start in well under half a second, so heavy imports happen inside the commands.
"""
