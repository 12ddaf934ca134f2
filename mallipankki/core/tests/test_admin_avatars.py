"""The admin loads nothing from outside hosts: no Gravatar avatars."""

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory


def test_the_admin_shows_no_gravatar_image(client, db):
    editor = UserFactory(role=permissions.EDITORS, email="toimittaja@example.org")
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
