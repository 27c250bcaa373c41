//! Reading what the screens show. Runs after an action, at the level its [`Reload`]
//! asks for; no SQL runs while a frame is drawn.

use super::Reload;
use crate::domain::situation::{
    AROUND_WEEKS, PlaceLine, SituationView, Window, at_place, month_series, place_line,
};
use crate::domain::{
    Activity, BoardData, CommitmentId, MeetingData, MunicipalityId, Observation, OpenObservation,
    WalkSummary,
};
use crate::queries::{load_board, pledge_for, previous_for, years};
use crate::store::{Store, StoreError};
use crate::summary::{BoardSummary, CommitmentRow, summarize};
use crate::ui::nav::{NavArea, NavEntry, NavState, Selection};
use crate::ui::overview::OverviewCard;
use crate::ui::{Prefs, Screens};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

type Result<T> = std::result::Result<T, StoreError>;

/// The records the screens draw from.
#[derive(Debug, Clone, Default)]
pub struct ViewData {
    /// Years that have a medborgarlöfte, newest first.
    pub years: Vec<i32>,
    pub nav: Vec<NavArea>,
    pub board: Option<(BoardData, BoardSummary)>,
    pub overview: Vec<OverviewCard>,
    /// Insatser of the selected löfte, newest first.
    pub detail_activities: Vec<Activity>,
    /// The selected löfte's bedömning for the shown year.
    pub detail_assessment: Option<crate::domain::Assessment>,
    /// Beslut about the selected löfte, newest meeting first.
    pub detail_decisions: Vec<crate::domain::DecisionItem>,
    /// The indicators linked to the selected löfte.
    pub detail_indicators: Vec<crate::domain::indicators::Indicator>,
    /// The shown medborgarlöfte's own bedömning for the shown year.
    pub pledge_assessment: Option<crate::domain::PledgeAssessment>,
    /// The selected kommun's latest medborgarlöfte before the shown year, when it has none
    /// for that year (what a new one is copied from).
    pub previous_pledge: Option<crate::domain::Pledge>,
    pub walks: Vec<WalkSummary>,
    /// Observations of the selected walk.
    pub walk_observations: Vec<Observation>,
    /// How many photos each observation of the selected walk has.
    pub photo_counts: HashMap<crate::domain::ObservationId, usize>,
    /// Photos of the selected observation (never loaded with the board).
    pub observation_photos: Vec<crate::domain::PhotoView>,
    /// A selected return walk: the earlier walk's date and åtgärder.
    pub revisited: Option<(NaiveDate, Vec<Observation>)>,
    /// The åtgärdslista.
    pub open_items: Vec<OpenObservation>,
    /// What the lägesbildsmöte goes through (loaded while meeting mode is on).
    pub meeting: MeetingData,
    /// The summary of each of the meeting's boards, in the same order.
    pub meeting_summaries: Vec<BoardSummary>,
    /// The Lägesbild tab: the selected kommun's window (read on that tab).
    pub situation: Option<SituationView>,
    /// The place looked at on the Lägesbild tab.
    pub place_line: Option<PlaceLine>,
    /// The Överenskommelse tab: the kommun's agreements and the shown one's follow-up.
    pub agreement: Option<crate::ui::agreement::AgreementView>,
    agreement_key: Option<(MunicipalityId, Option<crate::domain::AgreementId>)>,
    /// What `situation` and `place_line` were read for.
    situation_key: Option<(MunicipalityId, Window, Option<String>)>,
    /// What is to be read again before it is shown.
    stale: Stale,
}

/// The parts of the view data read separately, each when it changed and is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Stale {
    /// The selected löfte's insatser, beslut and bedömning, the whole one's bedömning.
    detail: bool,
    /// Meeting mode's records.
    meeting: bool,
    /// The kommun's walks and open åtgärder (their counts are on the tabs).
    walks: bool,
    /// The selected walk's observations and photos (read on the Trygghetsvandringar tab).
    walk_detail: bool,
    /// The lägesbild (read on its tab).
    situation: bool,
    /// The agreement's follow-up (read on its tab): händelser and insatser count in it.
    agreement: bool,
}

