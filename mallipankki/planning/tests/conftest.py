import pytest

from mallipankki.planning import match_index


@pytest.fixture(autouse=True)
def fresh_match_index():
    """Each test matches against its own database state."""
    match_index.forget()
    yield
    match_index.forget()
