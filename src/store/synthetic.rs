//! A synthetic database the size of all of Sweden, for benchmarks: bulk inserts in one
//! transaction (the façade's one-row-per-transaction writes would take far too long).

use super::{Result, Store, rows};
use crate::store::db::Db;
use rusqlite::{named_params, params};

/// How big to make it.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub police_areas: u32,
    pub municipalities: u32,
    pub first_year: i32,
    pub years: u32,
    pub commitments_per_pledge: u32,
    pub activities: u32,
    pub walks: u32,
    /// Händelser over the years; the first kommun (the largest) gets a tenth of them.
    pub incidents: u32,
}

impl Spec {
    /// 290 kommuner, 10 years of medborgarlöften, ~1 000 000 insatser, 30 000 walks,
    /// 1 000 000 händelser.
    pub fn sweden() -> Spec {
        Spec {
            police_areas: 60,
            municipalities: 290,
            first_year: 2017,
            years: 10,
            commitments_per_pledge: 20,
            activities: 1_000_000,
            walks: 30_000,
            incidents: 1_000_000,
        }
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The insatser (on random löften of `commitments`: (löfte, target or 0, kommun, year))
/// and the walks with three observations each; the number of insatser.
fn insatser_and_walks(
    tx: &Db,
    spec: &Spec,
    rng: &mut Rng,
    commitments: &[(i64, i64, u32, i32)],
) -> Result<u64> {
    let mut written = 0u64;
    {
        let mut ins_a = tx.prepare(
            "INSERT INTO activity(id, municipality_id, commitment_id, target_id, date, party, \
             count, place, description) \
             VALUES (:id, :m, :c, :t, :date, :party, 1, :place, :text)",
        )?;
        let mut activity_ids = rows::Ids::of(tx, "activity")?;
        for i in 0..spec.activities {
            let (cid, tid, m, year) = commitments[rng.below(commitments.len() as u64) as usize];
            let date = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
            ins_a.execute(named_params! {
                ":id": activity_ids.next(),
                ":m": m,
                ":c": cid,
                ":t": if tid > 0 { Some(tid) } else { None },
                ":date": date,
                ":party": PARTIES[(i % 3) as usize],
                ":place": format!("Plats {}", i % 40),
                ":text": format!("Insats {i}"),
            })?;
            written += 1;
        }
        let mut ins_w = tx.prepare(
            "INSERT INTO safety_walk(id, municipality_id, date, time_of_day, area, participants) \
             VALUES (:id, :m, :date, 'morker', :area, 10)",
        )?;
        let mut ins_o = tx.prepare(
            "INSERT INTO observation(id, walk_id, position, place, category, status, \
             updated_on, deadline) VALUES (:id, :w, :pos, :place, 'belysning', :status, :date, :date)",
        )?;
        let mut walk_ids = rows::Ids::of(tx, "safety_walk")?;
        let mut observation_ids = rows::Ids::of(tx, "observation")?;
        for w in 0..spec.walks {
            let m = 1 + rng.below(spec.municipalities as u64) as i64;
            let year = spec.first_year + rng.below(spec.years as u64) as i32;
            let date = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
            let wid = walk_ids.next();
            ins_w.execute(named_params! {
                ":id": wid, ":m": m, ":date": date, ":area": format!("Sträcka {w}"),
            })?;
            for o in 0..3 {
                let status = ["ny", "pagar", "atgardad"][rng.below(3) as usize];
                ins_o.execute(named_params! {
                    ":id": observation_ids.next(), ":w": wid, ":pos": o,
                    ":place": format!("Plats {o}"), ":status": status, ":date": date,
                })?;
            }
        }
    }
    Ok(written)
}

/// The händelser: each kommun's EST kategorier, 40 places in 8 områden; the first kommun
/// (the largest, like a city) gets a tenth of them, the rest share the others.
fn incidents(tx: &Db, spec: &Spec, rng: &mut Rng) -> Result<()> {
    use crate::domain::situation::DEFAULT_CATEGORIES;
    let cats = DEFAULT_CATEGORIES.len() as u64;
    let mut ins_cat = tx.prepare(
        "INSERT INTO incident_category(id, municipality_id, position, name) \
         VALUES (:id, :m, :pos, :name)",
    )?;
    let mut category_ids = rows::Ids::of(tx, "incident_category")?;
    let mut first_category = Vec::new();
    for m in 1..=spec.municipalities {
        let first = category_ids.next();
        first_category.push(first);
        ins_cat.execute(
            named_params! {":id": first, ":m": m, ":pos": 0, ":name": DEFAULT_CATEGORIES[0]},
        )?;
        for (i, name) in DEFAULT_CATEGORIES.iter().enumerate().skip(1) {
            let id = category_ids.next();
            ins_cat.execute(named_params! {":id": id, ":m": m, ":pos": i as i64, ":name": name})?;
        }
    }
    let mut ins = tx.prepare(
        "INSERT INTO incident(id, municipality_id, category_id, date, area, place, source, \
         count, description) VALUES (:id, :m, :c, :date, :area, :place, 'Fastighetsbolaget', \
         :count, '')",
    )?;
    let mut ids = rows::Ids::of(tx, "incident")?;
    let days = spec.years as i64 * 365;
    let start = chrono::NaiveDate::from_ymd_opt(spec.first_year, 1, 1).unwrap_or_default();
    for i in 0..spec.incidents {
        let m = if i % 10 == 0 {
            1
        } else {
            2 + rng.below(u64::from(spec.municipalities.max(2) - 1)) as u32
        };
        let c = rng.below(cats);
        // Category ids were made in order, one run per kommun.
        let category = first_category[(m - 1) as usize] + c as i64;
        let place = rng.below(40);
        let date = start + chrono::Days::new(rng.below(days as u64));
        ins.execute(named_params! {
            ":id": ids.next(), ":m": m, ":c": category, ":date": date,
            ":area": format!("Område {}", place % 8), ":place": format!("Plats {place}"),
            ":count": 1 + (rng.below(10) / 8) as i64,
        })?;
    }
    Ok(())
}

const PARTIES: [&str; 3] = ["polisen", "kommunen", "gemensamt"];

impl Store {
    /// Fills an empty database; returns the number of insatser written.
    pub fn generate_synthetic(&mut self, spec: Spec) -> Result<u64> {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let tx = self.write_tx()?;
        for a in 0..spec.police_areas {
            tx.execute(
                "INSERT INTO police_area(id, name) VALUES (?1, ?2)",
                params![a + 1, format!("Område {:02}", a + 1)],
            )?;
        }
        // (commitment id, target id or 0, municipality, year)
        let mut commitments: Vec<(i64, i64, u32, i32)> = Vec::new();
        {
            let mut ins_pledge = tx.prepare(
                "INSERT INTO pledge(id, municipality_id, first_year, last_year, title, goal) \
                 VALUES (:id, :m, :year, :year, :title, 'Syntetiskt mål')",
            )?;
            let mut ins_section = tx.prepare(
                "INSERT INTO section(id, pledge_id, position, title) VALUES (:id, :p, :pos, :title)",
            )?;
            let mut ins_c = tx.prepare(
                "INSERT INTO commitment(id, section_id, position, text, party) \
                 VALUES (:id, :s, :pos, :text, :party)",
            )?;
            let mut ins_t = tx.prepare(
                "INSERT INTO target(id, commitment_id, position, count, unit, per_year) \
                 VALUES (:id, :c, 0, :count, 'tillfällen', 0)",
            )?;
            let mut pledge_ids = rows::Ids::of(&tx, "pledge")?;
            let mut section_ids = rows::Ids::of(&tx, "section")?;
            let mut commitment_ids = rows::Ids::of(&tx, "commitment")?;
            let mut target_ids = rows::Ids::of(&tx, "target")?;
            for m in 1..=spec.municipalities {
                tx.execute(
                    "INSERT INTO municipality(id, name, police_area_id) VALUES (?1, ?2, ?3)",
                    params![m, format!("Kommun {m:03}"), 1 + (m - 1) % spec.police_areas],
                )?;
                for y in 0..spec.years {
                    let year = spec.first_year + y as i32;
                    let pledge = pledge_ids.next();
                    ins_pledge.execute(named_params! {
                        ":id": pledge, ":m": m, ":year": year,
                        ":title": format!("Medborgarlöfte {year}"),
                    })?;
                    let mut section = 0;
                    for c in 0..spec.commitments_per_pledge {
                        if c % 5 == 0 {
                            section = section_ids.next();
                            ins_section.execute(named_params! {
                                ":id": section, ":p": pledge, ":pos": c / 5,
                                ":title": format!("Avsnitt {}", c / 5 + 1),
                            })?;
                        }
                        let cid = commitment_ids.next();
                        ins_c.execute(named_params! {
                            ":id": cid, ":s": section, ":pos": c,
                            ":text": format!(
                                "Löfte {c}: genomföra riktade insatser och dialog i kommundel {}",
                                c % 7
                            ),
                            ":party": PARTIES[(c % 3) as usize],
                        })?;
                        let tid = if c % 5 < 3 {
                            let tid = target_ids.next();
                            ins_t.execute(named_params! {
                                ":id": tid, ":c": cid, ":count": 2 + rng.below(30) as i64,
                            })?;
                            tid
                        } else {
                            0
                        };
                        commitments.push((cid, tid, m, year));
                    }
                }
            }
        }
        let written = insatser_and_walks(&tx, &spec, &mut rng, &commitments)?;
        incidents(&tx, &spec, &mut rng)?;
        tx.commit()?;
        self.conn.execute_batch("ANALYZE")?;
        Ok(written)
    }
}
