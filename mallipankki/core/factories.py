"""Test factories for users and their roles (factory_boy).

For tests only: factory_boy is a test dependency. Each app keeps the
factories of its own models in its `factories.py`; a factories module, being
part of its app, imports only its own app and the apps below it.
"""

import factory
from django.conf import settings
from django.contrib.auth.models import Group


class UserFactory(factory.django.DjangoModelFactory):
    """A user with no usable password (force_login needs none; hashing one costs time).

    `role` names the Wagtail group to add the user to, one of the names in
    `mallipankki.core.permissions` (e.g. `UserFactory(role=permissions.EDITORS)`).
    """

    username = factory.Sequence(lambda number: f"kayttaja{number}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.LazyAttribute(lambda user: user.username.capitalize())
    password = factory.django.Password(None)

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))
