"""Fuzzing the data loader: whatever an editor (or an accident) puts in a data file, the
loader answers with a :class:`DataError` naming the file and the key or line, never another
exception, and quickly.

Each example writes one hostile variant of one data file into a copy of ``data/`` and loads
the folder. Kinds of hostility: garbage bytes, wrong types and extreme numbers in place of a
real value, deep nesting, anchor and alias bombs, duplicate keys, explicit YAML tags, random
edits of the real text.
"""

from __future__ import annotations

import datetime
import functools
import operator
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.figures import Figures
from macros.data import DataError, load_data
from tests.support.build import ROOT

DATA = ROOT / "data"
FILES = sorted(name for _, name in Figures.files())
ORIGINALS = {name: (DATA / name).read_bytes() for name in FILES}
KEY_LINE = re.compile(r"^\s*[A-Za-z0-9_-]+:(\s|$)")  # a key, not a list item or a line of folded text
TIME_LIMIT = 2.0  # seconds of this process's CPU time for one load: a hostile file must not stall the build


SCALE = float(os.environ.get("DATA_FUZZ_SCALE", "1"))
"""Multiplies every example count below, for a deeper run: ``DATA_FUZZ_SCALE=10 pytest ...``."""


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=max(1, round(examples * SCALE)),
        deadline=None,  # load_with limits the CPU time instead: the clock depends on the machine's load
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(DATA, target)
    load_data(target)  # once untimed: the exchange-rate package reads its bundled history once per process
    return target


def _restore(folder: Path) -> None:
    for name, content in ORIGINALS.items():
        (folder / name).write_bytes(content)


def load_with(folder: Path, name: str, content: bytes) -> Figures | DataError:
    """Load ``folder`` with ``name`` replaced by ``content``; any exception but DataError fails."""
    _restore(folder)
    (folder / name).write_bytes(content)
    started = time.process_time()  # CPU time, not the clock: other processes on the machine do not count
    try:
        result: Figures | DataError = load_data(folder)
    except DataError as error:
        result = error
    elapsed = time.process_time() - started
    assert elapsed < TIME_LIMIT, f"loading took {elapsed:.2f} s of CPU time"
    if isinstance(result, DataError):
        assert result.problems, "a DataError must list its problems"
        for problem in result.problems:
            assert problem.file in {f"data/{file}" for file in FILES}, problem
            assert problem.key.strip(), problem
            assert problem.message.strip(), problem
            assert f"{problem.file}: {problem.key}: " in str(result)
        assert "Traceback" not in str(result)
    return result


def _rejected(folder: Path, name: str, content: bytes) -> DataError:
    result = load_with(folder, name, content)
    assert isinstance(result, DataError), f"accepted a hostile {name}"
    return result


