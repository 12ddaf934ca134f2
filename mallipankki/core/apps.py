from django.apps import AppConfig
from django.core.checks import Tags, register

from .checks import trusted_proxies_check


class CoreConfig(AppConfig):
    name = "mallipankki.core"
    label = "core"
    verbose_name = "Mallipankki"

    def ready(self):
        register(trusted_proxies_check, Tags.security, deploy=True)

        from .admin_denied import install

        install()
