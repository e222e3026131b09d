"""The loader: positions of every value, plain data only, and no input that makes it raise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hotseat.scenario.loader import MAX_BYTES, load_bytes, load_file

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "refund-delay.yaml"


def codes(raw: bytes) -> list[str]:
    return [d.code for d in load_bytes(raw, "t.yaml").diagnostics]


def test_fixture_loads_with_the_editor_schema_comment_on_its_first_line() -> None:
    assert FIXTURE.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    loaded = load_file(FIXTURE)
    assert loaded.diagnostics == []
    assert loaded.scenario is not None and loaded.scenario.key == "zh/refund-delay"


def test_places_are_one_based_and_count_characters_not_bytes() -> None:
    loaded = load_file(FIXTURE)
    text = FIXTURE.read_text(encoding="utf-8").splitlines()
    for loc, place in loaded.places.items():
        value = loaded.data
        for part in loc:
            value = value[part]
        if isinstance(value, str) and place.raw is not None:  # an unquoted scalar
            assert text[place.line - 1][place.col - 1 :].startswith(value), loc
    tag = loaded.places[("tags", 1)]
    assert (tag.line, tag.col) == (8, 12)  # after "tags: [退款, " in characters
    persona = loaded.places[("persona",)]
    assert (persona.key_line, persona.key_col, persona.line, persona.col) == (9, 1, 10, 3)


def test_every_problem_in_one_pass() -> None:
    raw = b"""version: 1
id: x
lang: fr
title: t
description: d
difficulty: 9
persona: {name: n, who: w, motives: [vent], mood: loud}
facts: []
lines: {opening: [a], hang_up: [b]}
"""
    loaded = load_bytes(raw, "t.yaml")
    found = {(d.line, d.code) for d in loaded.diagnostics}
    assert {(3, "S015"), (6, "S014"), (7, "S004"), (8, "S014")} <= found


def test_duplicate_keys_are_reported_not_silently_overwritten() -> None:
    raw = b"a: 1\nb: 2\na: 3\n"
    [dup, *_] = load_bytes(raw, "t.yaml").diagnostics
    assert (dup.line, dup.col, dup.code) == (3, 1, "S006")
    assert "first at line 1" in dup.message


def test_yaml_1_1_booleans_get_a_quote_hint_where_text_is_expected() -> None:
    raw = FIXTURE.read_bytes().replace(
        "thanks: [谢什么谢，先把事情办了。]".encode(), b"thanks: [off]"
    )
    [d] = load_bytes(raw, "t.yaml").diagnostics
    assert d.code == "S004" and "unquoted off" in d.message and "quote" in d.message


def test_explicit_str_tag_is_plain_data_but_python_tags_are_refused() -> None:
    ok = FIXTURE.read_bytes().replace(b"difficulty: 2", b"difficulty: 2\nignore: [!!str 123]")
    assert codes(ok) == []
    evil = b"a: !!python/object/apply:os.system [echo hi]\n"
    assert "S020" in codes(evil)


def test_syntax_errors_point_at_the_problem() -> None:
    [d] = load_bytes(b"a: 1\nb: [1, 2\n", "t.yaml").diagnostics
    assert d.code == "S001" and d.line == 3


def test_control_characters_are_a_syntax_error_with_position() -> None:
    [d] = load_bytes(b"a: 1\nb: x\x00y\n", "t.yaml").diagnostics
    assert (d.line, d.col, d.code) == (2, 5, "S001")


def test_two_documents_are_a_syntax_error() -> None:
    assert codes(b"a: 1\n---\nb: 2\n") == ["S001"]


def test_not_utf8_names_the_first_bad_byte_and_utf16() -> None:
    [d] = load_bytes("a: 1\nb: 好".encode("gbk"), "t.yaml").diagnostics
    assert (d.line, d.col, d.code) == (2, 4, "S002")
    [d] = load_bytes("a: 1".encode("utf-16"), "t.yaml").diagnostics
    assert d.code == "S002" and "UTF-16" in d.message


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    assert codes(b"\xef\xbb\xbf" + FIXTURE.read_bytes()) == []


def test_empty_and_non_mapping_documents() -> None:
    assert codes(b"") == ["S012"]
    assert codes(b"# only a comment\n\n") == ["S012"]
    assert codes(b"---\n") == ["S012"]
    assert codes(b"just text\n") == ["S013"]
    assert codes(b"[1, 2]\n") == ["S013"]


def test_a_file_over_the_size_limit_is_refused_without_being_parsed(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * (10 * 1024 * 1024) + b"\n")
    [d] = load_file(big).diagnostics
    assert d.code == "S018" and f"{MAX_BYTES:,}" in d.message


def test_a_missing_file_is_a_diagnostic(tmp_path: Path) -> None:
    [d] = load_file(tmp_path / "nope.yaml").diagnostics
    assert d.code == "S026" and d.path.endswith("nope.yaml")


def test_a_directory_given_as_a_file_is_a_diagnostic(tmp_path: Path) -> None:
    [d] = load_file(tmp_path).diagnostics
    assert d.code == "S026"


def test_alias_expansion_is_bounded_before_anything_is_expanded() -> None:
    levels = ["a0: &a0 [" + ", ".join(["x"] * 10) + "]"]
    for i in range(1, 9):  # 10**9 values if expanded
        levels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    [d] = load_bytes("\n".join(levels).encode(), "t.yaml").diagnostics
    assert d.code == "S019" and d.line == 5  # a4, the first level past 100,000 values


def test_modest_aliases_are_plain_data() -> None:
    tags = "tags: [退款, 电商]".encode()
    raw = FIXTURE.read_bytes().replace(tags, b"tags: &t [a, b]\ndrill_lines: {opening: *t}")
    loaded = load_bytes(raw, "t.yaml")
    assert loaded.diagnostics == []
    assert loaded.scenario is not None
    assert [*loaded.scenario.drill_lines.values()] == [["a", "b"]]


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    raw = b"a: " + b"[" * 5000 + b"]" * 5000
    assert codes(raw) == ["S019"]


def test_model_level_checks_point_at_the_key_they_name() -> None:
    raw = FIXTURE.read_bytes().replace("  hang_up: [算了，我直接去投诉你们！]\n".encode(), b"")
    [d] = load_bytes(raw, "t.yaml").diagnostics
    assert d.code == "S015" and "hang_up" in d.message
    assert (d.line, d.col) == (43, 1)


yamlish = st.lists(
    st.sampled_from([*"ab: -[]{},&*!|>'\"#\n\t?%@`~012好：", "  ", "\n  ", "&a ", "*a", "<<"]),
    max_size=80,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(yamlish)
def test_no_text_makes_the_loader_raise(text: str) -> None:
    loaded = load_bytes(text.encode("utf-8"), "fuzz.yaml")
    for d in loaded.diagnostics:
        assert d.line >= 1 and d.col >= 1


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_make_the_loader_raise(raw: bytes) -> None:
    load_bytes(raw, "fuzz.yaml")


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_mutated_valid_scenarios_never_raise(data: st.DataObject) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 20)))
    insert = data.draw(yamlish)
    load_bytes((text[:start] + insert + text[end:]).encode("utf-8"), "fuzz.yaml")


def test_python_tags_never_run(tmp_path: Path) -> None:
    target = tmp_path / "made"
    raw = f"a: !!python/object/apply:os.mkdir [{str(target)!r}]\n".encode()
    assert "S020" in codes(raw)
    assert not target.exists()
