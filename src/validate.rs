//! Input validation shared by the GUI, the CLI and the store: every limit lives here, and
//! every rule says what is wrong in Swedish through [`Invalid`].

use crate::domain::{
    Decision, DecisionStatus, Meeting, Observation, ObservationStatus, SafetyWalk,
};
use chrono::{Datelike, NaiveDate};

/// Longest free text we accept in one field (characters).
pub const MAX_TEXT: usize = 4000;
/// Largest count one insats may carry.
pub const MAX_COUNT: u32 = 10_000;
/// Largest target of a löfte ("100 000 kontroller" is already far beyond any real one).
pub const MAX_TARGET: u32 = 100_000;
/// Most participants on one trygghetsvandring.
pub const MAX_PARTICIPANTS: u32 = 10_000;
/// Dates outside these years are certainly typing mistakes.
pub const YEARS: std::ops::RangeInclusive<i32> = crate::domain::YEARS;

/// What is wrong with a value a user typed or a file held.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("\"{0}\" är ingen position. Klistra in latitud och longitud, t.ex. 56.0512, 14.5853.")]
    Position(String),
    #[error("Senast-datumet {deadline} ligger före vandringen {walk}.")]
    DeadlineBeforeWalk {
        deadline: chrono::NaiveDate,
        walk: chrono::NaiveDate,
    },
    #[error(
        "Vandringens datum {walk} ligger efter Senast-datumet {deadline} för \"{place}\". Ändra Senast-datumet för iakttagelsen först."
    )]
    WalkAfterDeadline {
        walk: chrono::NaiveDate,
        deadline: chrono::NaiveDate,
        place: String,
    },
    #[error("Ange ett datum (ÅÅÅÅ-MM-DD).")]
    MissingDate,
    #[error("\"{0}\" är inte ett datum. Skriv ÅÅÅÅ-MM-DD, t.ex. 2024-03-01.")]
    NotADate(String),
    #[error("Datumet {0} är orimligt. Ange ett datum mellan år {start} och {end}.", start = YEARS.start(), end = YEARS.end())]
    ImplausibleDate(NaiveDate),
    #[error("Ange antal (minst 1).")]
    MissingCount,
    #[error("\"{0}\" är inte ett heltal.")]
    NotAnInteger(String),
    #[error("Antal måste vara minst 1.")]
    CountTooSmall,
    #[error("Antal kan vara högst {}.", fmt_thousands(MAX_COUNT))]
    CountTooLarge,
    #[error(
        "Målet måste vara ett antal från 1 till {}.",
        fmt_thousands(MAX_TARGET)
    )]
    TargetOutOfRange,
    #[error("Antal deltagare måste vara 0–{}.", fmt_thousands(MAX_PARTICIPANTS))]
    ParticipantsOutOfRange,
    #[error("{0} måste fyllas i.")]
    Required(&'static str),
    #[error("\"{0}\" är inte ett klockslag. Skriv TT:MM, t.ex. 21:30.")]
    NotATime(String),
    #[error("\"{0}\" är inte ett år mellan {start} och {end}.", start = YEARS.start(), end = YEARS.end())]
    NotAYear(String),
    #[error("\"{0}\" är inte ett tal. Skriv t.ex. 24 eller 3,5.")]
    NotANumber(String),
    #[error("Löftet {0} hör inte till kommunen.")]
    ForeignCommitment(i64),
    #[error("Kategorin \"{name}\" finns inte. Kommunens kategorier: {known}.")]
    UnknownCategory { name: String, known: String },
    #[error("{field} är för lång ({} tecken, högst {}).", fmt_thousands(*chars as u32), fmt_thousands(MAX_TEXT as u32))]
    TooLong { field: &'static str, chars: usize },
    #[error("{field} är för långt ({chars} tecken, högst {max}).")]
    TooLongFor {
        field: &'static str,
        chars: usize,
        max: usize,
    },
    #[error("{0} innehåller otillåtna styrtecken.")]
    ControlCharacters(&'static str),
    #[error("Ange varför ingen åtgärd görs.")]
    ReasonRequired,
    #[error("Ange en motivering till statusen.")]
    StatusReasonRequired,
    #[error("Bekräfta datumet utanför perioden.")]
    ConfirmOutsidePeriod,
    #[error("Välj vilket mål insatsen räknas mot.")]
    ChooseTarget,
    #[error("Skriv perioden som ett år (2025) eller två (2025-2026), mellan år {start} och {end} och högst {max} år lång.", start = YEARS.start(), end = YEARS.end(), max = crate::domain::MAX_PERIOD_YEARS)]
    Period,
    #[error("Målet i \"{0}\" måste vara ett antal från 1 till {max}.", max = fmt_thousands(MAX_TARGET))]
    TargetIn(String),
    #[error("Ett löfte i \"{0}\" saknar text.")]
    CommitmentWithoutText(String),
    #[error("Det finns inga löften att spara.")]
    NoCommitments,
    #[error("Löfte {0} hör till en annan kommun.")]
    CommitmentOfOtherKommun(crate::domain::CommitmentId),
    #[error("Mål {0} hör inte till det valda löftet.")]
    TargetOfOtherCommitment(crate::domain::TargetId),
    #[error("Kommunen har redan ett medborgarlöfte som omfattar {0}.")]
    PeriodTaken(crate::domain::Period),
    #[error("Senast-datumet {deadline} ligger före mötet {meeting}.")]
    DeadlineBeforeMeeting {
        deadline: chrono::NaiveDate,
        meeting: chrono::NaiveDate,
    },
    #[error("Beslutet är redan {status} sedan {since}.", status = .status.label().to_lowercase())]
    DecisionAlreadyClosed {
        status: crate::domain::DecisionStatus,
        since: String,
    },
    #[error(
        "{0} innehåller tecken som vänder textens riktning (t.ex. från en kopierad webbsida). Skriv in texten på nytt."
    )]
    DirectionCharacters(&'static str),
    #[error("Kommunen {0} finns redan.")]
    KommunExists(String),
    #[error("Ett löfte kan bara flyttas inom samma medborgarlöfte.")]
    MoveAcrossPledges,
    #[error("Exempeldata finns redan i databasen.")]
    DemoExists,
    #[error("{0} finns redan.")]
    FileExists(std::path::PathBuf),
    #[error("Mötet {0} har beslut eller anteckningar och tas inte bort här.")]
    MeetingHasRecords(NaiveDate),
    #[error("Ange varför beslutet stryks.")]
    StruckNeedsReason,
    #[error("{field} \"{name}\" finns redan i överenskommelsen.")]
    Duplicate { field: &'static str, name: String },
    #[error(
        "Fokusområdet används av {commitments} löften och {activities} insatser. Byt namn på det i stället, eller ta bort det från dem först."
    )]
    FocusAreaInUse { commitments: u32, activities: u32 },
    #[error("Fokusområdet hör till en annan kommuns överenskommelse.")]
    FocusAreaOfOtherKommun,
}

