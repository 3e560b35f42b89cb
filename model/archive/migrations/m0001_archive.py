"""The customer archive: customers, areas, contacts, transactions, change history."""


from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT
    );

    CREATE TABLE areas (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL UNIQUE,
        area_type TEXT,            -- key from resources/rules/area_types.json, or NULL
        latitude  REAL,
        longitude REAL
    );

    CREATE TABLE customers (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        gender      TEXT,          -- 'male' / 'female' / NULL
        phone       TEXT,          -- normalised: digits only, mainland mobile without +86
        phone2      TEXT,
        address     TEXT,
        area_id     INTEGER REFERENCES areas(id),
        birth_date  TEXT,          -- ISO date
        occupation  TEXT,
        employer    TEXT,
        manager     TEXT,          -- the manager in charge (管户经理)
        source      TEXT,          -- how we met
        created_on  TEXT NOT NULL, -- ISO date
        needs       TEXT,
        products    TEXT,
        notes       TEXT,
        complaints  TEXT,
        tags        TEXT,
        dim_age             TEXT,  -- segmentation dimension codes such as '1.3', NULL = unknown
        dim_family          TEXT,
        dim_occupation      TEXT,
        dim_financial_assets TEXT,
        dim_property        TEXT,
        dim_schedule        TEXT,
        dim_risk_appetite   TEXT,
        dim_consumption     TEXT,
        dim_channel         TEXT,
        latitude    REAL,
        longitude   REAL,
        deleted_at  TEXT           -- set when deleted; the record stays for its history
    );
    CREATE INDEX customers_phone ON customers(phone) WHERE phone IS NOT NULL;
    CREATE INDEX customers_area ON customers(area_id);
    CREATE INDEX customers_manager ON customers(manager);
    CREATE INDEX customers_name ON customers(name);

    CREATE TABLE contacts (
        id           INTEGER PRIMARY KEY,
        customer_id  INTEGER NOT NULL REFERENCES customers(id),
        contact_date TEXT NOT NULL,   -- ISO date
        channel      TEXT NOT NULL,   -- visit / phone / sms / online
        purpose      TEXT,
        result       TEXT,
        next_step    TEXT,
        next_date    TEXT,
        recorded_by  TEXT,
        recorded_at  TEXT NOT NULL
    );
    CREATE INDEX contacts_customer ON contacts(customer_id, contact_date);

    CREATE TABLE transactions (
        id          INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        txn_date    TEXT NOT NULL,    -- ISO date
        amount      REAL NOT NULL,
        quantity    REAL,
        product     TEXT,
        import_key  TEXT UNIQUE       -- makes re-importing the same file add nothing
    );
    CREATE INDEX transactions_customer ON transactions(customer_id, txn_date);
    CREATE INDEX transactions_date ON transactions(txn_date);

    CREATE TABLE customer_history (
        id          INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        changed_at  TEXT NOT NULL,    -- ISO timestamp
        changed_by  TEXT NOT NULL,
        field       TEXT NOT NULL,    -- a column name, or '*created' / '*deleted' / '*restored'
        old_value   TEXT,
        new_value   TEXT
    );
    CREATE INDEX customer_history_customer ON customer_history(customer_id, changed_at);
    """)