impl Stale {
    /// Marks what `reload` changed; an insats (`Activities`) leaves the walks as they are.
    fn mark(&mut self, reload: Reload) {
        if reload == Reload::None {
            return;
        }
        self.situation = true;
        self.agreement = true;
        self.meeting = true;
        if reload == Reload::Situation {
            return;
        }
        self.detail = true;
        self.meeting = true;
        if reload != Reload::Activities {
            self.walks = true;
            self.walk_detail = true;
        }
    }
}

impl ViewData {
    /// The board row of löfte `c`.
    pub fn row(&self, c: CommitmentId) -> Option<&CommitmentRow> {
        self.board
            .as_ref()?
            .1
            .rows
            .iter()
            .find(|r| r.commitment.id == c)
    }

    pub fn municipality_name(&self, m: MunicipalityId) -> Option<&str> {
        self.nav
            .iter()
            .flat_map(|a| &a.municipalities)
            .find(|e| e.id == m)
            .map(|e| e.name.as_str())
    }

    pub fn area_name(&self, area: crate::domain::PoliceAreaId) -> &str {
        self.nav
            .iter()
            .find(|a| a.id == area)
            .map(|a| a.name.as_str())
            .unwrap_or("")
    }

    /// Reads what `reload` asks for, and what an earlier change left to read once it is
    /// shown (another tab). Errors leave the rest as it was.
    pub fn reload(
        &mut self,
        reload: Reload,
        store: &Store,
        screens: &mut Screens,
        today: NaiveDate,
    ) -> Result<()> {
        match (reload, screens.nav.municipality()) {
            (Reload::None | Reload::Situation | Reload::Selected, _) => {}
            (Reload::Board | Reload::Activities, Some(m)) => {
                self.reload_board(store, &screens.nav, m, today)?
            }
            // The overview shows every kommun's board: a change to one changes it whole.
            (Reload::Board | Reload::Activities, None) | (Reload::All | Reload::Fresh, _) => {
                self.reload_all(store, &screens.nav, today)?
            }
        }
        if reload != Reload::None {
            // The selected löfte must be on the board; the date field shows the meeting's.
            let on_board = screens.board.selected.is_none_or(|c| self.row(c).is_some());
            screens.board.keep_selection(on_board);
            let meeting = self.board.as_ref().and_then(|(b, _)| b.since);
            screens.board.meeting.show_date(meeting);
        }
        self.stale.mark(reload);
        self.refresh(store, screens, today)
    }

    /// Reads the stale parts that are shown.
    fn refresh(&mut self, store: &Store, screens: &mut Screens, today: NaiveDate) -> Result<()> {
        if self.stale.detail {
            self.reload_detail(store, screens, today)?;
            self.stale.detail = false;
        }
        if self.stale.meeting {
            self.reload_meeting(store, screens, today)?;
            self.stale.meeting = false;
        }
        let Some(m) = screens.nav.municipality() else {
            self.walks.clear();
            self.open_items.clear();
            self.walk_observations.clear();
            self.photo_counts.clear();
            self.observation_photos.clear();
            return Ok(());
        };
        if self.stale.walks {
            self.walks = store.walk_summaries(m)?;
            self.open_items = store.open_observations(m, today)?;
            // Keep the selected walk; else show the newest.
            screens.walks.keep_selection(&self.walks);
            self.stale.walks = false;
        }
        if self.stale.walk_detail && screens.nav.tab == crate::ui::nav::Tab::Walks {
            self.reload_walk(store, screens)?;
            self.stale.walk_detail = false;
        }
        if screens.nav.tab == crate::ui::nav::Tab::Agreement {
            let key = (m, screens.agreement.selected);
            if self.stale.agreement || self.agreement_key != Some(key) {
                self.reload_agreement(store, m, &screens.agreement, today)?;
                self.agreement_key = Some(key);
                self.stale.agreement = false;
            }
        }
        if screens.nav.tab == crate::ui::nav::Tab::Situation {
            let key = (
                m,
                screens.situation.window_or(today),
                screens.situation.place.clone(),
            );
            if self.stale.situation || self.situation_key.as_ref() != Some(&key) {
                self.reload_situation(store, &key)?;
                self.situation_key = Some(key);
                self.stale.situation = false;
            }
        }
        Ok(())
    }

