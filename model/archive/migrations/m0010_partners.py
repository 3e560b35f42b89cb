"""Partners and their 101 checklists (合作伙伴101, DOMAIN.md §3): partners with the
outlets they cover, contacts, the 101 agreement, the checklist templates as they were
when a run used them, checklist runs with results and evidence, follow-up actions,
and targets and actuals per period.

Visit plans gain follow-up visits to partners: ``plan_visits`` is rebuilt so a visit
is either to a customer or for a partner's follow-up action (``customer_id`` may
now be NULL). ``plan_changes`` refers to ``plan_visits``, so it is set aside and
put back around the rebuild (dropping a referenced table would cascade into it).
"""


from model.archive.database import execute_script

_PLAN_VISIT_COLUMNS = (
    "id, plan_id, customer_id, status, day_date, position, planned_time, window_start, window_end, "
    "window_key, duration, leg_m, purpose, reason, priority, rank_class, tier, opportunity_grade, "
    "overdue_days, due_date, unplanned_code, unplanned_detail, pinned_day, locked, added, outcome, "
    "outcome_result, outcome_next_step, outcome_next_date, outcome_at, outcome_by, contact_id")


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE partners (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL,      -- distributor / wholesaler / retailer / other
        territory   TEXT,
        address     TEXT,
        latitude    REAL,
        longitude   REAL,
        phone       TEXT,
        manager     TEXT,               -- our manager in charge (101 project manager)
        notes       TEXT,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL
    );
    CREATE INDEX partners_name ON partners(name);

    CREATE TABLE partner_outlets (
        id           INTEGER PRIMARY KEY,
        partner_id   INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        name         TEXT NOT NULL,
        address      TEXT,
        phone        TEXT,
        channel      TEXT,              -- the kind of outlet, free text (supermarket, kiosk, ...)
        customer_id  INTEGER REFERENCES customers(id) ON DELETE SET NULL,
        added_at     TEXT NOT NULL,
        added_by     TEXT NOT NULL
    );
    CREATE INDEX partner_outlets_partner ON partner_outlets(partner_id, name);
    CREATE INDEX partner_outlets_customer ON partner_outlets(customer_id);

    CREATE TABLE partner_contacts (
        id          INTEGER PRIMARY KEY,
        partner_id  INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        name        TEXT NOT NULL,
        role        TEXT,
        phone       TEXT,
        keyman      INTEGER NOT NULL DEFAULT 0   -- the decision maker (KeyMan)
    );
    CREATE INDEX partner_contacts_partner ON partner_contacts(partner_id, position);

    CREATE TABLE partner_agreements (
        partner_id  INTEGER PRIMARY KEY REFERENCES partners(id) ON DELETE CASCADE,
        signed_on   TEXT,
        starts_on   TEXT,
        ends_on     TEXT,
        notes       TEXT
    );

    CREATE TABLE partner_commitments (
        id          INTEGER PRIMARY KEY,
        partner_id  INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        side        TEXT NOT NULL,      -- partner / ours
        topic       TEXT NOT NULL,      -- coverage, targets, warehouse, delivery / logistics, information,
                                        -- merchandising, incentives
        position    INTEGER NOT NULL,
        text        TEXT NOT NULL
    );
    CREATE INDEX partner_commitments_partner ON partner_commitments(partner_id, side, position);

    CREATE TABLE checklist_templates (
        id            INTEGER PRIMARY KEY,
        version       TEXT NOT NULL,
        revision      INTEGER NOT NULL,   -- 1, or more when the file changed but kept its version
        content_hash  TEXT NOT NULL,      -- sha256 of the items as stored
        content       TEXT NOT NULL,      -- JSON: parts and items (titles, guidance, weights)
        stored_at     TEXT NOT NULL,
        UNIQUE (version, content_hash),
        UNIQUE (version, revision)
    );

    CREATE TABLE checklist_runs (
        id           INTEGER PRIMARY KEY,
        partner_id   INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        template_id  INTEGER NOT NULL REFERENCES checklist_templates(id),
        run_on       TEXT NOT NULL,       -- ISO date of the review
        reviewer     TEXT NOT NULL,
        notes        TEXT,
        score        REAL,                -- weighted score 0..100; NULL when no item applies
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL
    );
    CREATE INDEX checklist_runs_partner ON checklist_runs(partner_id, run_on);

    CREATE TABLE checklist_results (
        run_id    INTEGER NOT NULL REFERENCES checklist_runs(id) ON DELETE CASCADE,
        item_key  TEXT NOT NULL,
        result    TEXT NOT NULL CHECK (result IN ('met', 'not_met', 'na')),
        note      TEXT,
        PRIMARY KEY (run_id, item_key)
    );

    CREATE TABLE checklist_evidence (
        run_id       INTEGER NOT NULL REFERENCES checklist_runs(id) ON DELETE CASCADE,
        item_key     TEXT NOT NULL,
        evidence_id  INTEGER NOT NULL REFERENCES evidence(id),
        PRIMARY KEY (run_id, item_key, evidence_id)
    );

    CREATE TABLE partner_actions (
        id          INTEGER PRIMARY KEY,
        partner_id  INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        run_id      INTEGER REFERENCES checklist_runs(id) ON DELETE SET NULL,
        item_key    TEXT,
        text        TEXT NOT NULL,
        owner       TEXT NOT NULL,
        due_on      TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        done_on     TEXT,
        done_by     TEXT,
        done_note   TEXT,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL
    );
    CREATE INDEX partner_actions_due ON partner_actions(status, due_on);
    CREATE INDEX partner_actions_partner ON partner_actions(partner_id, status);

    CREATE TABLE partner_targets (
        partner_id  INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        period      TEXT NOT NULL,        -- 'YYYY-MM' or 'YYYY-Qn'
        target      REAL NOT NULL,
        actual      REAL,                 -- entered or imported; NULL: from the outlets' transactions
        PRIMARY KEY (partner_id, period)
    );

    CREATE TABLE plan_changes_keep AS SELECT * FROM plan_changes;
    DROP TABLE plan_changes;

    CREATE TABLE plan_visits_v10 (
        id               INTEGER PRIMARY KEY,
        plan_id          INTEGER NOT NULL REFERENCES visit_plans(id) ON DELETE CASCADE,
        customer_id      INTEGER REFERENCES customers(id),
        status           TEXT NOT NULL,
        day_date         TEXT,
        position         INTEGER,
        planned_time     INTEGER,
        window_start     INTEGER,
        window_end       INTEGER,
        window_key       TEXT,
        duration         INTEGER NOT NULL,
        leg_m            INTEGER,
        purpose          TEXT,
        reason           TEXT,
        priority         INTEGER NOT NULL DEFAULT 0,
        rank_class       INTEGER NOT NULL DEFAULT 1,
        tier             TEXT,
        opportunity_grade TEXT,
        overdue_days     INTEGER NOT NULL DEFAULT 0,
        due_date         TEXT,
        unplanned_code   TEXT,
        unplanned_detail TEXT,
        pinned_day       INTEGER NOT NULL DEFAULT 0,
        locked           INTEGER NOT NULL DEFAULT 0,
        added            INTEGER NOT NULL DEFAULT 0,
        outcome          TEXT,
        outcome_result   TEXT,
        outcome_next_step TEXT,
        outcome_next_date TEXT,
        outcome_at       TEXT,
        outcome_by       TEXT,
        contact_id       INTEGER REFERENCES contacts(id),
        partner_action_id INTEGER REFERENCES partner_actions(id) ON DELETE CASCADE,
        CHECK ((customer_id IS NULL) <> (partner_action_id IS NULL))
    );
    """)
    conn.execute(f"INSERT INTO plan_visits_v10 ({_PLAN_VISIT_COLUMNS}) "
                 f"SELECT {_PLAN_VISIT_COLUMNS} FROM plan_visits")
    execute_script(conn, """
    DROP TABLE plan_visits;
    ALTER TABLE plan_visits_v10 RENAME TO plan_visits;
    CREATE INDEX plan_visits_plan ON plan_visits(plan_id, day_date, position);
    CREATE INDEX plan_visits_customer ON plan_visits(customer_id);
    CREATE INDEX plan_visits_partner_action ON plan_visits(partner_action_id);

    CREATE TABLE plan_changes (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL REFERENCES visit_plans(id) ON DELETE CASCADE,
        visit_id    INTEGER REFERENCES plan_visits(id) ON DELETE CASCADE,
        changed_at  TEXT NOT NULL,
        changed_by  TEXT NOT NULL,
        action      TEXT NOT NULL,
        detail      TEXT
    );
    INSERT INTO plan_changes (id, plan_id, visit_id, changed_at, changed_by, action, detail)
        SELECT id, plan_id, visit_id, changed_at, changed_by, action, detail FROM plan_changes_keep;
    DROP TABLE plan_changes_keep;
    CREATE INDEX plan_changes_plan ON plan_changes(plan_id, changed_at);
    """)
