//! The command line's arguments, with clap's help and errors in Swedish.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "trygghetstavlan",
    version,
    about = "Uppföljning av medborgarlöften för kommun och lokalpolisområde",
    long_about = "Utan kommando öppnas fönstret. Databasen ligger i programmets datamapp om inte --db anges."
)]
pub struct Cli {
    /// Databasfil att använda (skapas och fylls med de fyra kommunerna om den saknas)
    #[arg(long, global = true, value_name = "SÖKVÄG")]
    pub db: Option<PathBuf>,
    /// Öppna fönstret på denna kommun
    #[arg(long, value_name = "KOMMUN")]
    pub kommun: Option<String>,
    /// Öppna fönstret i mötesläge (lägesbildsmötet på projektorn)
    #[arg(long)]
    pub mote: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Visa kommunernas samverkansöverenskommelser med parter, forum och fokusområden
    ListOverenskommelser {
        #[arg(long, value_name = "KOMMUN")]
        kommun: Option<String>,
    },
    /// Skriv ut kommunernas löften med ansvarig, mål, utfört och status
    List {
        /// Bara denna kommun
        #[arg(long, value_name = "KOMMUN")]
        kommun: Option<String>,
        /// Bara medborgarlöftet som omfattar detta år
        #[arg(long, value_name = "ÅR")]
        period: Option<i32>,
    },
    /// Exportera tavlan som CSV för Excel (UTF-8 med BOM, semikolon)
    ExportCsv {
        #[arg(long, value_name = "KOMMUN")]
        kommun: Option<String>,
        #[arg(long, value_name = "ÅR", conflicts_with = "atgarder")]
        period: Option<i32>,
        /// Åtgärdslistan (öppna åtgärder från trygghetsvandringar) i stället för tavlan
        #[arg(long)]
        atgarder: bool,
        /// Bara åtgärder med denna ansvarig (med --atgarder)
        #[arg(long, value_name = "TEXT", requires = "atgarder")]
        ansvarig: Option<String>,
        /// En samverkansöverenskommelse: en rad per fokusområde och år
        #[arg(long, value_name = "ID", conflicts_with_all = ["kommun", "period", "atgarder"])]
        overenskommelse: Option<i64>,
        /// Fil att skriva till (annars standard ut)
        #[arg(short = 'o', long = "output", value_name = "FIL")]
        output: Option<PathBuf>,
    },
    /// Registrera en insats mot ett löfte (ID från första kolumnen i `list`) eller ett
    /// fokusområde i kommunens samverkansöverenskommelse
    AddInsats {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        #[arg(long = "lofte", value_name = "ID", required_unless_present = "fokus")]
        lofte: Option<i64>,
        /// Fokusområde i överenskommelsen (kan upprepas); utan --lofte räknas insatsen
        /// bara i överenskommelsens uppföljning
        #[arg(long = "fokus", value_name = "NAMN")]
        fokus: Vec<String>,
        /// Datum, ÅÅÅÅ-MM-DD
        #[arg(long, value_name = "ÅÅÅÅ-MM-DD", allow_hyphen_values = true)]
        date: String,
        /// Antal (minst 1)
        #[arg(
            long,
            value_name = "ANTAL",
            default_value = "1",
            allow_hyphen_values = true
        )]
        count: String,
        /// Utförd av: polisen, kommunen eller gemensamt (standard: löftets ansvarig, utan
        /// löfte gemensamt)
        #[arg(long, value_name = "ANSVARIG")]
        by: Option<String>,
        /// Vilket mål (1, 2, …) när löftet har flera
        #[arg(long = "mal", value_name = "NR")]
        mal: Option<usize>,
        /// Plats eller delområde
        #[arg(long, value_name = "TEXT", default_value = "")]
        place: String,
        /// Beskrivning (kommer med i rapporter)
        #[arg(long, value_name = "TEXT", default_value = "")]
        text: String,
        /// Intern anteckning (exporteras aldrig)
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// Skriv PDF-uppföljningen av en kommuns medborgarlöfte, eller (med --mote) ett mötes
    /// minnesanteckningar
    ExportPdf {
        #[arg(long, value_name = "KOMMUN", required_unless_present_any = ["mote", "lpo", "vandring", "overenskommelse"])]
        kommun: Option<String>,
        /// Uppföljningen av en samverkansöverenskommelse (ID från list-overenskommelser)
        #[arg(long, value_name = "ID", conflicts_with_all = ["kommun", "lpo", "mote", "period", "vandring"])]
        overenskommelse: Option<i64>,
        /// Protokollet från en trygghetsvandring (ID från list-vandringar)
        #[arg(long, value_name = "ID", conflicts_with_all = ["kommun", "lpo", "mote", "period"])]
        vandring: Option<i64>,
        /// Kommunens åtgärdslista (öppna åtgärder med foton), med --kommun
        #[arg(long, requires = "kommun", conflicts_with_all = ["period", "lpo", "mote", "vandring"])]
        atgarder: bool,
        /// Bara åtgärder med denna ansvarig (med --atgarder)
        #[arg(long, value_name = "TEXT", requires = "atgarder")]
        ansvarig: Option<String>,
        /// Hela lokalpolisområdet: en jämförelse av kommunerna, sedan varje kommuns uppföljning
        #[arg(long, value_name = "NAMN", conflicts_with_all = ["kommun", "mote"])]
        lpo: Option<String>,
        /// Medborgarlöftet som omfattar detta år
        #[arg(long, value_name = "ÅR", required_unless_present_any = ["mote", "vandring", "atgarder", "overenskommelse"])]
        period: Option<i32>,
        /// Minnesanteckningar från detta möte (ID från list-moten)
        #[arg(long, value_name = "ID", conflicts_with_all = ["kommun", "period"])]
        mote: Option<i64>,
        /// Utan "Bilaga: insatser" (raden per insats)
        #[arg(long = "utan-bilaga")]
        utan_bilaga: bool,
        /// Diarienummer, t.ex. "KS 2024/117": står överst på första sidan och i PDF:ens
        /// metadata
        #[arg(long, value_name = "TEXT")]
        dnr: Option<String>,
        /// PDF-fil att skriva
        #[arg(short = 'o', long = "output", value_name = "FIL")]
        output: PathBuf,
    },
    /// Läs in ett publicerat medborgarlöfte från en textfil och visa strukturen
    ImportText {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        /// Medborgarlöftets period, t.ex. 2025 eller 2025-2026 (annars den som textens
        /// rubrik anger, t.ex. "Medborgarlöfte 2026")
        #[arg(long, value_name = "ÅR")]
        period: Option<String>,
        /// Lokalpolisområde, om kommunen ska skapas
        #[arg(long, value_name = "NAMN")]
        lpo: Option<String>,
        /// Textfil (UTF-8)
        #[arg(value_name = "FIL")]
        file: PathBuf,
        /// Visa bara, spara inget
        #[arg(long)]
        dry_run: bool,
        /// Skriv strukturen som JSON
        #[arg(long)]
        json: bool,
    },
    /// Spara en säkerhetskopia av databasen
    Backup {
        /// Fil att skriva (standard: säkerhetskopiemappen bredvid databasen)
        #[arg(short = 'o', long = "output", value_name = "FIL")]
        output: Option<PathBuf>,
    },
    /// Registrera en händelse i lägesbilden (platser och vad som hänt, aldrig namn på personer)
    AddHandelse {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        /// Datum, ÅÅÅÅ-MM-DD
        #[arg(long, value_name = "ÅÅÅÅ-MM-DD", allow_hyphen_values = true)]
        date: String,
        /// Klockslag, TT:MM
        #[arg(long = "tid", value_name = "TT:MM")]
        tid: Option<String>,
        /// Platsen (gata, park, hållplats …)
        #[arg(long, value_name = "TEXT")]
        plats: String,
        /// Kategori ur kommunens lista (t.ex. Klotter, Skadegörelse, Samlingsplats)
        #[arg(long, value_name = "TEXT")]
        kategori: String,
        /// Område eller stadsdel
        #[arg(long = "omrade", value_name = "TEXT", default_value = "")]
        omrade: String,
        /// Vilken verksamhet eller part som rapporterade (internt)
        #[arg(long = "kalla", value_name = "TEXT", default_value = "")]
        kalla: String,
        /// Antal (minst 1)
        #[arg(
            long,
            value_name = "N",
            default_value = "1",
            allow_hyphen_values = true
        )]
        antal: String,
        /// Vad som hänt (internt; aldrig namn på personer)
        #[arg(long, value_name = "TEXT", default_value = "")]
        beskrivning: String,
    },
    /// Importera händelser från en CSV-fil (; eller ,, UTF-8 eller Windows-1252; kolumnerna
    /// Datum, Tid, Område, Plats, Kategori, Källa, Antal, Beskrivning i valfri ordning): alla
    /// rader eller ingen
    ImportHandelser {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        #[arg(value_name = "FIL")]
        file: PathBuf,
        /// Kontrollera bara, spara inget
        #[arg(long)]
        dry_run: bool,
    },
    /// Lägesbilden: händelser per kategori och plats, mot perioden före och året innan
    Lagesbild {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        #[arg(long = "fran", value_name = "ÅÅÅÅ-MM-DD", allow_hyphen_values = true)]
        fran: String,
        #[arg(long = "till", value_name = "ÅÅÅÅ-MM-DD", allow_hyphen_values = true)]
        till: String,
        /// Skriv lägesbilden som JSON
        #[arg(long)]
        json: bool,
    },
    /// Ny indikator (en fråga i trygghetsmätningen, anmälda brott av ett slag, ett antal
    /// gruppen räknar); skriver ut dess ID
    AddIndikator {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        #[arg(long, value_name = "TEXT")]
        namn: String,
        /// Enhet, t.ex. % eller anmälda brott
        #[arg(long, value_name = "TEXT", default_value = "")]
        enhet: String,
        /// Varifrån värdena kommer, t.ex. Polisens trygghetsmätning
        #[arg(long = "kalla", value_name = "TEXT", default_value = "")]
        kalla: String,
        /// Ett lägre värde är bättre (t.ex. andelen otrygga)
        #[arg(long = "lagre-ar-battre")]
        lagre_ar_battre: bool,
        /// Löftet som indikatorn mäter (ID från list); kan anges flera gånger
        #[arg(long = "lofte", value_name = "ID")]
        lofte: Vec<i64>,
    },
    /// Ett års värde för en indikator, eller alla värden ur en CSV-fil med kolumnerna år
    /// och värde
    SetVarde {
        #[arg(long = "indikator", value_name = "ID")]
        indikator: i64,
        #[arg(
            long = "ar",
            value_name = "ÅR",
            required_unless_present = "fil",
            requires = "varde"
        )]
        ar: Option<String>,
        #[arg(
            long = "varde",
            value_name = "TAL",
            allow_hyphen_values = true,
            requires = "ar"
        )]
        varde: Option<String>,
        /// CSV-fil med år och värde per rad (alla rader eller ingen)
        #[arg(long = "fil", value_name = "FIL", conflicts_with_all = ["ar", "varde"])]
        fil: Option<PathBuf>,
    },
    /// Kopiera en kommuns databasfil in i denna databas (t.ex. regionens databasserver)
    ImportSqlite {
        /// Databasfilen att kopiera från (ändras inte)
        #[arg(value_name = "FIL")]
        file: PathBuf,
    },
    /// Återställ databasen från en säkerhetskopia (nuvarande data sparas först)
    Restore {
        /// Säkerhetskopian
        #[arg(value_name = "FIL")]
        file: PathBuf,
    },
    /// Skicka ändringar till partnern (kommunen eller polisen) i en krypterad fil
    SendChanges {
        /// Vad den här databasen heter hos partnern ("Kommunen"); anges en gång, sedan kom ihåg
        #[arg(long, value_name = "NAMN")]
        fran: Option<String>,
        /// Partnern som får filen ("Polisen LPO Karlshamn")
        #[arg(long, value_name = "NAMN")]
        till: String,
        /// Filen att skriva (.tavla)
        #[arg(short = 'o', long = "output", value_name = "FIL")]
        output: PathBuf,
        /// Fil med lösenordet ni kommit överens om per telefon (första raden)
        #[arg(long = "losenord-fil", value_name = "FIL")]
        losenord_fil: PathBuf,
    },
    /// Läs in ändringar från partnern (skapar databasen från en första fil om den saknas)
    ReceiveChanges {
        /// Filen från partnern (.tavla)
        #[arg(value_name = "FIL")]
        file: PathBuf,
        /// Fil med lösenordet (första raden)
        #[arg(long = "losenord-fil", value_name = "FIL")]
        losenord_fil: PathBuf,
        /// Visa vad filen innehåller i läsbar form, utan att läsa in den
        #[arg(long)]
        visa: bool,
        /// Skriv innehållet som CSV (till diariet), utan att läsa in filen
        #[arg(long, value_name = "FIL", conflicts_with = "visa")]
        csv: Option<PathBuf>,
    },
    /// Lista konflikter: samma uppgift ändrad hos båda, eller borttagen hos den ena
    ListKonflikter {
        /// Även de som redan är avgjorda
        #[arg(long)]
        alla: bool,
    },
    /// Avgör en konflikt (ID från list-konflikter): behåll vår uppgift eller ta deras
    ResolveKonflikt {
        #[arg(value_name = "ID")]
        id: i64,
        /// Behåll vår uppgift
        #[arg(long, conflicts_with = "deras", required_unless_present = "deras")]
        var: bool,
        /// Ta deras uppgift
        #[arg(long)]
        deras: bool,
    },
    /// Test: skriver insatser en i taget och skriver ut id efter varje sparad
    #[command(hide = true)]
    StressWrite {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        #[arg(long, default_value = "1000")]
        count: u32,
    },
    /// Lista trygghetsvandringar med antal iakttagelser (med --open: åtgärdslistan)
    ListVandringar {
        #[arg(long, value_name = "KOMMUN")]
        kommun: Option<String>,
        /// Visa bara iakttagelser som inte är åtgärdade, försenade först
        #[arg(long)]
        open: bool,
    },
    /// Registrera en trygghetsvandring
    AddVandring {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        #[arg(long, value_name = "ÅÅÅÅ-MM-DD", allow_hyphen_values = true)]
        date: String,
        /// Område eller sträcka
        #[arg(long, value_name = "TEXT")]
        omrade: String,
        /// dagsljus eller mörker (mörker om inget anges)
        #[arg(long, value_name = "LJUS")]
        ljus: Option<String>,
        /// Antal deltagare
        #[arg(long, value_name = "N", default_value_t = 0)]
        deltagare: u32,
        /// Deltagande organisationer, kommaseparerade (inga namn på personer)
        #[arg(long, value_name = "LISTA", default_value = "")]
        organisationer: String,
        /// Löftet vandringen räknas mot (ID från `list`)
        #[arg(long, value_name = "ID")]
        lofte: Option<i64>,
    },
    /// Registrera en iakttagelse på en vandring, med foton och position
    AddIakttagelse {
        #[arg(long, value_name = "ID")]
        vandring: i64,
        #[command(flatten)]
        fields: ObservationFields,
    },
    /// Ändra en iakttagelse (det som inte anges behålls; foton läggs till)
    EditIakttagelse {
        /// Iakttagelsens ID
        id: i64,
        #[command(flatten)]
        fields: ObservationFields,
    },
    /// Ta bort en iakttagelse med dess foton
    DeleteIakttagelse {
        /// Iakttagelsens ID
        id: i64,
    },
    /// Skriv bedömningen av ett löfte för uppföljningen (det som inte anges behålls)
    SetBedomning {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        /// Löftets ID (från list)
        #[arg(long, value_name = "ID")]
        lofte: i64,
        /// Året som bedöms (standard: innevarande år inom medborgarlöftets period)
        #[arg(long, value_name = "ÅR")]
        period: Option<i32>,
        /// Resultat och bedömning
        #[arg(long, value_name = "TEXT")]
        resultat: Option<String>,
        /// Orsak, när löftet inte eller bara delvis uppfylldes
        #[arg(long, value_name = "TEXT")]
        orsak: Option<String>,
        /// Fortsättning: nästa steg eller förslag till nästa år
        #[arg(long, value_name = "TEXT")]
        fortsattning: Option<String>,
    },
    /// Skriv uppföljningen som en webbsida för kommunens invånare (en fristående HTML-fil)
    ExportHtml {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        /// Medborgarlöftet som omfattar detta år
        #[arg(long, value_name = "ÅR")]
        period: i32,
        /// HTML-fil att skriva
        #[arg(short = 'o', long = "output", value_name = "FIL")]
        output: std::path::PathBuf,
    },
    /// Registrera ett lägesbildsmöte
    AddMote {
        #[arg(long, value_name = "KOMMUN", required_unless_present = "lpo")]
        kommun: Option<String>,
        /// Ett gemensamt möte för hela lokalpolisområdet
        #[arg(long, value_name = "NAMN", conflicts_with = "kommun")]
        lpo: Option<String>,
        /// Mötets datum
        #[arg(long, value_name = "ÅÅÅÅ-MM-DD", allow_hyphen_values = true)]
        date: String,
        /// Organisationer eller roller, kommaseparerade (inga namn på personer)
        #[arg(long, value_name = "LISTA", default_value = "")]
        deltagare: String,
        /// Lägesbilden som den beskrevs på mötet
        #[arg(long, value_name = "TEXT", default_value = "")]
        anteckning: String,
    },
    /// Registrera ett beslut på ett möte (ID från add-mote eller list-moten)
    AddBeslut {
        #[arg(long, value_name = "ID")]
        mote: i64,
        #[arg(long, value_name = "TEXT")]
        text: String,
        /// Organisation eller roll som ansvarar
        #[arg(long, value_name = "TEXT", default_value = "")]
        ansvarig: String,
        /// Senast klart
        #[arg(long, value_name = "ÅÅÅÅ-MM-DD", allow_hyphen_values = true)]
        senast: Option<String>,
        /// Löftet som beslutet gäller (ID från list)
        #[arg(long, value_name = "ID")]
        lofte: Option<i64>,
    },
    /// Markera ett beslut som klart, eller struket med --struken och --reason
    CloseBeslut {
        #[arg(value_name = "ID")]
        id: i64,
        #[arg(long)]
        struken: bool,
        /// Varför beslutet stryks (krävs med --struken)
        #[arg(long, value_name = "TEXT", default_value = "")]
        reason: String,
    },
    /// Lista lägesbildsmöten med sina beslut; öppna beslut markeras
    ListMoten {
        #[arg(long, value_name = "KOMMUN")]
        kommun: Option<String>,
    },
    /// Lägg till exempelinsatser och en trygghetsvandring per kommun, för att prova programmet
    Demo {
        /// En ny databas i Sveriges storlek (290 kommuner, 10 år, en miljon insatser och en
        /// miljon händelser) i
        /// filen som --db anger, som inte får finnas
        #[arg(long)]
        sverige: bool,
    },
    /// Skapa nästa medborgarlöfte från ett tidigare: avsnitt och löften, årtalen flyttade
    NewPeriod {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        /// Medborgarlöftet att utgå från (ett år det omfattar)
        #[arg(long, value_name = "ÅR")]
        from: i32,
        /// Den nya perioden, t.ex. 2026 eller 2026-2027
        #[arg(long, value_name = "ÅR")]
        period: String,
        /// Bara löften som inte blev genomförda
        #[arg(long = "bara-ej-genomforda")]
        bara_ej_genomforda: bool,
    },
    /// Ta bort ett medborgarlöfte med dess löften och insatser (säkerhetskopia först)
    DeletePeriod {
        #[arg(long, value_name = "KOMMUN")]
        kommun: String,
        /// Ett år som medborgarlöftet omfattar
        #[arg(long, value_name = "ÅR")]
        period: i32,
        /// Ta bort på riktigt (utan: visa bara vad som skulle tas bort)
        #[arg(long)]
        ja: bool,
    },
    /// Ta bort en kommun med allt dess (säkerhetskopia först)
    DeleteKommun {
        /// Kommunens namn
        namn: String,
        /// Ta bort på riktigt (utan: visa bara vad som skulle tas bort)
        #[arg(long)]
        ja: bool,
    },
    /// Byt namn på en kommun
    RenameKommun {
        /// Kommunens namn nu
        namn: String,
        /// Det nya namnet
        nytt_namn: String,
    },
}