    /// The Överenskommelse tab of kommun `m`: its agreements and the shown one's
    /// follow-up.
    fn reload_agreement(
        &mut self,
        store: &Store,
        m: MunicipalityId,
        screen: &crate::ui::agreement::AgreementScreen,
        today: NaiveDate,
    ) -> Result<()> {
        let agreements = store.agreements(m)?;
        let follow_up = match screen.shown(&agreements) {
            Some(a) => crate::report::agreement::build_agreement(store, a.id, today)?,
            None => None,
        };
        self.agreement = Some(crate::ui::agreement::AgreementView {
            municipality: m,
            agreements,
            follow_up,
        });
        Ok(())
    }

    /// The Lägesbild tab of kommun `m` for window `w`, and the place looked at.
    fn reload_situation(
        &mut self,
        store: &Store,
        (m, w, place): &(MunicipalityId, Window, Option<String>),
    ) -> Result<()> {
        let (m, w) = (*m, *w);
        let categories = store.incident_categories(m)?;
        let months = w.chart_months();
        let order: Vec<&str> = categories.iter().map(|c| c.name.as_str()).collect();
        let series = month_series(&store.incident_months(m, months)?, &order, months);
        self.situation = Some(SituationView {
            municipality: m,
            situation: store.situation(m, w)?,
            incidents: store.incidents(m, w)?,
            months: series,
            categories,
            indicators: store.indicators(m)?,
        });
        self.place_line = match place {
            Some(name) => {
                let around = chrono::Days::new(AROUND_WEEKS * 7);
                let wide = Window {
                    from: months.from - around,
                    to: months.to + around,
                };
                let (raw, days) = store.incident_days_at(m, name, wide)?;
                let activities = store.activities_between(m, months.from, months.to)?;
                let there: Vec<&Activity> = activities
                    .iter()
                    .filter(|a| at_place(&a.place, &raw))
                    .collect();
                Some(place_line(name, &days, &there, months))
            }
            None => None,
        };
        Ok(())
    }

    fn reload_all(&mut self, store: &Store, nav: &NavState, today: NaiveDate) -> Result<()> {
        self.years = years(store)?;
        // This year is always on offer: that is where a new medborgarlöfte starts.
        if !self.years.contains(&today.year()) {
            self.years.push(today.year());
            self.years.sort_unstable_by(|a, b| b.cmp(a));
        }
        let municipalities = store.municipalities()?;
        // Every kommun's medborgarlöfte for the year in one bulk read (not one per kommun).
        let mut bulk: HashMap<MunicipalityId, BoardData> = match nav.year {
            Some(y) => store
                .boards_covering(y, today)?
                .into_iter()
                .map(|b| (b.municipality.id, b))
                .collect(),
            None => {
                let mut m = HashMap::new();
                for k in &municipalities {
                    if let Some(p) = pledge_for(store, k.id, None, today)? {
                        m.insert(k.id, store.board(p, None, today)?);
                    }
                }
                m
            }
        };
        self.nav.clear();
        self.overview.clear();
        for a in store.police_areas()? {
            let mut entries = Vec::new();
            for m in municipalities.iter().filter(|m| m.police_area == a.id) {
                let board = bulk.remove(&m.id);
                let summary = board.as_ref().map(|b| summarize(b, today));
                let progress = summary.as_ref().map(|s| (s.done(), s.total()));
                if nav.selection == Some(Selection::Overview(a.id)) {
                    self.overview.push(OverviewCard {
                        municipality: m.id,
                        name: m.name.clone(),
                        title: board.as_ref().map(|b| b.pledge.title.clone()),
                        summary: summary.unwrap_or_default(),
                    });
                }
                entries.push(NavEntry {
                    id: m.id,
                    name: m.name.clone(),
                    progress,
                });
            }
            self.nav.push(NavArea {
                id: a.id,
                name: a.name,
                municipalities: entries,
            });
        }
        self.board = match nav.municipality() {
            Some(m) => load_board(store, nav.year, m, today)?,
            None => None,
        };
        self.previous_pledge = match nav.municipality() {
            Some(m) => previous_for(store, nav.year, m, self.board.is_none())?,
            None => None,
        };
        Ok(())
    }

    /// After a change that only concerns kommun `m`: its board and its entry in the left
    /// panel, not every kommun's.
    fn reload_board(
        &mut self,
        store: &Store,
        nav: &NavState,
        m: MunicipalityId,
        today: NaiveDate,
    ) -> Result<()> {
        let board = load_board(store, nav.year, m, today)?;
        let progress = board.as_ref().map(|(_, s)| (s.done(), s.total()));
        for area in &mut self.nav {
            for e in area.municipalities.iter_mut().filter(|e| e.id == m) {
                e.progress = progress;
            }
        }
        self.board = board;
        self.previous_pledge = previous_for(store, nav.year, m, self.board.is_none())?;
        Ok(())
    }

