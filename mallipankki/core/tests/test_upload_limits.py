"""core.upload_limits: a view's request size limit, enforced before and while its body is read.

The proposal form's use of it, through the whole middleware stack, is tested
in proposals/tests/test_uploads.py.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParser
from django.test import RequestFactory
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from mallipankki.core.upload_limits import LimitedUploadHandler, UploadLimitMiddleware, UploadTooLarge, upload_limit

MB = 1024 * 1024


class CountingStream(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.read_bytes = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.read_bytes += len(chunk)
        return chunk


@upload_limit(1 * MB)
def limited_view(request):
    return HttpResponse(f"{len(request.FILES)} files")


def plain_view(request):
    return HttpResponse("ok")


def multipart(files: int, size: int) -> bytes:
    return encode_multipart(
        BOUNDARY, {"nimi": "Maija", "liitteet": [SimpleUploadedFile(f"{n}.pdf", bytes(size)) for n in range(files)]}
    )


def post(body: bytes, length: int | None = None):
    request = RequestFactory().generic("POST", "/lomake/", body, content_type=MULTIPART_CONTENT)
    stream = CountingStream(body)
    request._stream = stream
    if length is not None:
        request.META["CONTENT_LENGTH"] = str(length)
    return request, stream


def test_the_upload_handler_stops_an_upload_as_soon_as_it_grows_past_the_limit():
    body = multipart(files=1, size=5 * MB)
    request, stream = post(body)
    parser = MultiPartParser(request.META, stream, [LimitedUploadHandler(request, 1 * MB)])
    with pytest.raises(UploadTooLarge):
        parser.parse()
    assert stream.read_bytes < 2 * MB  # not the 5 MB that were sent


def test_a_declared_length_over_the_limit_is_answered_413_unread(db):
    request, stream = post(multipart(files=1, size=2 * MB))
    response = UploadLimitMiddleware(limited_view).process_view(request, limited_view, (), {})
    assert response.status_code == 413
    assert stream.read_bytes == 0
    assert "Yhdessä lähetyksessä saa olla enintään 1 Mt." in response.content.decode()


def test_a_body_longer_than_it_declared_is_stopped_while_read(db):
    # Declared under the limit, but the stream holds more (as an undeclared, chunked body would):
    # the handler counts what arrives and stops.
    request, stream = post(multipart(files=1, size=3 * MB), length=1 * MB - 1)
    response = UploadLimitMiddleware(limited_view).process_view(request, limited_view, (), {})
    assert response.status_code == 413
    assert stream.read_bytes < 2 * MB


def test_too_many_files_are_answered_413_at_the_first_file_too_many(db, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 5
    body = multipart(files=8, size=50_000)
    request, stream = post(body, length=len(body))
    response = UploadLimitMiddleware(limited_view).process_view(request, limited_view, (), {})
    assert response.status_code == 413
    assert "Voit liittää enintään 5 tiedostoa." in response.content.decode()
    assert stream.read_bytes < 7 * 50_000 + 70_000


def test_within_the_limit_the_request_goes_on_parsed():
    body = multipart(files=2, size=100_000)
    request, stream = post(body, length=len(body))
    assert UploadLimitMiddleware(limited_view).process_view(request, limited_view, (), {}) is None
    assert stream.read_bytes == len(body)
    assert len(request.FILES.getlist("liitteet")) == 2
    assert request.POST["nimi"] == "Maija"


def test_views_without_a_limit_and_other_methods_are_left_alone():
    request, stream = post(multipart(files=1, size=2 * MB))
    assert UploadLimitMiddleware(plain_view).process_view(request, plain_view, (), {}) is None
    get = RequestFactory().get("/lomake/")
    assert UploadLimitMiddleware(limited_view).process_view(get, limited_view, (), {}) is None
    assert stream.read_bytes == 0