# Values no data file should hold, and values that are fine somewhere but wrong elsewhere.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**18, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(min_size=2001, max_size=2100),
    st.dates(),
    st.binary(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.text(max_size=10), st.integers()), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _replace_at(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, *rest = path
    copy: Any = dict(node) if isinstance(node, dict) else list(node)
    copy[head] = _replace_at(node[head], tuple(rest), value)
    return copy


PARSED = {name: yaml.safe_load(ORIGINALS[name]) for name in FILES}


def _dump(value: Any) -> bytes:
    return yaml.dump(value, allow_unicode=True, sort_keys=False).encode("utf-8")


@fuzz(200)
@given(name=st.sampled_from(FILES), content=st.binary(max_size=2000))
def test_garbage_bytes(folder: Path, name: str, content: bytes) -> None:
    load_with(folder, name, content)


@pytest.mark.slow(seconds=17)
@fuzz(250)
@given(name=st.sampled_from(FILES), data=st.data())
def test_a_wrong_value_anywhere_names_its_key(folder: Path, name: str, data: st.DataObject) -> None:
    original = PARSED[name]
    path = data.draw(st.sampled_from(list(_paths(original))), label="path")
    value = data.draw(values, label="value")
    result = load_with(folder, name, _dump(_replace_at(original, path, value)))
    if isinstance(result, DataError) and len(path) > 1:
        # The problem is reported at the replaced key or at the record holding it, or at what the
        # old value named (a source no figure cites once its one citation is gone).
        keys = [problem.key for problem in result.problems]
        top = str(path[0])
        replaced = functools.reduce(operator.getitem, path, original)
        assert any(top in key or key == replaced or key.startswith(("line", "(")) for key in keys), (path, keys)


def test_a_source_left_uncited_is_named_where_it_lives(folder: Path) -> None:
    """Hypothesis found this case: a figure's only citation of a source removed."""
    path = ("de", "contributions", "zusatzbeitrag", "via")
    cited = functools.reduce(operator.getitem, path, PARSED["employer_costs.yaml"])
    result = load_with(folder, "employer_costs.yaml", _dump(_replace_at(PARSED["employer_costs.yaml"], path, None)))
    assert isinstance(result, DataError)
    assert [(problem.file, problem.key) for problem in result.problems] == [("data/sources.yaml", cited)]


@fuzz(40)
@given(name=st.sampled_from(FILES), depth=st.integers(min_value=33, max_value=5_000), flow=st.booleans())
def test_deep_nesting(folder: Path, name: str, depth: int, flow: bool) -> None:
    if flow:
        content = "key: " + "[" * depth + "]" * depth + "\n"
    else:
        content = "".join(f"{'  ' * level}k{level}:\n" for level in range(min(depth, 400))) + "  " * 400 + "x: 1\n"
    problem = _rejected(folder, name, content.encode())
    assert any("nested deeper" in p.message or "not valid YAML" in p.message for p in problem.problems)


@fuzz(40)
@given(name=st.sampled_from(FILES), levels=st.integers(min_value=1, max_value=30), width=st.integers(2, 10))
def test_alias_bombs(folder: Path, name: str, levels: int, width: int) -> None:
    lines = ["a0: &a0 [lol]"]
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    problem = _rejected(folder, name, ("\n".join(lines) + "\n").encode())
    assert any("aliases" in p.message for p in problem.problems)


@fuzz(60)
@given(name=st.sampled_from(FILES), data=st.data())
def test_a_duplicated_line_is_a_duplicate_key(folder: Path, name: str, data: st.DataObject) -> None:
    lines = ORIGINALS[name].decode().splitlines(keepends=True)
    candidates = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
    index = data.draw(st.sampled_from(candidates), label="line")
    lines.insert(index, lines[index])
    problem = _rejected(folder, name, "".join(lines).encode())
    assert any("duplicate key" in p.message for p in problem.problems), problem


TAGS = [
    "!!int",
    "!!float",
    "!!bool",
    "!!timestamp",
    "!!binary",
    "!!set",
    "!!omap",
    "!!pairs",
    "!!python/object:os.system",
]


@fuzz(150)
@given(name=st.sampled_from(FILES), tag=st.sampled_from(TAGS), text=st.text(max_size=30), data=st.data())
def test_explicit_tags(folder: Path, name: str, tag: str, text: str, data: st.DataObject) -> None:
    lines = ORIGINALS[name].decode().splitlines(keepends=True)
    candidates = [i for i, line in enumerate(lines) if line.rstrip().endswith(tuple("0123456789"))]
    if not candidates:
        candidates = [i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
    index = data.draw(st.sampled_from(candidates), label="line")
    key, _, _ = lines[index].partition(": ")
    lines[index] = f"{key}: {tag} {yaml.safe_dump(text, default_style=chr(34)).strip().removesuffix('...').strip()}\n"
    load_with(folder, name, "".join(lines).encode())


@pytest.mark.slow(seconds=26)
@fuzz(250)
@given(name=st.sampled_from(FILES), data=st.data())
def test_random_edits_of_the_real_text(folder: Path, name: str, data: st.DataObject) -> None:
    text = ORIGINALS[name].decode()
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        at = data.draw(st.integers(0, len(text)), label="at")
        cut = data.draw(st.integers(0, 8), label="cut")
        insert = data.draw(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@` \n\t0123456789e.x")), max_size=6))
        text = text[:at] + insert + text[at + cut :]
    load_with(folder, name, text.encode())


def test_huge_and_tiny_numbers_are_rejected_by_key(folder: Path) -> None:
    for number in ["1e400", "-1e400", "99999999999999999999999999999999", ".nan", "-.inf", "1e-400"]:
        text = ORIGINALS["bad_hire.yaml"].decode().replace("  min: 2\n", f"  min: {number}\n", 1)
        assert text != ORIGINALS["bad_hire.yaml"].decode(), "fixture is stale"
        result = load_with(folder, "bad_hire.yaml", text.encode())
        if number == "1e-400":
            continue  # 0.0: a valid (if odd) multiple
        assert isinstance(result, DataError), number
        assert any(p.key.startswith("cost") for p in result.problems), result


def test_the_untouched_data_loads(folder: Path) -> None:
    _restore(folder)
    assert isinstance(load_data(folder), Figures)
    assert datetime.date.today().year > 2000
