//! A synthetic database the size of all of Sweden, for benchmarks: bulk inserts in one
//! transaction (the façade's one-row-per-transaction writes would take far too long).

use super::{Result, Store};
use rusqlite::params;

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
}

impl Spec {
    /// 290 kommuner, 10 years of medborgarlöften, ~1 000 000 insatser, 30 000 walks.
    pub fn sweden() -> Spec {
        Spec {
            police_areas: 60,
            municipalities: 290,
            first_year: 2017,
            years: 10,
            commitments_per_pledge: 20,
            activities: 1_000_000,
            walks: 30_000,
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
                "INSERT INTO pledge(municipality_id, first_year, last_year, title, goal) VALUES (?1, ?2, ?2, ?3, 'Syntetiskt mål')",
            )?;
            let mut ins_section =
                tx.prepare("INSERT INTO section(pledge_id, position, title) VALUES (?1, ?2, ?3)")?;
            let mut ins_c = tx.prepare(
                "INSERT INTO commitment(section_id, position, text, party) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut ins_t = tx.prepare(
                "INSERT INTO target(commitment_id, position, count, unit, per_year) VALUES (?1, 0, ?2, 'tillfällen', 0)",
            )?;
            for m in 1..=spec.municipalities {
                tx.execute(
                    "INSERT INTO municipality(id, name, police_area_id) VALUES (?1, ?2, ?3)",
                    params![m, format!("Kommun {m:03}"), 1 + (m - 1) % spec.police_areas],
                )?;
                for y in 0..spec.years {
                    let year = spec.first_year + y as i32;
                    ins_pledge.execute(params![m, year, format!("Medborgarlöfte {year}")])?;
                    let pledge = tx.last_insert_rowid();
                    let mut section = 0;
                    for c in 0..spec.commitments_per_pledge {
                        if c % 5 == 0 {
                            ins_section.execute(params![
                                pledge,
                                c / 5,
                                format!("Avsnitt {}", c / 5 + 1)
                            ])?;
                            section = tx.last_insert_rowid();
                        }
                        ins_c.execute(params![
                            section,
                            c,
                            format!(
                                "Löfte {c}: genomföra riktade insatser och dialog i kommundel {}",
                                c % 7
                            ),
                            PARTIES[(c % 3) as usize]
                        ])?;
                        let cid = tx.last_insert_rowid();
                        let tid = if c % 5 < 3 {
                            ins_t.execute(params![cid, 2 + rng.below(30) as i64])?;
                            tx.last_insert_rowid()
                        } else {
                            0
                        };
                        commitments.push((cid, tid, m, year));
                    }
                }
            }
        }
        let mut written = 0u64;
        {
            let mut ins_a = tx.prepare(
                "INSERT INTO activity(municipality_id, commitment_id, target_id, date, party, count, place, description) \
                 VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7)",
            )?;
            for i in 0..spec.activities {
                let (cid, tid, m, year) = commitments[rng.below(commitments.len() as u64) as usize];
                let date = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
                ins_a.execute(params![
                    m,
                    cid,
                    if tid > 0 { Some(tid) } else { None },
                    date,
                    PARTIES[(i % 3) as usize],
                    format!("Plats {}", i % 40),
                    format!("Insats {i}")
                ])?;
                written += 1;
            }
            let mut ins_w = tx.prepare(
                "INSERT INTO safety_walk(municipality_id, date, time_of_day, area, participants) VALUES (?1, ?2, 'morker', ?3, 10)",
            )?;
            let mut ins_o = tx.prepare(
                "INSERT INTO observation(walk_id, position, place, category, status, updated_on, deadline) \
                 VALUES (?1, ?2, ?3, 'belysning', ?4, ?5, ?6)",
            )?;
            for w in 0..spec.walks {
                let m = 1 + rng.below(spec.municipalities as u64) as i64;
                let year = spec.first_year + rng.below(spec.years as u64) as i32;
                let date = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
                ins_w.execute(params![m, date, format!("Sträcka {w}")])?;
                let wid = tx.last_insert_rowid();
                for o in 0..3 {
                    let status = ["ny", "pagar", "atgardad"][rng.below(3) as usize];
                    ins_o.execute(params![wid, o, format!("Plats {o}"), status, date, date])?;
                }
            }
        }
        tx.commit()?;
        self.conn.execute_batch("ANALYZE")?;
        Ok(written)
    }
}