/// Parses an ISO date (2024-03-01).
pub fn parse_date(s: &str) -> Result<NaiveDate, Invalid> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Invalid::MissingDate);
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| Invalid::NotADate(clip(s, 20)))?;
    check_date(d)?;
    Ok(d)
}

/// An empty field is no date; anything else must be one.
pub fn parse_optional_date(s: &str) -> Result<Option<NaiveDate>, Invalid> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(s).map(Some)
    }
}

pub fn check_date(d: NaiveDate) -> Result<(), Invalid> {
    if YEARS.contains(&d.year()) {
        Ok(())
    } else {
        Err(Invalid::ImplausibleDate(d))
    }
}

/// A whole number as typed, or why it is not one.
fn parse_integer(s: &str) -> Result<Option<i64>, Invalid> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<i64>()
        .map(Some)
        .map_err(|_| Invalid::NotAnInteger(clip(s, 20)))
}

/// Parses a count of an insats: a whole number 1 ..= MAX_COUNT.
/// An optional time of day: empty is none; "21:30", "9:05", "21.30", "21:30:00".
pub fn parse_time(s: &str) -> Result<Option<chrono::NaiveTime>, Invalid> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let t = s.replace('.', ":");
    chrono::NaiveTime::parse_from_str(&t, "%H:%M")
        .or_else(|_| chrono::NaiveTime::parse_from_str(&t, "%H:%M:%S"))
        .map(Some)
        .map_err(|_| Invalid::NotATime(clip(s, 20)))
}

