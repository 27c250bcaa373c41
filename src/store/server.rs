//! PostgreSQL: connecting (the address, `.pgpass`, the environment), checking that the
//! database is ours and not newer, and creating the schema in an empty one.
//!
//! The program never stores a password: it comes from the address, `PGPASSWORD` or the
//! password file PostgreSQL's own tools read (`PGPASSFILE`, `~/.pgpass`,
//! `%APPDATA%\postgresql\pgpass.conf`).

use super::db::Db;
use super::{APPLICATION_ID, LATEST_VERSION, Result, StoreError};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// The address when `--db` names a server (`postgres://…` or `postgresql://…`).
pub fn server_url(db: &Path) -> Option<&str> {
    let s = db.to_str()?;
    (s.starts_with("postgres://") || s.starts_with("postgresql://")).then_some(s)
}

/// The server's schema migrations: the schema as of each SQLite version it starts from.
/// A new SQLite migration needs its PostgreSQL twin here (a test holds them together).
pub(super) const MIGRATIONS: &[(i64, &str)] = &[
    (10, include_str!("sql/postgres/010_schema.sql")),
    (11, include_str!("sql/postgres/011_versions.sql")),
    (12, include_str!("sql/postgres/012_incidents.sql")),
    (13, include_str!("sql/postgres/013_indicators.sql")),
    (14, include_str!("sql/postgres/014_agreements.sql")),
];

/// The address as it may be shown: without a password.
pub fn shown(url: &str) -> String {
    match postgres::Config::from_str(url) {
        Ok(c) => {
            let host = c
                .get_hosts()
                .first()
                .map(|h| match h {
                    postgres::config::Host::Tcp(h) => h.clone(),
                    #[cfg(unix)]
                    postgres::config::Host::Unix(p) => p.display().to_string(),
                })
                .unwrap_or_default();
            let port = c
                .get_ports()
                .first()
                .map(|p| format!(":{p}"))
                .unwrap_or_default();
            format!(
                "postgres://{host}{port}/{}",
                c.get_dbname().unwrap_or_default()
            )
        }
        Err(_) => "postgres://…".into(),
    }
}

