//! How values and parameters travel to PostgreSQL and back: the SQLite-style statement
//! rewritten to `$n`, a value bound in the parameter's own type (`date`, `boolean`,
//! `jsonb`, …), and a column read back as SQLite would hold it. Binary wire formats are
//! written here for the few types the schema uses, so that `postgres` needs no features.

use rusqlite::types::Value;

/// `?1` → `$1`, `?` → the next `$n`, `:name` → `$n` (the same name the same number);
/// quoted text and identifiers are left alone, and `::` is not a parameter.
pub(super) fn translate(sql: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut names: Vec<String> = Vec::new();
    let mut next = 0usize;
    let mut chars = sql.char_indices().peekable();
    let mut quote: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                out.push(c);
            }
            '?' => {
                let mut digits = String::new();
                while let Some((_, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                if digits.is_empty() {
                    next += 1;
                    digits = next.to_string();
                }
                out.push('$');
                out.push_str(&digits);
            }
            ':' if chars
                .peek()
                .is_some_and(|(_, d)| d.is_ascii_alphabetic() || *d == '_')
                && !sql[..i].ends_with(':') =>
            {
                let mut name = String::new();
                while let Some((_, d)) = chars
                    .peek()
                    .filter(|(_, d)| d.is_ascii_alphanumeric() || *d == '_')
                {
                    name.push(*d);
                    chars.next();
                }
                let n = match names.iter().position(|x| *x == name) {
                    Some(p) => p + 1,
                    None => {
                        names.push(name);
                        names.len()
                    }
                };
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    (out, names)
}

/// A value bound to a PostgreSQL parameter, in the parameter's own type.
#[derive(Debug)]
pub(super) struct Bind(pub(super) Value);

type BoxError = Box<dyn std::error::Error + Sync + Send>;

/// Days from 2000-01-01, PostgreSQL's date epoch.
fn pg_epoch() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

fn put<T: postgres::types::ToSql>(
    v: T,
    ty: &postgres::types::Type,
    out: &mut postgres::types::private::BytesMut,
) -> std::result::Result<postgres::types::IsNull, BoxError> {
    v.to_sql(ty, out)
}

impl postgres::types::ToSql for Bind {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<postgres::types::IsNull, BoxError> {
        use postgres::types::{IsNull, Type};
        match &self.0 {
            Value::Null => Ok(IsNull::Yes),
            Value::Integer(i) => match *ty {
                Type::INT8 => put(*i, ty, out),
                Type::INT4 => put(i32::try_from(*i)?, ty, out),
                Type::INT2 => put(i16::try_from(*i)?, ty, out),
                Type::BOOL => put(*i != 0, ty, out),
                Type::FLOAT8 => put(*i as f64, ty, out),
                Type::TEXT | Type::VARCHAR => put(i.to_string(), ty, out),
                _ => Err(format!("heltal till {ty}").into()),
            },
            Value::Real(f) => match *ty {
                Type::FLOAT8 => put(*f, ty, out),
                Type::FLOAT4 => put(*f as f32, ty, out),
                _ => Err(format!("decimaltal till {ty}").into()),
            },
            Value::Text(s) => match *ty {
                Type::DATE => {
                    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")?;
                    let days = i32::try_from((d - pg_epoch()).num_days())?;
                    put(days, &Type::INT4, out)
                }
                // jsonb's binary form: a version byte, then the text.
                Type::JSONB => {
                    out.extend_from_slice(&[1]);
                    out.extend_from_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                Type::JSON => {
                    out.extend_from_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                Type::INT8 => put(s.parse::<i64>()?, ty, out),
                _ => put(s.as_str(), &Type::TEXT, out),
            },
            Value::Blob(b) => put(b.as_slice(), &postgres::types::Type::BYTEA, out),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// A value read from PostgreSQL, as SQLite would hold it.
pub(super) struct ServerValue(pub(super) Value);

impl<'a> postgres::types::FromSql<'a> for ServerValue {
    fn from_sql(ty: &postgres::types::Type, raw: &'a [u8]) -> std::result::Result<Self, BoxError> {
        use postgres::types::Type;
        Ok(ServerValue(match *ty {
            Type::INT8 => Value::Integer(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Integer(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Value::Integer(i16::from_sql(ty, raw)?.into()),
            Type::BOOL => Value::Integer(bool::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::DATE => {
                let days = i32::from_sql(&Type::INT4, raw)?;
                let d = pg_epoch()
                    .checked_add_signed(chrono::Duration::days(days.into()))
                    .ok_or("datum utanför gränserna")?;
                Value::Text(d.format("%Y-%m-%d").to_string())
            }
            Type::JSONB => match raw.split_first() {
                Some((1, text)) => Value::Text(std::str::from_utf8(text)?.to_string()),
                _ => return Err("okänt jsonb-format".into()),
            },
            Type::BYTEA => Value::Blob(raw.to_vec()),
            _ => Value::Text(String::from_sql(&Type::TEXT, raw)?),
        }))
    }

    fn from_sql_null(_: &postgres::types::Type) -> std::result::Result<Self, BoxError> {
        Ok(ServerValue(Value::Null))
    }

    fn accepts(ty: &postgres::types::Type) -> bool {
        use postgres::types::Type;
        [
            Type::INT8,
            Type::INT4,
            Type::INT2,
            Type::BOOL,
            Type::FLOAT8,
            Type::FLOAT4,
            Type::DATE,
            Type::JSONB,
            Type::JSON,
            Type::BYTEA,
            Type::TEXT,
            Type::VARCHAR,
            Type::BPCHAR,
            Type::NAME,
        ]
        .contains(ty)
    }
}

#[cfg(test)]
mod tests {
    use super::{Bind, ServerValue, translate};
    use postgres::types::{FromSql, ToSql, Type};
    use rusqlite::types::Value;

    /// Each value the schema uses goes out in the column's own type and comes back as it
    /// went (JSON re-read by the server is compared as text here: sent as is).
    #[test]
    fn values_cross_in_the_columns_own_types_and_back() {
        let cases = [
            (Value::Text("2024-03-05".into()), Type::DATE),
            (Value::Text("1999-12-31".into()), Type::DATE),
            (Value::Integer(1), Type::BOOL),
            (Value::Integer(0), Type::BOOL),
            (Value::Integer(7_959_488_037_225_784_836), Type::INT8),
            (Value::Integer(-4), Type::INT4),
            (
                Value::Text("[\"Polisen\",\"Bostadsbolaget\"]".into()),
                Type::JSONB,
            ),
            (Value::Text("Åtgärd: belysning".into()), Type::TEXT),
            (Value::Blob(vec![0xFF, 0xD8, 0xFF]), Type::BYTEA),
            (Value::Real(56.04), Type::FLOAT8),
        ];
        for (v, ty) in cases {
            let mut out = postgres::types::private::BytesMut::new();
            Bind(v.clone()).to_sql(&ty, &mut out).unwrap();
            let back = ServerValue::from_sql(&ty, &out).unwrap();
            assert_eq!(back.0, v, "{ty}");
        }
        let mut out = postgres::types::private::BytesMut::new();
        assert!(
            Bind(Value::Integer(1 << 40))
                .to_sql(&Type::INT4, &mut out)
                .is_err()
        );
        assert!(
            Bind(Value::Text("2024-13-01".into()))
                .to_sql(&Type::DATE, &mut out)
                .is_err()
        );
        assert_eq!(
            ServerValue::from_sql_null(&Type::DATE).unwrap().0,
            Value::Null
        );
    }

    #[test]
    fn parameters_become_numbered_and_quotes_stay() {
        let (sql, names) = translate(
            "SELECT ':x', \"a:b\" FROM t WHERE a = :date AND b = :count OR c = :date AND d::text = ?",
        );
        assert_eq!(
            sql,
            "SELECT ':x', \"a:b\" FROM t WHERE a = $1 AND b = $2 OR c = $1 AND d::text = $1"
        );
        assert_eq!(names, vec!["date".to_string(), "count".to_string()]);
        assert_eq!(translate("x = ?2 AND y = ?1").0, "x = $2 AND y = $1");
    }
}