const HELP: &str = "{about-with-newline}\nAnvändning: {usage}\n\nKommandon:\n{subcommands}\n\nFlaggor:\n{options}{after-help}\n";
const SUBCOMMAND_HELP: &str =
    "{about-with-newline}\nAnvändning: {usage}\n\nFlaggor:\n{options}{after-help}\n";
const SUBCOMMAND_ARGS_HELP: &str = "{about-with-newline}\nAnvändning: {usage}\n\nArgument:\n{positionals}\n\nFlaggor:\n{options}{after-help}\n";

/// The command line as clap sees it, with Swedish headings and flag texts.
fn command() -> clap::Command {
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .global(true)
        .help("Visa den här hjälpen");
    let version = Arg::new("version")
        .short('V')
        .long("version")
        .action(ArgAction::Version)
        .help("Visa versionen");
    Cli::command()
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(help)
        .arg(version)
        .help_template(HELP)
        .override_usage("trygghetstavlan [--db SÖKVÄG] [--kommun KOMMUN] [--mote] [KOMMANDO]")
        .mut_subcommands(|s| {
            let positionals: Vec<String> = s
                .get_positionals()
                .map(|a| {
                    a.get_value_names()
                        .and_then(|v| v.first())
                        .map(|v| v.to_string())
                        .unwrap_or_else(|| a.get_id().to_string().to_uppercase())
                })
                .collect();
            let usage = format!(
                "trygghetstavlan {} [FLAGGOR] {}",
                s.get_name(),
                positionals.join(" ")
            );
            let template = if positionals.is_empty() {
                SUBCOMMAND_HELP
            } else {
                SUBCOMMAND_ARGS_HELP
            };
            s.disable_help_flag(true)
                .help_template(template)
                .override_usage(usage.trim_end().to_string())
        })
}