/// Connects to the server at `url` and checks the database (or creates the schema in an
/// empty one). Nothing is written to a database that is not ours or is newer.
pub(super) fn connect(url: &str) -> Result<(Db<'static>, bool)> {
    let mut config = postgres::Config::from_str(url).map_err(|e| {
        StoreError::Unreachable(format!("adressen {} kunde inte läsas ({e})", shown(url)))
    })?;
    if config.get_hosts().is_empty() {
        config.host(&std::env::var("PGHOST").unwrap_or_else(|_| "localhost".into()));
    }
    if config.get_user().is_none()
        && let Ok(u) = std::env::var("PGUSER")
    {
        config.user(&u);
    }
    if config.get_dbname().is_none()
        && let Ok(d) = std::env::var("PGDATABASE")
    {
        config.dbname(&d);
    }
    if config.get_password().is_none()
        && let Some(p) = std::env::var("PGPASSWORD")
            .ok()
            .or_else(|| password_from_file(&config))
    {
        config.password(p);
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    config.application_name("Trygghetstavlan");
    let client = tls::connect(&config)?;
    let db = Db::postgres(client)?;
    let created = check_or_create(&db, url)?;
    db.execute_batch("LISTEN trygghetstavlan")?;
    Ok((db, created))
}

/// The table that marks a database as ours: program id and schema version.
const MARK: &str = "trygghetstavlan_schema";

/// What the database says about itself, read before anything is written.
fn header(db: &Db) -> Result<(i64, Option<(i64, i64)>)> {
    let tables: i64 = db.query_row(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
        (),
        |r| r.get(0),
    )?;
    let marked: bool = db.query_row(
        &format!("SELECT to_regclass('{MARK}') IS NOT NULL"),
        (),
        |r| r.get(0),
    )?;
    let mark = if marked {
        Some(db.query_row(
            &format!("SELECT application_id, version FROM {MARK}"),
            (),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    } else {
        None
    };
    Ok((tables, mark))
}

fn check(url: &str, tables: i64, mark: Option<(i64, i64)>) -> Result<i64> {
    match mark {
        None if tables == 0 => Ok(0),
        Some((id, version)) if id == i64::from(APPLICATION_ID) => {
            if version > LATEST_VERSION {
                Err(StoreError::TooNew {
                    found: version,
                    supported: LATEST_VERSION,
                })
            } else {
                Ok(version)
            }
        }
        _ => Err(StoreError::ForeignDatabase(PathBuf::from(shown(url)))),
    }
}

/// Checks the database; creates or migrates the schema in one transaction, under a lock
/// so that two programs starting at once do it once. Returns whether it was created.
fn check_or_create(db: &Db, url: &str) -> Result<bool> {
    let (tables, mark) = header(db)?;
    let version = check(url, tables, mark)?;
    if version == LATEST_VERSION {
        return Ok(false);
    }
    let tx = db.begin()?;
    tx.execute(
        "SELECT pg_advisory_xact_lock(?1)",
        [i64::from(APPLICATION_ID)],
    )?;
    // Another program may have done it while this one waited for the lock.
    let (tables, mark) = header(&tx)?;
    let version = check(url, tables, mark)?;
    if version == 0 {
        tx.execute_batch(&format!(
            "CREATE TABLE {MARK} (id integer PRIMARY KEY CHECK (id = 1), \
             application_id bigint NOT NULL, version bigint NOT NULL); \
             INSERT INTO {MARK} VALUES (1, {APPLICATION_ID}, 0)"
        ))?;
    }
    let mut at = version;
    for (to, sql) in MIGRATIONS {
        if *to > at {
            tx.execute_batch(sql)
                .map_err(|e| StoreError::Migration(e.to_string()))?;
            at = *to;
        }
    }
    if at != LATEST_VERSION {
        return Err(StoreError::Migration(format!(
            "schemaversion {LATEST_VERSION} saknas för databasservern"
        )));
    }
    tx.execute(&format!("UPDATE {MARK} SET version = ?1"), [at])?;
    tx.commit()?;
    Ok(version == 0)
}

/// A new, empty database on the server at `admin` (an address whose user may create
/// databases), for tests and benchmarks; returns its address.
pub fn new_database(admin: &str) -> Result<String> {
    let mut client = postgres::Client::connect(admin, postgres::NoTls)?;
    let name = format!("trygghetstavlan_{:x}", super::rows::fresh_id());
    client.batch_execute(&format!("CREATE DATABASE {name}"))?;
    // The address back in URL form, with the new database's name.
    let (base, query) = admin.split_once('?').unwrap_or((admin, ""));
    let base = match base.rsplit_once('/') {
        Some((host, _)) if host.contains("//") && !host.ends_with('/') => host.to_string(),
        _ => base.trim_end_matches('/').to_string(),
    };
    let q = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    Ok(format!("{base}/{name}{q}"))
}

/// The password for `config` from PostgreSQL's password file, as libpq reads it:
/// `host:port:database:user:password`, `*` matching anything, `\` escaping.
fn password_from_file(config: &postgres::Config) -> Option<String> {
    let path = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(default_pgpass)?;
    let text = crate::files::read_bounded(&path, 1 << 20).ok()?;
    let text = String::from_utf8(text).ok()?;
    let host = match config.get_hosts().first()? {
        postgres::config::Host::Tcp(h) => h.clone(),
        #[cfg(unix)]
        postgres::config::Host::Unix(_) => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config
        .get_user()
        .map(String::from)
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())?;
    let dbname = config.get_dbname().unwrap_or(&user).to_string();
    pgpass_lookup(&text, &[&host, &port, &dbname, &user])
}

fn default_pgpass() -> Option<PathBuf> {
    if cfg!(windows) {
        std::env::var_os("APPDATA").map(|a| Path::new(&a).join("postgresql").join("pgpass.conf"))
    } else {
        std::env::var_os("HOME").map(|h| Path::new(&h).join(".pgpass"))
    }
}

fn pgpass_lookup(text: &str, want: &[&str; 4]) -> Option<String> {
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_pgpass(line);
        if fields.len() != 5 {
            continue;
        }
        if fields[..4]
            .iter()
            .zip(want)
            .all(|(f, w)| f == "*" || f == w)
        {
            return Some(fields[4].clone());
        }
    }
    None
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next()
                    && let Some(f) = fields.last_mut()
                {
                    f.push(n);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}

mod tls {
    use super::*;
    use postgres::config::SslMode;

    /// `sslmode=disable`: in clear text. Otherwise TLS is offered (`prefer`, the default:
    /// used when the server has it) or demanded (`require`). The server's certificate is
    /// always checked against the system's certificate store, so a kommun's own CA is
    /// trusted where the computer trusts it, and a certificate nobody vouches for is
    /// refused rather than used unchecked.
    pub(super) fn connect(config: &postgres::Config) -> Result<postgres::Client> {
        let done = if config.get_ssl_mode() == SslMode::Disable {
            config.connect(postgres::NoTls)
        } else {
            config.connect(connector()?)
        };
        done.map_err(|e| match super::super::db::server_error(e) {
            StoreError::Unreachable(m) if m.contains("certificate") => {
                StoreError::Certificate(m.rsplit(": ").next().unwrap_or(&m).to_string())
            }
            other => other,
        })
    }

    fn connector() -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
        // Once per program; a second call finds it installed. ring, not aws-lc-rs: it
        // cross-builds for Windows with mingw alone (no cmake, no nasm).
        #[allow(deprecated)]
        let _ = rustls::crypto::ring::default_provider().install_default();
        tokio_postgres_rustls::MakeRustlsConnect::with_native_certs()
            .map(|(c, _)| c)
            .map_err(|e| {
                StoreError::Unreachable(format!(
                    "datorns betrodda certifikat kunde inte läsas ({} fel)",
                    e.len()
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgpass_lines_match_as_libpq_reads_them() {
        let file = "# comment\n\
                    other:5432:*:kommun:fel\n\
                    db.region.se:5432:*:kommun:hemligt\\:lösen\n\
                    *:*:*:*:reserv\n";
        assert_eq!(
            pgpass_lookup(file, &["db.region.se", "5432", "tavlan", "kommun"]).as_deref(),
            Some("hemligt:lösen")
        );
        assert_eq!(
            pgpass_lookup(file, &["annan", "5433", "x", "y"]).as_deref(),
            Some("reserv")
        );
        assert_eq!(pgpass_lookup("a:b:c\n", &["a", "b", "c", "d"]), None);
    }

    #[test]
    fn the_server_migrations_reach_the_latest_schema() {
        assert_eq!(MIGRATIONS.last().map(|m| m.0), Some(LATEST_VERSION));
    }

    /// The server's tables have exactly SQLite's columns (the queries serve both, and the
    /// schema as data is read from SQLite's): checked on a real server when there is one.
    #[test]
    fn the_server_schema_has_the_files_columns() {
        let Ok(admin) = std::env::var("TRYGGHETSTAVLAN_TEST_PG") else {
            return;
        };
        let url = new_database(&admin).unwrap();
        drop(crate::store::Store::connect(&url).unwrap());
        let mut pg = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        let mut server: Vec<(String, String)> = pg
            .query(
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name <> 'trygghetstavlan_schema'",
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        server.sort();
        let file = crate::store::Store::open_in_memory().unwrap();
        let mut sqlite: Vec<(String, String)> = file
            .conn()
            .prepare(
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'sync_%'",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        sqlite.sort();
        assert_eq!(server, sqlite);
    }

    #[test]
    fn a_server_address_is_shown_without_its_password() {
        let s = shown("postgres://kommun:hemligt@db.region.se:5433/tavlan");
        assert_eq!(s, "postgres://db.region.se:5433/tavlan");
        assert!(server_url(Path::new("postgresql://x/y")).is_some());
        assert!(server_url(Path::new("/home/a/postgres.db")).is_none());
    }
}