/// A year a record may have: "2024".
pub fn parse_year(s: &str) -> Result<i32, Invalid> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| YEARS.contains(y))
        .ok_or_else(|| Invalid::NotAYear(clip(s.trim(), 20)))
}

/// The largest size of an indicator's value (a count or a share; never more than this).
pub const MAX_VALUE: f64 = 1e12;

/// An indicator's value as people write it: "24", "3,5", "3.5", "1 234,5", "31 %".
pub fn parse_value(s: &str) -> Result<f64, Invalid> {
    let t: String = s
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| match c {
            ',' => '.',
            '−' => '-',
            c => c,
        })
        .collect();
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() <= MAX_VALUE)
        .ok_or_else(|| Invalid::NotANumber(clip(s.trim(), 20)))
}

pub fn parse_count(s: &str) -> Result<u32, Invalid> {
    check_count(parse_integer(s)?.ok_or(Invalid::MissingCount)?)
}

pub fn check_count(n: i64) -> Result<u32, Invalid> {
    if n < 1 {
        Err(Invalid::CountTooSmall)
    } else if n > MAX_COUNT as i64 {
        Err(Invalid::CountTooLarge)
    } else {
        Ok(n as u32)
    }
}

/// Parses the target of a löfte: 1 ..= MAX_TARGET.
pub fn parse_target_count(s: &str) -> Result<u32, Invalid> {
    check_target_count(parse_integer(s)?.ok_or(Invalid::TargetOutOfRange)?)
}

pub fn check_target_count(n: i64) -> Result<u32, Invalid> {
    u32::try_from(n)
        .ok()
        .filter(|n| (1..=MAX_TARGET).contains(n))
        .ok_or(Invalid::TargetOutOfRange)
}

/// Parses the participants of a walk: empty is 0.
pub fn parse_participants(s: &str) -> Result<u32, Invalid> {
    let n = parse_integer(s)?.unwrap_or(0);
    u32::try_from(n)
        .ok()
        .filter(|n| *n <= MAX_PARTICIPANTS)
        .ok_or(Invalid::ParticipantsOutOfRange)
}

/// Checks a free-text field: length and no control characters (newlines and tabs are
/// allowed where `multiline`). Returns the trimmed text.
pub fn check_text(
    field: &'static str,
    s: &str,
    required: bool,
    multiline: bool,
) -> Result<String, Invalid> {
    let t = s.trim();
    if required && t.is_empty() {
        return Err(Invalid::Required(field));
    }
    let chars = t.chars().count();
    if chars > MAX_TEXT {
        return Err(Invalid::TooLong { field, chars });
    }
    if t.chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t' || c == '\r')))
    {
        return Err(Invalid::ControlCharacters(field));
    }
    if multiline {
        return Ok(t.to_string());
    }
    // A name is compared and shown as it reads: direction overrides would make two
    // kommuner both read "Olofström"; invisible characters pasted from a web page are
    // dropped.
    if t.chars().any(is_direction_mark) {
        return Err(Invalid::DirectionCharacters(field));
    }
    let visible: String = t.chars().filter(|c| !is_invisible(*c)).collect();
    if required && visible.trim().is_empty() {
        return Err(Invalid::Required(field));
    }
    Ok(visible.trim().to_string())
}

/// Characters that change the direction text is shown in (U+200E/F, U+202A–E, U+2066–9).
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing: zero-width space and joiners' neighbours, word joiner,
/// byte order mark, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// The longest diarienummer taken ("KS 2024/117", "A 123.456/2024-1234").
pub const MAX_DNR: usize = 60;

/// A diarienummer as typed: none when blank; one line of at most [`MAX_DNR`] characters.
pub fn parse_dnr(s: &str) -> Result<Option<String>, Invalid> {
    let t = check_text("Diarienummer", s, false, false)?;
    let chars = t.chars().count();
    if chars > MAX_DNR {
        return Err(Invalid::TooLongFor {
            field: "Diarienummer",
            chars,
            max: MAX_DNR,
        });
    }
    Ok((!t.is_empty()).then_some(t))
}

