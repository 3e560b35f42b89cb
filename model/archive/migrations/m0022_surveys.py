"""Satisfaction surveys (满意度调查, seed 001; issue 20): one row per survey of a customer
and one per answer (a question's key of rules/surveys.json and its score). The survey's
score (the mean of its answers) is kept beside them for the trends."""
from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE surveys (
        id           INTEGER PRIMARY KEY,
        customer_id  INTEGER NOT NULL REFERENCES customers(id),
        date         TEXT NOT NULL,          -- ISO date it was asked
        score        REAL NOT NULL,          -- the mean of the answers
        note         TEXT,
        created_by   TEXT NOT NULL,
        created_at   TEXT NOT NULL           -- ISO timestamp
    );
    CREATE INDEX surveys_customer ON surveys(customer_id, date);
    CREATE TABLE survey_answers (
        survey_id    INTEGER NOT NULL REFERENCES surveys(id),
        question     TEXT NOT NULL,          -- a key of surveys.json 'questions'
        score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
        PRIMARY KEY (survey_id, question)
    ) WITHOUT ROWID;
    """)
