"""The page of one kept copy, /mallit/<practice-id>/arkisto/<copy-id>/, and its download."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mallipankki.practices.models import PracticePage

from .access import is_staff, visible_copy
from .models import CopyPermission


def _practice_and_copy(request, practice_id, copy_id):
    practices = PracticePage.objects.live()
    if not is_staff(request.user):
        practices = practices.public()
    practice = practices.filter(pk=practice_id).first()
    if practice is None:
        raise Http404
    copy = visible_copy(practice, copy_id, request.user)
    if copy is None:
        raise Http404
    return practice, copy


@require_safe
def copy_page(request, practice_id, copy_id):
    practice, copy = _practice_and_copy(request, practice_id, copy_id)
    resource = practice.resources.filter(url=copy.link.url).first()
    public = CopyPermission.objects.filter(practice=practice, url=copy.link.url, public=True).exists()
    response = render(
        request,
        "links/copy.html",
        {
            "practice": practice,
            "copy": copy,
            "resource": resource,
            "public": public,
            "versions": copy.link.copies.all() if is_staff(request.user) or public else [],
        },
    )
    if not public:
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def copy_download(request, practice_id, copy_id):
    practice, copy = _practice_and_copy(request, practice_id, copy_id)
    response = FileResponse(
        copy.file.open("rb"), as_attachment=True, filename=copy.file_name, content_type=copy.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
