import factory

from .models import Concept


class ConceptFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda number: f"kasite-{number}")
    group = "palvelut"
    labels_fi = factory.Sequence(lambda number: f"testikäsite{number}")
    labels_sv = factory.Sequence(lambda number: f"testbegrepp{number}")
    labels_en = factory.Sequence(lambda number: f"test concept{number}")

    class Meta:
        model = Concept
