"""Key accounts (KA, 重点客户, DOMAIN.md §4): modern-retail chains served at their head
office, their regions and stores, contacts with the KeyMan, the KA team, in-store
merchandising commitments (生动化), store checks against them with photo evidence
(m0008), and volume per period against target."""


from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE key_accounts (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        scope        TEXT NOT NULL CHECK (scope IN ('national', 'regional')),
        channel      TEXT,             -- format: hypermarket, supermarket, convenience chain ...
        head_office  TEXT,             -- the head office's address
        notes        TEXT,
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL
    );

    -- The account's outlets: regions (one level, under the head office) and stores
    -- (under a region or directly under the head office). Codes are the chain's own.
    CREATE TABLE ka_stores (
        id           INTEGER PRIMARY KEY,
        account_id   INTEGER NOT NULL REFERENCES key_accounts(id) ON DELETE CASCADE,
        kind         TEXT NOT NULL CHECK (kind IN ('region', 'store')),
        code         TEXT NOT NULL,
        name         TEXT NOT NULL,
        parent_id    INTEGER REFERENCES ka_stores(id) ON DELETE RESTRICT,
        address      TEXT,
        city         TEXT,
        latitude     REAL,
        longitude    REAL,
        notes        TEXT,
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        UNIQUE (account_id, code)
    );
    CREATE INDEX ka_stores_parent ON ka_stores(parent_id);

    CREATE TABLE ka_contacts (
        id           INTEGER PRIMARY KEY,
        account_id   INTEGER NOT NULL REFERENCES key_accounts(id) ON DELETE CASCADE,
        name         TEXT NOT NULL,
        role         TEXT,             -- their job at the chain: buyer, category manager, store manager ...
        phone        TEXT,
        store_id     INTEGER REFERENCES ka_stores(id) ON DELETE SET NULL,
        is_keyman    INTEGER NOT NULL DEFAULT 0,
        notes        TEXT
    );
    CREATE INDEX ka_contacts_account ON ka_contacts(account_id);
    -- The KeyMan (the decision maker, DOMAIN §2a): at most one per account.
    CREATE UNIQUE INDEX ka_contacts_keyman ON ka_contacts(account_id) WHERE is_keyman = 1;

    CREATE TABLE ka_team (
        id           INTEGER PRIMARY KEY,
        account_id   INTEGER NOT NULL REFERENCES key_accounts(id) ON DELETE CASCADE,
        role         TEXT NOT NULL CHECK (role IN ('manager', 'service', 'operation', 'merchandiser')),
        person       TEXT NOT NULL,
        position     INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX ka_team_account ON ka_team(account_id, position);

    -- In-store merchandising commitments: for one store, or (store_id NULL) for every
    -- store of the account (the one package across its stores).
    CREATE TABLE ka_commitments (
        id           INTEGER PRIMARY KEY,
        account_id   INTEGER NOT NULL REFERENCES key_accounts(id) ON DELETE CASCADE,
        store_id     INTEGER REFERENCES ka_stores(id) ON DELETE CASCADE,
        kind         TEXT NOT NULL CHECK (kind IN ('display', 'promotion', 'pos_material', 'shopper_guidance')),
        description  TEXT NOT NULL,
        starts_on    TEXT,
        ends_on      TEXT
    );
    CREATE INDEX ka_commitments_account ON ka_commitments(account_id, store_id);

    CREATE TABLE ka_store_checks (
        id           INTEGER PRIMARY KEY,
        store_id     INTEGER NOT NULL REFERENCES ka_stores(id) ON DELETE CASCADE,
        checked_on   TEXT NOT NULL,
        checker      TEXT NOT NULL,
        note         TEXT,
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL
    );
    CREATE INDEX ka_store_checks_store ON ka_store_checks(store_id, checked_on);

    CREATE TABLE ka_check_results (
        id            INTEGER PRIMARY KEY,
        check_id      INTEGER NOT NULL REFERENCES ka_store_checks(id) ON DELETE CASCADE,
        commitment_id INTEGER REFERENCES ka_commitments(id) ON DELETE SET NULL,
        kind          TEXT NOT NULL,     -- the commitment as it was when checked
        description   TEXT NOT NULL,
        result        TEXT NOT NULL CHECK (result IN ('compliant', 'partly', 'not_compliant', 'not_checked')),
        note          TEXT,
        evidence_id   INTEGER REFERENCES evidence(id),
        position      INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX ka_check_results_check ON ka_check_results(check_id, position);

    -- Volume against target per period: 'YYYY', 'YYYY-Qn' or 'YYYY-MM'.
    CREATE TABLE ka_volumes (
        id           INTEGER PRIMARY KEY,
        account_id   INTEGER NOT NULL REFERENCES key_accounts(id) ON DELETE CASCADE,
        period       TEXT NOT NULL,
        volume       REAL,
        target       REAL,
        updated_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL,
        UNIQUE (account_id, period)
    );
    """)
