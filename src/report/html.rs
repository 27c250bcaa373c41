//! The uppföljning as one web page for the kommun's citizens: what was promised, what was
//! done, what it led to and what happens next. Self-contained (inline CSS and SVG, no
//! script, nothing fetched), accessible (`lang="sv"`, one `<h1>`, headings in order,
//! status in words as well as colour, `<th scope>`), readable on a phone. Built from the
//! same pure model as the PDF, which has no field for internal notes.

use super::model::{CommitmentDetail, FollowUp};
use crate::domain::Status;
use crate::domain::palette::{self, Rgb};
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Paragraphs from text with blank-line breaks.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape(p).replace('\n', "<br>")))
        .collect()
}

const CSS: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;\
line-height:1.5;color:#1a1a1a;background:#fff;margin:0 auto;max-width:52rem;padding:1rem}\
h1{font-size:1.7rem;line-height:1.25}h2{font-size:1.35rem;margin-top:2rem;\
border-bottom:2px solid #ddd;padding-bottom:.2rem}h3{font-size:1.1rem;margin-bottom:.3rem}\
.meta{color:#4a4a4a}.lofte{margin:1rem 0 1.5rem}\
.status{display:inline-block;color:#fff;border-radius:.3rem;padding:.05rem .5rem;\
font-weight:600}.facts{color:#4a4a4a;margin:.2rem 0}\
table{border-collapse:collapse;width:100%;margin:.5rem 0}\
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}\
th{background:#eef1f6}svg{max-width:100%;height:auto}table.months{width:auto;min-width:14rem;font-size:.9rem}summary{cursor:pointer;color:#1d3a8a}\
h4{font-size:1rem;margin:.7rem 0 .1rem}h4+p{margin-top:0}caption{text-align:left;\
font-weight:600;padding:.3rem 0}@media (max-width:40rem){body{padding:.6rem}h1{font-size:1.45rem}}\
@media print{body{max-width:none}h2{break-after:avoid}.lofte{break-inside:avoid}}";

/// The status bar of the summary as inline SVG, with the counts as its text alternative.
fn status_bar(f: &FollowUp) -> String {
    let total = f.total().max(1) as f64;
    let mut x = 0.0;
    let mut rects = String::new();
    let mut alt = Vec::new();
    for (s, n) in &f.counts {
        if *n == 0 {
            continue;
        }
        let w = 600.0 * f64::from(*n) / total;
        let _ = write!(
            rects,
            "<rect x=\"{x:.1}\" y=\"0\" width=\"{w:.1}\" height=\"24\" fill=\"{}\"/>",
            hex(palette::status(*s))
        );
        x += w;
        alt.push(format!("{} {}", n, s.label().to_lowercase()));
    }
    format!(
        "<svg role=\"img\" aria-label=\"{}\" viewBox=\"0 0 600 24\" width=\"600\" height=\"24\">\
         <title>{}</title>{rects}</svg>",
        escape(&alt.join(", ")),
        escape(&alt.join(", "))
    )
}

fn status_chip(s: Status) -> String {
    format!(
        "<span class=\"status\" style=\"background:{}\">{}</span>",
        hex(palette::status(s)),
        escape(s.label())
    )
}

fn lofte(out: &mut String, c: &CommitmentDetail) {
    let _ = write!(
        out,
        "<section class=\"lofte\"><h3>{}</h3><p class=\"facts\">{} · Ansvarig: {}",
        escape(&c.text),
        status_chip(c.status),
        escape(c.party.label())
    );
    if c.goal != "–" {
        let _ = write!(
            out,
            " · Mål: {} · Utfört: {}",
            escape(&c.goal.replace('\n', "; ")),
            escape(&c.done.replace('\n', "; "))
        );
    }
    out.push_str("</p>");
    if let Some(last) = &c.last_time {
        let _ = write!(
            out,
            "<p class=\"facts\">Förra perioden: {}</p>",
            escape(last)
        );
    }
    for i in &c.indicators {
        let _ = write!(out, "<p class=\"facts\">Mäts med: {}</p>", escape(i));
    }
    if !c.activities.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(&activity_prose(&c.activities)));
        out.push_str(&month_table(&c.activities));
    }
    for (title, text) in [
        ("Vad det ledde till", &c.result),
        ("Varför det inte blev som planerat", &c.cause),
        ("Hur arbetet fortsätter", &c.next),
    ] {
        if !text.trim().is_empty() {
            let _ = write!(out, "<h4>{title}</h4>{}", paragraphs(text));
        }
    }
    out.push_str("</section>");
}

/// What was done for a löfte, in sentences a resident reads: who, how often, where most
/// often and when last ("Polisen har gjort 8 insatser och kommunen 4, sammanlagt 12. Oftast
/// vid: Torget (5 gånger), Centrum (3 gånger). Den senaste var den 3 maj 2024.").
pub fn activity_prose(activities: &[super::model::ActivityLine]) -> String {
    use crate::domain::Party;
    let times = |p: Party| -> u32 {
        activities
            .iter()
            .filter(|a| a.by == p)
            .map(|a| a.count)
            .sum()
    };
    let insatser = |n: u32| if n == 1 { "insats" } else { "insatser" };
    let (police, kommun, joint) = (
        times(Party::Polisen),
        times(Party::Kommunen),
        times(Party::Gemensamt),
    );
    let total = police + kommun + joint;
    let mut who: Vec<String> = Vec::new();
    for (n, name) in [
        (police, "polisen"),
        (kommun, "kommunen"),
        (joint, "polisen och kommunen tillsammans"),
    ] {
        if n > 0 {
            who.push(if who.is_empty() {
                format!("{name} har gjort {n} {}", insatser(n))
            } else {
                format!("{name} {n}")
            });
        }
    }
    let mut text = crate::validate::capitalized(&join_and(&who));
    if who.len() > 1 {
        text.push_str(&format!(", sammanlagt {total}"));
    }
    text.push('.');
    let mut places: Vec<(&str, u32)> = Vec::new();
    for a in activities {
        let p = a.place.trim();
        if p.is_empty() {
            continue;
        }
        match places.iter_mut().find(|(q, _)| *q == p) {
            Some((_, n)) => *n += a.count,
            None => places.push((p, a.count)),
        }
    }
    places.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if !places.is_empty() {
        let shown: Vec<String> = places
            .iter()
            .take(3)
            .map(|(p, n)| format!("{p} ({n} {})", if *n == 1 { "gång" } else { "gånger" }))
            .collect();
        let label = if places.len() == 1 {
            "Plats"
        } else {
            "Oftast vid"
        };
        text.push_str(&format!(" {label}: {}.", shown.join(", ")));
    }
    if let Some(last) = activities.iter().map(|a| a.date).max() {
        use chrono::Datelike;
        let month =
            crate::domain::charts::MONTH_NAMES[(last.month() as usize).saturating_sub(1).min(11)];
        let which = if total == 1 { "Den" } else { "Den senaste" };
        text.push_str(&format!(
            " {which} var den {} {month} {}.",
            last.day(),
            last.year()
        ));
    }
    text
}

/// "a, b och c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} och {last}", rest.join(", ")),
    }
}

