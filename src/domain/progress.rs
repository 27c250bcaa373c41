//! The pure progress math: how far a target has come on a given day, and the status of
//! a löfte from its targets (the table in README, "Status för ett löfte").

use super::{ManualStatus, Period, Status, Target, TargetScope, elapsed_share};
use chrono::NaiveDate;

/// Insats counts towards one target, per year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetTally {
    /// (year, summed count), any order.
    pub per_year: Vec<(i32, u32)>,
}

impl TargetTally {
    pub fn in_year(&self, year: i32) -> u32 {
        self.per_year
            .iter()
            .filter(|(y, _)| *y == year)
            .map(|(_, n)| n)
            .sum()
    }

    /// Sum over the years of `period` (insatser outside the period do not count).
    pub fn in_period(&self, period: Period) -> u32 {
        self.per_year
            .iter()
            .filter(|(y, _)| period.contains_year(*y))
            .map(|(_, n)| n)
            .sum()
    }
}

/// Progress of one target on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetProgress {
    /// Done so far: in the shown year for per-år targets, else over the period.
    pub done: u32,
    /// Target for the same span as `done`.
    pub goal: u32,
    pub status: Status,
    /// Behind plan while the period runs: done < goal × elapsed share.
    pub behind_plan: bool,
}

impl TargetProgress {
    pub fn fraction(&self) -> f32 {
        if self.goal == 0 {
            1.0
        } else {
            (self.done as f32 / self.goal as f32).min(1.0)
        }
    }
}

fn status_from_counts(done: u32, goal: u32, ended: bool) -> Status {
    match (done >= goal, done == 0, ended) {
        (true, _, _) => Status::Done,
        (false, true, false) => Status::NotStarted,
        (false, true, true) => Status::NotDone,
        (false, false, false) => Status::InProgress,
        (false, false, true) => Status::PartlyDone,
    }
}

/// Progress of `target` over `period` on `today`.
///
/// Per-år targets are judged year by year: while the period runs, the current year
/// counts; after it ends the target is Genomförd only if every year met it.
pub fn target_progress(
    target: &Target,
    tally: &TargetTally,
    period: Period,
    today: NaiveDate,
) -> TargetProgress {
    let ended = period.has_ended(today);
    match target.scope {
        TargetScope::Period => {
            let done = tally.in_period(period);
            let share = elapsed_share(period.start(), period.end(), today);
            TargetProgress {
                done,
                goal: target.count,
                status: status_from_counts(done, target.count, ended),
                behind_plan: !ended && (done as f64) < target.count as f64 * share,
            }
        }
        TargetScope::PerYear => {
            let year = period.current_year(today);
            let done = tally.in_year(year);
            if ended {
                let all_met = period.years().all(|y| tally.in_year(y) >= target.count);
                let any = tally.in_period(period) > 0;
                let status = if all_met {
                    Status::Done
                } else if any {
                    Status::PartlyDone
                } else {
                    Status::NotDone
                };
                return TargetProgress {
                    done,
                    goal: target.count,
                    status,
                    behind_plan: false,
                };
            }
            let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(period.start());
            let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(period.end());
            let share = elapsed_share(start, end, today);
            TargetProgress {
                done,
                goal: target.count,
                status: status_from_counts(done, target.count, false),
                behind_plan: (done as f64) < target.count as f64 * share,
            }
        }
    }
}

/// Combined status of a löfte from its targets' statuses (or its check-off state when it
/// has no number), overridden by a manual status.
pub fn commitment_status(
    manual: Option<&ManualStatus>,
    checked: bool,
    targets: &[TargetProgress],
    ended: bool,
) -> Status {
    if let Some(m) = manual {
        return m.status;
    }
    if targets.is_empty() {
        return match (checked, ended) {
            (true, _) => Status::Done,
            (false, false) => Status::InProgress,
            (false, true) => Status::NotDone,
        };
    }
    if targets.iter().all(|t| t.status == Status::Done) {
        return Status::Done;
    }
    let any_progress = targets
        .iter()
        .any(|t| t.done > 0 || t.status == Status::Done || t.status == Status::PartlyDone);
    match (any_progress, ended) {
        (false, false) => Status::NotStarted,
        (false, true) => Status::NotDone,
        (true, false) => Status::InProgress,
        (true, true) => Status::PartlyDone,
    }
}
