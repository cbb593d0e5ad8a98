"""A strict YAML reader for the data files.

PyYAML's ``safe_load`` quietly keeps the last of two equal keys and expands aliases, so a
typo can hide a figure and a crafted file can make the build walk an exponential tree.
This reader refuses both, limits nesting and size, and reports every problem as a
:class:`YamlProblem` carrying the key path where it was found.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_BYTES = 1_000_000
MAX_DEPTH = 32


class YamlProblem(Exception):
    """The file is not YAML this project accepts; ``key`` is the path to the fault."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without aliases, and with dates left as text for the schema to check.

    (PyYAML would turn ``2026-13-45`` into an exception with no key path; the schema's
    date type reports it against the key instead.)
    """

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class attribute
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    _depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(
                None, None, "anchors and aliases (*name) are not allowed in data files", event.start_mark
            )
        # Stop deep nesting while reading, before Python's recursion limit (slow) is reached.
        if self._depth > MAX_DEPTH:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(None, None, f"nested deeper than {MAX_DEPTH} levels", event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        """Report a value PyYAML cannot build (``!!int abc``, ``!!bool ""``) at its line.

        PyYAML's constructors raise whatever the conversion raises (ValueError, KeyError,
        IndexError, AttributeError...: found by tests/macros/test_data_fuzz.py).
        """
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except Exception as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"a value cannot be read ({error})", node.start_mark
            ) from None


def _path(parts: list[str]) -> str:
    return ".".join(parts) if parts else "(top level)"


def _check(node: Node, parts: list[str]) -> None:
    """Refuse duplicate keys, non-scalar keys and deep nesting, naming where."""
    if len(parts) > MAX_DEPTH:
        raise YamlProblem(_path(parts), f"nested deeper than {MAX_DEPTH} levels")
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(_path(parts), "a key must be a plain word, not a list or mapping")
            key = str(key_node.value)
            if key == "<<":
                raise YamlProblem(_path(parts), "merge keys (<<) are not allowed in data files")
            if key in seen:
                line = key_node.start_mark.line + 1
                raise YamlProblem(_path([*parts, key]), f"duplicate key (again on line {line})")
            seen.add(key)
            _check(value_node, [*parts, key])
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _check(item, [*parts, f"[{index}]"])


def load_yaml(text: str) -> Any:
    """Parse one YAML document strictly. Raises :class:`YamlProblem`."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise YamlProblem("(file)", f"larger than {MAX_BYTES:,} bytes")
    try:
        loader = _StrictLoader(text)  # the reader refuses control characters here
    except yaml.YAMLError as error:
        raise YamlProblem("(file)", f"not valid YAML: {error}") from None
    try:
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _check(node, [])
            return loader.construct_document(node)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
            raise YamlProblem(where, f"not valid YAML: {error.problem or error.context}") from None
        except yaml.YAMLError as error:
            raise YamlProblem("(file)", f"not valid YAML: {error}") from None
        except (ValueError, TypeError, OverflowError) as error:
            raise YamlProblem("(file)", f"a value cannot be read: {error}") from None
        except RecursionError:
            raise YamlProblem("(file)", f"nested deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
