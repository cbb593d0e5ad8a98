"""MkDocs hooks (listed under ``hooks:`` in mkdocs.yml), one job each."""
