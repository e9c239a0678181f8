"""Schema migrations, applied in order and never edited once released.

Each entry is (name, script). A new version appends an entry; existing database
files then gain the new tables and columns at the next start-up.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_users_and_conversation_log",
        """
        CREATE TABLE users (
            user_id INTEGER PRIMARY KEY,
            first_name TEXT NOT NULL DEFAULT '',
            last_name TEXT,
            username TEXT,
            telegram_language TEXT,
            language TEXT NOT NULL DEFAULT 'id',
            language_chosen INTEGER NOT NULL DEFAULT 0,
            source TEXT,
            subscribed INTEGER NOT NULL DEFAULT 0,
            blocked INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL
        );
        CREATE TABLE user_sources (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX user_sources_user ON user_sources(user_id);
        CREATE TABLE conversation_log (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            user_id INTEGER,
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            kind TEXT NOT NULL,
            text TEXT,
            update_id INTEGER,
            message_id INTEGER,
            created_at TEXT NOT NULL
        );
        CREATE INDEX conversation_log_chat ON conversation_log(chat_id, id);
        CREATE INDEX conversation_log_created ON conversation_log(created_at)
        """,
    ),
    (
        "0002_update_inbox",
        """
        CREATE TABLE update_inbox (
            update_id INTEGER PRIMARY KEY,
            payload TEXT NOT NULL,
            sequence_key TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'done', 'unparseable')),
            received_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE INDEX update_inbox_pending ON update_inbox(status, update_id)
        """,
    ),
    (
        "0003_applications_answers_consents",
        """
        CREATE TABLE applications (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
            active INTEGER NOT NULL DEFAULT 1,
            stage TEXT NOT NULL,
            current_key TEXT,
            editing INTEGER NOT NULL DEFAULT 0,
            pending TEXT,
            step INTEGER NOT NULL DEFAULT 0,
            last_update_id INTEGER NOT NULL DEFAULT 0,
            program_key TEXT,
            language TEXT NOT NULL,
            reference TEXT UNIQUE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            submitted_at TEXT
        );
        CREATE UNIQUE INDEX applications_one_draft ON applications(user_id) WHERE status = 'draft';
        CREATE INDEX applications_submitted ON applications(status, submitted_at);
        CREATE TABLE answers (
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            question_key TEXT NOT NULL,
            value TEXT,
            update_id INTEGER,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (application_id, question_key)
        );
        CREATE TABLE consents (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL,
            kind TEXT NOT NULL,
            granted INTEGER NOT NULL,
            notice_version TEXT NOT NULL,
            language TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX consents_user ON consents(user_id, kind, id)
        """,
    ),
    (
        "0004_idempotent_incoming_log",
        """
        CREATE UNIQUE INDEX conversation_log_incoming_update
            ON conversation_log(update_id) WHERE direction = 'in' AND update_id IS NOT NULL
        """,
    ),
    (
        "0005_support_relay",
        """
        CREATE TABLE support_sessions (
            user_id INTEGER PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
            asking INTEGER NOT NULL DEFAULT 0,
            last_relayed_at TEXT,
            header_message_id INTEGER,
            thread_id INTEGER,
            window_started_at TEXT,
            window_count INTEGER NOT NULL DEFAULT 0,
            window_noticed INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE relayed_messages (
            id INTEGER PRIMARY KEY,
            staff_chat_id INTEGER NOT NULL,
            staff_message_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('header', 'question', 'answer')),
            talent_message_id INTEGER,
            created_at TEXT NOT NULL,
            UNIQUE (staff_chat_id, staff_message_id)
        );
        CREATE INDEX relayed_messages_talent ON relayed_messages(user_id, talent_message_id);
        CREATE TABLE support_topics (
            staff_chat_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            thread_id INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (staff_chat_id, user_id),
            UNIQUE (staff_chat_id, thread_id)
        )
        """,
    ),
    (
        "0006_erasures",
        """
        CREATE TABLE erasures (
            id INTEGER PRIMARY KEY,
            subject_hash TEXT NOT NULL,
            erased_at TEXT NOT NULL
        );
        CREATE INDEX erasures_subject ON erasures(subject_hash);
        CREATE INDEX applications_draft_age ON applications(status, updated_at)
        """,
    ),
    (
        "0007_lead_indexes",
        """
        CREATE INDEX applications_user ON applications(user_id, status)
        """,
    ),
    (
        "0008_broadcasts",
        """
        CREATE TABLE broadcasts (
            id INTEGER PRIMARY KEY,
            status TEXT NOT NULL DEFAULT 'composing'
                CHECK (status IN ('composing', 'queued', 'sending', 'done', 'cancelled')),
            step TEXT,
            created_by INTEGER,
            report_chat_id INTEGER,
            kind TEXT,
            body TEXT,
            photo TEXT,
            kind_en TEXT,
            body_en TEXT,
            photo_en TEXT,
            audience TEXT NOT NULL DEFAULT 'all',
            send_at TEXT,
            total INTEGER NOT NULL DEFAULT 0,
            progress_message_id INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            queued_at TEXT,
            started_at TEXT,
            finished_at TEXT
        );
        CREATE INDEX broadcasts_due ON broadcasts(status, send_at);
        CREATE INDEX broadcasts_composer ON broadcasts(created_by, status);
        CREATE TABLE broadcast_recipients (
            broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            language TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'blocked', 'skipped')),
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            message_id INTEGER,
            sent_at TEXT,
            PRIMARY KEY (broadcast_id, user_id)
        );
        CREATE INDEX broadcast_recipients_status ON broadcast_recipients(broadcast_id, status)
        """,
    ),
    (
        "0009_lead_staff_notified",
        """
        ALTER TABLE applications ADD COLUMN staff_notified_at TEXT
        """,
    ),
    (
        "0010_reminders",
        """
        CREATE TABLE reminders (
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            status TEXT NOT NULL
                CHECK (status IN ('sending', 'sent', 'skipped', 'failed', 'blocked')),
            questions_left INTEGER,
            message_id INTEGER,
            error TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            PRIMARY KEY (application_id, number)
        );
        CREATE INDEX reminders_user ON reminders(user_id);
        CREATE INDEX reminders_sent ON reminders(status, sent_at);
        CREATE TABLE reminder_preferences (
            user_id INTEGER PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
            enabled INTEGER NOT NULL,
            changed_at TEXT NOT NULL
        );
        CREATE TABLE reminder_days (
            day TEXT PRIMARY KEY,
            sent INTEGER NOT NULL DEFAULT 0
        );
        ALTER TABLE applications ADD COLUMN reminders_off_at TEXT
        """,
    ),
    (
        "0011_content_log",
        """
        CREATE TABLE content_reloads (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            trigger TEXT NOT NULL CHECK (trigger IN ('signal', 'command')),
            staff_id INTEGER,
            accepted INTEGER NOT NULL,
            problems TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE content_review_reminders (
            id INTEGER PRIMARY KEY,
            sent_at TEXT NOT NULL,
            pages TEXT NOT NULL
        )
        """,
    ),
    (
        "0012_lead_pipeline",
        """
        CREATE TABLE pipeline_config (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            first_stage TEXT NOT NULL
        );
        INSERT INTO pipeline_config (id, first_stage) VALUES (1, 'baru');
        CREATE TABLE lead_pipeline (
            application_id INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
            stage TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
            assignee_id INTEGER,
            stage_changed_at TEXT NOT NULL
        );
        CREATE INDEX lead_pipeline_stage ON lead_pipeline(stage);
        CREATE INDEX lead_pipeline_assignee ON lead_pipeline(assignee_id);
        INSERT INTO lead_pipeline (application_id, stage, stage_changed_at)
            SELECT id, 'baru', COALESCE(submitted_at, updated_at) FROM applications
            WHERE status = 'submitted';
        CREATE TRIGGER lead_submitted AFTER UPDATE OF status ON applications
            WHEN NEW.status = 'submitted'
        BEGIN
            INSERT OR IGNORE INTO lead_pipeline (application_id, stage, stage_changed_at)
            VALUES (NEW.id, (SELECT first_stage FROM pipeline_config WHERE id = 1),
                COALESCE(NEW.submitted_at, NEW.updated_at));
        END;
        CREATE TRIGGER lead_inserted_submitted AFTER INSERT ON applications
            WHEN NEW.status = 'submitted'
        BEGIN
            INSERT OR IGNORE INTO lead_pipeline (application_id, stage, stage_changed_at)
            VALUES (NEW.id, (SELECT first_stage FROM pipeline_config WHERE id = 1),
                COALESCE(NEW.submitted_at, NEW.updated_at));
        END;
        CREATE TABLE lead_history (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('stage', 'assign')),
            from_value TEXT,
            to_value TEXT,
            actor_id INTEGER,
            via TEXT NOT NULL CHECK (via IN ('telegram', 'cli')),
            notified INTEGER NOT NULL DEFAULT 0,
            batch_id INTEGER,
            created_at TEXT NOT NULL
        );
        CREATE INDEX lead_history_lead ON lead_history(application_id, id);
        CREATE INDEX lead_history_stage ON lead_history(kind, to_value, application_id);
        CREATE TABLE lead_notes (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            author_id INTEGER,
            via TEXT NOT NULL CHECK (via IN ('telegram', 'cli')),
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX lead_notes_lead ON lead_notes(application_id, id);
        CREATE TABLE pipeline_batches (
            id INTEGER PRIMARY KEY,
            status TEXT NOT NULL DEFAULT 'composing'
                CHECK (status IN ('composing', 'moving', 'confirmed', 'reported', 'cancelled')),
            created_by INTEGER,
            report_chat_id INTEGER,
            filter TEXT,
            to_stage TEXT,
            total INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            confirmed_at TEXT,
            reported_at TEXT
        );
        CREATE INDEX pipeline_batches_open ON pipeline_batches(status);
        CREATE TABLE talent_updates (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES pipeline_batches(id),
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            stage TEXT NOT NULL,
            language TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
                ('pending', 'sending', 'sent', 'failed', 'blocked', 'superseded', 'uncertain')),
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            message_id INTEGER,
            created_at TEXT NOT NULL,
            sent_at TEXT
        );
        CREATE INDEX talent_updates_status ON talent_updates(status, id);
        CREATE INDEX talent_updates_lead ON talent_updates(application_id, status);
        CREATE INDEX talent_updates_batch ON talent_updates(batch_id, status);
        CREATE TABLE staff_prompts (
            admin_id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            message_id INTEGER,
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            actor_id INTEGER,
            via TEXT NOT NULL CHECK (via IN ('telegram', 'cli')),
            action TEXT NOT NULL,
            lead_ref TEXT,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX audit_log_created ON audit_log(created_at);
        CREATE INDEX audit_log_lead ON audit_log(lead_ref);
        CREATE INDEX audit_log_actor ON audit_log(actor_id, id);
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only');
        END;
        CREATE TRIGGER audit_log_no_rewrite BEFORE UPDATE ON audit_log
            WHEN NEW.id IS NOT OLD.id OR NEW.created_at IS NOT OLD.created_at
                OR NEW.actor_id IS NOT OLD.actor_id OR NEW.via IS NOT OLD.via
                OR NEW.action IS NOT OLD.action OR NEW.detail IS NOT OLD.detail
        BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only (only erasure rewrites a lead)');
        END
        """,
    ),
    (
        "0013_erasure_key_and_backups",
        """
        ALTER TABLE erasures ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE erasures ADD COLUMN applied INTEGER NOT NULL DEFAULT 1;
        CREATE TABLE backups (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('daily', 'manual')),
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            ok INTEGER NOT NULL,
            path TEXT NOT NULL,
            size_bytes INTEGER,
            talents INTEGER,
            leads INTEGER,
            seconds REAL,
            error TEXT
        );
        CREATE INDEX backups_recent ON backups(ok, finished_at)
        """,
    ),
    (
        "0014_lead_references_never_reused",
        # SQLite reuses the highest rowid once its row is deleted: erasing the newest lead
        # would hand its reference (KOC-…) to the next talent, while staff still hold the old
        # one in exports and notes. The highest id ever used is kept apart and never goes down.
        """
        CREATE TABLE application_ids (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last INTEGER NOT NULL
        );
        INSERT INTO application_ids (id, last) SELECT 1, COALESCE(MAX(id), 0) FROM applications;
        CREATE TRIGGER application_ids_high_water AFTER INSERT ON applications
        BEGIN
            UPDATE application_ids SET last = NEW.id WHERE id = 1 AND last < NEW.id;
        END
        """,
    ),
    (
        "0015_pipeline_ids_never_reused",
        # Staff buttons carry talent update ids ("Send again") and bulk move ids. Erasing a
        # talent deletes their updates, and SQLite would hand the highest deleted id to the
        # next row: an old button would then act on another talent's update. As for lead
        # references, the highest id ever used is kept apart and never goes down.
        # Bulk moves also get a number of their own for staff (the ids count single moves).
        """
        CREATE TABLE id_high_water (
            name TEXT PRIMARY KEY CHECK (name IN ('talent_updates', 'pipeline_batches')),
            last INTEGER NOT NULL
        );
        INSERT INTO id_high_water (name, last)
            SELECT 'talent_updates', COALESCE(MAX(id), 0) FROM talent_updates;
        INSERT INTO id_high_water (name, last)
            SELECT 'pipeline_batches', COALESCE(MAX(id), 0) FROM pipeline_batches;
        CREATE TRIGGER talent_updates_high_water AFTER INSERT ON talent_updates
        BEGIN
            UPDATE id_high_water SET last = NEW.id
                WHERE name = 'talent_updates' AND last < NEW.id;
        END;
        CREATE TRIGGER pipeline_batches_high_water AFTER INSERT ON pipeline_batches
        BEGIN
            UPDATE id_high_water SET last = NEW.id
                WHERE name = 'pipeline_batches' AND last < NEW.id;
        END;
        ALTER TABLE pipeline_batches ADD COLUMN number INTEGER;
        UPDATE pipeline_batches SET number = (
            SELECT COUNT(*) FROM pipeline_batches b WHERE b.filter IS NOT NULL
                AND b.confirmed_at IS NOT NULL AND b.id <= pipeline_batches.id
        ) WHERE filter IS NOT NULL AND confirmed_at IS NOT NULL;
        CREATE UNIQUE INDEX pipeline_batches_number ON pipeline_batches(number)
        """,
    ),
    (
        "0016_withdrawals_key_check_staff_notices",
        # withdrawals: a keyed record of each withdrawal of consent to processing, like the
        # erasures: a restored backup gets them and the talent's applications go again.
        # erasure_key_check: HMAC(key, "check"), so a lost or wrong erasure key is noticed
        # before keyed records silently stop matching. staff_notices: what the staff chat
        # must hear (an erasure's references to clean up, what a restore held), kept until
        # posted so that a crash or a restore loses none.
        """
        CREATE TABLE withdrawals (
            id INTEGER PRIMARY KEY,
            subject_hash TEXT NOT NULL,
            withdrawn_at TEXT NOT NULL,
            applied INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX withdrawals_subject ON withdrawals(subject_hash);
        CREATE INDEX withdrawals_unapplied ON withdrawals(applied);
        CREATE INDEX erasures_unapplied ON erasures(applied);
        CREATE TABLE erasure_key_check (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            value TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE staff_notices (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        )
        """,
    ),
    (
        "0017_indexes_for_stats_and_status",
        # /stats counts the answers to these four questions over every submitted lead: read
        # from this index alone (about 5 MB at 50,000 leads) instead of a row per lead and
        # question (1.3 s -> 0.14 s). Only these questions: an index of every answer would
        # grow the database by a quarter. The queries name the same keys, literally.
        # "Last update processed" (status, /healthz) is the newest entry of the second index
        # instead of a scan of every processed update; pending ones stay out of it.
        """
        CREATE INDEX answers_stats ON answers(question_key, value, application_id)
            WHERE question_key IN ('sector', 'music_role', 'film_role', 'province');
        CREATE INDEX update_inbox_finished ON update_inbox(finished_at)
            WHERE status != 'pending'
        """,
    ),
    (
        "0018_broadcast_ids_never_reused",
        # Staff buttons carry broadcast ids (send now, cancel). After a restore, the broadcasts
        # made since the backup are gone and SQLite would give their ids again: an old
        # "Cancel" would then stop, or "Send" send, another announcement. As for leads, the
        # highest id ever used is kept apart; a restore carries it over.
        """
        CREATE TABLE broadcast_ids (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last INTEGER NOT NULL
        );
        INSERT INTO broadcast_ids (id, last) SELECT 1, COALESCE(MAX(id), 0) FROM broadcasts;
        CREATE TRIGGER broadcast_ids_high_water AFTER INSERT ON broadcasts
        BEGIN
            UPDATE broadcast_ids SET last = NEW.id WHERE id = 1 AND last < NEW.id;
        END
        """,
    ),
    (
        "0019_free_questions",
        # Talents' free questions (bot/answers), part of their conversation: erased with the
        # talent (user_id), copied by /dataku, gone with the conversation log on a withdrawal
        # of consent or at LOG_RETENTION_DAYS. `text` is the message as typed ("Ask our team"
        # sends it to staff); `summary` is the only form aggregates (/stats) show: shortened,
        # with emails, phone numbers, long digit runs, handles and links masked.
        """
        CREATE TABLE free_questions (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            update_id INTEGER NOT NULL UNIQUE,
            message_id INTEGER,
            asked_at TEXT NOT NULL,
            language TEXT NOT NULL,
            via TEXT NOT NULL CHECK (via IN ('chat', 'ask')),
            text TEXT NOT NULL,
            summary TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'suggested', 'unanswered')),
            entry TEXT,
            offered TEXT NOT NULL DEFAULT '[]',
            confidence REAL NOT NULL,
            not_this_at TEXT,
            opened TEXT,
            sent_to_staff_at TEXT
        );
        CREATE INDEX free_questions_user ON free_questions(user_id);
        CREATE INDEX free_questions_asked ON free_questions(asked_at, outcome)
        """,
    ),
]
