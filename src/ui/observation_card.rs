//! One observation in full, below the walk's table: every text unclipped, the position as
//! a map link, photos as thumbnails (click for a larger view), and Ändra / Ta bort.

use super::WalkAction as A;
use super::widgets::weak;
use crate::domain::{Observation, PhotoId, PhotoView};
use egui::{RichText, Ui};

/// Thumbnail height in the card, in points.
const THUMB: f32 = 110.0;

/// The image of a stored photo for egui's loaders (decoded once, cached by its URI).
pub fn photo_image(p: &PhotoView) -> egui::Image<'static> {
    egui::Image::from_bytes(
        format!("bytes://foto-{}.jpg", p.id),
        egui::load::Bytes::Shared(p.jpeg.clone()),
    )
}

/// The photo's size inside `room`, its proportions kept and never larger than it is.
fn fitted(p: &PhotoView, room: egui::Vec2) -> egui::Vec2 {
    let (w, h) = (p.width.max(1) as f32, p.height.max(1) as f32);
    let scale = (room.x / w).min(room.y / h).min(1.0);
    egui::vec2(w * scale, h * scale)
}

/// What the card shows of an observation's photos, and what it may change.
pub struct CardPhotos<'a> {
    pub shown: &'a [PhotoView],
    /// The photo shown large.
    pub enlarged: &'a mut Option<PhotoId>,
    /// A position found in a photo just added, offered for the observation.
    pub offered_position: Option<crate::domain::GeoPoint>,
    /// The field for a photo's path (no file dialog on this desktop).
    pub path: &'a mut Option<String>,
}

/// The card on `today` (a passed deadline of an open åtgärd says försenad); `editing`
/// says whether the entry row below is changing this observation.
pub fn card(
    ui: &mut Ui,
    o: &Observation,
    today: chrono::NaiveDate,
    editing: bool,
    photos: CardPhotos,
) -> Vec<A> {
    let CardPhotos {
        shown: photos,
        enlarged,
        offered_position: photo_position,
        path: photo_path,
    } = photos;
    let mut actions = Vec::new();
    egui::Frame::group(ui.style())
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&o.place).size(18.0).strong());
                ui.label(weak(o.category.label()));
                if o.positive {
                    ui.label(
                        RichText::new("Upplevs tryggt")
                            .color(super::widgets::status_color(crate::domain::Status::Done))
                            .strong(),
                    );
                }
            });
            let line = |ui: &mut Ui, label: &str, text: &str| {
                if !text.trim().is_empty() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("{label}:")).strong());
                        ui.label(text);
                    });
                }
            };
            line(ui, "Iakttagelse", &o.description);
            if !o.positive {
                line(ui, "Föreslagen åtgärd", &o.measure);
                line(ui, "Ansvarig", &o.responsible);
                if o.deadline.is_some() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new("Senast:").strong());
                        super::widgets::deadline_label(ui, o, today);
                    });
                }
                line(ui, "Status", o.status.label());
                line(ui, "Motivering", &o.status_reason);
            }
            if let Some(p) = o.position {
                ui.horizontal(|ui| {
                    ui.label(RichText::new("Position:").strong());
                    ui.label(p.to_string());
                    ui.hyperlink_to("Visa på karta", p.map_url())
                        .on_hover_text("Öppnas i webbläsaren (OpenStreetMap)");
                });
            }
            if let Some(p) = photo_position {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("Fotot togs vid {p}."));
                    if ui
                        .button("Använd som position")
                        .on_hover_text("Annars sparas ingen position: fotot sparas utan den")
                        .clicked()
                    {
                        actions.push(A::UsePhotoPosition(o.id, p));
                    }
                });
            }
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                for p in photos {
                    let r = ui
                        .add(
                            photo_image(p)
                                .fit_to_exact_size(fitted(p, egui::vec2(THUMB * 1.6, THUMB)))
                                .sense(egui::Sense::click()),
                        )
                        .on_hover_text("Klicka för större bild");
                    if r.clicked() {
                        *enlarged = Some(p.id);
                    }
                }
            });
            ui.horizontal_wrapped(|ui| {
                if ui.button("Lägg till foton…").clicked() {
                    actions.push(A::ChoosePhotos(o.id));
                }
                ui.label(weak("eller dra bildfiler (JPEG, PNG) till fönstret"));
            });
            // Where no file dialog opens: the file's path, typed or pasted.
            if let Some(path) = photo_path {
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label("Bildfil");
                    let field = ui
                        .add(
                            super::forms::text_field(path, "photo_path", 420.0)
                                .hint_text("sökväg till en JPEG- eller PNG-fil"),
                        )
                        .labelled_by(l.id);
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let typed = !path.trim().is_empty();
                    let add = ui.add_enabled(typed, egui::Button::new("Lägg till fotot"));
                    if add.clicked() || (enter && typed) {
                        actions.push(A::AddPhotoFiles(
                            o.id,
                            vec![std::path::PathBuf::from(path.trim())],
                        ));
                    }
                });
            }
            ui.horizontal(|ui| {
                if !editing && ui.button("Ändra iakttagelse").clicked() {
                    actions.push(A::EditObservation(o.id));
                }
                if ui.button("Ta bort iakttagelse").clicked() {
                    actions.push(A::DeleteObservation(o.id));
                }
                if ui.button("Stäng").clicked() {
                    actions.push(A::SelectObservation(None));
                }
            });
        });
    actions
}

/// The larger view of one photo, in a window over the page.
pub fn enlarged_window(
    ctx: &egui::Context,
    photos: &[PhotoView],
    enlarged: &mut Option<PhotoId>,
) -> Vec<A> {
    let mut actions = Vec::new();
    let Some(p) = enlarged.and_then(|id| photos.iter().find(|p| p.id == id)) else {
        *enlarged = None;
        return actions;
    };
    let mut close = false;
    let open = super::forms::modal(ctx, "Foto", Some(920.0), 40.0, |ui| {
        let max = ctx.content_rect().size() * 0.75;
        let size = fitted(p, egui::vec2(max.x.min(900.0), max.y));
        ui.add(photo_image(p).fit_to_exact_size(size));
        ui.label(weak(format!("{} × {} bildpunkter", p.width, p.height)));
        ui.horizontal(|ui| {
            if ui.button("Ta bort foto").clicked() {
                actions.push(A::DeletePhoto(p.id));
            }
            if ui.button("Stäng").clicked() {
                close = true;
            }
        });
    });
    if close || !open {
        *enlarged = None;
    }
    actions
}
