"""Wagtail documents (the practices' PDF resources) are checked like proposal attachments.

Settings: WAGTAILDOCS_DOCUMENT_FORM_BASE = "mallipankki.core.documents.PdfDocumentForm".
Wagtail builds its document forms on this base: adding a document, replacing
its file, and the multiple upload. A new file must pass core.pdf.clean_pdf,
and the uploaded file object itself is then rewritten to the cleaned copy and
a safe name ending in .pdf, so that whichever path Wagtail takes to store it
(the form's save, or the multiple upload's "uploaded file" step that reuses
the request's file), the stored bytes are the cleaned PDF.
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from .pdf import PdfRefused, clean_pdf, safe_file_name


def replace_upload_content(upload: UploadedFile, data: bytes, name: str) -> None:
    """Makes `upload` hold `data` under `name` (in memory or in its temporary file)."""
    handle = upload.file
    handle.seek(0)
    handle.truncate()
    handle.write(data)
    handle.flush()
    handle.seek(0)
    upload.size = len(data)
    upload.name = name


class PdfDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged on an edit
        name = safe_file_name(upload.name, default="dokumentti")
        upload.seek(0)
        try:
            pdf = clean_pdf(upload.read())
        except PdfRefused as refusal:
            raise forms.ValidationError(refusal.message, params={"name": name, **refusal.params}) from None
        replace_upload_content(upload, pdf.data, name)
        return upload
