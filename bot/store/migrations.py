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
        "0019_consents_name_the_recipient",
        # Whom a forwarding consent (transfer_korea) was given for comes from the deployment's
        # FORWARD_TO and FORWARD_ABROAD, and is recorded with each answer: a consent keeps the
        # wording it was given under, and covers only that recipient. Consents recorded before
        # were asked as "ke KOCCA di Korea" / "to KOCCA in Korea": KOCCA, outside Indonesia.
        """
        ALTER TABLE consents ADD COLUMN recipient TEXT;
        ALTER TABLE consents ADD COLUMN abroad INTEGER;
        UPDATE consents SET recipient = 'KOCCA', abroad = 1 WHERE kind = 'transfer_korea'
        """,
    ),
    (
        "0020_broadcast_reschedule_prompts",
        # An admin who pressed "Reschedule" on a scheduled announcement: the bot waits for the
        # new time they type. Kept in the database like every other state of a conversation.
        """
        CREATE TABLE broadcast_prompts (
            admin_id INTEGER PRIMARY KEY,
            broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        )
        """,
    ),
    (
        "0021_staff_workspace",
        # Admin chats given the workspace's menu button (taken back from an id no longer in
        # ADMIN_IDS, or from all when WEB_URL is unset).
        # lead_search: the staff workspace's table of submitted leads, one narrow row each
        # with what its list filters, sorts and searches on, so that at 50,000 leads a page,
        # a board column or the counts per stage read one table through an index instead of
        # joining four. Triggers keep it in step with every write that changes it
        # (submission, an answer added, edited or removed, a Telegram name, a stage or an
        # assignee); it goes with the application (erasure, consent withdrawal). The search
        # is a LIKE over a lowercased text (tens of ms at 50,000 leads) rather than FTS5:
        # SQLite 3.40's FTS5 keeps a deleted row's words in its index until segments merge,
        # and an erased talent must leave no copy.
        """
        CREATE TABLE workspace_buttons (
            chat_id INTEGER PRIMARY KEY,
            set_at TEXT NOT NULL
        );
        CREATE TABLE lead_search (
            application_id INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
            talent_id INTEGER NOT NULL,
            submitted_at TEXT NOT NULL,
            stage TEXT,
            assignee_id INTEGER,
            name TEXT NOT NULL,
            stage_name TEXT,
            sector TEXT,
            role TEXT,
            province TEXT,
            programs TEXT,
            search TEXT NOT NULL
        );
        CREATE INDEX lead_search_submitted ON lead_search(submitted_at);
        CREATE INDEX lead_search_stage ON lead_search(stage, submitted_at);
        CREATE INDEX lead_search_name ON lead_search(name COLLATE NOCASE);
        CREATE VIEW lead_search_source AS
        SELECT application_id, talent_id, submitted_at, stage, assignee_id, name, stage_name,
            sector, role, province, programs,
            lower(COALESCE(reference, '') || char(10) || name || char(10)
                || COALESCE(first_name, '') || ' ' || COALESCE(last_name, '') || char(10)
                || COALESCE(username, '') || char(10) || COALESCE(stage_name, '') || char(10)
                || COALESCE(company_name, '') || char(10) || COALESCE(email, '') || char(10)
                || COALESCE(phone, '') || char(10)
                || CASE WHEN phone LIKE '+62%' THEN '0' || substr(phone, 4) ELSE '' END
                || char(10) || COALESCE(city, '')) AS search
        FROM (
            SELECT a.id AS application_id, a.user_id AS talent_id,
                COALESCE(a.submitted_at, a.updated_at) AS submitted_at, p.stage, p.assignee_id,
                a.reference, u.first_name, u.last_name, u.username,
                COALESCE((SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'full_name'),
                    u.first_name, '') AS name,
                COALESCE((SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'stage_name'),
                    (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'company_name')) AS stage_name,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'company_name') AS company_name,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'sector') AS sector,
                COALESCE((SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'music_role'),
                    (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'film_role')) AS role,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'province') AS province,
                (SELECT value FROM answers
                    WHERE application_id = a.id AND question_key = 'programs_of_interest')
                    AS programs,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'email') AS email,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'phone') AS phone,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'city') AS city
            FROM applications a JOIN users u ON u.user_id = a.user_id
            LEFT JOIN lead_pipeline p ON p.application_id = a.id
            WHERE a.status = 'submitted'
        );
        -- Each trigger deletes the lead's row, then inserts it anew: an OR REPLACE inside a
        -- trigger takes the conflict policy of the statement that fired it (an upsert of an
        -- answer, say, whose policy is ABORT), and the second insert would fail.
        CREATE TRIGGER lead_search_submitted AFTER UPDATE OF status, reference ON applications
            WHEN NEW.status = 'submitted'
        BEGIN
            DELETE FROM lead_search WHERE application_id = NEW.id;
            INSERT INTO lead_search
            SELECT * FROM lead_search_source WHERE application_id = NEW.id;
        END;
        CREATE TRIGGER lead_search_inserted AFTER INSERT ON applications
            WHEN NEW.status = 'submitted'
        BEGIN
            DELETE FROM lead_search WHERE application_id = NEW.id;
            INSERT INTO lead_search
            SELECT * FROM lead_search_source WHERE application_id = NEW.id;
        END;
        CREATE TRIGGER lead_search_answer_added AFTER INSERT ON answers
            WHEN NEW.question_key IN ('full_name', 'stage_name', 'company_name', 'sector',
                'music_role', 'film_role', 'province', 'email', 'phone', 'city',
                'programs_of_interest')
        BEGIN
            DELETE FROM lead_search WHERE application_id = NEW.application_id;
            INSERT INTO lead_search
            SELECT * FROM lead_search_source WHERE application_id = NEW.application_id;
        END;
        CREATE TRIGGER lead_search_answer_changed AFTER UPDATE ON answers
            WHEN NEW.question_key IN ('full_name', 'stage_name', 'company_name', 'sector',
                'music_role', 'film_role', 'province', 'email', 'phone', 'city',
                'programs_of_interest')
        BEGIN
            DELETE FROM lead_search WHERE application_id = NEW.application_id;
            INSERT INTO lead_search
            SELECT * FROM lead_search_source WHERE application_id = NEW.application_id;
        END;
        CREATE TRIGGER lead_search_answer_removed AFTER DELETE ON answers
            WHEN OLD.question_key IN ('full_name', 'stage_name', 'company_name', 'sector',
                'music_role', 'film_role', 'province', 'email', 'phone', 'city',
                'programs_of_interest')
        BEGIN
            DELETE FROM lead_search WHERE application_id = OLD.application_id;
            INSERT INTO lead_search
            SELECT * FROM lead_search_source WHERE application_id = OLD.application_id;
        END;
        CREATE TRIGGER lead_search_renamed AFTER UPDATE OF first_name, last_name, username
            ON users
            WHEN NEW.first_name IS NOT OLD.first_name OR NEW.last_name IS NOT OLD.last_name
                OR NEW.username IS NOT OLD.username
        BEGIN
            DELETE FROM lead_search WHERE talent_id = NEW.user_id;
            INSERT INTO lead_search
            SELECT * FROM lead_search_source WHERE application_id IN
                (SELECT id FROM applications WHERE user_id = NEW.user_id AND status = 'submitted');
        END;
        CREATE TRIGGER lead_search_deleted AFTER DELETE ON applications
        BEGIN
            -- Also on a connection without foreign keys: an erased talent leaves no row here.
            DELETE FROM lead_search WHERE application_id = OLD.id;
        END;
        CREATE TRIGGER lead_search_pipeline_added AFTER INSERT ON lead_pipeline
        BEGIN
            UPDATE lead_search SET stage = NEW.stage, assignee_id = NEW.assignee_id
            WHERE application_id = NEW.application_id;
        END;
        CREATE TRIGGER lead_search_pipeline_changed AFTER UPDATE OF stage, assignee_id
            ON lead_pipeline
        BEGIN
            UPDATE lead_search SET stage = NEW.stage, assignee_id = NEW.assignee_id
            WHERE application_id = NEW.application_id;
        END;
        INSERT INTO lead_search SELECT * FROM lead_search_source
        """,
    ),
    (
        "0022_records_references_duplicates_digest",
        # Lead references are given at submission, in order: unfinished forms no longer use
        # numbers up. `last` is the highest reference number ever given (raised by triggers
        # from any reference written, so it never goes down and restores carry it); a number
        # up to `legacy_last` may also have been an unfinished form's, before this migration.
        # A talent updating a registration fills in a draft that `amends` their lead, started
        # from its answers (`amends_base`, to keep staff corrections made meanwhile).
        # lead_changes: answer changes (by the talent or staff), duplicates closed and
        # reopened; lead_pipeline.duplicate_of: the lead this one was closed as a duplicate
        # of (the lead itself stays closed if that one is erased: duplicate_closed_at).
        # staff_prompts learn what the admin's next text is for (a note, an answer, ...).
        # digest_runs: one daily digest per WIB day, also across restarts.
        # staff_preferences: an admin's choice to mute new-lead alerts in their private chat.
        """
        CREATE TABLE lead_numbers (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last INTEGER NOT NULL,
            legacy_last INTEGER NOT NULL
        );
        INSERT INTO lead_numbers (id, last, legacy_last) SELECT 1, n, n FROM (SELECT MAX(
            COALESCE((SELECT last FROM application_ids WHERE id = 1), 0),
            COALESCE((SELECT MAX(CAST(substr(reference, 5) AS INTEGER)) FROM applications
                WHERE reference IS NOT NULL), 0)) AS n);
        CREATE TRIGGER lead_numbers_on_update AFTER UPDATE OF reference ON applications
            WHEN NEW.reference IS NOT NULL
        BEGIN
            UPDATE lead_numbers SET last = CAST(substr(NEW.reference, 5) AS INTEGER)
                WHERE id = 1 AND last < CAST(substr(NEW.reference, 5) AS INTEGER);
        END;
        CREATE TRIGGER lead_numbers_on_insert AFTER INSERT ON applications
            WHEN NEW.reference IS NOT NULL
        BEGIN
            UPDATE lead_numbers SET last = CAST(substr(NEW.reference, 5) AS INTEGER)
                WHERE id = 1 AND last < CAST(substr(NEW.reference, 5) AS INTEGER);
        END;
        ALTER TABLE applications ADD COLUMN amends INTEGER
            REFERENCES applications(id) ON DELETE CASCADE;
        ALTER TABLE applications ADD COLUMN amends_base TEXT;
        CREATE TABLE lead_changes (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            kind TEXT NOT NULL
                CHECK (kind IN ('talent_update', 'answer_edit', 'duplicate', 'reopened')),
            actor_id INTEGER,
            via TEXT NOT NULL,
            other_id INTEGER REFERENCES applications(id) ON DELETE SET NULL,
            detail TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        );
        CREATE INDEX lead_changes_lead ON lead_changes(application_id, id);
        CREATE INDEX lead_changes_other ON lead_changes(other_id);
        ALTER TABLE lead_pipeline ADD COLUMN duplicate_of INTEGER
            REFERENCES applications(id) ON DELETE SET NULL;
        ALTER TABLE lead_pipeline ADD COLUMN duplicate_closed_at TEXT;
        CREATE INDEX lead_pipeline_duplicate ON lead_pipeline(duplicate_of);
        CREATE INDEX lead_pipeline_waiting ON lead_pipeline(stage, stage_changed_at, assignee_id)
            WHERE duplicate_closed_at IS NULL;
        CREATE INDEX lead_pipeline_closed ON lead_pipeline(duplicate_closed_at)
            WHERE duplicate_closed_at IS NOT NULL;
        CREATE INDEX lead_history_created ON lead_history(created_at);
        CREATE INDEX answers_contact ON answers(question_key, value, application_id)
            WHERE question_key IN ('email', 'phone');
        ALTER TABLE staff_prompts ADD COLUMN purpose TEXT NOT NULL DEFAULT 'note';
        ALTER TABLE staff_prompts ADD COLUMN argument TEXT;
        ALTER TABLE staff_prompts ADD COLUMN expected TEXT;
        ALTER TABLE lead_notes ADD COLUMN edited_at TEXT;
        CREATE TABLE digest_runs (
            day TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            sent INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE staff_preferences (
            admin_id INTEGER PRIMARY KEY,
            lead_alerts INTEGER NOT NULL DEFAULT 1,
            changed_at TEXT NOT NULL
        )
        """,
    ),
    (
        "0023_bulk_move_previews",
        # Move all acts only on the leads its preview showed: the preview keeps each lead with
        # the version it had (rows go with their lead, erased or deleted), and when it was
        # made (a preview left for longer than 30 minutes is refused). preview_count: how
        # many leads the preview counted, so those erased since are reported too.
        """
        ALTER TABLE pipeline_batches ADD COLUMN previewed_at TEXT;
        ALTER TABLE pipeline_batches ADD COLUMN preview_count INTEGER;
        CREATE TABLE pipeline_batch_leads (
            batch_id INTEGER NOT NULL REFERENCES pipeline_batches(id) ON DELETE CASCADE,
            application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            PRIMARY KEY (batch_id, application_id)
        ) WITHOUT ROWID;
        CREATE INDEX pipeline_batch_leads_lead ON pipeline_batch_leads(application_id)
        """,
    ),
    (
        "0024_log_text_days",
        # How many characters of text the conversation log kept for each talent per day (UTC):
        # beyond LOG_TEXT_PER_DAY a day keeps only lengths. Rows go with the talent (erasure)
        # and are purged after two days.
        """
        CREATE TABLE log_text_days (
            user_id INTEGER NOT NULL,
            day TEXT NOT NULL,
            chars INTEGER NOT NULL,
            PRIMARY KEY (user_id, day)
        ) WITHOUT ROWID
        """,
    ),
    (
        "0025_failure_texts_to_reason_codes",
        # Failed sends were stored as a reason code and the server's words, masked by the
        # token's shape only: a proxy quoting the token percent-encoded, or its secret half
        # alone, put it in these columns (and so in the talent's /dataku). Only the reason
        # code is kept now (new failures also keep the HTTP status).
        """
        UPDATE talent_updates SET error = substr(error, 1, instr(error, ':') - 1)
            WHERE substr(error, 1, instr(error, ':') - 1) IN (
                'flood_wait', 'chat_migrated', 'invalid_token', 'forbidden',
                'bad_request', 'conflict', 'timed_out', 'network', 'telegram', 'error'
            );
        UPDATE broadcast_recipients SET error = substr(error, 1, instr(error, ':') - 1)
            WHERE substr(error, 1, instr(error, ':') - 1) IN (
                'flood_wait', 'chat_migrated', 'invalid_token', 'forbidden',
                'bad_request', 'conflict', 'timed_out', 'network', 'telegram', 'error'
            );
        UPDATE reminders SET error = substr(error, 1, instr(error, ':') - 1)
            WHERE substr(error, 1, instr(error, ':') - 1) IN (
                'flood_wait', 'chat_migrated', 'invalid_token', 'forbidden',
                'bad_request', 'conflict', 'timed_out', 'network', 'telegram', 'error'
            )
        """,
    ),
    (
        "0026_free_questions",
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
    (
        "0027_lead_search_figures_index",
        # The workspace's statistics count submitted leads per (stage, sector, province)
        # (bot/store/workspace.breakdown): read from this index alone, in its order, 5-17 ms at
        # 50,000 leads instead of 130 ms for a pass over the table and a sort; about 1.5 MB.
        """
        CREATE INDEX lead_search_figures ON lead_search(stage, sector, province)
        """,
    ),
    (
        "0028_lead_search_changes",
        # A counter every change of lead_search moves (whichever process makes it: the bot,
        # the CLI): the workspace keeps its counts per stage of a filter while the counter
        # stands still, instead of counting 50,000 leads again for each page turn and sort.
        """
        CREATE TABLE lead_search_changes (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            n INTEGER NOT NULL
        );
        INSERT INTO lead_search_changes (id, n) VALUES (1, 0);
        CREATE TRIGGER lead_search_changes_inserted AFTER INSERT ON lead_search
        BEGIN
            UPDATE lead_search_changes SET n = n + 1 WHERE id = 1;
        END;
        CREATE TRIGGER lead_search_changes_updated AFTER UPDATE ON lead_search
        BEGIN
            UPDATE lead_search_changes SET n = n + 1 WHERE id = 1;
        END;
        CREATE TRIGGER lead_search_changes_deleted AFTER DELETE ON lead_search
        BEGIN
            UPDATE lead_search_changes SET n = n + 1 WHERE id = 1;
        END
        """,
    ),
    (
        "0029_consents_processing_index",
        # The statistics' "consented" (each talent's newest processing consent is a grant)
        # in one pass over the processing consents: 13 ms instead of 56 ms at 50,000 talents
        # (150,000 consents), a part of what a staff member waits for on the Stats tab.
        """
        CREATE INDEX consents_processing ON consents(user_id, id, granted)
            WHERE kind = 'processing'
        """,
    ),
    (
        "0030_update_ids_per_chat",
        # A replayed update is logged and recorded once, but Telegram's update ids are unique
        # only for a while: after a week without updates the next is chosen at random, and a
        # new token starts another sequence. Kept a year, an id seen once more was another
        # talent's message, left out of the log and of the free questions. Unique per chat
        # (per talent) now; free_questions is rebuilt to lose its UNIQUE column.
        """
        DROP INDEX conversation_log_incoming_update;
        CREATE UNIQUE INDEX conversation_log_incoming_update
            ON conversation_log(chat_id, update_id)
            WHERE direction = 'in' AND update_id IS NOT NULL;
        CREATE TABLE free_questions_new (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            update_id INTEGER NOT NULL,
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
            sent_to_staff_at TEXT,
            UNIQUE (user_id, update_id)
        );
        INSERT INTO free_questions_new SELECT * FROM free_questions;
        DROP TABLE free_questions;
        ALTER TABLE free_questions_new RENAME TO free_questions;
        CREATE INDEX free_questions_asked ON free_questions(asked_at, outcome)
        """,
    ),
    (
        "0031_staff_answers_index",
        # The workspace's waiting questions (bot/store/workspace.py, _WAITING) look up each
        # talent's last staff answer; without this small index, by walking their log back.
        # 10,000 talents who asked staff, 100 log lines each: the count 97 -> 50 ms.
        """
        CREATE INDEX conversation_log_staff_answers ON conversation_log(chat_id, id)
            WHERE kind = 'staff_answer'
        """,
    ),
    (
        "0032_staff_answer_signed_and_holding",
        # A staff answer's line says who wrote it (answered_by_id: their Telegram id, or the
        # staff group's for an anonymous admin of it; answered_by: their name as Telegram gave
        # it then) and whether it was a holding reply (keeps_waiting: the talent was answered
        # for now, their questions still wait). Older answers keep neither: no name, and each
        # one answered. The waiting questions look up the last answer that is not a holding
        # reply: the index holds only those.
        """
        ALTER TABLE conversation_log ADD COLUMN answered_by_id INTEGER;
        ALTER TABLE conversation_log ADD COLUMN answered_by TEXT;
        ALTER TABLE conversation_log ADD COLUMN keeps_waiting INTEGER NOT NULL DEFAULT 0;
        DROP INDEX conversation_log_staff_answers;
        CREATE INDEX conversation_log_full_answers ON conversation_log(chat_id, id)
            WHERE kind = 'staff_answer' AND keeps_waiting = 0
        """,
    ),
    (
        "0033_staff_answers_by_signer",
        # A staff member's erasure takes their name off the answers they signed: found here,
        # not by reading the whole log.
        "CREATE INDEX conversation_log_signer ON conversation_log(answered_by_id)"
        " WHERE answered_by_id IS NOT NULL",
    ),
    (
        "0034_taught_phrasings",
        # Phrasings staff taught the bot on the workspace's Stats tab: a way talents ask a
        # question (its masked summary, edited as staff saw fit) and the entry that answers it
        # (faq:<key> or program:<key>), matched as that entry's `ask:` phrasings are. Not a
        # talent's data: nothing links it to who asked (a talent's names in it are masked when
        # she erases). Who taught it is kept until that staff member's erasure (bot/store/
        # privacy.py `_unsign`). Ids are never reused: the page's Remove and "move it here"
        # name a wording by its id, and must not remove the next one taught.
        """
        CREATE TABLE taught_phrasings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entry TEXT NOT NULL,
            text TEXT NOT NULL,
            taught_by_id INTEGER,
            taught_by TEXT,
            taught_at TEXT NOT NULL,
            UNIQUE (entry, text)
        );
        CREATE INDEX taught_phrasings_by ON taught_phrasings(taught_by_id)
            WHERE taught_by_id IS NOT NULL
        """,
    ),
    (
        "0035_answered_first",
        # The question the bot answered first after /tanya (free_questions.id), while nothing
        # of the talent's has gone to staff yet: if their next message does go, its header
        # quotes that question, so staff do not read "so what about outside Jakarta?" alone.
        # Cleared once a message of theirs is relayed, and whenever ask mode starts. The copy
        # of that message in the staff chat keeps it too, for the workspace's Questions tab.
        """
        ALTER TABLE support_sessions ADD COLUMN answered_first_id INTEGER;
        ALTER TABLE relayed_messages ADD COLUMN follows_question_id INTEGER
        """,
    ),
    (
        "0036_answered_first_at",
        # When the bot answered that question first: a message relayed within the burst gap of
        # it quotes it, one days later does not, and only then is an okay ("oke kak") taken as
        # acknowledging it. (0035 first shipped without it; a column added to it later would
        # never reach a database that had already run it.) support_sessions.answered_first_id
        # is now cleared once a header is posted, when the talent says the answer was enough,
        # and when they reply to staff; a new /tanya keeps it.
        "ALTER TABLE support_sessions ADD COLUMN answered_first_at TEXT",
    ),
    (
        "0037_free_question_confirming",
        # When "Tanya tim kami"'s confirmation of this question was shown: a talent who then
        # types "iya, kirim" or "batal" (not the button) within a few minutes is shown it again
        # to press. Cleared by Cancel; Send sets sent_to_staff_at.
        "ALTER TABLE free_questions ADD COLUMN confirm_shown_at TEXT",
    ),
    (
        "0038_erased_relays",
        # The staff-chat messages and forum topics of talents who erased their data: a staff
        # reply to one had no sign that nothing was sent. Message and topic ids only (no name,
        # no Telegram id), as the staff notice of the erasure already keeps the first of them.
        """
        CREATE TABLE erased_relays (
            staff_chat_id INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('message', 'topic')),
            number INTEGER NOT NULL,
            erased_at TEXT NOT NULL,
            PRIMARY KEY (staff_chat_id, kind, number)
        ) WITHOUT ROWID
        """,
    ),
    (
        "0039_lead_search_which_one",
        # A search for what a talent typed after "Lainnya" (Other): "pelatih vokal" as a role,
        # "gambus" as a genre. Staff saw it in every list and could not find it (a staff
        # review). The view adds those answers to the searched text, the answers' triggers
        # watch them too, and every lead's row is made again.
        """
        DROP VIEW lead_search_source;
        CREATE VIEW lead_search_source AS
        SELECT application_id, talent_id, submitted_at, stage, assignee_id, name, stage_name,
            sector, role, province, programs,
            lower(COALESCE(reference, '') || char(10) || name || char(10)
                || COALESCE(first_name, '') || ' ' || COALESCE(last_name, '') || char(10)
                || COALESCE(username, '') || char(10) || COALESCE(stage_name, '') || char(10)
                || COALESCE(company_name, '') || char(10) || COALESCE(email, '') || char(10)
                || COALESCE(phone, '') || char(10)
                || CASE WHEN phone LIKE '+62%' THEN '0' || substr(phone, 4) ELSE '' END
                || char(10) || COALESCE(city, '') || char(10) || COALESCE(which_one, '')) AS search
        FROM (
            SELECT a.id AS application_id, a.user_id AS talent_id,
                COALESCE(a.submitted_at, a.updated_at) AS submitted_at, p.stage, p.assignee_id,
                a.reference, u.first_name, u.last_name, u.username,
                COALESCE((SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'full_name'),
                    u.first_name, '') AS name,
                COALESCE((SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'stage_name'),
                    (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'company_name')) AS stage_name,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'company_name') AS company_name,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'sector') AS sector,
                COALESCE((SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'music_role'),
                    (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'film_role')) AS role,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'province') AS province,
                (SELECT value FROM answers
                    WHERE application_id = a.id AND question_key = 'programs_of_interest')
                    AS programs,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'email') AS email,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'phone') AS phone,
                (SELECT json_extract(value, '$') FROM answers
                    WHERE application_id = a.id AND question_key = 'city') AS city,
                (SELECT group_concat(json_extract(value, '$'), char(10)) FROM answers
                    WHERE application_id = a.id AND question_key IN ('music_role_other',
                        'film_role_other', 'genres_other', 'film_formats_other',
                        'languages_other')) AS which_one
            FROM applications a JOIN users u ON u.user_id = a.user_id
            LEFT JOIN lead_pipeline p ON p.application_id = a.id
            WHERE a.status = 'submitted'
        );;
        DROP TRIGGER lead_search_answer_added;
        DROP TRIGGER lead_search_answer_changed;
        DROP TRIGGER lead_search_answer_removed;
        CREATE TRIGGER lead_search_answer_added AFTER INSERT ON answers
            WHEN NEW.question_key IN ('full_name', 'stage_name', 'company_name', 'sector',
                'music_role', 'film_role', 'province', 'email', 'phone', 'city',
                'programs_of_interest', 'music_role_other', 'film_role_other', 'genres_other',
                'film_formats_other', 'languages_other')
        BEGIN
            DELETE FROM lead_search WHERE application_id = NEW.application_id;
            INSERT INTO lead_search
            SELECT * FROM lead_search_source WHERE application_id = NEW.application_id;
        END;
        CREATE TRIGGER lead_search_answer_changed AFTER UPDATE ON answers
            WHEN NEW.question_key IN ('full_name', 'stage_name', 'company_name', 'sector',
                'music_role', 'film_role', 'province', 'email', 'phone', 'city',
                'programs_of_interest', 'music_role_other', 'film_role_other', 'genres_other',
                'film_formats_other', 'languages_other')
        BEGIN
            DELETE FROM lead_search WHERE application_id = NEW.application_id;
            INSERT INTO lead_search
            SELECT * FROM lead_search_source WHERE application_id = NEW.application_id;
        END;
        CREATE TRIGGER lead_search_answer_removed AFTER DELETE ON answers
            WHEN OLD.question_key IN ('full_name', 'stage_name', 'company_name', 'sector',
                'music_role', 'film_role', 'province', 'email', 'phone', 'city',
                'programs_of_interest', 'music_role_other', 'film_role_other', 'genres_other',
                'film_formats_other', 'languages_other')
        BEGIN
            DELETE FROM lead_search WHERE application_id = OLD.application_id;
            INSERT INTO lead_search
            SELECT * FROM lead_search_source WHERE application_id = OLD.application_id;
        END;
        DELETE FROM lead_search;
        INSERT INTO lead_search SELECT * FROM lead_search_source
        """,
    ),
    (
        "0040_lead_search_folded",
        # The searched text folded as Python folds it ("Élise" kept as "élise", not only its
        # ASCII letters): the writer's lower() is bot/store/folding.fold, so every lead's row,
        # made again here, is kept as the search now folds what staff type.
        """
        DELETE FROM lead_search;
        INSERT INTO lead_search SELECT * FROM lead_search_source
        """,
    ),
    (
        "0041_support_reply_to_an_answer",
        # "Balas tim kami" pressed under one staff answer (the talent's message id of it) and
        # the question of theirs that answer answered: the reply's header goes under that
        # answer in the staff chat, not under the newest, and says which question it follows.
        # Kept in the session until that header is posted (cleared by /tanya, by a new staff
        # answer, and once posted); the reply's first message in the staff chat keeps both,
        # for the workspace's Questions tab.
        """
        ALTER TABLE support_sessions ADD COLUMN reply_answer_id INTEGER;
        ALTER TABLE support_sessions ADD COLUMN reply_question_id INTEGER;
        ALTER TABLE relayed_messages ADD COLUMN reply_answer_id INTEGER;
        ALTER TABLE relayed_messages ADD COLUMN reply_question_id INTEGER
        """,
    ),
    (
        "0042_lead_search_refolded",
        # The searched text folded by the fold that is stable (bot/store/folding.fold composes
        # again after lowercasing): a name such as "J\u030cOVAN" was kept as "j\u030covan",
        # which "ǰovan" typed did not find, and doctor flagged as unfolded for good. Every
        # lead's row is made again by the writer, whose lower() is that fold.
        """
        DELETE FROM lead_search;
        INSERT INTO lead_search SELECT * FROM lead_search_source
        """,
    ),
    (
        "0043_staff_answer_heading",
        # The heading a staff answer reached the talent with, in the same message ("💬 Jawaban
        # tim kami untuk pertanyaanmu “…”", as plain text): the lead page shows the answer as
        # the talent got it (a staff review s55). NULL where the heading went as a message of
        # its own (its own line) and for older answers.
        "ALTER TABLE conversation_log ADD COLUMN heading TEXT",
    ),
    (
        "0044_workspace_staff_names",
        # A staff member's first name as Telegram signed it when they opened the workspace:
        # the workspace names an assignee "Sari" even before Sari wrote to the bot (it said
        # "1001"; a staff review s55). Erased with them, as every table with a user_id.
        """
        CREATE TABLE workspace_names (
            user_id INTEGER PRIMARY KEY,
            first_name TEXT NOT NULL,
            seen_at TEXT NOT NULL
        )
        """,
    ),
    (
        "0045_free_questions_form_answer",
        # 1 where the talent's registration was paused and the bot said the message may be an
        # answer for the form (no entry answered it): not a question, so never counted or
        # listed on /stats and the Stats tab, nor offered for teaching (a staff review s56:
        # "Juara 1 lomba gamelan pelajar 2025" listed as a question). Kept for its buttons.
        "ALTER TABLE free_questions ADD COLUMN form_answer INTEGER NOT NULL DEFAULT 0",
    ),
    (
        "0046_duplicate_dismissals",
        # Two leads marked as possible duplicates (the same Telegram account, email or phone)
        # that staff said are two people ("Bukan duplikat": sisters sharing a phone, band
        # members sharing the band's email): the pair is no longer marked anywhere (a staff
        # review s57: the red warning stayed for ever). One row per pair, the lower
        # application id first; who said it and when. Gone with either lead (erasure).
        """
        CREATE TABLE duplicate_dismissals (
            lead_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            other_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            actor_id INTEGER,
            via TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (lead_id, other_id),
            CHECK (lead_id < other_id)
        ) WITHOUT ROWID;
        CREATE INDEX duplicate_dismissals_other ON duplicate_dismissals(other_id)
        """,
    ),
    (
        "0047_staff_answer_answered_only",
        # A staff answer that answered only some of the talent's waiting messages (a reply in
        # the staff group to one of their questions while another question of theirs waits: a
        # new staff member's review s57, L3, that other question was counted as answered): the
        # talent's message ids it answered, as a JSON list; NULL, as before, answers every
        # message relayed before it. Message ids only, erased with the line. The waiting
        # questions find such answers by conversation_log_full_answers (0032): no index here.
        "ALTER TABLE conversation_log ADD COLUMN answered_only TEXT",
    ),
    (
        "0048_registrations_sent",
        # When an account that erased its data or withdrew consent had sent registrations in
        # the 24 hours before (an attacker's review s57, M1: /hapusdata, then three new ones,
        # again and again, each with its staff alert): the erasure's keyed hash of the Telegram
        # id and each submission's time only, so REGISTRATIONS_PER_DAY still counts them.
        # Deleted by the retention job once past the 24 hours.
        """
        CREATE TABLE registrations_sent (
            subject_hash TEXT NOT NULL,
            sent_at TEXT NOT NULL
        );
        CREATE INDEX registrations_sent_subject ON registrations_sent(subject_hash, sent_at);
        CREATE INDEX registrations_sent_age ON registrations_sent(sent_at)
        """,
    ),
    (
        "0049_relayed_question_claimed",
        # Which staff answer took a relayed question, claimed before it is sent: when, and by
        # whom (the staff member's Telegram id; NULL for an anonymous admin). A staff-group
        # reply and a workspace reply to one question at once both went (the s58 close): the
        # second now finds it claimed and sends nothing. Released when the answer could not
        # be delivered, or became a holding reply. Erased with the row.
        """
        ALTER TABLE relayed_messages ADD COLUMN claimed_at TEXT;
        ALTER TABLE relayed_messages ADD COLUMN claimed_by INTEGER
        """,
    ),
    (
        "0050_talent_withdrawals",
        # When the talent cancelled a submitted registration themselves (/status, "Batalkan
        # pendaftaran ini"; a talents' review s59, H1: the only way out was withdrawing consent,
        # which deletes everything). The lead stays, closed, for staff to see why it went; no
        # stage moves it and no stage message reaches the talent about it any more. NULL: not
        # cancelled. Goes with the row (an erasure or a consent withdrawal).
        "ALTER TABLE lead_pipeline ADD COLUMN talent_withdrawn_at TEXT",
    ),
    (
        "0051_age_declarations",
        # An account that said in a form it is under 18 (the age step answered so: the
        # guardian's consent asked), then picks 18 or over in a new form (a talents' review
        # s60, H1: "Belum ada persetujuan", then /daftar as 18-24 at once, and staff saw no
        # sign). One row per account, the latest such form: its application id (which form,
        # not asked again in the same one) and when; adult_confirmed_at: when the talent then
        # confirmed the adult age in a new form (asked once; later forms are marked without
        # asking). No age, no answer. Deleted by the retention job with the conversation log
        # (which holds the same press), by an erasure and by a withdrawal of consent.
        # applications.said_under_18_at: a form whose adult age was given after such a
        # declaration, the declaration's time (staff see the mark); goes with the row.
        """
        CREATE TABLE age_declarations (
            user_id INTEGER PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
            application_id INTEGER NOT NULL,
            declared_at TEXT NOT NULL,
            adult_confirmed_at TEXT
        );
        CREATE INDEX age_declarations_age ON age_declarations(declared_at);
        ALTER TABLE applications ADD COLUMN said_under_18_at TEXT
        """,
    ),
    (
        "0052_reused_answers",
        # The registration a new one began from: a talent who cancelled one and registers
        # again may start from its kept answers (a talents' review s60, M6: all 17 typed
        # again). The cancelled lead's id, on the new draft and then on the lead it becomes,
        # so staff are told where its answers came from; the cancelled lead itself is never
        # reopened. NULL: begun afresh. Goes with the row.
        "ALTER TABLE applications ADD COLUMN reuses INTEGER",
    ),
    (
        "0053_registers_as",
        # The role of someone registering an artist or a group that the talent said at its
        # name ("Ratna Handayani (manajer)", "Saya Ratna, manajer."; a talents' review s61, L7:
        # the phone step then suggested "nomor manajermu" to the manager herself), as said:
        # the form's later words fit it. NULL: registering themself. Goes with the row.
        "ALTER TABLE applications ADD COLUMN registers_as TEXT",
    ),
    (
        "0054_question_closes",
        # A talent's waiting questions marked done by staff without a reply (a staff review
        # s64, M1: answered by phone, they stayed on the Questions tab and in the digest's
        # count unless the talent was sent a message they did not need). Everything of theirs
        # that waited before closed_at stops waiting (relayed questions, their form note's
        # question); what they write after it waits again. Who closed it: the staff member's
        # Telegram id and name as Telegram gave it (for the lead page; not in the talent's
        # copy). No question text. Goes with the talent (an erasure or a withdrawal).
        """
        CREATE TABLE question_closes (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            closed_at TEXT NOT NULL,
            closed_by_id INTEGER,
            closed_by TEXT
        );
        CREATE INDEX question_closes_talent ON question_closes(user_id, closed_at)
        """,
    ),
    (
        "0055_question_close_notes",
        # The note a close posted in the staff chat ("✔️ Tika menandai pertanyaan Eko
        # selesai…"), which names the talent: an erasure's or withdrawal's notice counts it
        # among the messages staff must delete (a close review s64, L1). NULL: no note (none
        # could be posted, or a close from before this).
        """
        ALTER TABLE question_closes ADD COLUMN staff_chat_id INTEGER;
        ALTER TABLE question_closes ADD COLUMN staff_message_id INTEGER
        """,
    ),
    (
        "0056_relayed_edits",
        # A talent's edit of a message that went to staff, shown again in the staff chat ("✏️
        # Sari mengubah pesannya…", an attacker's review s65, finding 2: edits went nowhere):
        # kind 'edit', its talent_message_id the edited message, so a staff reply to it
        # answers that message. No waiting question of its own: it waits as the original
        # does. The table is rebuilt for its CHECK; columns and index as before.
        """
        CREATE TABLE relayed_messages_new (
            id INTEGER PRIMARY KEY,
            staff_chat_id INTEGER NOT NULL,
            staff_message_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('header', 'question', 'answer', 'edit')),
            talent_message_id INTEGER,
            created_at TEXT NOT NULL,
            follows_question_id INTEGER,
            reply_answer_id INTEGER,
            reply_question_id INTEGER,
            claimed_at TEXT,
            claimed_by INTEGER,
            UNIQUE (staff_chat_id, staff_message_id)
        );
        INSERT INTO relayed_messages_new (id, staff_chat_id, staff_message_id, user_id, kind,
            talent_message_id, created_at, follows_question_id, reply_answer_id,
            reply_question_id, claimed_at, claimed_by)
            SELECT id, staff_chat_id, staff_message_id, user_id, kind, talent_message_id,
            created_at, follows_question_id, reply_answer_id, reply_question_id, claimed_at,
            claimed_by FROM relayed_messages;
        DROP TABLE relayed_messages;
        ALTER TABLE relayed_messages_new RENAME TO relayed_messages;
        CREATE INDEX relayed_messages_talent ON relayed_messages(user_id, talent_message_id)
        """,
    ),
]
