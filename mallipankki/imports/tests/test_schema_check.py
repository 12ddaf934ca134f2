"""The quick record check must give jsonschema's verdict on every record.

The importer trusts a yes from the compiled check (the quick twin of
validation.record_validators) without asking jsonschema, so a record it lets through that jsonschema
refuses would be imported unchecked. Each generated record is broken in
every place in many ways, and both must agree on each.
"""

import copy

from bench.generate_corpus import generate_practices
from mallipankki.imports.validation import record_validators, schema_errors

ODD_VALUES = [None, True, 1, 1.0, -1, 2.5, "", "x", "2024-02-30", "x" * 300, "javascript:alert(1)", [], ["x", "x"], {}]


def _places(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from _places(value, (*path, position))


def _copy_at(record, path):
    """A deep copy of `record`, and in it the container that holds `path`'s last step."""
    copied = copy.deepcopy(record)
    parent = copied
    for part in path[:-1]:
        parent = parent[part]
    return copied, parent


def _variants(record):
    for path in _places(record):
        if not path:
            continue
        for value in ODD_VALUES:
            broken, parent = _copy_at(record, path)
            parent[path[-1]] = value
            yield broken
        dropped, parent = _copy_at(record, path)
        del parent[path[-1]]
        yield dropped
        if isinstance(parent, dict):
            parent["lisakentta"] = "x"
            yield dropped


def test_the_quick_check_and_jsonschema_agree_on_every_broken_record():
    validator, quick_check = record_validators()
    checked = refused = 0
    for record in generate_practices(2, seed=7):
        for variant in _variants(record):
            expected = list(validator.iter_errors(variant))
            assert bool(schema_errors(variant, quick_check, validator)) == bool(expected), variant
            checked += 1
            refused += bool(expected)
    # The variants must exercise both verdicts many times over.
    assert checked > 800 and 300 < refused < checked
