"""Test factories for link health: links with a status, kept copies and permissions."""

import hashlib
from datetime import UTC, datetime

import factory
from django.core.files.base import ContentFile

from .models import ArchivedCopy, CopyPermission, Link

CHECKED = datetime(2026, 3, 8, 9, 30, tzinfo=UTC)


class LinkFactory(factory.django.DjangoModelFactory):
    url = factory.Sequence(lambda number: f"https://hanke{number}.example/opas.pdf")
    host = factory.LazyAttribute(lambda link: link.url.split("/")[2])
    status = Link.Status.OK
    checked_at = CHECKED

    class Meta:
        model = Link


class ArchivedCopyFactory(factory.django.DjangoModelFactory):
    link = factory.SubFactory(LinkFactory)
    content = b"%PDF-1.4 test copy"
    file_name = "opas.pdf"
    sha256 = factory.LazyAttribute(lambda copy: hashlib.sha256(copy.content).hexdigest())
    source_sha256 = factory.LazyAttribute(lambda copy: copy.sha256)
    source_url = factory.LazyAttribute(lambda copy: copy.link.url)
    retrieved_at = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)
    last_seen_at = factory.LazyAttribute(lambda copy: copy.retrieved_at)
    content_type = "application/pdf"
    size = factory.LazyAttribute(lambda copy: len(copy.content))
    file = factory.LazyAttribute(lambda copy: ContentFile(copy.content, name=copy.file_name))

    class Meta:
        model = ArchivedCopy
        exclude = ["content"]


class CopyPermissionFactory(factory.django.DjangoModelFactory):
    public = True
    decided_at = CHECKED

    class Meta:
        model = CopyPermission
