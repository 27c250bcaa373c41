//! Where "today" and "now" come from: the system clock, or a fixed moment in tests.
//! Nothing else in the crate reads the system clock.

use chrono::{NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(NaiveDate),
}

impl Clock {
    pub fn today(self) -> NaiveDate {
        self.now().date()
    }

    /// Local date and time (file names of backups are stamped with it).
    pub fn now(self) -> NaiveDateTime {
        match self {
            Clock::System => chrono::Local::now().naive_local(),
            Clock::Fixed(d) => d.and_hms_opt(12, 0, 0).unwrap_or_default(),
        }
    }
}
