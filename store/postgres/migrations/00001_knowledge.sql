-- +goose Up
-- The knowledge base: sources, agreements, projects, trade figures,
-- documents and facts. Dates are TEXT (YYYY-MM-DD, or YYYY / YYYY-MM for
-- agreement history), lists of citations JSON, ranges three number columns.
-- fingerprint is the SHA-256 of the record's canonical JSON: a record whose
-- fingerprint is unchanged is not rewritten.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sources (
    id          TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    title       TEXT NOT NULL,
    publisher   TEXT NOT NULL,
    url         TEXT NOT NULL,
    date        TEXT,
    note        TEXT NOT NULL
);

CREATE TABLE agreements (
    id          TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    signatories TEXT NOT NULL,
    subject     TEXT NOT NULL,
    project     TEXT NOT NULL,
    sources     TEXT NOT NULL,
    note        TEXT NOT NULL
);

CREATE TABLE agreement_parties (
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    country      TEXT NOT NULL,
    PRIMARY KEY (agreement_id, country)
);
CREATE INDEX agreement_parties_country ON agreement_parties (country);

CREATE TABLE agreement_history (
    agreement_id TEXT    NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    seq          BIGINT  NOT NULL,
    date         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    event        TEXT    NOT NULL,
    sources      TEXT    NOT NULL,
    PRIMARY KEY (agreement_id, seq)
);

CREATE TABLE projects (
    id               TEXT PRIMARY KEY,
    fingerprint      TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    names            TEXT NOT NULL,
    kind             TEXT NOT NULL,
    length_km        DOUBLE PRECISION,
    length_km_min    DOUBLE PRECISION,
    length_km_max    DOUBLE PRECISION,
    cost_usd         DOUBLE PRECISION,
    cost_usd_min     DOUBLE PRECISION,
    cost_usd_max     DOUBLE PRECISION,
    capacity_tpy     DOUBLE PRECISION,
    capacity_tpy_min DOUBLE PRECISION,
    capacity_tpy_max DOUBLE PRECISION,
    sources          TEXT NOT NULL,
    note             TEXT NOT NULL
);

CREATE TABLE project_countries (
    project_id TEXT    NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    seq        BIGINT  NOT NULL,
    country    TEXT    NOT NULL,
    PRIMARY KEY (project_id, seq)
);
CREATE INDEX project_countries_country ON project_countries (country);

CREATE TABLE project_history (
    project_id TEXT    NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    seq        BIGINT  NOT NULL,
    date       TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    event      TEXT    NOT NULL,
    sources    TEXT    NOT NULL,
    PRIMARY KEY (project_id, seq)
);

CREATE TABLE project_links (
    project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    link_id    TEXT NOT NULL,
    PRIMARY KEY (project_id, link_id)
);

CREATE TABLE trade_figures (
    id            TEXT PRIMARY KEY,
    fingerprint   TEXT    NOT NULL,
    country_a     TEXT    NOT NULL,
    country_b     TEXT    NOT NULL,
    flow          TEXT    NOT NULL,
    scope         TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    period_label  TEXT    NOT NULL,
    period_start  TEXT,
    period_end    TEXT,
    subject       TEXT    NOT NULL,
    usd           DOUBLE PRECISION,
    usd_min       DOUBLE PRECISION,
    usd_max       DOUBLE PRECISION,
    tonnes        DOUBLE PRECISION,
    tonnes_min    DOUBLE PRECISION,
    tonnes_max    DOUBLE PRECISION,
    qualifier     TEXT    NOT NULL,
    growth_pct    DOUBLE PRECISION,
    announced     TEXT,
    reporter      TEXT    NOT NULL,
    reporter_name TEXT    NOT NULL,
    sources       TEXT    NOT NULL,
    document      TEXT    NOT NULL,
    start_byte    BIGINT  NOT NULL,
    end_byte      BIGINT  NOT NULL,
    note          TEXT    NOT NULL
);
CREATE INDEX trade_figures_pair ON trade_figures (country_a, country_b);

CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    title       TEXT NOT NULL,
    lang        TEXT NOT NULL,
    date        TEXT,
    url         TEXT NOT NULL,
    source      TEXT NOT NULL,
    text        TEXT NOT NULL
);

CREATE TABLE facts (
    id            TEXT PRIMARY KEY,
    fingerprint   TEXT    NOT NULL,
    document_id   TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq           BIGINT  NOT NULL,
    kind          TEXT    NOT NULL,
    countries     TEXT    NOT NULL,
    value         DOUBLE PRECISION,
    value_max     DOUBLE PRECISION,
    unit          TEXT    NOT NULL,
    period        TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    growth_pct    DOUBLE PRECISION,
    quote         TEXT    NOT NULL,
    start_byte    BIGINT  NOT NULL,
    end_byte      BIGINT  NOT NULL,
    flow          TEXT    NOT NULL,
    qualifier     TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    project       TEXT    NOT NULL,
    parties       TEXT    NOT NULL,
    place         TEXT    NOT NULL,
    date          TEXT,
    alt_countries TEXT    NOT NULL,
    note          TEXT    NOT NULL,
    review_state  TEXT    NOT NULL,
    review_note   TEXT    NOT NULL,
    reviewed_at   TEXT    NOT NULL
);
CREATE INDEX facts_document ON facts (document_id, seq);
CREATE INDEX facts_review ON facts (review_state);

CREATE TABLE fact_countries (
    fact_id TEXT NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    PRIMARY KEY (fact_id, country)
);
CREATE INDEX fact_countries_country ON fact_countries (country);

-- +goose Down
DROP TABLE fact_countries;
DROP TABLE facts;
DROP TABLE documents;
DROP TABLE trade_figures;
DROP TABLE project_links;
DROP TABLE project_history;
DROP TABLE project_countries;
DROP TABLE projects;
DROP TABLE agreement_history;
DROP TABLE agreement_parties;
DROP TABLE agreements;
DROP TABLE sources;
DROP TABLE meta;
