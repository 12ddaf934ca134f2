import pytest

from mallipankki.planning import match_index


@pytest.fixture(autouse=True)
def fresh_match_index():
    """Each test matches against its own database state."""
    match_index.forget()
    yield
    match_index.forget()


@pytest.fixture
def only_concepts(db):
    """Replaces the thesaurus with the given concepts, as an editor saves them in
    the admin: each (slug, group, fi, sv, en), the labels one per line."""
    from mallipankki.thesaurus.models import Concept

    def replace(*concepts):
        Concept.objects.all().delete()
        return [
            Concept.objects.create(slug=slug, group=group, labels_fi=fi, labels_sv=sv, labels_en=en)
            for slug, group, fi, sv, en in concepts
        ]

    return replace
