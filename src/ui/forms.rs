//! Form helpers shared by every screen: labelled fields (the label names the field for
//! screen readers and for tests), combos of options, inline errors, the Spara/Avbryt row
//! with Enter and Esc, and the dialog window.

use egui::{Response, RichText, Ui, Widget, WidgetText};
use std::fmt::Display;
use std::hash::Hash;

/// What a form returns when the user is done with it.
#[derive(Debug, Clone, PartialEq)]
pub enum FormOutcome<T> {
    Save(T),
    Cancel,
}

/// A label followed by a widget that it names.
pub fn labelled(ui: &mut Ui, label: impl Into<WidgetText>, widget: impl Widget) -> Response {
    let l = ui.label(label);
    ui.add(widget).labelled_by(l.id)
}

/// Who does it and by when, for an åtgärd or a beslut: the Ansvarig field (`hint` says
/// what to write) and the Senast field; `key` keeps their ids apart from other forms'.
pub fn responsible_and_deadline(
    ui: &mut Ui,
    (responsible, deadline): (&mut String, &mut String),
    key: &str,
    (width, hint): (f32, &str),
) -> [Response; 2] {
    [
        labelled(
            ui,
            "Ansvarig",
            text_field(responsible, format!("{key}_resp"), width).hint_text(hint),
        ),
        labelled(
            ui,
            "Senast",
            text_field(deadline, format!("{key}_deadline"), 130.0).hint_text("ÅÅÅÅ-MM-DD"),
        ),
    ]
}

/// A single-line text field of a given width.
pub fn text_field<'t>(
    text: &'t mut String,
    id: impl Hash + std::fmt::Debug,
    width: f32,
) -> egui::TextEdit<'t> {
    egui::TextEdit::singleline(text)
        .id_salt(id)
        .desired_width(width)
}

/// A single-line field with a hint instead of a visible label (a row of a table-like
/// form): `name` is what a screen reader says for it, with the text typed in as its value.
pub fn hinted_field(
    ui: &mut Ui,
    text: &mut String,
    id: impl Hash + std::fmt::Debug,
    (width, hint): (f32, &str),
    name: String,
) -> Response {
    let r = ui.add(text_field(text, id, width).hint_text(hint));
    r.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name);
        info.current_text_value = Some(text.clone());
        info
    });
    r
}

/// A multi-line text field of a given width and height in rows.
pub fn text_area<'t>(
    text: &'t mut String,
    id: impl Hash + std::fmt::Debug,
    width: f32,
    rows: usize,
) -> egui::TextEdit<'t> {
    egui::TextEdit::multiline(text)
        .id_salt(id)
        .desired_width(width)
        .desired_rows(rows)
}

/// A combo with "Alla" (or another word for no choice) and one entry per option.
pub fn option_combo<T: PartialEq + Clone>(
    ui: &mut Ui,
    label: impl Into<WidgetText>,
    id: impl Hash + std::fmt::Debug,
    value: &mut Option<T>,
    none: &str,
    options: impl IntoIterator<Item = (T, String)>,
) -> Response {
    let options: Vec<(T, String)> = options.into_iter().collect();
    let shown = value
        .as_ref()
        .and_then(|v| options.iter().find(|(o, _)| o == v))
        .map(|(_, text)| text.clone())
        .unwrap_or_else(|| none.to_string());
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none);
            for (o, text) in options {
                ui.selectable_value(value, Some(o), text);
            }
        })
        .response
        .labelled_by(l.id)
}

/// An inline error in the theme's error colour.
pub fn error_line(ui: &mut Ui, e: impl Display) {
    ui.colored_label(ui.visuals().error_fg_color, e.to_string());
}

/// The error of `r`, if any, as an inline line.
pub fn error_of<T, E: Display>(ui: &mut Ui, r: &Result<T, E>) {
    if let Err(e) = r {
        error_line(ui, e);
    }
}

/// "Spara" (enabled when `built` is valid) and "Avbryt", with an optional hint. Esc
/// cancels; Enter saves when `enter_saves` and the form is valid.
pub fn save_cancel_row<T: Clone, E>(
    ui: &mut Ui,
    save_text: &str,
    built: &Result<T, E>,
    enter_saves: bool,
    hint: Option<&str>,
) -> Option<FormOutcome<T>> {
    let mut outcome = None;
    ui.horizontal(|ui| {
        let save = ui.add_enabled(
            built.is_ok(),
            egui::Button::new(RichText::new(save_text).strong()),
        );
        if save.clicked()
            && let Ok(v) = built
        {
            outcome = Some(FormOutcome::Save(v.clone()));
        }
        if ui.button("Avbryt").clicked() {
            outcome = Some(FormOutcome::Cancel);
        }
        if let Some(h) = hint {
            ui.label(RichText::new(h).weak());
        }
    });
    let (enter, esc) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Escape),
        )
    });
    if esc {
        outcome = Some(FormOutcome::Cancel);
    } else if enter
        && enter_saves
        && outcome.is_none()
        && let Ok(v) = built
    {
        outcome = Some(FormOutcome::Save(v.clone()));
    }
    outcome
}

