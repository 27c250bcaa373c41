//! The uppföljning as one web page for the kommun's citizens: what was promised, what was
//! done, what it led to and what happens next. Self-contained (inline CSS and SVG, no
//! script, nothing fetched), accessible (`lang="sv"`, one `<h1>`, headings in order,
//! status in words as well as colour, `<th scope>`), readable on a phone. Built from the
//! same pure model as the PDF, which has no field for internal notes.

use super::model::{CommitmentDetail, FollowUp};
use super::pdf::activity_summary;
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
th{background:#eef1f6}svg{max-width:100%;height:auto}\
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
    if !c.activities.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(&activity_summary(&c.activities)));
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
                "<li>{} i {} ({}): {} deltagare, {seen} iakttagelser, {fixed} åtgärdade.</li>",
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
