#!/usr/bin/env python3
"""Validates every example plan against assets/plan.schema.json with the independent
jsonschema package (Debian's python3-jsonschema), and checks that the malformed corpus
files the schema can judge are rejected by it too."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parents[2]
schema = json.loads((root / "assets/plan.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0
for path in sorted((root / "assets/examples").glob("*.mfplan.json")):
    errors = sorted(validator.iter_errors(json.loads(path.read_text())), key=lambda e: list(e.path))
    if errors:
        failed += 1
        for e in errors[:5]:
            print(f"FAIL {path.name}: /{'/'.join(map(str, e.path))}: {e.message}")
    else:
        passed += 1
# Files that are valid JSON but break the format: the schema must say so as well.
for name in ["wrong-type-name.json", "nan-string.json", "negative-tolerance.json", "unknown-field.json",
             "missing-project.json", "unknown-unit.json", "newer-version.json", "bad-id.json"]:
    doc = json.loads((root / "tests/data/malformed" / name).read_text())
    if validator.is_valid(doc):
        failed += 1
        print(f"FAIL schema accepts malformed {name}")
    else:
        passed += 1
print(f"schema: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