/// Comma-separated names ("Norr, Söder"), each checked; empty items dropped.
pub fn parse_list(field: &'static str, s: &str) -> Result<Vec<String>, Invalid> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(|x| check_text(field, x, true, false))
        .collect()
}

/// A walk with trimmed texts, or the first problem.
pub fn validate_walk(w: &SafetyWalk) -> Result<SafetyWalk, Invalid> {
    check_date(w.date)?;
    if w.participants > MAX_PARTICIPANTS {
        return Err(Invalid::ParticipantsOutOfRange);
    }
    let mut orgs = Vec::new();
    for o in &w.organisations {
        let o = check_text("Organisation", o, false, false)?;
        if !o.is_empty() {
            orgs.push(o);
        }
    }
    Ok(SafetyWalk {
        area: check_text("Område/sträcka", &w.area, true, false)?,
        notes: check_text("Anteckningar", &w.notes, false, true)?,
        organisations: orgs,
        ..w.clone()
    })
}

/// A position as pasted from a map: "56.0512, 14.5853", "56,0512 14,5853" or
/// "56.0512;14.5853" (latitude first). Empty is no position.
pub fn parse_position(s: &str) -> Result<Option<crate::domain::GeoPoint>, Invalid> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let bad = || Invalid::Position(s.chars().take(40).collect());
    // With decimal points, a comma separates; without, commas are decimal commas.
    let parts: Vec<String> = if s.contains('.') {
        s.split([',', ';', ' ', '\t'])
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect()
    } else if s.contains(';') {
        s.split(';').map(|p| p.trim().replace(',', ".")).collect()
    } else {
        s.split_whitespace().map(|p| p.replace(',', ".")).collect()
    };
    let [lat, lon] = parts.as_slice() else {
        return Err(bad());
    };
    let (Ok(lat), Ok(lon)) = (lat.trim().parse::<f64>(), lon.trim().parse::<f64>()) else {
        return Err(bad());
    };
    crate::domain::GeoPoint::from_degrees(lat, lon)
        .map(Some)
        .ok_or_else(bad)
}

/// An observation with trimmed texts, or the first problem.
pub fn validate_observation(o: &Observation) -> Result<Observation, Invalid> {
    if let Some(d) = o.deadline {
        check_date(d)?;
    }
    let reason = check_text("Motivering", &o.status_reason, false, true)?;
    if o.status == ObservationStatus::WontFix && reason.is_empty() {
        return Err(Invalid::ReasonRequired);
    }
    Ok(Observation {
        place: check_text("Plats", &o.place, false, false)?,
        description: check_text("Beskrivning", &o.description, false, true)?,
        measure: check_text("Åtgärd", &o.measure, false, true)?,
        responsible: check_text("Ansvarig", &o.responsible, false, false)?,
        status_reason: reason,
        ..o.clone()
    })
}

/// A meeting with trimmed texts, or the first problem.
pub fn validate_meeting(m: &Meeting) -> Result<Meeting, Invalid> {
    check_date(m.date)?;
    let mut participants = Vec::new();
    for p in &m.participants {
        let p = check_text("Deltagare", p, false, false)?;
        if !p.is_empty() {
            participants.push(p);
        }
    }
    Ok(Meeting {
        participants,
        notes: check_text("Anteckningar", &m.notes, false, true)?,
        ..m.clone()
    })
}

/// A bedömning with trimmed texts, or the first problem.
pub fn validate_assessment(
    a: &crate::domain::Assessment,
) -> Result<crate::domain::Assessment, Invalid> {
    Ok(crate::domain::Assessment {
        result: check_text("Resultat och bedömning", &a.result, false, true)?,
        cause: check_text("Orsak", &a.cause, false, true)?,
        next: check_text("Fortsättning", &a.next, false, true)?,
        ..a.clone()
    })
}

/// A whole medborgarlöfte's bedömning with trimmed texts, or the first problem.
pub fn validate_pledge_assessment(
    a: &crate::domain::PledgeAssessment,
) -> Result<crate::domain::PledgeAssessment, Invalid> {
    Ok(crate::domain::PledgeAssessment {
        overall: check_text("Samlad bedömning", &a.overall, false, true)?,
        next: check_text("Så går vi vidare", &a.next, false, true)?,
        ..a.clone()
    })
}

