"""The data contract, bottom layer: the tables' columns, vocabularies and checks (`schema`,
`kinds`, `vocab`), the reference tables (`registry`), validation, cleaning and loading, and
the tables as of a date (`edition`). It imports nothing from the layers above it."""
