//! The walks screen's state and its transitions: what a selection, a saved walk or a
//! new observation changes on the screen. Processors call these after their store work;
//! nothing else writes the fields.

use super::walk_form::WalkForm;
use crate::domain::{
    GeoPoint, Observation, ObservationCategory, ObservationId, ObservationStatus, SafetyWalk,
    WalkId,
};
use crate::validate::{Invalid, check_text, parse_optional_date, validate_observation};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub enum WalkAction {
    Select(Option<WalkId>),
    New,
    Edit(WalkId),
    /// Plan a return walk (återbesök) on the same route.
    Revisit(WalkId),
    /// Save the form's walk (id 0: new).
    Save(Box<SafetyWalk>),
    Delete(WalkId),
    AddObservation(Box<Observation>),
    /// Go to an observation's walk and show it in full (from the åtgärdslista).
    ShowObservation(WalkId, ObservationId),
    /// Show one observation in full (its photos load), or none.
    SelectObservation(Option<ObservationId>),
    /// Load an observation into the entry row for changing it.
    EditObservation(ObservationId),
    /// Save a changed observation (every field but its status).
    UpdateObservation(Box<Observation>),
    /// Delete an observation, with Ångra.
    DeleteObservation(ObservationId),
    /// Pick photo files for an observation (the system's file dialog).
    ChoosePhotos(ObservationId),
    /// Photo files for an observation, chosen or dropped on the window.
    AddPhotoFiles(ObservationId, Vec<std::path::PathBuf>),
    DeletePhoto(crate::domain::PhotoId),
    /// Give the observation the position its photo was taken at.
    UsePhotoPosition(ObservationId, crate::domain::GeoPoint),
    /// The protokoll of the walk (the export panel).
    OpenProtocol(WalkId),
    /// The åtgärdslista of one ansvarig as a PDF (the export panel).
    OpenMeasures(String),
    /// Files dropped on the window: photos for the observation shown, if one is.
    DroppedFiles(Vec<std::path::PathBuf>),
    /// Change an observation's status, stamped with today's date.
    SetObservationStatus {
        id: ObservationId,
        status: ObservationStatus,
        reason: String,
    },
}

/// The quick-entry row for a new observation, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationDraft {
    pub place: String,
    pub category: ObservationCategory,
    pub description: String,
    pub measure: String,
    pub responsible: String,
    pub deadline: String,
    /// A place that feels safe (no åtgärd).
    pub positive: bool,
    /// "56.0512, 14.5853" as pasted from a map; empty for none.
    pub position: String,
}

impl Default for ObservationDraft {
    fn default() -> Self {
        ObservationDraft {
            place: String::new(),
            category: ObservationCategory::Lighting,
            description: String::new(),
            measure: String::new(),
            responsible: String::new(),
            deadline: String::new(),
            positive: false,
            position: String::new(),
        }
    }
}

impl ObservationDraft {
    /// The draft of a stored observation, for changing it.
    pub fn of(o: &Observation) -> Self {
        ObservationDraft {
            place: o.place.clone(),
            category: o.category,
            description: o.description.clone(),
            measure: o.measure.clone(),
            responsible: o.responsible.clone(),
            deadline: o.deadline.map(|d| d.to_string()).unwrap_or_default(),
            positive: o.positive,
            position: o.position.map(|p| p.to_string()).unwrap_or_default(),
        }
    }

    /// `o` with the draft's fields; its id, walk and status kept.
    pub fn apply_to(&self, o: &Observation, walk_date: NaiveDate) -> Result<Observation, Invalid> {
        let b = self.build(o.walk, walk_date, o.updated_on)?;
        Ok(Observation {
            id: o.id,
            status: o.status,
            status_reason: o.status_reason.clone(),
            updated_on: o.updated_on,
            ..b
        })
    }

    /// A new observation of walk `walk` (on `walk_date`), or the first problem.
    pub fn build(
        &self,
        walk: WalkId,
        walk_date: NaiveDate,
        today: NaiveDate,
    ) -> Result<Observation, Invalid> {
        let deadline = parse_optional_date(&self.deadline)?;
        if let Some(d) = deadline
            && d < walk_date
        {
            return Err(Invalid::DeadlineBeforeWalk {
                deadline: d,
                walk: walk_date,
            });
        }
        let o = Observation {
            version: 0,
            id: ObservationId::NEW,
            walk,
            place: check_text("Plats", &self.place, true, false)?,
            category: self.category,
            description: self.description.clone(),
            // A place that feels safe has no åtgärd.
            measure: if self.positive {
                String::new()
            } else {
                self.measure.clone()
            },
            responsible: if self.positive {
                String::new()
            } else {
                self.responsible.clone()
            },
            deadline: if self.positive { None } else { deadline },
            status: ObservationStatus::New,
            status_reason: String::new(),
            updated_on: today,
            positive: self.positive,
            position: crate::validate::parse_position(&self.position)?,
        };
        validate_observation(&o)
    }
}