/// The insatser per month as a small table, for whoever wants the numbers.
fn month_table(activities: &[super::model::ActivityLine]) -> String {
    use chrono::Datelike;
    let mut months: std::collections::BTreeMap<(i32, u32), u32> = Default::default();
    for a in activities {
        *months.entry((a.date.year(), a.date.month())).or_default() += a.count;
    }
    // Folded away (no script needed): the sentences above are what most people read.
    let mut out = String::from(
        "<details><summary>Insatser per månad</summary><table class=\"months\">\
         <caption>Insatser per månad</caption><thead><tr><th scope=\"col\">Månad</th>\
         <th scope=\"col\">Antal</th></tr></thead><tbody>",
    );
    for ((y, m), n) in months {
        let name = crate::domain::charts::MONTH_NAMES[(m as usize).saturating_sub(1).min(11)];
        let _ = write!(out, "<tr><td>{name} {y}</td><td>{n}</td></tr>");
    }
    out.push_str("</tbody></table></details>");
    out
}

/// The whole page.
pub fn render_html(f: &FollowUp) -> String {
    let mut out = String::new();
    let title = f.title();
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{CSS}</style></head><body><main>",
        escape(&title)
    );
    let _ = write!(
        out,
        "<h1>{}</h1><p class=\"meta\">Lokalpolisområde {} · {} · Uppdaterad {}</p>",
        escape(&title),
        escape(&f.police_area),
        escape(&f.pledge_title),
        f.report_date
    );
    if f.preliminary {
        let _ = write!(
            out,
            "<p><strong>Perioden {} pågår fortfarande: det här är en lägesrapport.</strong></p>",
            f.period
        );
    }
    out.push_str(&paragraphs(&f.goal));
    let _ = write!(
        out,
        "<h2>Sammanfattning</h2><p>Medborgarlöftet innehåller {} löften.</p>{}",
        f.total(),
        status_bar(f)
    );
    if let Some(prev) = &f.previous {
        let done = super::model::done_of;
        let _ = write!(
            out,
            "<p>Förra medborgarlöftet ({}) blev {} av {} löften genomförda; det här {}{} av {}.</p>",
            prev.period,
            done(&prev.counts),
            prev.total(),
            if f.preliminary { "hittills " } else { "" },
            done(&f.counts),
            f.total()
        );
    }
    out.push_str(
        "<table><caption>Löftenas status</caption><thead><tr>\
         <th scope=\"col\">Status</th><th scope=\"col\">Antal löften</th></tr></thead><tbody>",
    );
    for (s, n) in &f.counts {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{n}</td></tr>",
            escape(s.label())
        );
    }
    out.push_str("</tbody></table>");
    if let Some(w) = &f.agreement_work {
        let _ = write!(
            out,
            "<h2>Det här gör vi</h2><p>Medborgarlöftet är en del av {}{}{}. Så här mycket \
             gjordes {} inom överenskommelsens fokusområden:</p><ul>",
            escape(&w.title),
            // The period once, when the title does not say it already.
            if w.title.contains(&w.period.to_string()) {
                String::new()
            } else {
                format!(" ({})", w.period)
            },
            if w.parties.is_empty() {
                String::new()
            } else {
                format!(" mellan {}", escape(&join_and(&w.parties)))
            },
            w.year
        );
        for (area, done) in &w.lines {
            let _ = write!(
                out,
                "<li><strong>{}</strong>: {}</li>",
                escape(area),
                escape(done)
            );
        }
        out.push_str("</ul>");
    }
    if !f.indicators.is_empty() {
        out.push_str("<h2>Så utvecklas tryggheten</h2><ul>");
        for i in &f.indicators {
            let _ = write!(out, "<li>{}", escape(&i.words));
            if let Some(t) = i.trend {
                let _ = write!(out, " — {t}");
            }
            if !i.source.is_empty() {
                let _ = write!(
                    out,
                    " <span class=\"facts\">(källa: {})</span>",
                    escape(&i.source)
                );
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if let Some(h) = &f.incidents {
        let _ = write!(
            out,
            "<h2>Händelser {}</h2><p>Under {} rapporterades {} händelser i offentlig miljö som \
             skapar otrygghet, till exempel skadegörelse, klotter och nedskräpning. Färre än 3 \
             skrivs så, för att ingen enskild händelse ska gå att peka ut.</p>",
            h.year, h.year, h.total
        );
        for (caption, first, list) in [
            ("Händelser per kategori", "Kategori", &h.categories),
            ("Händelser per område", "Område", &h.areas),
        ] {
            let _ = write!(
                out,
                "<table><caption>{caption}</caption><thead><tr><th scope=\"col\">{first}</th>\
                 <th scope=\"col\">Antal</th></tr></thead><tbody>"
            );
            for (n, c) in list {
                let _ = write!(
                    out,
                    "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                    escape(n),
                    escape(c)
                );
            }
            out.push_str("</tbody></table>");
        }
    }
    for (title, text) in [
        ("Samlad bedömning", &f.overall),
        ("Så går vi vidare", &f.next),
    ] {
        if !text.trim().is_empty() {
            let _ = write!(out, "<h2>{title}</h2>{}", paragraphs(text));
        }
    }
    for s in &f.sections {
        let _ = write!(out, "<h2>{}</h2>", escape(&s.title));
        for c in &s.commitments {
            lofte(&mut out, c);
        }
    }
    if !f.walks.is_empty() {
        out.push_str("<h2>Trygghetsvandringar</h2><ul>");
        for w in &f.walks {
            let fixed = w
                .by_status
                .iter()
                .find(|(s, _)| *s == crate::domain::ObservationStatus::Fixed)
                .map(|(_, n)| *n)
                .unwrap_or(0);
            let seen: u32 = w.by_status.iter().map(|(_, n)| n).sum();
            let _ = write!(
                out,
                "<li>{}, {} ({}): {} deltagare, {seen} iakttagelser, {fixed} åtgärdade.</li>",
                w.date,
                escape(&w.area),
                escape(&w.time_of_day.to_lowercase()),
                w.participants
            );
        }
        out.push_str("</ul>");
    }
    if let Some(c) = &f.contact {
        let _ = write!(out, "<h2>Kontakt</h2>{}", paragraphs(c));
    }
    // How a resident reports what they see: the same everywhere in Sweden.
    let _ = write!(
        out,
        "<h2>Så lämnar du tips eller anmäler</h2><ul>\
         <li>Pågående brott eller fara för liv: ring 112.</li>\
         <li>Tips och anmälningar till polisen: ring 114 14 eller gå till polisen.se.</li>\
         <li>Trasig belysning, klotter, nedskräpning och annat i den offentliga miljön: \
         anmäl det till {} kommuns felanmälan (kommunens webbplats eller växel).</li></ul>",
        escape(&f.municipality)
    );
    if !f.signatories.is_empty() {
        out.push_str("<h2>Undertecknat av</h2><ul>");
        for s in &f.signatories {
            let _ = write!(out, "<li>{}, {}</li>", escape(&s.name), escape(&s.role));
        }
        out.push_str("</ul>");
    }
    out.push_str("</main></body></html>\n");
    out
}