    /// The selected löfte's insatser, beslut and bedömning, and the whole medborgarlöfte's
    /// bedömning.
    fn reload_detail(&mut self, store: &Store, screens: &Screens, today: NaiveDate) -> Result<()> {
        let selected = screens.board.selected;
        self.detail_activities = match selected {
            Some(c) => store.activities_for_commitment(c)?,
            None => Vec::new(),
        };
        self.detail_decisions = match selected {
            Some(c) => store.decisions_about(c)?,
            None => Vec::new(),
        };
        self.detail_indicators = match (selected, screens.nav.municipality()) {
            (Some(c), Some(m)) => store
                .indicators(m)?
                .into_iter()
                .filter(|i| i.commitments.contains(&c))
                .collect(),
            _ => Vec::new(),
        };
        // The year a bedömning is about: the shown one when it is in the period, else the
        // period's current year.
        let year = self.board.as_ref().map(|(b, _)| {
            let period = b.pledge.period;
            screens
                .nav
                .year
                .filter(|y| period.contains_year(*y))
                .unwrap_or_else(|| period.current_year(today))
        });
        self.pledge_assessment = match (&self.board, year) {
            (Some((b, _)), Some(y)) => Some(store.pledge_assessment(b.pledge.id, y)?),
            _ => None,
        };
        self.detail_assessment = match (selected, year) {
            (Some(c), Some(y)) => Some(store.assessment(c, y)?),
            _ => None,
        };
        Ok(())
    }

    /// Meeting mode: a kommun's meeting or a lokalpolisområde's joint one.
    fn reload_meeting(&mut self, store: &Store, screens: &Screens, today: NaiveDate) -> Result<()> {
        self.meeting = match (screens.meeting.active, screens.meeting.group) {
            (true, Some(g)) => {
                let year = screens.nav.year.unwrap_or_else(|| today.year());
                crate::queries::meeting_data(store, g, year, today)?
            }
            _ => MeetingData::default(),
        };
        self.meeting_summaries = self
            .meeting
            .boards
            .iter()
            .map(|b| summarize(b, today))
            .collect();
        Ok(())
    }

    /// The selected walk's observations, photo counts, the shown observation's photos and,
    /// for a return walk, the earlier walk's åtgärder.
    fn reload_walk(&mut self, store: &Store, screens: &mut Screens) -> Result<()> {
        let selected = screens.walks.state.selected;
        self.walk_observations = match selected {
            Some(w) => store.observations(w)?,
            None => Vec::new(),
        };
        self.revisited = match selected
            .and_then(|w| self.walks.iter().find(|s| s.walk.id == w))
            .and_then(|s| s.walk.revisit_of)
        {
            Some(earlier) => {
                let w = store.walk(earlier)?;
                let obs = store
                    .observations(earlier)?
                    .into_iter()
                    .filter(|o| !o.positive)
                    .collect();
                Some((w.date, obs))
            }
            None => None,
        };
        self.photo_counts = match selected {
            Some(w) => store.photo_counts(w)?,
            None => HashMap::new(),
        };
        screens.walks.keep_observation(&self.walk_observations);
        self.observation_photos = match screens.walks.state.observation {
            Some(o) => store
                .photos(o)?
                .into_iter()
                .map(crate::domain::PhotoView::from)
                .collect(),
            None => Vec::new(),
        };
        Ok(())
    }
}

/// Where to start: the saved kommun and year when they still exist, else the first
/// kommun and this year (or the latest year before it).
pub fn initial_nav(store: &Store, prefs: &Prefs, today: NaiveDate) -> Result<NavState> {
    let years = years(store)?;
    let this_year = today.year();
    let year = prefs
        .year
        .filter(|y| years.contains(y))
        .or_else(|| years.iter().copied().find(|y| *y <= this_year))
        .or_else(|| years.last().copied());
    let municipalities = store.municipalities()?;
    let m = prefs
        .municipality
        .as_ref()
        .and_then(|n| municipalities.iter().find(|m| m.name == *n))
        .or(municipalities.first());
    Ok(NavState {
        selection: m.map(|m| Selection::Municipality(m.id)),
        year,
        ..NavState::default()
    })
}