/// A beslut with trimmed texts, or the first problem.
pub fn validate_decision(d: &Decision) -> Result<Decision, Invalid> {
    if let Some(date) = d.deadline {
        check_date(date)?;
    }
    let reason = check_text("Motivering", &d.status_reason, false, true)?;
    if d.status == DecisionStatus::Struck && reason.is_empty() {
        return Err(Invalid::StruckNeedsReason);
    }
    Ok(Decision {
        text: check_text("Beslut", &d.text, true, true)?,
        responsible: check_text("Ansvarig", &d.responsible, false, false)?,
        status_reason: reason,
        ..d.clone()
    })
}

/// `text` after `prefix` (lower case), compared without case: "LPO Karlshamn" after
/// "lpo " is "Karlshamn". The position is found in `text` itself (lowercasing can change
/// byte lengths, so positions in a lowercased copy do not fit the original).
pub fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut chars = text.char_indices();
    let mut end = 0;
    for p in prefix.chars() {
        let (i, c) = chars.next()?;
        if c != p && !c.to_lowercase().eq(std::iter::once(p)) {
            return None;
        }
        end = i + c.len_utf8();
    }
    Some(&text[end..])
}

/// A lokalpolisområde's name without "LPO " or "Lokalpolisområde " before it, trimmed: the
/// name it is stored and looked up by.
pub fn police_area_name(name: &str) -> &str {
    let name = name.trim();
    ["lokalpolisområde ", "lpo "]
        .iter()
        .find_map(|p| strip_prefix_ignoring_case(name, p))
        .unwrap_or(name)
        .trim()
}

