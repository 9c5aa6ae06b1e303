"""Every command of the `dossier` CLI is documented in the README, with every long option it takes."""

from __future__ import annotations

import pytest

from dossier.cli import main

COMMANDS = sorted(main.commands.items())


@pytest.mark.parametrize("name, command", COMMANDS, ids=[name for name, _ in COMMANDS])
def test_command_and_its_options_are_in_the_readme(repo_root, name, command):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    assert f"dossier {name}" in readme
    undocumented = [opt for p in command.params for opt in getattr(p, "opts", []) if opt.startswith("--")
                    and opt not in readme]
    assert undocumented == []
