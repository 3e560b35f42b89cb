"""Circles (圈子, DOMAIN.md §5) and promotion-activity plans (促销活动方案, §6):
circles with members, activities and dated evaluations; plans with audience,
budget, staffing, schedule, checklists, status and the outcome of the activity."""


from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE promotion_plans (
        id             INTEGER PRIMARY KEY,
        title          TEXT NOT NULL,
        area_type      TEXT,             -- key from area_types.json: the template it started from
        area_id        INTEGER REFERENCES areas(id),
        circle_id      INTEGER REFERENCES circles(id) ON DELETE SET NULL,
        goal           TEXT,             -- raise / bind / defend / break / loyalty (提粘守破立)
        activity_type  TEXT,             -- key from promotion_templates.json
        theme          TEXT,
        starts_at      TEXT,             -- ISO date-time (minutes)
        ends_at        TEXT,
        time_note      TEXT,             -- the time in words (e.g. 'evening after dinner')
        place          TEXT,
        resources      TEXT,             -- supporting resources (支持资源)
        organisation   TEXT,             -- 活动组织
        daily_contact  TEXT,             -- 日常联系
        key_points     TEXT,             -- 其他关键点
        audience       TEXT NOT NULL DEFAULT '{}',  -- JSON filter (model.marketing.promotions.Audience)
        audience_snapshot TEXT,          -- JSON ids of the audience when approved
        status         TEXT NOT NULL DEFAULT 'draft',  -- draft / approved / running / done
        walk_ins       INTEGER NOT NULL DEFAULT 0,      -- participants not in the archive
        new_customers_extra INTEGER NOT NULL DEFAULT 0, -- new customers won but not (yet) entered
        window_days    INTEGER NOT NULL DEFAULT 30,     -- deals counted up to this many days after the end
        review         TEXT,
        evaluated_at   TEXT,
        evaluated_by   TEXT,
        created_at     TEXT NOT NULL,
        created_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL
    );
    CREATE INDEX promotion_plans_status ON promotion_plans(status, starts_at);

    CREATE TABLE promotion_budget (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES promotion_plans(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        item       TEXT NOT NULL,
        quantity   REAL NOT NULL,
        unit_cost  REAL NOT NULL
    );
    CREATE INDEX promotion_budget_plan ON promotion_budget(plan_id, position);

    CREATE TABLE promotion_staff (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES promotion_plans(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        who        TEXT NOT NULL,
        role       TEXT
    );
    CREATE INDEX promotion_staff_plan ON promotion_staff(plan_id, position);

    CREATE TABLE promotion_schedule (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES promotion_plans(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        at         TEXT,                 -- free time text, e.g. '18:30' or '2026-05-01 18:30'
        what       TEXT NOT NULL
    );
    CREATE INDEX promotion_schedule_plan ON promotion_schedule(plan_id, position);

    CREATE TABLE promotion_checklist (
        plan_id    INTEGER NOT NULL REFERENCES promotion_plans(id) ON DELETE CASCADE,
        phase      TEXT NOT NULL,        -- before / during / closing
        key        TEXT NOT NULL,
        position   INTEGER NOT NULL,
        label      TEXT NOT NULL,        -- as written when the plan was made (rules may change later)
        done       INTEGER NOT NULL DEFAULT 0,
        done_at    TEXT,
        done_by    TEXT,
        PRIMARY KEY (plan_id, phase, key)
    );

    CREATE TABLE promotion_participants (
        plan_id     INTEGER NOT NULL REFERENCES promotion_plans(id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        PRIMARY KEY (plan_id, customer_id)
    );
    CREATE INDEX promotion_participants_customer ON promotion_participants(customer_id);

    CREATE TABLE promotion_status_log (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL REFERENCES promotion_plans(id) ON DELETE CASCADE,
        changed_at  TEXT NOT NULL,
        changed_by  TEXT NOT NULL,
        old_status  TEXT,
        new_status  TEXT NOT NULL
    );

    CREATE TABLE circles (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        area_id       INTEGER REFERENCES areas(id),
        area_type     TEXT,              -- key from area_types.json
        centre_id     INTEGER REFERENCES customers(id),
        centre_kind   TEXT,              -- seniority / resources / rank / expertise / fun
        pull          TEXT,              -- what holds it together (向心力)
        contact_mode  TEXT,              -- e.g. a WeChat group
        notes         TEXT,
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL
    );

    CREATE TABLE circle_members (
        circle_id    INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
        customer_id  INTEGER NOT NULL REFERENCES customers(id),
        joined_on    TEXT NOT NULL,      -- ISO date
        left_on      TEXT,               -- ISO date, NULL while a member
        PRIMARY KEY (circle_id, customer_id)
    );
    CREATE INDEX circle_members_customer ON circle_members(customer_id);

    CREATE TABLE circle_activities (
        id           INTEGER PRIMARY KEY,
        circle_id    INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
        held_on      TEXT NOT NULL,      -- ISO date
        description  TEXT,
        plan_id      INTEGER REFERENCES promotion_plans(id) ON DELETE SET NULL,
        recorded_at  TEXT NOT NULL,
        recorded_by  TEXT NOT NULL
    );
    CREATE INDEX circle_activities_circle ON circle_activities(circle_id, held_on);

    CREATE TABLE circle_evaluations (
        id               INTEGER PRIMARY KEY,
        circle_id        INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
        evaluated_on     TEXT NOT NULL,  -- ISO date
        staff_perception TEXT,
        staff_score      INTEGER,        -- 1-5
        overall          INTEGER,        -- 1-5
        figures          TEXT NOT NULL,  -- JSON: size and market results computed that day
        recorded_at      TEXT NOT NULL,
        recorded_by      TEXT NOT NULL
    );
    CREATE INDEX circle_evaluations_circle ON circle_evaluations(circle_id, evaluated_on);
    """)
