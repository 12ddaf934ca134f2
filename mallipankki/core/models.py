"""The one table core keeps: the lock rows of the public forms' rate limits (see public_forms)."""

from django.db import models


class RateLimitLock(models.Model):
    """A row that submissions of one form from one group of addresses take in turn.

    `public_forms.within_rate_limit` writes this row first in its transaction,
    then counts the address's recent submissions and stores the new one: the
    write holds the row lock on PostgreSQL and the database's write lock on
    SQLite until the transaction ends, so two submissions from one address
    cannot both count the same rows. The addresses are spread over
    `public_forms.LOCK_SHARDS` rows per form by their keyed hash: the table
    stays small and holds nothing about any address.
    """

    scope = models.CharField(max_length=100)  # the form's model, e.g. "proposals.proposal"
    shard = models.PositiveSmallIntegerField()
    used_at = models.DateTimeField()

    class Meta:
        default_permissions = ()
        constraints = [models.UniqueConstraint(fields=["scope", "shard"], name="core_ratelimitlock_scope_shard")]

    def __str__(self):
        return f"{self.scope}/{self.shard}"
