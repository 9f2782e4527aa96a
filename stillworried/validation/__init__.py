"""The check of the data files, in parts: reading them (data_files), the schemas and the
English for their errors (schema_check, schema_messages), "did you mean" and the other hints
(suggestions), and the links between files that a schema cannot express (cross_checks).

stillworried.validate.check runs them all; callers use that."""
