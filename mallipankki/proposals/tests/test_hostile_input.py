"""Generated hostile input to /ehdota/: whatever arrives, the answer is never a 5xx.

Each example is a POST built from the valid form data with some fields
replaced by generated values (any text including NUL bytes and control
characters, very long strings, unknown codes, odd dates and URLs, lists
where one value is expected, unknown fields) and sometimes generated files
named .pdf. Each example runs in its own transaction.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from mallipankki.pages.factories import DefaultSiteFactory
from mallipankki.practices.factories import PracticeIndexPageFactory
from mallipankki.proposals.forms import ProposalForm
from mallipankki.proposals.models import Proposal
from mallipankki.proposals.tests.helpers import PrivateFilesMixin, proposal_data
from mallipankki.proposals.tests.pdfs import minimal_pdf

# Text the test client can encode: anything but lone surrogates.
any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
hostile_text = st.one_of(
    any_text,
    st.sampled_from(
        [
            "\x00",
            "nimi\x00",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "{{ 7*7 }}{% debug %}",
            "\u202e\u200b\ufeff",
            "a" * 5000,
            "ä" * 1001,
            "javascript:alert(1)",
            "https://" + "a" * 995 + ".fi",
            "0000-00-00",
            "31.02.2024",
            "2024-13-45",
            "99999-01-01",
            "-1",
            "1e309",
            "NaN",
            "mailto:x@y",
            "x@" + "a" * 300 + ".fi",
            "maija@example.org\nBcc: muut@example.org",
            "FI",
            "yhteistyo",
            "FI-18",
            "developer",
            "on",
        ]
    ),
    st.text(max_size=20).map(lambda text: text * 200),
)
field_value = st.one_of(hostile_text, st.lists(hostile_text, min_size=0, max_size=5))

FIELDS = list(ProposalForm().fields) + [f"org{row}_{part}" for row in (1, 2, 3) for part in ("name", "role", "url")]
FIELDS = sorted(set(FIELDS) - {"attachments"}) + ["csrfmiddlewaretoken", "extra_field", "themes[]", ""]


SINGLE_VALUED = [name for name in FIELDS if name not in ("themes", "target_groups", "countries", "regions")]


@st.composite
def generated_files(draw, min_files=0, max_files=2):
    files = []
    for _ in range(draw(st.integers(min_value=min_files, max_value=max_files))):
        body = draw(
            st.one_of(
                st.binary(max_size=2000),
                st.binary(max_size=500).map(lambda tail: b"%PDF-1.7\n" + tail),
                st.just(minimal_pdf()),
            )
        )
        name = draw(st.sampled_from(["liite.pdf", "../../etc/passwd.pdf", "a\x00b.pdf", "ä" * 300 + ".pdf", ""]))
        files.append(SimpleUploadedFile(name or "x.pdf", body, content_type="application/pdf"))
    return files


@st.composite
def hostile_posts(draw, fields=FIELDS, values=field_value, valid_base=None, files=None):
    """A POST: the valid form (or nothing) with up to 8 fields replaced, and maybe files.

    `valid_base` True/False fixes the base, None draws it; `files` is a
    strategy of file lists (default: none).
    """
    base = draw(st.booleans()) if valid_base is None else valid_base
    data = proposal_data() if base else {}
    for name in draw(st.lists(st.sampled_from(fields), max_size=8, unique=True)):
        data[name] = draw(values)
    return data, (draw(files) if files is not None else [])


# Four tests of 50 examples: 200 hostile posts in all, each aimed at one kind
# of input. A post that passes validation costs about five times one that is
# shown again with errors (a draft page, two revisions, a workflow), so the
# strategies keep those to a minority.
EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


@override_settings(PROPOSAL_RATE_LIMIT=10_000)
class HostileInputTests(PrivateFilesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        PracticeIndexPageFactory(parent=DefaultSiteFactory().root_page)

    def check(self, post):
        data, files = post
        if files:
            data = {**data, "attachments": files}
        response = self.client.post("/ehdota/", data)
        event(f"HTTP {response.status_code}")
        self.assertLess(response.status_code, 500, response.content[:2000])
        self.assertIn(response.status_code, (200, 302, 400))
        if response.status_code == 302:
            proposal = Proposal.objects.get()
            self.assertFalse(proposal.practice.live)

    @EXAMPLES
    @given(hostile_posts(fields=SINGLE_VALUED, values=hostile_text))
    def test_hostile_text_in_single_valued_fields(self, post):
        self.check(post)

    @EXAMPLES
    @given(hostile_posts(values=st.lists(hostile_text, min_size=0, max_size=5)))
    def test_lists_where_one_value_is_expected_and_unknown_codes(self, post):
        self.check(post)

    @EXAMPLES
    @given(hostile_posts(valid_base=True, files=generated_files(min_files=1, max_files=3)))
    def test_generated_files_named_pdf(self, post):
        self.check(post)

    @EXAMPLES
    @given(hostile_posts(files=generated_files()))
    def test_anything_at_all(self, post):
        self.check(post)
