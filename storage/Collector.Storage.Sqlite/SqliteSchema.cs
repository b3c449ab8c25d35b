using Microsoft.Data.Sqlite;

namespace Collector.Storage.Sqlite;

/// <summary>The schema, versioned by PRAGMA user_version: each migration runs once, in order, in one transaction.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        // 1: the whole archive.
        """
        CREATE TABLE captures (
            id TEXT PRIMARY KEY,
            fetched_at INTEGER NOT NULL,
            request_url TEXT NOT NULL,
            final_url TEXT NOT NULL,
            outcome TEXT NOT NULL,
            platform TEXT,
            source TEXT,
            run_id TEXT,
            json TEXT NOT NULL,
            new_posts INTEGER NOT NULL DEFAULT 0,
            changed_posts INTEGER NOT NULL DEFAULT 0,
            unchanged_posts INTEGER NOT NULL DEFAULT 0,
            tombstoned INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX captures_time ON captures(fetched_at);
        CREATE INDEX captures_run ON captures(run_id);
        CREATE INDEX captures_request_url ON captures(request_url);
        CREATE INDEX captures_final_url ON captures(final_url);

        CREATE TABLE posts (
            pk INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            post_id TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            published_at INTEGER,
            version_count INTEGER NOT NULL,
            latest_hash TEXT NOT NULL,
            url_key TEXT,
            imported INTEGER NOT NULL DEFAULT 0,
            tombstone_reason TEXT,
            tombstone_at INTEGER,
            tombstone_capture TEXT,
            UNIQUE (platform, post_id)
        );
        CREATE INDEX posts_url_key ON posts(url_key);
        CREATE INDEX posts_first_seen ON posts(first_seen);

        CREATE TABLE versions (
            post_pk INTEGER NOT NULL,
            number INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            capture_id TEXT,
            json TEXT NOT NULL,
            changes TEXT,
            PRIMARY KEY (post_pk, number)
        ) WITHOUT ROWID;

        CREATE TABLE observations (
            post_pk INTEGER NOT NULL,
            at INTEGER NOT NULL,
            capture_id TEXT,
            ordinal INTEGER NOT NULL,
            version INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            likes INTEGER, comments INTEGER, shares INTEGER, views INTEGER, score INTEGER
        );
        CREATE INDEX observations_post ON observations(post_pk, at);
        CREATE UNIQUE INDEX observations_capture ON observations(capture_id, post_pk) WHERE capture_id IS NOT NULL;

        CREATE TABLE post_sources (
            post_pk INTEGER NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (source, post_pk)
        ) WITHOUT ROWID;

        CREATE VIRTUAL TABLE posts_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');

        CREATE TABLE artifacts (
            sha256 TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            length INTEGER NOT NULL,
            content_type TEXT,
            encoding TEXT NOT NULL,
            stored_length INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE artifact_urls (
            url TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            kind TEXT NOT NULL,
            length INTEGER NOT NULL,
            content_type TEXT,
            PRIMARY KEY (url, sha256)
        ) WITHOUT ROWID;

        CREATE TABLE custody (
            seq INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            artifact_hashes TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            config_hash TEXT,
            host TEXT NOT NULL,
            detail TEXT,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );

        CREATE TABLE queue (
            crawl_id TEXT NOT NULL,
            unique_key TEXT NOT NULL,
            url TEXT NOT NULL,
            label TEXT,
            depth INTEGER NOT NULL,
            parent_url TEXT,
            render TEXT,
            priority INTEGER NOT NULL,
            state TEXT NOT NULL,
            attempt INTEGER NOT NULL DEFAULT 0,
            lease_token TEXT,
            lease_expires INTEGER,
            not_before INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            outcome TEXT,
            UNIQUE (crawl_id, unique_key)
        );
        CREATE INDEX queue_due ON queue(crawl_id, state, priority DESC);

        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            json TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX runs_started ON runs(source, started_at);
        """,

        // 2: full-text indexing deferred to a set-based catch-up (per-row FTS5 inserts in small transactions were the
        // largest cost of ingest): captures only note which posts need (re)indexing.
        """
        CREATE TABLE fts_queue (post_pk INTEGER PRIMARY KEY);
        INSERT OR IGNORE INTO fts_queue(post_pk) SELECT pk FROM posts;
        """,

        // 3: versions become an ordinary rowid table with a unique index on (post_pk, number). A version row holds the
        // whole post's JSON (most of the archive's bytes): as a WITHOUT ROWID table each one was a key in an index
        // b-tree, a handful to a page, split and rebalanced as they came; appended to a rowid table they fill pages
        // whole, and the index that finds them carries two integers.
        """
        CREATE TABLE versions_by_rowid (
            id INTEGER PRIMARY KEY,
            post_pk INTEGER NOT NULL,
            number INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            capture_id TEXT,
            json TEXT NOT NULL,
            changes TEXT
        );
        INSERT INTO versions_by_rowid(post_pk, number, content_hash, first_seen, capture_id, json, changes)
            SELECT post_pk, number, content_hash, first_seen, capture_id, json, changes FROM versions ORDER BY post_pk, number;
        DROP TABLE versions;
        ALTER TABLE versions_by_rowid RENAME TO versions;
        CREATE UNIQUE INDEX versions_post ON versions(post_pk, number);
        """,

        // 4: sealed records (and who owns a running run, so that a run whose process died can be marked interrupted). A custody entry carries the seal (table, key, hash of the canonical form) of every record its
        // event created or changed; an artifact keeps the SHA-256 of its stored bytes (the gzip form where compressed), so
        // that a change that still decompresses the same (a gzip header byte) is noticed.
        """
        custody.seals TEXT;
        artifacts.stored_sha256 TEXT;
        runs.owner TEXT;
        """,

        // 5: artifacts appended to pack files: the pack's name and the offset of the stored bytes (none for an artifact
        // kept in a file of its own, as archives written before packs keep them).
        """
        artifacts.pack TEXT;
        artifacts.pack_offset INTEGER;
        """,

        // 6: custody entries found by what they are about (the entry that sealed a capture, shown with it by serve),
        // instead of reading the whole log for one.
        """
        CREATE INDEX IF NOT EXISTS custody_action_subject ON custody(action, subject);
        """,
    ];

    public static int Latest => Migrations.Length;

    public static void Migrate(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar(connection, tx, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Migrations.Length)
        {
            throw new ArchiveUnavailableException(
                $"the archive's schema version {version} is newer than this build knows ({Migrations.Length}): upgrade collector");
        }

        for (var v = version; v < Migrations.Length; v++)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = (AddColumnsMigrations.Contains(v) ? AddMissingColumns(connection, tx, Migrations[v]) : Migrations[v]) + $"\nPRAGMA user_version = {v + 1};";
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>The migrations that only add columns, given as "table.column TYPE;" lines: each is added where it is missing.</summary>
    private static readonly int[] AddColumnsMigrations = [3, 4];

    private static string AddMissingColumns(SqliteConnection connection, SqliteTransaction tx, string lines)
    {
        var sql = new System.Text.StringBuilder();
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (tableColumn, type) = (line[..line.IndexOf(' ', StringComparison.Ordinal)], line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..].TrimEnd(';'));
            var (table, column) = (tableColumn[..tableColumn.IndexOf('.', StringComparison.Ordinal)], tableColumn[(tableColumn.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            if (Convert.ToInt64(Scalar(connection, tx, $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'"), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"ALTER TABLE {table} ADD COLUMN {column} {type};\n");
            }
        }

        return sql.ToString();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
