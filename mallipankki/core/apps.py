from django.apps import AppConfig
from django.core.checks import Tags, register

from .checks import page_cache_models_check, trusted_proxies_check


class CoreConfig(AppConfig):
    name = "mallipankki.core"
    label = "core"
    verbose_name = "Mallipankki"

    def ready(self):
        register(trusted_proxies_check, Tags.security, deploy=True)
        register(page_cache_models_check, Tags.caches)

        from .page_cache import connect_signals

        connect_signals()

        from .admin_denied import install

        install()
