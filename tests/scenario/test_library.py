"""The scenario library: found from anywhere, broken files listed, references resolved."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import hotseat
from hotseat.cli import main
from hotseat.scenario import library
from hotseat.scenario.library import (
    ScenarioError,
    builtin_dir,
    content_hash,
    load_library,
    load_scenario,
    resolve,
)
from hotseat.scenario.loader import ScenarioError as LoaderScenarioError

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "refund-delay.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")


def variant(folder: Path, ident: str, lang: str = "zh", difficulty: int = 2) -> Path:
    text = TEXT.replace("id: refund-delay", f"id: {ident}").replace("lang: zh", f"lang: {lang}")
    text = text.replace("difficulty: 2", f"difficulty: {difficulty}")
    (folder / lang).mkdir(parents=True, exist_ok=True)
    path = folder / lang / f"{ident}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_dir_is_the_checkout_folder_in_a_dev_install() -> None:
    assert not (Path(hotseat.__file__).parent / library.PACKAGED).exists()
    assert builtin_dir() == REPO / "scenarios"


def test_builtin_dir_prefers_the_copy_inside_an_installed_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(library, "PACKAGED", "scenario")  # any folder inside the package
    assert builtin_dir() == Path(hotseat.__file__).parent / "scenario"


def test_builtin_scenarios_are_found_from_any_working_directory(tmp_path: Path) -> None:
    code = (
        "from hotseat.scenario.library import builtin_dir, load_library\n"
        "lib = load_library()\n"
        "print(builtin_dir()); print(len(lib.scenarios) + len(lib.broken))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    where, count = run.stdout.split()
    assert Path(where) == REPO / "scenarios"
    assert int(count) == len(list((REPO / "scenarios").rglob("*.yaml")))


def test_library_sorts_by_language_difficulty_then_id(tmp_path: Path) -> None:
    variant(tmp_path, "b-hard", difficulty=4)
    variant(tmp_path, "a-hard", difficulty=4)
    variant(tmp_path, "z-easy", difficulty=1)
    variant(tmp_path, "a-easy", lang="en", difficulty=1)
    lib = load_library([tmp_path])
    assert [s.key for s in lib.scenarios] == ["zh/z-easy", "zh/a-hard", "zh/b-hard", "en/a-easy"]
    assert lib.broken == []
    assert lib.paths["zh/a-hard"] == tmp_path / "zh" / "a-hard.yaml"
    assert lib.get("en/a-easy").lang == "en"
    with pytest.raises(ScenarioError, match="did you mean zh/a-hard"):
        lib.get("zh/a-hadr")


def test_broken_files_are_listed_never_fatal_and_warnings_do_not_break(tmp_path: Path) -> None:
    variant(tmp_path, "good")
    (tmp_path / "zh" / "bad.yaml").write_text("version: 1\nid: [\n", encoding="utf-8")
    (tmp_path / "zh" / "misnamed.yaml").write_text(
        TEXT.replace("id: refund-delay", "id: other"), encoding="utf-8"
    )
    lib = load_library([tmp_path])
    assert [s.key for s in lib.scenarios] == ["zh/good", "zh/other"]  # S017 is a warning
    [bad] = lib.broken
    assert bad.path == tmp_path / "zh" / "bad.yaml"
    assert [d.code for d in bad.diagnostics] == ["S001"]


def test_two_files_with_one_id_are_both_broken(tmp_path: Path) -> None:
    variant(tmp_path / "one", "same")
    variant(tmp_path / "two", "same")
    lib = load_library([tmp_path / "one", tmp_path / "two"])
    assert lib.scenarios == []
    assert [[d.code for d in b.diagnostics] for b in lib.broken] == [["S010"], ["S010"]]


def test_load_scenario_raises_with_every_error(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(TEXT.replace("mood: 75", "mood: 750").replace("motives: [", "motives: [x, "))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert {d.code for d in caught.value.diagnostics} == {"S014", "S015"}
    assert f"{path}:" in str(caught.value)
    assert ScenarioError is LoaderScenarioError


def test_load_scenario_accepts_warnings(tmp_path: Path) -> None:
    path = tmp_path / "not-the-id.yaml"
    path.write_text(TEXT, encoding="utf-8")
    assert load_scenario(path).key == "zh/refund-delay"


def test_resolve_lang_id_and_paths() -> None:
    lib = load_library()
    if not lib.scenarios:
        pytest.skip("no built-in scenarios yet")
    first = lib.scenarios[0]
    assert resolve(first.key) == lib.paths[first.key]
    assert resolve(str(FIXTURE)) == FIXTURE


def test_resolve_unknown_lists_close_matches() -> None:
    lib = load_library()
    if not lib.scenarios:
        pytest.skip("no built-in scenarios yet")
    key = lib.scenarios[0].key
    with pytest.raises(ScenarioError, match=f"did you mean {key}"):
        resolve(key[:-1])
    with pytest.raises(ScenarioError, match="Known scenarios: "):
        resolve("xx/qqqqqqqqqqqqqqqqqqq")


def test_content_hash_is_the_sha256_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(FIXTURE.read_bytes())
    before = content_hash(path)
    assert before == hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    path.write_bytes(FIXTURE.read_bytes() + b"\n")
    assert content_hash(path) != before


def test_shipped_scenarios_lint_clean() -> None:
    """Fails when a content author's scenario is broken: its diagnostics are the message."""
    files = sorted((REPO / "scenarios").rglob("*.y*ml"))
    if not files:
        pytest.skip("no scenarios in scenarios/ yet")
    result = CliRunner().invoke(main, ["lint", str(REPO / "scenarios")])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("no problems."), result.output


def test_an_installed_wheel_carries_and_finds_the_scenarios(tmp_path: Path) -> None:
    builders = pytest.importorskip("hatchling.builders.wheel")
    [wheel] = builders.WheelBuilder(str(REPO)).build(
        directory=str(tmp_path / "dist"), versions=["standard"]
    )
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    code = "from hotseat.scenario.library import builtin_dir; print(builtin_dir())"
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert Path(run.stdout.strip()) == site / "hotseat" / "_scenarios"
    shipped = {p.relative_to(REPO / "scenarios") for p in (REPO / "scenarios").rglob("*.yaml")}
    inside = site / "hotseat" / "_scenarios"
    packed = {p.relative_to(inside) for p in inside.rglob("*.yaml")}
    assert packed == shipped


def test_scenario_modules_never_import_textual() -> None:
    code = (
        "import sys\n"
        "import hotseat.scenario.library, hotseat.scenario.lint, hotseat.scenario.schema\n"
        "import hotseat.cli.lint, hotseat.cli.schema\n"
        "print('textual' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.strip() == "False", run.stderr
