"""Import of interchange files in the Wagtail admin: upload, review, confirm.

The uploaded file is checked with a dry run (everything validated, the
writes rolled back) so that staff see every problem, or exactly how many
practices would be created and updated, before anything changes.
"""

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .importer import import_file
from .locking import ImportRunning
from .validation import ImportFileError

MAX_IMPORT_SIZE = 200 * 1024 * 1024


def upload_dir() -> Path:
    path = Path(settings.DATA_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def can_import(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("practices.add_practicepage"))


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tuontitiedosto (JSON)"),
        help_text=_("Mallien siirtomuoto practices-v1. Suuret tiedostot kannattaa tuoda komennolla import_practices."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_SIZE:
            raise forms.ValidationError(_("Tiedosto on liian suuri (enintään 200 Mt)."))
        head = upload.read(64).lstrip()
        upload.seek(0)
        if not head.startswith(b"{"):
            raise forms.ValidationError(_("Tiedosto ei ole JSON-tiedosto: sen pitää alkaa merkillä {."))
        return upload


class ImportConfirmForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)


class ImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "imports/admin/import.html"
    form_class = ImportUploadForm
    page_title = _("Tuo malleja")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied(_("Mallien tuonti kuuluu toimittajille ja ylläpitäjille."))
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(ImportConfirmForm(request.POST))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        token = uuid.uuid4()
        path = upload_dir() / f"{token}.json"
        with open(path, "wb") as out:
            for chunk in form.cleaned_data["file"].chunks():
                out.write(chunk)
        try:
            result = import_file(path, dry_run=True)
        except (ImportFileError, ImportRunning) as error:
            path.unlink(missing_ok=True)
            form.add_error("file", str(error))
            response = self.form_invalid(form)
            if isinstance(error, ImportRunning):
                response.status_code = 409
            return response
        if not result.ok:
            path.unlink(missing_ok=True)
        return self.render_to_response(
            self.get_context_data(form=self.form_class(), result=result, token=token if result.ok else None)
        )

    def confirm(self, form):
        if not form.is_valid():
            messages.error(self.request, _("Tuonti vanhentui. Lähetä tiedosto uudelleen."))
            return redirect("practices_import")
        path = upload_dir() / f"{form.cleaned_data['token']}.json"
        if not path.exists():
            messages.error(self.request, _("Tuonti vanhentui. Lähetä tiedosto uudelleen."))
            return redirect("practices_import")
        refused = False
        try:
            result = import_file(path, user=self.request.user)
        except ImportRunning as error:
            # The checked file is kept: the same confirmation can be sent again.
            refused = True
            messages.error(self.request, str(error))
            context = self.get_context_data(form=self.form_class(), retry_token=form.cleaned_data["token"])
            return self.render_to_response(context, status=409)
        finally:
            if not refused:
                path.unlink(missing_ok=True)
        if not result.ok:
            messages.error(self.request, _("Tiedostossa oli virheitä, mitään ei muutettu."))
            return self.render_to_response(self.get_context_data(form=self.form_class(), result=result))
        messages.success(
            self.request,
            _("Tuonti valmis: %(created)s uutta, %(updated)s päivitettyä, %(unchanged)s ennallaan.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
        )
        return redirect(reverse("practices_import"))
