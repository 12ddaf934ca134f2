"""System checks of core's settings: `manage.py check --deploy` says what production lacks."""

from django.conf import settings
from django.core.checks import Warning


def trusted_proxies_check(app_configs, **kwargs):
    """Production trusts the proxy's X-Forwarded-Proto, so it is behind a proxy: the rate limit must know it."""
    if not getattr(settings, "SECURE_PROXY_SSL_HEADER", None) or getattr(settings, "PROPOSAL_TRUSTED_PROXIES", 0):
        return []
    return [
        Warning(
            "PROPOSAL_TRUSTED_PROXIES is 0 although the site runs behind a proxy (SECURE_PROXY_SSL_HEADER is set): "
            "every visitor has the proxy's address, so the public forms' rate limit is one shared limit that "
            "one person can use up for everyone.",
            hint="Set PROPOSAL_TRUSTED_PROXIES to the number of proxies in front of the app (1 for one nginx) "
            "and let the app be reached only through them (README: Production deployment).",
            id="mallipankki.W002",
        )
    ]


def page_cache_models_check(app_configs, **kwargs):
    """A label in PAGE_CACHE_INVALIDATED_BY that names no model: its changes would leave pages stale.

    A label of an app that is not installed is not reported: a deployment may
    leave an app out, and then nothing of it is on the pages either.
    """
    from django.apps import apps

    warnings = []
    for label in settings.PAGE_CACHE_INVALIDATED_BY:
        app_label = label.partition(".")[0]
        if not any(config.label == app_label for config in apps.get_app_configs()):
            continue
        try:
            apps.get_model(label)
        except (LookupError, ValueError):
            warnings.append(
                Warning(
                    f"PAGE_CACHE_INVALIDATED_BY names {label!r}, which is no model of an installed app: "
                    "its changes do not clear the page cache.",
                    hint="Correct or remove the label in settings.py (README: Caching).",
                    id="mallipankki.W003",
                )
            )
    return warnings
