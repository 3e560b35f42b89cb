"""Visit plans: saved plans, their days and visits (with manual changes, locks and
outcomes), and a log of every change made to a plan."""


from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE visit_plans (
        id            INTEGER PRIMARY KEY,
        title         TEXT,
        manager       TEXT,             -- NULL: every manager's customers
        start_date    TEXT NOT NULL,    -- ISO date
        end_date      TEXT NOT NULL,
        settings      TEXT NOT NULL,    -- JSON: capacity, hours, durations, start point, days off
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL,
        route_m       INTEGER,          -- straight-line metres over the legs with known positions
        unknown_legs  INTEGER
    );
    CREATE INDEX visit_plans_start ON visit_plans(start_date);

    CREATE TABLE plan_days (
        plan_id    INTEGER NOT NULL REFERENCES visit_plans(id) ON DELETE CASCADE,
        day_date   TEXT NOT NULL,       -- ISO date of a working day of the plan
        capacity   INTEGER NOT NULL,    -- visits that day
        day_start  INTEGER NOT NULL,    -- minutes after midnight
        day_end    INTEGER NOT NULL,
        PRIMARY KEY (plan_id, day_date)
    );

    CREATE TABLE plan_visits (
        id               INTEGER PRIMARY KEY,
        plan_id          INTEGER NOT NULL REFERENCES visit_plans(id) ON DELETE CASCADE,
        customer_id      INTEGER NOT NULL REFERENCES customers(id),
        status           TEXT NOT NULL,     -- planned / unplanned / removed
        day_date         TEXT,              -- NULL while unplanned
        position         INTEGER,           -- 1-based order within the day
        planned_time     INTEGER,           -- minutes after midnight (arrival)
        window_start     INTEGER,           -- the customer's window that day, minutes
        window_end       INTEGER,
        window_key       TEXT,              -- availability key from planning.json
        duration         INTEGER NOT NULL,  -- minutes
        leg_m            INTEGER,           -- straight-line metres from the previous point
        purpose          TEXT,
        reason           TEXT,              -- why the customer is due
        priority         INTEGER NOT NULL DEFAULT 0,
        rank_class       INTEGER NOT NULL DEFAULT 1,
        tier             TEXT,
        opportunity_grade TEXT,
        overdue_days     INTEGER NOT NULL DEFAULT 0,
        due_date         TEXT,
        unplanned_code   TEXT,              -- why not planned (no_window, no_capacity, ...)
        unplanned_detail TEXT,              -- the same, in words
        pinned_day       INTEGER NOT NULL DEFAULT 0,  -- moved by hand: stays on day_date
        locked           INTEGER NOT NULL DEFAULT 0,  -- stays on day_date at position
        added            INTEGER NOT NULL DEFAULT 0,  -- added by hand (not from the due list)
        outcome          TEXT,              -- done / not_met / rescheduled
        outcome_result   TEXT,
        outcome_next_step TEXT,
        outcome_next_date TEXT,
        outcome_at       TEXT,
        outcome_by       TEXT,
        contact_id       INTEGER REFERENCES contacts(id)
    );
    CREATE INDEX plan_visits_plan ON plan_visits(plan_id, day_date, position);
    CREATE INDEX plan_visits_customer ON plan_visits(customer_id);

    CREATE TABLE plan_changes (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL REFERENCES visit_plans(id) ON DELETE CASCADE,
        visit_id    INTEGER REFERENCES plan_visits(id) ON DELETE CASCADE,
        changed_at  TEXT NOT NULL,
        changed_by  TEXT NOT NULL,
        action      TEXT NOT NULL,     -- created / move / reorder / lock / unlock / remove / restore / add / reoptimise / outcome
        detail      TEXT               -- JSON
    );
    CREATE INDEX plan_changes_plan ON plan_changes(plan_id, changed_at);
    """)
