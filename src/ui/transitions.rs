//! What a processor's outcome changes on more than one screen at once. Each screen's own
//! transitions are methods beside its state; these move between screens (a new
//! medborgarlöfte shows its year on Redigera, a removed kommun leaves the selection).

use super::activity_form::ActivityForm;
use super::commitment_form::CommitmentForm;
use super::nav::{Selection, Tab};
use super::state::Screens;
use crate::domain::{CommitmentId, MunicipalityId};

impl Screens {
    /// Another database's data was restored: nothing selected or typed refers to it any
    /// more; only the backup window (with its message) stays.
    pub fn restored(&mut self) {
        let backups = std::mem::take(&mut self.backups);
        *self = Screens {
            backups,
            ..Default::default()
        };
    }

    /// Another kommun: its walks and åtgärder, not the previous one's forms.
    pub fn select_municipality(&mut self, m: MunicipalityId) {
        if self.nav.selection != Some(Selection::Municipality(m)) {
            self.walks = Default::default();
            self.measures = Default::default();
            // Its own list of kategorier; the window shown stays.
            self.situation.form.category = None;
            self.situation.place = None;
        }
        self.nav.selection = Some(Selection::Municipality(m));
        self.board.selected = None;
    }

    /// Another year: no löfte stays selected.
    pub fn select_year(&mut self, year: i32) {
        self.nav.year = Some(year);
        self.board.selected = None;
    }

    /// A new (or imported, or copied) medborgarlöfte: its first year, on Redigera.
    pub fn show_new_pledge(&mut self, first_year: i32) {
        self.nav.year = Some(first_year);
        self.nav.tab = Tab::Edit;
        self.board.selected = None;
    }

    /// "Nästa period": Redigera with the next year filled in, copied forward.
    pub fn start_next_period(&mut self, year: i32) {
        self.show_new_pledge(year);
        self.authoring.new_period = year.to_string();
        self.authoring.copy_previous = true;
    }

    /// Something was removed; a removed kommun leaves nothing selected.
    pub fn removed(&mut self, kommun: bool) {
        self.authoring.removing = None;
        self.board.selected = None;
        if kommun {
            self.nav.selection = None;
            self.nav.tab = Tab::Board;
        }
    }

    /// The example kommuner are gone: nothing selected, this year shown.
    pub fn examples_removed(&mut self, this_year: i32) {
        self.first_start = false;
        self.nav.selection = None;
        self.nav.year = Some(this_year);
    }

    /// A new kommun: shown on Redigera, its first medborgarlöfte for the year shown.
    pub fn municipality_created(&mut self, m: MunicipalityId, this_year: i32) {
        self.new_municipality = Default::default();
        self.nav.selection = Some(Selection::Municipality(m));
        self.nav.tab = Tab::Edit;
        self.authoring.new_period = self.nav.year.unwrap_or(this_year).to_string();
    }

    /// The löfte editor opens (the insats form, in the same panel, closes).
    pub fn open_commitment_form(&mut self, form: CommitmentForm) {
        self.board.activity_form = None;
        self.authoring.commitment_form = Some(form);
    }

    /// The insats form for löfte `c` opens (the löfte editor closes).
    pub fn open_activity_form(&mut self, c: CommitmentId, form: Option<ActivityForm>) {
        self.board.selected = Some(c);
        self.authoring.commitment_form = None;
        self.board.activity_form = form;
    }

    /// Löfte `c` (or none) is selected; a form of another löfte closes.
    pub fn select_commitment(
        &mut self,
        c: Option<CommitmentId>,
        detail: super::detail::DetailState,
    ) {
        if self.board.selected != c {
            self.board.activity_form = None;
            self.authoring.commitment_form = None;
        }
        self.board.selected = c;
        self.board.detail = detail;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PoliceAreaId, WalkId};

    #[test]
    fn another_kommun_drops_the_previous_ones_walk_and_selection() {
        let mut s = Screens::default();
        s.select_municipality(MunicipalityId(1));
        s.walks.select(Some(WalkId(7)));
        s.board.selected = Some(CommitmentId(3));
        s.select_municipality(MunicipalityId(1));
        assert_eq!(
            s.walks.state.selected,
            Some(WalkId(7)),
            "the same kommun keeps it"
        );
        assert_eq!(s.board.selected, None);
        s.select_municipality(MunicipalityId(2));
        assert_eq!(s.walks.state.selected, None, "another kommun's walks");
        assert_eq!(
            s.nav.selection,
            Some(Selection::Municipality(MunicipalityId(2)))
        );
    }

    #[test]
    fn a_removed_kommun_leaves_nothing_selected_and_the_board_tab() {
        let mut s = Screens::default();
        s.select_municipality(MunicipalityId(1));
        s.nav.tab = Tab::Edit;
        s.removed(false);
        assert_eq!(s.nav.tab, Tab::Edit, "a medborgarlöfte: the kommun stays");
        assert!(s.nav.selection.is_some());
        s.removed(true);
        assert_eq!((s.nav.selection, s.nav.tab), (None, Tab::Board));
    }

    #[test]
    fn a_new_kommun_is_shown_on_redigera_with_the_year_shown() {
        let mut s = Screens::default();
        s.nav.year = Some(2025);
        s.nav.selection = Some(Selection::Overview(PoliceAreaId(1)));
        s.new_municipality.open = true;
        s.municipality_created(MunicipalityId(9), 2026);
        assert!(!s.new_municipality.open);
        assert_eq!(s.nav.tab, Tab::Edit);
        assert_eq!(s.authoring.new_period, "2025");
        s.nav.year = None;
        s.municipality_created(MunicipalityId(9), 2026);
        assert_eq!(s.authoring.new_period, "2026", "no year shown: this year");
    }

    #[test]
    fn a_restore_keeps_only_the_backup_window() {
        let mut s = Screens::default();
        s.select_municipality(MunicipalityId(1));
        s.backups.open = true;
        s.backups.message = Some("Återställt".into());
        s.restored();
        assert_eq!(s.nav.selection, None);
        assert!(s.backups.open);
        assert_eq!(s.backups.message.as_deref(), Some("Återställt"));
    }
}
