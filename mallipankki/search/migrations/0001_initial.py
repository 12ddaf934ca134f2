import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('practices', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchTerm',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('term', models.CharField(max_length=100, unique=True)),
            ],
        ),
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_document', serialize=False, to='practices.practicepage')),
                ('lang', models.CharField(max_length=20)),
                ('terms_a', models.TextField(blank=True)),
                ('terms_b', models.TextField(blank=True)),
                ('terms_c', models.TextField(blank=True)),
                ('terms_d', models.TextField(blank=True)),
                ('published_at', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'indexes': [models.Index(fields=['-published_at', 'page'], name='search_doc_newest')],
            },
        ),
        migrations.CreateModel(
            name='SearchFacet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('facet', models.CharField(max_length=20)),
                ('code', models.CharField(max_length=100)),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='facets', to='search.searchdocument')),
            ],
            options={
                'indexes': [models.Index(fields=['facet', 'code', 'document'], name='search_facet_value')],
                'constraints': [models.UniqueConstraint(fields=('document', 'facet', 'code'), name='search_facet_unique')],
            },
        ),
    ]
