//! Pure progress of a whole board: statuses, counts, behind-plan. No I/O, no clock.

use crate::domain::{
    BoardData, Commitment, CommitmentStats, Status, Target, TargetProgress, commitment_status,
    target_progress,
};
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct TargetLine {
    pub target: Target,
    pub progress: TargetProgress,
}

#[derive(Debug, Clone)]
pub struct CommitmentRow {
    pub commitment: Commitment,
    pub section_title: String,
    pub targets: Vec<TargetLine>,
    pub status: Status,
    pub behind_plan: bool,
    pub stats: CommitmentStats,
}

impl CommitmentRow {
    /// Done and goal summed over the targets (for one compact "utfört / mål").
    pub fn totals(&self) -> Option<(u32, u32)> {
        if self.targets.is_empty() {
            return None;
        }
        Some(self.targets.iter().fold((0, 0), |(d, g), t| {
            (
                d + t.progress.done.min(t.progress.goal),
                g + t.progress.goal,
            )
        }))
    }
}

#[derive(Debug, Clone, Default)]
pub struct BoardSummary {
    pub rows: Vec<CommitmentRow>,
    /// Count per status, in [`Status::ALL`] order.
    pub by_status: [u32; 5],
}

impl BoardSummary {
    pub fn total(&self) -> u32 {
        self.rows.len() as u32
    }
    pub fn count(&self, s: Status) -> u32 {
        Status::ALL
            .iter()
            .position(|x| *x == s)
            .map(|i| self.by_status[i])
            .unwrap_or(0)
    }
    pub fn done(&self) -> u32 {
        self.count(Status::Done)
    }
    /// Count per status, in [`Status::ALL`] order.
    pub fn counts(&self) -> Vec<(Status, u32)> {
        Status::ALL.into_iter().zip(self.by_status).collect()
    }
    pub fn behind(&self) -> impl Iterator<Item = &CommitmentRow> {
        self.rows.iter().filter(|r| r.behind_plan)
    }
}

/// What a target should have reached by `today` to be on plan (the year's share for a
/// per-år target), rounded up: a target is behind plan exactly when done is below it.
pub fn expected_now(t: &TargetLine, period: crate::domain::Period, today: NaiveDate) -> u32 {
    use crate::domain::{TargetScope, elapsed_share};
    use chrono::Datelike;
    let share = match t.target.scope {
        TargetScope::PerYear if today.year() == period.current_year(today) => {
            let y = today.year();
            match (
                NaiveDate::from_ymd_opt(y, 1, 1),
                NaiveDate::from_ymd_opt(y, 12, 31),
            ) {
                (Some(a), Some(b)) => elapsed_share(a, b, today),
                _ => 1.0,
            }
        }
        _ => elapsed_share(period.start(), period.end(), today),
    };
    (t.progress.goal as f64 * share - 1e-9).ceil().max(0.0) as u32
}

pub fn summarize(board: &BoardData, today: NaiveDate) -> BoardSummary {
    let period = board.pledge.period;
    let ended = period.has_ended(today);
    let mut out = BoardSummary::default();
    for c in &board.commitments {
        let targets: Vec<TargetLine> = c
            .targets
            .iter()
            .map(|t| TargetLine {
                target: t.clone(),
                progress: target_progress(
                    t,
                    board.tallies.get(&t.id).unwrap_or(&Default::default()),
                    period,
                    today,
                ),
            })
            .collect();
        let progress: Vec<TargetProgress> = targets.iter().map(|t| t.progress).collect();
        let status = commitment_status(
            c.manual_status.as_ref(),
            c.checked_on.is_some(),
            &progress,
            ended,
        );
        let behind_plan = c.manual_status.is_none()
            && status != Status::Done
            && progress.iter().any(|p| p.behind_plan);
        if let Some(i) = Status::ALL.iter().position(|s| *s == status) {
            out.by_status[i] += 1;
        }
        let section_title = board
            .sections
            .iter()
            .find(|s| s.id == c.section)
            .map(|s| s.title.clone())
            .unwrap_or_default();
        out.rows.push(CommitmentRow {
            commitment: c.clone(),
            section_title,
            targets,
            status,
            behind_plan,
            stats: board.stats.get(&c.id).cloned().unwrap_or_default(),
        });
    }
    out
}
