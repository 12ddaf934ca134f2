"""Size limits for upload views, enforced before the request body is read.

A view declares its limit with `@upload_limit(max_bytes)`. `UploadLimitMiddleware`
(placed before CsrfViewMiddleware, which is the first to read a POST body) then

- answers 413 with a Finnish page when the request's Content-Length is over the
  limit, without reading the body;
- otherwise parses the body at once, under an upload handler that stops the
  upload as soon as the files received grow past the limit (a body whose
  length was not declared, or declared wrongly) and under Django's
  DATA_UPLOAD_MAX_NUMBER_FILES, which stops at the first file too many:
  both answer the same page.

The proxy in front (nginx `client_max_body_size`, see README) should refuse
the same sizes before they reach the application at all.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.core.files.uploadhandler import FileUploadHandler
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render

MEGABYTE = 1024 * 1024


def upload_limit(max_bytes: int):
    """Marks a view: a request to it may be at most `max_bytes` long."""

    def mark(view):
        view.upload_limit = max_bytes
        return view

    return mark


class UploadTooLarge(MultiPartParserError):
    """The files of the request grew past its limit while it was read."""


class LimitedUploadHandler(FileUploadHandler):
    """Counts the file bytes as they arrive and stops the upload beyond `limit`."""

    def __init__(self, request, limit: int):
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            raise UploadTooLarge(f"Upload exceeded {self.limit} bytes")
        return raw_data

    def file_complete(self, file_size):
        return None


def declared_length(request) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None


def too_large(request, limit: int, reason: str):
    context = {
        "limit_mb": limit // MEGABYTE,
        "max_files": settings.DATA_UPLOAD_MAX_NUMBER_FILES,
        "reason": reason,
        "back": request.path,
    }
    return render(request, "core/upload_too_large.html", context, status=413)


class UploadLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        limit = getattr(view_func, "upload_limit", None)
        if limit is None or request.method != "POST":
            return None
        length = declared_length(request)
        if length is not None and length > limit:
            return too_large(request, limit, "size")
        request.upload_handlers.insert(0, LimitedUploadHandler(request, limit))
        try:
            request.POST  # noqa: B018 - read now, under the limits
        except UploadTooLarge:
            return too_large(request, limit, "size")
        except TooManyFilesSent:
            return too_large(request, limit, "files")
        except RequestDataTooBig:
            return too_large(request, limit, "size")
        return None
