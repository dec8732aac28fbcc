-- The benchmark data set on MariaDB (benchmarks/run --db mariadb): the tables and rows of
-- schema.sql, made with MariaDB's sequence tables (seq_1_to_N) instead of generate_series.
-- Keep the formulas in step with schema.sql and io.reactiveorm.benchmarks.common.Dataset.

SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS post_tags, posts, tags, users, new_users, stream_rows;

CREATE TABLE users (
    id      bigint       AUTO_INCREMENT PRIMARY KEY,
    name    varchar(100) NOT NULL,
    email   varchar(200) NOT NULL,
    age     integer      NOT NULL,
    active  boolean      NOT NULL,
    visits  integer      NOT NULL
);

CREATE TABLE posts (
    id        bigint       AUTO_INCREMENT PRIMARY KEY,
    author_id bigint       NOT NULL REFERENCES users (id),
    title     varchar(200) NOT NULL,
    views     integer      NOT NULL,
    KEY posts_author_id (author_id)
);

CREATE TABLE tags (
    id    bigint      AUTO_INCREMENT PRIMARY KEY,
    label varchar(50) NOT NULL UNIQUE
);

CREATE TABLE post_tags (
    post_id bigint NOT NULL REFERENCES posts (id),
    tag_id  bigint NOT NULL REFERENCES tags (id),
    PRIMARY KEY (post_id, tag_id)
);

-- Target of insert_flush_10k, emptied before every measured insert.
CREATE TABLE new_users (
    id      bigint       AUTO_INCREMENT PRIMARY KEY,
    name    varchar(100) NOT NULL,
    email   varchar(200) NOT NULL,
    age     integer      NOT NULL,
    active  boolean      NOT NULL,
    visits  integer      NOT NULL
);

CREATE TABLE stream_rows (
    id      bigint       PRIMARY KEY,
    user_id bigint       NOT NULL,
    kind    integer      NOT NULL,
    amount  double       NOT NULL,
    label   varchar(32)  NOT NULL
);

INSERT INTO users (id, name, email, age, active, visits)
SELECT seq, CONCAT('user-', seq), CONCAT('user-', seq, '@example.com'), 18 + (seq * 7919) % 60, seq % 3 <> 0, 0
FROM seq_1_to_10000;

INSERT INTO posts (id, author_id, title, views)
SELECT (u.seq - 1) * 10 + k.seq, u.seq, CONCAT('post ', k.seq, ' by user-', u.seq), (u.seq * 31 + k.seq * 17) % 1000
FROM seq_1_to_10000 AS u, seq_1_to_10 AS k;

INSERT INTO tags (id, label)
SELECT seq, CONCAT('tag-', seq) FROM seq_1_to_100;

-- Offsets 0, 31 and 62 (mod 100) give every post three distinct tags.
INSERT INTO post_tags (post_id, tag_id)
SELECT p.seq, 1 + (p.seq * 7 + j.seq * 31) % 100
FROM seq_1_to_100000 AS p, seq_0_to_2 AS j;

INSERT INTO stream_rows (id, user_id, kind, amount, label)
SELECT seq, 1 + seq % 10000, seq % 7, (seq % 1000) / 10.0, CONCAT('row-', seq)
FROM seq_1_to_1000000;

ANALYZE TABLE users, posts, tags, post_tags, new_users, stream_rows;
