import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mallipankki.settings")
application = get_wsgi_application()

# Load the planning matcher's index while the worker waits for its first
# requests (a minute at 100 000 practices); until it is loaded, matches come
# from the plain search. Only a server imports this module, so tests and
# management commands never start it.
from django.conf import settings  # noqa: E402

if settings.MATCH_INDEX_WARM_UP:
    from mallipankki.planning.match_index import warm_up

    warm_up()
