//! Input validation shared by the GUI, the CLI and the store, with Swedish messages.

use chrono::{Datelike, NaiveDate};

/// Longest free text we accept in one field (characters).
pub const MAX_TEXT: usize = 4000;
/// Largest count one insats may carry.
pub const MAX_COUNT: u32 = 10_000;
/// Dates outside these years are certainly typing mistakes.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Parses an ISO date (2024-03-01).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("Ange ett datum (ÅÅÅÅ-MM-DD).".into());
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        format!(
            "\"{}\" är inte ett datum. Skriv ÅÅÅÅ-MM-DD, t.ex. 2024-03-01.",
            clip(s, 20)
        )
    })?;
    check_date(d)?;
    Ok(d)
}

pub fn check_date(d: NaiveDate) -> Result<(), String> {
    if YEARS.contains(&d.year()) {
        Ok(())
    } else {
        Err(format!(
            "Datumet {d} är orimligt. Ange ett datum mellan år {} och {}.",
            YEARS.start(),
            YEARS.end()
        ))
    }
}

/// Parses a count of an insats: a whole number 1 ..= MAX_COUNT.
pub fn parse_count(s: &str) -> Result<u32, String> {
    let s = s.trim();
    match s.parse::<i64>() {
        Ok(n) => check_count(n),
        Err(_) if s.is_empty() => Err("Ange antal (minst 1).".into()),
        Err(_) => Err(format!("\"{}\" är inte ett heltal.", clip(s, 20))),
    }
}

pub fn check_count(n: i64) -> Result<u32, String> {
    if n < 1 {
        Err("Antal måste vara minst 1.".into())
    } else if n > MAX_COUNT as i64 {
        Err(format!(
            "Antal kan vara högst {}.",
            fmt_thousands(MAX_COUNT)
        ))
    } else {
        Ok(n as u32)
    }
}

/// Checks a free-text field: length and no control characters (newlines and tabs are
/// allowed where `multiline`). Returns the trimmed text.
pub fn check_text(label: &str, s: &str, required: bool, multiline: bool) -> Result<String, String> {
    let t = s.trim();
    if required && t.is_empty() {
        return Err(format!("{label} måste fyllas i."));
    }
    let n = t.chars().count();
    if n > MAX_TEXT {
        return Err(format!(
            "{label} är för lång ({} tecken, högst {}).",
            fmt_thousands(n as u32),
            fmt_thousands(MAX_TEXT as u32)
        ));
    }
    if t.chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t' || c == '\r')))
    {
        return Err(format!("{label} innehåller otillåtna styrtecken."));
    }
    Ok(t.to_string())
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

fn clip(s: &str, max: usize) -> String {
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

    #[test]
    fn dates() {
        assert_eq!(
            parse_date(" 2024-03-01 "),
            Ok(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap())
        );
        assert!(
            parse_date("2024-02-30")
                .unwrap_err()
                .contains("inte ett datum")
        );
        assert!(parse_date("1/3 2024").unwrap_err().contains("ÅÅÅÅ-MM-DD"));
        assert!(parse_date("").unwrap_err().contains("Ange ett datum"));
        assert!(parse_date("1850-01-01").unwrap_err().contains("orimligt"));
        assert!(parse_date("9999-01-01").unwrap_err().contains("orimligt"));
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("3"), Ok(3));
        assert!(parse_count("0").unwrap_err().contains("minst 1"));
        assert!(parse_count("-2").unwrap_err().contains("minst 1"));
        assert!(parse_count("99999999999999999999").is_err());
        assert!(parse_count("10001").unwrap_err().contains("10 000"));
        assert!(parse_count("tre").unwrap_err().contains("inte ett heltal"));
    }

    #[test]
    fn texts() {
        assert_eq!(
            check_text("Plats", "  Torget ", true, false),
            Ok("Torget".into())
        );
        assert!(
            check_text("Plats", "  ", true, false)
                .unwrap_err()
                .contains("måste fyllas i")
        );
        assert_eq!(check_text("Plats", "", false, false), Ok(String::new()));
        assert!(check_text("Plats", "a\u{7}b", false, true).is_err());
        assert!(check_text("Plats", "a\nb", false, false).is_err());
        assert_eq!(check_text("Text", "a\nb", false, true), Ok("a\nb".into()));
        assert_eq!(
            check_text("Text", "🚓 مرحبا", false, false),
            Ok("🚓 مرحبا".into())
        );
        let long = "x".repeat(MAX_TEXT + 1);
        assert!(
            check_text("Text", &long, false, true)
                .unwrap_err()
                .contains("för lång")
        );
        assert_eq!(fmt_thousands(1234567), "1 234 567");
    }
}
