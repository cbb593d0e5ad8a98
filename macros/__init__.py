"""Facts to Markdown: the build-time side of the guide (data schemas, macros, MkDocs hooks).

MkDocs loads this package as the macros module (``module_name: macros`` in mkdocs.yml).
"""

from macros.main import define_env, on_post_build, on_post_page_macros, on_pre_page_macros

__all__ = ["define_env", "on_post_build", "on_post_page_macros", "on_pre_page_macros"]