/// 10000 → "10 000", the Swedish way.
pub fn fmt_thousands(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// "löftet …" → "Löftet …": the first letter in upper case (the start of a message, a
/// label, a sentence-cased heading).
pub fn capitalized(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// "Ingen är försenad.", "1 är försenad.", "3 är försenade."
pub fn late_sentence(n: usize) -> String {
    match n {
        0 => "Ingen är försenad.".into(),
        1 => "1 är försenad.".into(),
        n => format!("{n} är försenade."),
    }
}

/// "1 möte", "3 möten": a count with its noun in the right number.
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// At most `max` characters, cut after a whole word with "…" (a single word longer than
/// `max` is cut inside it).
pub fn clip_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match head.rfind(char::is_whitespace) {
        Some(i) if i > 0 => &head[..i],
        _ => head.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The first `max` characters, with "…" when cut.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg<T: std::fmt::Debug>(r: Result<T, Invalid>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn values_and_years_as_people_write_them() {
        assert_eq!(parse_value("24").unwrap(), 24.0);
        assert_eq!(parse_value(" 3,5 ").unwrap(), 3.5);
        assert_eq!(parse_value("1 234,5").unwrap(), 1234.5);
        assert_eq!(parse_value("31 %").unwrap(), 31.0);
        assert_eq!(parse_value("−2").unwrap(), -2.0);
        assert_eq!(
            msg(parse_value("många")),
            "\"många\" är inte ett tal. Skriv t.ex. 24 eller 3,5."
        );
        assert!(parse_value("NaN").is_err() && parse_value("inf").is_err());
        assert!(parse_value("1e13").is_err());
        assert_eq!(parse_year("2024").unwrap(), 2024);
        assert!(parse_year("20024").is_err() && parse_year("år").is_err());
        assert_eq!(
            parse_time("21.30").unwrap(),
            chrono::NaiveTime::from_hms_opt(21, 30, 0)
        );
        assert_eq!(parse_time(" ").unwrap(), None);
        assert!(parse_time("25:00").is_err());
    }

    /// Two kommuner that both read "Olofström" cannot be made: direction overrides are
    /// refused in names and invisible characters dropped; free text keeps them.
    #[test]
    fn names_read_as_they_are_stored() {
        assert!(
            msg(check_text(
                "Kommunens namn",
                "m\u{202E}örtsfolO",
                true,
                false
            ))
            .contains("riktning")
        );
        assert!(
            msg(check_text(
                "Kommunens namn",
                "Olof\u{2067}ström",
                true,
                false
            ))
            .contains("riktning")
        );
        assert_eq!(
            check_text("Kommunens namn", "Olof\u{200B}ström\u{FEFF}", true, false),
            Ok("Olofström".into())
        );
        assert_eq!(
            check_text("Kommunens namn", "\u{200B}", true, false),
            Err(Invalid::Required("Kommunens namn"))
        );
        assert_eq!(
            check_text("Beskrivning", "a\u{200F}b\u{200B}", false, true),
            Ok("a\u{200F}b\u{200B}".into())
        );
        let mut s = crate::store::Store::open_in_memory().unwrap();
        let a = s.ensure_police_area("Karlshamn").unwrap();
        s.add_municipality("Olofström", a).unwrap();
        assert!(
            s.add_municipality("Olof\u{200B}ström", a).is_err(),
            "the same name once the invisible is gone"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date(" 2024-03-01 "),
            Ok(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap())
        );
        assert!(msg(parse_date("2024-02-30")).contains("inte ett datum"));
        assert!(msg(parse_date("1/3 2024")).contains("ÅÅÅÅ-MM-DD"));
        assert!(msg(parse_date("")).contains("Ange ett datum"));
        assert!(msg(parse_date("1850-01-01")).contains("orimligt"));
        assert!(msg(parse_date("9999-01-01")).contains("orimligt"));
        assert_eq!(parse_optional_date("  "), Ok(None));
        assert!(parse_optional_date("x").is_err());
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("3"), Ok(3));
        assert!(msg(parse_count("0")).contains("minst 1"));
        assert!(msg(parse_count("-2")).contains("minst 1"));
        assert!(parse_count("99999999999999999999").is_err());
        assert!(msg(parse_count("10001")).contains("10 000"));
        assert!(msg(parse_count("tre")).contains("inte ett heltal"));
        assert_eq!(parse_count(""), Err(Invalid::MissingCount));
    }

    #[test]
    fn targets_and_participants() {
        assert_eq!(parse_target_count(" 100000 "), Ok(100_000));
        assert!(msg(parse_target_count("0")).contains("från 1 till 100 000"));
        assert!(parse_target_count("100001").is_err());
        assert!(parse_target_count("-1").is_err());
        assert!(msg(parse_target_count("fyra")).contains("inte ett heltal"));
        assert_eq!(parse_participants(""), Ok(0));
        assert_eq!(parse_participants("12"), Ok(12));
        assert!(msg(parse_participants("10001")).contains("0–10 000"));
        assert!(parse_participants("-3").is_err());
    }

    #[test]
    fn texts() {
        assert_eq!(
            check_text("Plats", "  Torget ", true, false),
            Ok("Torget".into())
        );
        assert!(msg(check_text("Plats", "  ", true, false)).contains("måste fyllas i"));
        assert_eq!(check_text("Plats", "", false, false), Ok(String::new()));
        assert!(check_text("Plats", "a\u{7}b", false, true).is_err());
        assert!(check_text("Plats", "a\nb", false, false).is_err());
        assert_eq!(check_text("Text", "a\nb", false, true), Ok("a\nb".into()));
        assert_eq!(
            check_text("Text", "🚓 مرحبا", false, false),
            Ok("🚓 مرحبا".into())
        );
        let long = "x".repeat(MAX_TEXT + 1);
        assert!(msg(check_text("Text", &long, false, true)).contains("för lång (4 001 tecken"));
        assert_eq!(fmt_thousands(1234567), "1 234 567");
        assert_eq!(
            parse_list("Namn", " Norr , Söder,, "),
            Ok(vec!["Norr".into(), "Söder".into()])
        );
    }
}

#[cfg(test)]
mod sentence_tests {
    use crate::domain::ObservationStatus;

    /// Issue 23.15: counts agree with their words.
    #[test]
    fn counts_read_as_swedish() {
        assert_eq!(super::late_sentence(0), "Ingen är försenad.");
        assert_eq!(super::late_sentence(1), "1 är försenad.");
        assert_eq!(super::late_sentence(2), "2 är försenade.");
        assert_eq!(ObservationStatus::New.counted(1), "1 ny");
        assert_eq!(ObservationStatus::New.counted(2), "2 nya");
        assert_eq!(ObservationStatus::Fixed.counted(3), "3 åtgärdade");
        assert_eq!(ObservationStatus::WontFix.counted(1), "1 utan åtgärd");
    }
}