/// A dialog while `open`: what its contents ask for; `open` turns false when the user
/// closed the window with ×.
pub fn dialog<A>(
    ctx: &egui::Context,
    open: &mut bool,
    (title, width, top): (&str, Option<f32>, f32),
    contents: impl FnOnce(&mut Ui) -> Vec<A>,
) -> Vec<A> {
    if !*open {
        return Vec::new();
    }
    let mut actions = Vec::new();
    // The window's × closes it: the dialog's own state, changed in place.
    *open = modal(ctx, title, width, top, |ui| actions = contents(ui));
    actions
}

/// Gives the focus to the first enabled, focusable widget of a window below its title bar
/// (the × stays where it is), unless the focus is in the window already.
/// True when the focus is in the window already.
fn focus_first_in(ctx: &egui::Context, window: &egui::Response) -> bool {
    let layer = window.layer_id;
    let title_bottom = window.rect.top() + ctx.global_style().spacing.interact_size.y + 6.0;
    // Read before: egui's context must not be locked twice at once.
    let focused = ctx.memory(|m| m.focused());
    let (first, inside) = ctx.viewport(|vp| {
        let widgets: Vec<_> = vp.this_pass.widgets.get_layer(layer).collect();
        let inside = focused.is_some_and(|f| widgets.iter().any(|w| w.id == f));
        let first = widgets
            .iter()
            .find(|w| w.sense.is_focusable() && w.enabled && w.rect.top() >= title_bottom)
            .map(|w| w.id);
        (first, inside)
    });
    if !inside && let Some(id) = first {
        ctx.memory_mut(|m| m.request_focus(id));
    }
    inside
}

fn open_modals_key() -> egui::Id {
    egui::Id::unique("open_modals")
}

/// Call once a frame after everything is drawn. A dialog its own button closed ("Stäng",
/// "Spara") is simply not drawn any more: the widget that had the focus when it opened
/// gets it back, unless the screen already put the focus on something that is drawn.
pub fn return_focus_from_closed_dialogs(ctx: &egui::Context) {
    let pass = ctx.cumulative_pass_nr();
    let keys = ctx.data(|d| d.get_temp::<Vec<egui::Id>>(open_modals_key()));
    let Some(keys) = keys.filter(|k| !k.is_empty()) else {
        return;
    };
    let mut still_open = Vec::new();
    for key in keys {
        let state = ctx.data(|d| d.get_temp::<(Option<egui::Id>, u64, bool)>(key));
        match state {
            Some((_, last, _)) if last >= pass => still_open.push(key),
            Some((before, ..)) => {
                ctx.data_mut(|d| d.remove::<(Option<egui::Id>, u64, bool)>(key));
                let focused = ctx.memory(|m| m.focused());
                let placed = focused
                    .is_some_and(|f| ctx.viewport(|vp| vp.this_pass.widgets.get(f).is_some()));
                if !placed && let Some(id) = before {
                    ctx.memory_mut(|m| m.request_focus(id));
                }
            }
            // Closed by × or Escape: modal gave the focus back itself.
            None => {}
        }
    }
    ctx.data_mut(|d| d.insert_temp(open_modals_key(), still_open));
}

/// A dialog window centred near the top. Returns false once the user closed it with ×
/// or Escape; then the widget that had the focus when it opened gets it back (and when its
/// own button closed it, [`return_focus_from_closed_dialogs`] does the same).
pub fn modal(
    ctx: &egui::Context,
    title: &str,
    width: Option<f32>,
    top: f32,
    add_contents: impl FnOnce(&mut Ui),
) -> bool {
    // (the focus before the dialog opened, the pass it was last drawn in, whether the
    // focus is in it yet): a dialog not drawn in the pass before has just opened. A
    // window's first pass only measures it, so the focus moves in on a later one.
    let key = egui::Id::unique(("modal_focus", title));
    let pass = ctx.cumulative_pass_nr();
    let shown_before = ctx
        .data(|d| d.get_temp::<(Option<egui::Id>, u64, bool)>(key))
        .filter(|(_, last, _)| last + 1 >= pass);
    let mut focus_in = shown_before.is_some_and(|(_, _, inside)| inside);
    let before = shown_before.map_or_else(|| ctx.memory(|m| m.focused()), |(back, ..)| back);
    let mut open = true;
    let mut window = egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, top));
    if let Some(w) = width {
        window = window.default_width(w);
    }
    let shown = window.show(ctx, add_contents);
    // Just opened: the focus moves into it, to its first field or button below the title
    // bar (unless the dialog put it somewhere itself). Once in, it is the user's.
    if !focus_in && let Some(shown) = shown {
        focus_in = focus_first_in(ctx, &shown.response);
    }
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        open = false;
    }
    if open {
        ctx.data_mut(|d| {
            d.insert_temp(key, (before, pass, focus_in));
            let open_ones = d.get_temp_mut_or_default::<Vec<egui::Id>>(open_modals_key());
            if !open_ones.contains(&key) {
                open_ones.push(key);
            }
        });
    } else {
        ctx.data_mut(|d| d.remove::<(Option<egui::Id>, u64, bool)>(key));
        if let Some(id) = before {
            ctx.memory_mut(|m| m.request_focus(id));
        }
    }
    open
}