/// What the command line asked for: the arguments, or the text to print and the exit
/// code (help and version: 0; a mistake: one Swedish line and 2).
pub fn parse_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Cli, (String, u8)> {
    let matches = command()
        .try_get_matches_from(args)
        .map_err(|e| explain(&e))?;
    Cli::from_arg_matches(&matches).map_err(|e| explain(&e))
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

fn explain(e: &clap::Error) -> (String, u8) {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return (e.to_string(), 0),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            return (e.render().to_string(), 2);
        }
        ErrorKind::UnknownArgument => {
            let hint = context(e, ContextKind::SuggestedArg)
                .map(|s| format!(" Menade du {}?", s.replace(", ", " eller ")))
                .unwrap_or_default();
            format!("okänt argument \"{arg}\".{hint}")
        }
        ErrorKind::InvalidSubcommand => {
            let cmd = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let hint = context(e, ContextKind::SuggestedSubcommand)
                .map(|s| format!(" Menade du {}?", s.replace(", ", " eller ")))
                .unwrap_or_default();
            format!("okänt kommando \"{cmd}\".{hint}")
        }
        ErrorKind::MissingRequiredArgument => format!("{arg} saknas."),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = context(e, ContextKind::ValidValue)
                .map(|v| format!(" Möjliga värden: {v}."))
                .unwrap_or_default();
            format!("ogiltigt värde \"{value}\" för {arg}.{valid}")
        }
        ErrorKind::ArgumentConflict => {
            format!("{arg} kan inte användas tillsammans med det andra argumentet.")
        }
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => {
            format!("fel antal värden för {arg}.")
        }
        _ => "argumenten kunde inte tolkas.".to_string(),
    };
    (format!("fel: {message} Se trygghetstavlan --help."), 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(args: &[&str]) -> (String, u8) {
        let mut all = vec!["trygghetstavlan"];
        all.extend(args);
        parse_args(all.into_iter().map(Into::into)).unwrap_err()
    }

    #[test]
    fn mistakes_are_one_swedish_line_with_exit_2() {
        let (m, code) = err(&["lista"]);
        assert_eq!(code, 2);
        assert!(m.starts_with("fel: okänt kommando \"lista\"."), "{m}");
        assert!(m.contains("Menade du") && m.contains("list?"), "{m}");
        let (m, _) = err(&["list", "--kommune", "Bromölla"]);
        assert!(m.contains("okänt argument \"--kommune\""), "{m}");
        assert!(m.contains("Menade du --kommun?"), "{m}");
        let (m, _) = err(&["export-pdf", "--kommun", "Bromölla"]);
        assert!(m.contains("saknas"), "{m}");
        let (m, _) = err(&["list", "--period", "tjugotjugofyra"]);
        assert!(m.contains("ogiltigt värde \"tjugotjugofyra\""), "{m}");
        for (m, _) in [err(&["lista"]), err(&["list", "--x"])] {
            assert_eq!(m.lines().count(), 1, "{m}");
            assert!(!m.contains("error") && !m.contains("Usage"), "{m}");
        }
    }

    #[test]
    fn help_is_swedish() {
        let (help, code) = err(&["--help"]);
        assert_eq!(code, 0);
        assert!(help.contains("Användning: trygghetstavlan"), "{help}");
        assert!(
            help.contains("Kommandon:") && help.contains("Flaggor:"),
            "{help}"
        );
        assert!(help.contains("Visa den här hjälpen"), "{help}");
        assert!(
            !help.contains("Usage") && !help.contains("Options"),
            "{help}"
        );
        let (help, _) = err(&["restore", "--help"]);
        assert!(
            help.contains("trygghetstavlan restore [FLAGGOR] FILE")
                || help.contains("trygghetstavlan restore [FLAGGOR]"),
            "{help}"
        );
        assert!(
            !help.contains("Usage") && !help.contains("Print help"),
            "{help}"
        );
        assert!(parse_args(["trygghetstavlan", "list"].map(Into::into)).is_ok());
    }
}

