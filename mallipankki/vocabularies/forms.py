"""Form fields for choosing vocabulary terms on the public forms."""

from django import forms


class TermChoiceField(forms.ModelChoiceField):
    """One vocabulary term by code, labelled in the reader's language."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset=queryset, to_field_name="code", **kwargs)

    def label_from_instance(self, term):
        return term.name

    def to_python(self, value):
        # The value goes into a query: refuse what no code can be (NUL bytes
        # break PostgreSQL parameters) before asking the database.
        if isinstance(value, str) and ("\x00" in value or len(value) > 100):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)
