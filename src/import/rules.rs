//! The import's word lists, by name: what makes a heading a purpose, a paragraph an aim,
//! a line contact details. Kept apart from the reading code so that each list can be read
//! (and extended) as a whole, and so that no two reading modules need each other.

/// Headings whose bullets or text describe the purpose, not promises.
pub const GOAL_HEADINGS: &[&str] = &[
    "medborgarlöftet ska",
    "medborgarlöften ska",
    "prioriter",
    "syftar",
    "syfte",
    "vårt mål",
    "våra mål",
    "målet är",
    "målen är",
    "målsättning",
    "fokusområde",
    "effektmål",
    "förväntat resultat",
    "det här vill vi uppnå",
    "vi vill uppnå",
];

/// Short headings that are a purpose only as a whole ("Mål:", "Vi vill:").
pub const GOAL_HEADINGS_WHOLE: &[&str] = &["mål", "vi vill", "vi vill att"];

/// How prose under löften begins when it states an aim ("Vi vill att färre …").
pub const AIM_OPENINGS: &[&str] = &[
    "vi vill",
    "mål:",
    "målet är",
    "målet med",
    "målsättningen",
    "syftet",
];

/// Phrases of a mission statement rather than a löfte ("Polisen och kommunen arbetar
/// tillsammans för att Runneby ska vara en trygg kommun …"): to the målsättning.
pub const MISSION_PHRASES: &[&str] = &[
    "arbetar för att",
    "arbetar tillsammans för att",
    "arbetar gemensamt för att",
    "verkar för att",
    "ska vara en trygg",
    "ska vara en tryggare",
    "ska bli en tryggare",
    "för en tryggare",
];

/// Words that, with a phone number or an e-mail address, make a sentence contact details.
pub const CONTACT_WORDS: &[&str] = &["kontakt", "frågor", "ring ", "mejla", "e-post", "telefon"];

/// The label in front of contact details, not part of them ("Kontakt: Kommunpolis …").
pub const CONTACT_LABELS: &[&str] = &["kontakt:", "kontakta oss:", "kontaktuppgifter:"];

/// Words in prose that announce a list of topics, not löften ("… fokusområden:").
pub const TOPIC_WORDS: &[&str] = &["fokusområde", "prioriterade områden", "prioriteringar"];

/// Headings whose bullets or text describe the purpose, not promises.
pub fn is_goal_heading(h: &str) -> bool {
    let l = h.to_lowercase();
    let l = l.trim_end_matches(':').trim();
    GOAL_HEADINGS.iter().any(|k| l.contains(k)) || GOAL_HEADINGS_WHOLE.contains(&l)
}
