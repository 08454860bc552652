"""The notification models move here from the accounts app: the tables stay as they are (the state
moves, the database does not), so existing notifications and preferences are kept."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0005_notifications"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Notification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('task_assigned', 'En uppgift har fördelats till mig'), ('review_requested', 'Ett yttrande väntar på min granskning'), ('changes_requested', 'Granskaren har begärt ändringar'), ('approved', 'Ett yttrande är godkänt och väntar på beslut'), ('compilation', 'En sammanställning jag startat är klar eller misslyckades'), ('receipt', 'Kvittens när yttrandet har skickats in'), ('deadline', 'Påminnelse före sista svarsdag')], max_length=30, verbose_name='typ')),
                        ('subject', models.CharField(max_length=300, verbose_name='ämne')),
                        ('body', models.TextField(verbose_name='text')),
                        ('url', models.CharField(blank=True, max_length=500, verbose_name='länk')),
                        ('digest', models.BooleanField(default=False, verbose_name='i daglig sammanfattning')),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='skapad')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='skickad')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='försök')),
                        ('error', models.CharField(blank=True, max_length=300, verbose_name='fel vid utskick')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL, verbose_name='mottagare')),
                    ],
                    options={
                        'db_table': 'accounts_notification',
                        'verbose_name': 'avisering',
                        'verbose_name_plural': 'aviseringar',
                        'ordering': ['-created_at'],
                        'indexes': [models.Index(fields=['sent_at', 'digest'], name='accounts_no_sent_at_8fc8c1_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='NotificationPreference',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('task_assigned', 'En uppgift har fördelats till mig'), ('review_requested', 'Ett yttrande väntar på min granskning'), ('changes_requested', 'Granskaren har begärt ändringar'), ('approved', 'Ett yttrande är godkänt och väntar på beslut'), ('compilation', 'En sammanställning jag startat är klar eller misslyckades'), ('receipt', 'Kvittens när yttrandet har skickats in'), ('deadline', 'Påminnelse före sista svarsdag')], max_length=30, verbose_name='typ')),
                        ('frequency', models.CharField(choices=[('now', 'Direkt'), ('daily', 'En sammanfattning per dag'), ('never', 'Aldrig')], default='now', max_length=10, verbose_name='när')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notification_preferences', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'accounts_notificationpreference',
                        'verbose_name': 'aviseringsval',
                        'verbose_name_plural': 'aviseringsval',
                        'constraints': [models.UniqueConstraint(fields=('user', 'kind'), name='notification_preference_unique')],
                    },
                ),
            ],
        ),
    ]
