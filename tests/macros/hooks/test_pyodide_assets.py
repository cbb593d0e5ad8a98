"""The calculators' wheel is shipped as bytecode for the runtime's own Python: the rewrite of
the pure wheel (by hand-made wheels) and the compilation by Pyodide under Node."""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from macros.hooks.pyodide_assets import LOCK_FILE, compile_with_runtime, point_lock_at, sourceless_wheel
from tests.support.build import ROOT

DIST_INFO = "demo-1.0.dist-info"
DATE = (2020, 2, 2, 0, 0, 0)


def _pure_wheel(folder: Path, *, tag: str = "py3-none-any") -> Path:
    wheel = folder / f"demo-1.0-{tag}.whl"
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in (
            ("demo/__init__.py", "VALUE = 1\n"),
            ("demo/data.json", '{"a": 1}\n'),
            (f"{DIST_INFO}/WHEEL", f"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: {tag}\n"),
            (f"{DIST_INFO}/RECORD", "stale,,\n"),
        ):
            archive.writestr(zipfile.ZipInfo(name, date_time=DATE), text)
    return wheel


def _record(archive: zipfile.ZipFile) -> dict[str, str]:
    lines = archive.read(f"{DIST_INFO}/RECORD").decode().splitlines()
    return {line.split(",")[0]: line.split(",", 1)[1] for line in lines}


def test_a_pure_wheel_becomes_a_sourceless_wheel_for_one_python(tmp_path: Path) -> None:
    bytecode = b"\x00bytecode of demo"
    wheel = sourceless_wheel(_pure_wheel(tmp_path), "3.14", {"demo/__init__.py": bytecode})
    assert wheel.name == "demo-1.0-py314-none-any.whl"
    assert [path.name for path in tmp_path.iterdir()] == [wheel.name]  # the pure wheel is gone
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert sorted(names) == sorted(
            ["demo/__init__.pyc", "demo/data.json", f"{DIST_INFO}/WHEEL", f"{DIST_INFO}/RECORD"]
        )
        assert archive.read("demo/__init__.pyc") == bytecode
        assert archive.read("demo/data.json") == b'{"a": 1}\n'
        assert "Tag: py314-none-any" in archive.read(f"{DIST_INFO}/WHEEL").decode().splitlines()
        assert {archive.getinfo(name).date_time for name in names} == {DATE}
        record = _record(archive)
        assert record.pop(f"{DIST_INFO}/RECORD") == ","
        assert set(record) == set(names) - {f"{DIST_INFO}/RECORD"}
        for name, entry in record.items():
            content = archive.read(name)
            digest = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()
            assert entry == f"sha256={digest},{len(content)}"


def test_the_same_sources_give_the_same_wheel(tmp_path: Path) -> None:
    wheels = []
    for folder in (tmp_path / "a", tmp_path / "b"):
        folder.mkdir()
        wheels.append(sourceless_wheel(_pure_wheel(folder), "3.14", {"demo/__init__.py": b"x"}).read_bytes())
    assert wheels[0] == wheels[1]


def test_only_a_pure_wheel_is_compiled(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match="pure wheel"):
        sourceless_wheel(_pure_wheel(tmp_path, tag="cp314-cp314-emscripten_5_0_3_wasm32"), "3.14", {})


def test_the_lock_file_names_the_compiled_wheel_and_its_hash(tmp_path: Path) -> None:
    runtime_lock = json.loads((ROOT / "node_modules" / "pyodide" / LOCK_FILE).read_text(encoding="utf-8"))

    def entry(name: str, file_name: str) -> dict[str, object]:
        return {"name": name, "version": "1.0", "file_name": file_name, "install_dir": "site", "sha256": "0" * 64}

    lock_file = tmp_path / LOCK_FILE
    lock_file.write_text(
        json.dumps(
            {
                "info": runtime_lock["info"],
                "packages": {
                    "demo": {**entry("demo", "demo-1.0-py3-none-any.whl"), "imports": ["demo"]},
                    "other": entry("other", "other-1.0-py3-none-any.whl"),
                },
            }
        ),
        encoding="utf-8",
    )
    wheel = sourceless_wheel(_pure_wheel(tmp_path), "3.14", {"demo/__init__.py": b"x"})
    point_lock_at(lock_file, "demo-1.0-py3-none-any.whl", wheel)
    packages = json.loads(lock_file.read_text(encoding="utf-8"))["packages"]
    assert packages["demo"]["file_name"] == wheel.name
    assert packages["demo"]["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert packages["demo"]["imports"] == ["demo"]  # found from the sources, kept
    assert packages["other"]["file_name"] == "other-1.0-py3-none-any.whl"
    with pytest.raises(PluginError, match="expected one entry"):
        point_lock_at(lock_file, "missing-1.0-py3-none-any.whl", wheel)


def test_the_runtime_compiles_to_unchecked_hash_based_bytecode() -> None:
    source = b'"""A module."""\nANSWER = 6 * 7\n'
    python, compiled = compile_with_runtime({"demo/answer.py": source})
    lock = json.loads((ROOT / "node_modules" / "pyodide" / LOCK_FILE).read_text(encoding="utf-8"))
    assert lock["info"]["python"].startswith(python + ".")
    pyc = compiled["demo/answer.py"]
    # PEP 552: magic (4 bytes), flags (hash-based = 1, check_source = 0), source hash, code.
    assert int.from_bytes(pyc[4:8], "little") == 0b01
    assert b"demo/answer.py" in pyc  # tracebacks name the module, not a scratch file
    assert compile_with_runtime({"demo/answer.py": source})[1] == compiled


def test_a_module_that_does_not_compile_stops_the_build() -> None:
    with pytest.raises(PluginError, match=r"could not compile(.|\n)*SyntaxError"):
        compile_with_runtime({"demo/broken.py": b"def broken(:\n"})