/// The fields of an observation on the command line.
#[derive(Debug, clap::Args)]
pub struct ObservationFields {
    #[arg(long, value_name = "TEXT")]
    pub plats: Option<String>,
    /// belysning, vegetation, klotter, nedskrapning, skadegorelse, trafik eller ovrigt
    #[arg(long, value_name = "KATEGORI")]
    pub kategori: Option<String>,
    /// Vad som sågs
    #[arg(long, value_name = "TEXT")]
    pub beskrivning: Option<String>,
    /// Föreslagen åtgärd
    #[arg(long, value_name = "TEXT")]
    pub atgard: Option<String>,
    /// Vem som ansvarar för platsen (förvaltning, bolag …)
    #[arg(long, value_name = "TEXT")]
    pub ansvarig: Option<String>,
    /// Senast åtgärdad (tomt tar bort datumet)
    #[arg(long, value_name = "ÅÅÅÅ-MM-DD", allow_hyphen_values = true)]
    pub senast: Option<String>,
    /// En plats som upplevs trygg (ingen åtgärd)
    #[arg(long)]
    pub positiv: bool,
    /// Foto (JPEG eller PNG); kan anges flera gånger
    #[arg(long = "foto", value_name = "FIL")]
    pub foto: Vec<PathBuf>,
    /// Latitud och longitud, t.ex. "56.0512, 14.5853"
    #[arg(long, value_name = "LAT, LON", allow_hyphen_values = true)]
    pub position: Option<String>,
    /// Ta positionen från fotots GPS-uppgift (annars sparas fotot utan den)
    #[arg(long = "foto-position", requires = "foto", conflicts_with = "position")]
    pub foto_position: bool,
}

impl ObservationFields {
    pub fn into_args(self) -> crate::cli::ObservationArgs {
        crate::cli::ObservationArgs {
            place: self.plats,
            category: self.kategori,
            description: self.beskrivning,
            measure: self.atgard,
            responsible: self.ansvarig,
            deadline: self.senast,
            positive: self.positiv,
            photos: self.foto,
            position: self.position,
            photo_position: self.foto_position,
        }
    }
}
