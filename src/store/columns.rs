//! Typed columns: domain values to and from SQLite. Rows are read by column name straight
//! into domain types (dates through rusqlite's chrono support, as ISO text), and a stored
//! value this version does not know is an error, never a silent default.

use crate::domain::{
    ActivityId, AgreementId, CommitmentId, DecisionId, DecisionStatus, FocusAreaId,
    IncidentCategoryId, IncidentId, IndicatorId, MeetingId, MunicipalityId, ObservationCategory,
    ObservationId, ObservationStatus, Party, PhotoId, PledgeId, PoliceAreaId, SectionId, Status,
    TargetId, TimeOfDay, WalkId,
};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

macro_rules! id_columns {
    ($($t:ident),*) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(self.0.into())
            }
        }
        impl FromSql for $t {
            fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(v).map($t)
            }
        }
    )*};
}
crate::domain::with_id_types!(id_columns);

/// Enums stored by their stable key ("polisen", "genomford", …).
macro_rules! key_columns {
    ($($t:ident => $parse:expr),*) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(self.key().into())
            }
        }
        impl FromSql for $t {
            fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
                let s = v.as_str()?;
                let parse: fn(&str) -> Option<$t> = $parse;
                parse(s).ok_or_else(|| unknown(stringify!($t), s))
            }
        }
    )*};
}
key_columns!(
    Party => Party::parse,
    Status => Status::from_key,
    TimeOfDay => TimeOfDay::from_key,
    ObservationCategory => ObservationCategory::from_key,
    ObservationStatus => ObservationStatus::from_key,
    DecisionStatus => DecisionStatus::from_key
);

fn unknown(what: &str, value: &str) -> FromSqlError {
    FromSqlError::Other(format!("okänt värde för {what}: \"{value}\"").into())
}

/// Declares a struct of column positions, looked up by name once per statement:
/// rusqlite compares every column's name on each by-name `get`, which is what the
/// Sweden-scale reads spent their time on.
macro_rules! column_positions {
    ($name:ident { $($field:ident),* $(,)? }) => {
        pub(super) struct $name {
            $($field: usize),*
        }
        impl $name {
            pub(super) fn of(st: &super::db::Stmt) -> super::Result<Self> {
                Ok(Self { $($field: st.column_index(stringify!($field))?),* })
            }
        }
    };
}
pub(super) use column_positions;

/// `cols` ("id, date") with a table alias: "w.id, w.date".
pub fn prefixed(cols: &str, alias: &str) -> String {
    cols.split(',')
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A list of names stored as a JSON array (delområden, fokusområden, organisationer).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Names(pub Vec<String>);

impl ToSql for Names {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        serde_json::to_string(&self.0)
            .map(ToSqlOutput::from)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    }
}

impl FromSql for Names {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        serde_json::from_str(v.as_str()?)
            .map(Names)
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// `list` as a stored JSON array.
pub fn names(list: &[String]) -> Names {
    Names(list.to_vec())
}