/// A status change that needs a reason ("Ej åtgärd") before it is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingStatus {
    pub observation: ObservationId,
    pub status: ObservationStatus,
    pub reason: String,
}

/// Per-kommun state of the walks view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WalksState {
    pub selected: Option<WalkId>,
    /// The observation shown in full below the table.
    pub observation: Option<ObservationId>,
    /// Its row, when it was opened with the keyboard: Escape gives it the focus back.
    pub return_focus: Option<egui::Id>,
    /// The observation the entry row changes; None: the row adds a new one.
    pub editing: Option<Observation>,
    /// The photo shown large.
    pub enlarged: Option<crate::domain::PhotoId>,
    /// A position found in a photo just added to an observation that has none: offered,
    /// never taken without asking (the stored photo itself keeps no position).
    pub photo_position: Option<(ObservationId, crate::domain::GeoPoint)>,
    pub draft: ObservationDraft,
    pub pending: Option<PendingStatus>,
    pub confirm_delete: Option<WalkId>,
    /// The card last scrolled into view (a card scrolls into view once, when it opens).
    pub card_in_view: Option<ObservationId>,
    /// No file dialog opened: the card offers a field for a photo's path.
    pub photo_path: Option<String>,
}

/// The Trygghetsvandringar tab: the walk form when open, else the list and one walk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WalksScreen {
    pub state: WalksState,
    pub form: Option<WalkForm>,
}

impl WalksState {
    /// The entry row adds new observations again.
    pub fn cancel_edit(&mut self) {
        self.editing = None;
        self.draft = ObservationDraft::default();
    }
}

impl WalksScreen {
    /// Another walk (or none) is chosen: what belonged to the one before is dropped.
    pub fn select(&mut self, w: Option<WalkId>) {
        let st = &mut self.state;
        if st.selected != w {
            st.pending = None;
            st.confirm_delete = None;
            st.observation = None;
            st.enlarged = None;
            if st.editing.take().is_some() {
                st.draft = ObservationDraft::default();
            }
        }
        st.selected = w;
    }

    /// After the walks were read: the selected walk stays while it exists, else the newest
    /// is shown.
    pub fn keep_selection(&mut self, walks: &[crate::domain::WalkSummary]) {
        self.state.selected = self
            .state
            .selected
            .filter(|w| walks.iter().any(|s| s.walk.id == *w))
            .or_else(|| walks.first().map(|s| s.walk.id));
    }

    /// After the selected walk's observations were read: the one shown in full stays
    /// while it is among them.
    pub fn keep_observation(&mut self, observations: &[Observation]) {
        if self
            .state
            .observation
            .is_some_and(|o| !observations.iter().any(|x| x.id == o))
        {
            self.state.observation = None;
        }
    }

    pub fn open_form(&mut self, form: WalkForm) {
        self.form = Some(form);
    }

    pub fn close_form(&mut self) {
        self.form = None;
    }

    /// The form's walk was saved as `id`: the form closes on that walk.
    pub fn saved(&mut self, id: WalkId) {
        self.form = None;
        self.state.selected = Some(id);
    }

    /// Observation `o` is shown in full (its card opens and scrolls into view).
    pub fn open_card(&mut self, o: ObservationId) {
        self.state.observation = Some(o);
        self.state.enlarged = None;
    }

    /// Observation `o` of walk `walk`, from the åtgärdslista.
    pub fn show_observation(&mut self, walk: WalkId, o: ObservationId) {
        self.state.selected = Some(walk);
        self.open_card(o);
        self.state.editing = None;
    }

    pub fn select_observation(&mut self, o: Option<ObservationId>) {
        if self.state.observation != o {
            self.state.enlarged = None;
        }
        self.state.observation = o;
    }

    /// The entry row changes `o` (as stored).
    pub fn edit_observation(&mut self, o: Observation) {
        self.state.draft = ObservationDraft::of(&o);
        self.state.observation = Some(o.id);
        self.state.editing = Some(o);
    }

    pub fn observation_saved(&mut self) {
        self.state.editing = None;
    }

    pub fn observation_deleted(&mut self, id: ObservationId) {
        self.state.observation = None;
        if self.state.editing.as_ref().is_some_and(|e| e.id == id) {
            self.state.editing = None;
        }
    }

    /// No file dialog: the card offers a field for the photo's path.
    pub fn ask_photo_path(&mut self) {
        self.state.photo_path.get_or_insert_with(String::new);
    }

    /// Photos were added to `o` (`added` of them); a position found in one is offered.
    pub fn photos_added(&mut self, o: ObservationId, added: usize, found: Option<GeoPoint>) {
        if let Some(pos) = found {
            self.state.photo_position = Some((o, pos));
        }
        self.state.observation = Some(o);
        if added > 0 {
            // The typed path did its work; the field clears for the next photo.
            if let Some(p) = &mut self.state.photo_path {
                p.clear();
            }
        }
    }

    pub fn position_taken(&mut self) {
        self.state.photo_position = None;
    }

    pub fn photo_deleted(&mut self) {
        self.state.enlarged = None;
    }
}
