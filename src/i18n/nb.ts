import type { MessageKey } from './en';

// Norwegian Bokmål (norsk bokmål); churn: "kundelekkasje", churn rate: "kundelekkasjerate".
export const nb: Record<MessageKey, string> = {
  // Reading a customer table
  'row.startMissing': 'Rad {row}: startdatoen er tom.',
  'row.startNotDate': 'Rad {row}: startdatoen "{value}" er ikke en dato.',
  'row.endNotDate': 'Rad {row}: sluttdatoen "{value}" er ikke en dato.',
  'row.dateOutOfRange': 'Rad {row}: datoen "{value}" er utenfor årene 1900 til 2199.',
  'row.endBeforeStart': 'Rad {row}: sluttdatoen {end} er før startdatoen {start}.',

  // Menu and help
  'menu.build': 'Lag ark for kundelekkasje...',
  'menu.template': 'Sett inn mal for kundelekkasje',
  'menu.help': 'Hjelp',
  'help.title': 'Verktøy for kundelekkasje',
  'help.body':
    'Skriv disse funksjonene i en hvilken som helst celle:\n' +
    '=CHURN_RATE(customers_at_start, customers_lost)\n' +
    '=ADJUSTED_CHURN(customers_at_start, customers_lost, new_customers, new_customers_lost, [method])\n' +
    '=RETENTION_RATE(customers_at_start, customers_lost)\n' +
    '=CHURN_COST(customers_lost, profit_per_customer)\n' +
    '=CUSTOMER_LIFETIME(churn_rate)\n' +
    '=CHURN_TABLE(start_dates, end_dates, [period], [ids])\n' +
    'Formater ratene som prosent (Format > Tall > Prosent).',

  // Custom function arguments
  'arg.required': '{fn}: argumentet {arg} mangler.',
  'arg.notNumber': '{fn}: argumentet {arg} må være et tall, men {where} er "{value}".',
  'arg.negative': '{fn}: argumentet {arg} kan ikke være negativt, men {where} er {value}.',
  'arg.notPositive': '{fn}: argumentet {arg} må være større enn 0, men {where} er {value}. Uten kunder ved start er kundelekkasjeraten ikke definert.',
  'arg.lostAboveStart': '{fn}: argumentet {arg} ({lost}) er større enn customers_at_start ({start}){at}. Du kan ikke miste flere kunder enn du hadde.',
  'arg.newLostAboveNew': '{fn}: argumentet {arg} ({lost}) er større enn new_customers ({gained}){at}. Du kan ikke miste flere nye kunder enn du fikk.',
  'arg.rateOutOfRange': '{fn}: argumentet {arg} må være en andel mellom 0 og 1 (for eksempel 3% eller 0.03), men {where} er {value}.',
  'arg.rateZero': '{fn}: argumentet {arg} er 0{at}. Med en kundelekkasjerate på 0 slutter kundene aldri, så kundens levetid har ingen slutt.',
  'arg.notFinite': '{fn}: resultatet{at} er for stort til å vises. Kontroller inndataene.',
  'arg.shapeMismatch': '{fn}: området {arg} har størrelsen {rows} x {cols} (rader x kolonner), men området {otherArg} har {otherRows} x {otherCols}. Oppgi områder av samme størrelse.',
  'arg.notColumn': '{fn}: argumentet {arg} må være én enkelt kolonne, men det har flere (antall kolonner: {cols}).',
  'arg.lengthMismatch': '{fn}: antall rader i {arg} er {rows}, men i {otherArg} er det {otherRows}. Velg de samme radene i begge.',
  'arg.unknownPeriod': '{fn}: verdien "{value}" for argumentet period er ukjent. Bruk "month", "week", "quarter" eller "year".',
  'arg.unknownMethod': '{fn}: verdien "{value}" for argumentet method er ukjent. Bruk en av disse verdiene: {allowed}.',
  'arg.noUsableRows': '{fn}: ingen rad i {arg} har en brukbar startdato. {problems}',
  'where.value': 'verdien',
  'where.cell': 'verdien i rad {row}, kolonne {col} i området',
  'at.cell': ' i rad {row}, kolonne {col} i området',

  // The churn sheet the wizard builds
  'sheet.name.month': 'Kundelekkasje per måned',
  'sheet.name.week': 'Kundelekkasje per uke',
  'sheet.name.quarter': 'Kundelekkasje per kvartal',
  'sheet.name.year': 'Kundelekkasje per år',
  'sheet.retentionRate': 'Andel beholdte kunder',
  'sheet.lostProfit': 'Tapt fortjeneste',
  'sheet.profitPerCustomer': 'Fortjeneste per kunde',
  'sheet.source': 'Kilde',
  'sheet.mode': 'Tall',
  'sheet.mode.formulas': 'Dynamiske formler: de følger kildetabellen',
  'sheet.mode.values': 'Verdier beregnet da arket ble laget',
  'sheet.chartTitle': 'Kundelekkasjerate og justert kundelekkasjerate',
  'note.periodStart': 'Første dag i perioden.',
  'note.customersAtStart': 'Kunder ved start: kunder som startet før perioden og ikke hadde sluttet før den begynte.',
  'note.newCustomers': 'Nye kunder: kunder som startet i løpet av perioden.',
  'note.reactivated': 'Gjenaktiverte: kunder som kom tilbake i løpet av perioden etter et opphold (krever en kolonne med kunde-ID).',
  'note.churned': 'Tapte kunder: kunder ved start som sluttet i løpet av perioden.',
  'note.churnedNew': 'Tapte nye kunder: kunder som startet i løpet av perioden og også sluttet i den.',
  'note.customersAtEnd': 'Kunder ved slutt = kunder ved start + nye kunder + gjenaktiverte - tapte kunder - tapte nye kunder.',
  'note.churnRate': 'Kundelekkasjerate = tapte kunder / kunder ved start. Cellen er tom når det ikke var noen kunder ved start.',
  'note.adjustedChurn': 'Justert kundelekkasjerate = (tapte kunder + tapte nye kunder) / kunder ved start.',
  'note.retentionRate': 'Andel beholdte kunder = 1 - kundelekkasjerate.',
  'note.lostProfit': 'Tapt fortjeneste = (tapte kunder + tapte nye kunder) x fortjeneste per kunde.',

  // The churn template
  'template.name': 'Mal for kundelekkasje',
  'template.title': 'Månedlig kundelekkasje: fyll ut de blå cellene, resten beregnes automatisk.',
  'template.month': 'Måned',
  'template.customersAtStart': 'Kunder ved start',
  'template.churned': 'Tapte kunder',
  'template.newCustomers': 'Nye kunder',
  'template.newChurned': 'Tapte nye kunder',
  'template.totalChurned': 'Tapte kunder totalt',
  'template.help.count': 'Skriv inn antall kunder som et helt tall, 0 eller mer.',
  'template.help.churned': 'Skriv inn et helt tall, 0 eller mer, og ikke mer enn antall kunder ved starten av måneden.',
  'template.help.newChurned': 'Skriv inn et helt tall, 0 eller mer, og ikke mer enn antall nye kunder i måneden.',
  'template.protected': 'Beregnet celle: den beregnes på nytt ut fra de blå inndatacellene.',
  'template.notes': 'Slik teller dette arket',
  'template.note.start': 'Kunder ved start: for den første måneden skriver du inn tallet selv; hver senere måned starter med forrige måneds kunder ved slutt.',
  'template.note.churnRate': 'Kundelekkasjerate = tapte kunder / kunder ved start.',
  'template.note.adjusted': 'Justert kundelekkasjerate = (tapte kunder + tapte nye kunder) / kunder ved start.',
  'template.note.end': 'Kunder ved slutt = kunder ved start + nye kunder - tapte kunder - tapte nye kunder.',
  'template.note.retention': 'Andel beholdte kunder = 1 - kundelekkasjerate.',
  'template.note.lostProfit': 'Tapt fortjeneste = tapte kunder totalt x fortjeneste per kunde.',
  'template.note.source': 'Tallene kommer fra dine egne månedlige opptellinger; ingenting hentes fra andre steder. Formlene er vanlige regnearkformler, så en kopi av dette arket fungerer også uten tillegget.',

  'template.askExample': 'Vil du fylle ut malen med eksempeltallene (500 kunder, 15 tapte, 200 nye, hvorav 4 tapte)? Velg Nei for en tom mal.',
  'template.inserted': 'Arket "{sheet}" er satt inn.',

  // The wizard (server side)
  'wizard.noSheet': 'Det finnes ikke noe ark med navnet "{name}" i dette regnearket.',
  'wizard.emptySheet': 'Arket "{name}" er tomt: det finnes ingen kundetabell på det.',
  'wizard.noStartColumn': 'Velg kolonnen som inneholder startdatoene.',
  'wizard.badPosition': 'Tabellposisjonen som sidepanelet sendte, er ikke gyldig. Lukk sidepanelet og åpne det på nytt.',
  'wizard.badColumn': 'Kolonnen "{role}" må være en av tabellens kolonner (antall kolonner: {count}).',
  'wizard.sameColumn': 'Start- og sluttdatoene kan ikke komme fra samme kolonne.',
  'wizard.badPeriod': 'Perioden må være måned, uke, kvartal eller år.',
  'wizard.badOutput': 'Resultatet må være dynamiske formler eller verdier.',
  'wizard.badDate': '{which}: "{value}" er ikke en dato (bruk formatet 2024-01-31).',
  'wizard.badRange': 'Den første perioden ({first}) er etter den siste perioden ({last}).',
  'wizard.badProfit': 'Fortjeneste per kunde må være et tall som er 0 eller mer.',
  'wizard.noUsableRows': 'Ingen rad i tabellen har en brukbar startdato. {problems}',
  'wizard.busy': 'Et annet ark for kundelekkasje lages i dette regnearket akkurat nå. Prøv igjen om et øyeblikk.',
  'wizard.liveBlocked': 'Dynamiske formler kan ikke gi de samme tallene for denne tabellen: {reasons} Velg "Verdier", eller rett opp tabellen først.',
  'wizard.blocker.textDates': 'kolonnen "{role}" har datoer skrevet som tekst (rad {row}: "{value}"), og formler teller dem ikke som datoer.',
  'wizard.blocker.rows': 'noen rader har datoer som formlene ville telt annerledes ({first})',
  'wizard.blocker.repeatedIds': 'kunden "{id}" har mer enn én rad (radene {rows}); formlene teller hver rad som en egen kunde, mens verdiene slår radene sammen.',
  'wizard.dateOrder': 'Datoer skrevet som tekst i kolonnen "{role}" ble lest {order}{why}.',
  'wizard.dateOrder.DMY': 'med dagen først (31.01.2024)',
  'wizard.dateOrder.MDY': 'med måneden først (1/31/2024)',
  'wizard.dateOrder.YMD': 'med året først',
  'wizard.dateOrder.fromLocale': ', slik regnearkets språk- og regionsinnstillinger skriver dem: hver verdi kunne leses på begge måter',
  'wizard.role.start': 'startdato',
  'wizard.role.end': 'sluttdato',
  'wizard.role.id': 'kunde-ID',
  'wizard.role.amount': 'beløp',
  'wizard.role.segment': 'kundesegment',

  // The sidebar
  'ui.step.source': '1. Kundetabell',
  'ui.step.columns': '2. Kolonner',
  'ui.step.options': '3. Innstillinger',
  'ui.step.build': '4. Opprett',
  'ui.sheet': 'Ark',
  'ui.tableFound': 'Overskrift i rad {row}; kunderader under den: {count}.',
  'ui.tableEmpty': 'Dette arket er tomt. Velg arket som inneholder kundelisten din.',
  'ui.column.none': '(ingen)',
  'ui.column.start': 'Startdato',
  'ui.column.end': 'Sluttdato',
  'ui.column.id': 'Kunde-ID',
  'ui.column.amount': 'Beløp (månedlig inntekt, MRR)',
  'ui.column.segment': 'Kundesegment',
  'ui.chooseStart': 'Velg kolonnen med startdatoene.',
  'ui.preview': 'De første radene slik de blir lest:',
  'ui.preview.row': 'Rad',
  'ui.noProblems': 'Alle radene kan leses.',
  'ui.problems': 'Rader som ikke kan brukes og ikke blir telt med ({count}):',
  'ui.period': 'Periode',
  'ui.period.month': 'Måned',
  'ui.period.week': 'Uke (fra mandag)',
  'ui.period.quarter': 'Kvartal',
  'ui.period.year': 'År',
  'ui.firstPeriod': 'Første periode',
  'ui.lastPeriod': 'Siste periode',
  'ui.spanHint': 'La feltet stå tomt for hele tabellen ({first} til {last}).',
  'ui.profit': 'Fortjeneste per kunde (valgfritt, for tapt fortjeneste)',
  'ui.output': 'Tall i det nye arket',
  'ui.output.formulas': 'Dynamiske formler (oppdateres når tabellen endres)',
  'ui.output.values': 'Verdier (fastsatt når arket lages)',
  'ui.liveBlocked': 'Dynamiske formler er ikke tilgjengelige for denne tabellen:',
  'ui.chart': 'Legg til et diagram over kundelekkasjerate og justert kundelekkasjerate',
  'ui.build': 'Lag ark for kundelekkasje',
  'ui.building': 'Lager arket for kundelekkasje...',
  'ui.loading': 'Leser arket...',
  'ui.done': 'Ferdig: arket "{sheet}" er laget (perioder: {periods}, kunder: {customers}).',
  'ui.skipped': 'Rader som ikke er telt med ({count}):',
  'ui.templateTitle': 'Ingen kundeliste? Start med månedlige tall',
  'ui.template': 'Sett inn mal for kundelekkasje',
  'ui.language': 'Språk',
  'ui.templateExample': 'Fyll den ut med eksempeltallene',
  'ui.templateDone': 'Arket "{sheet}" er satt inn. Skriv de månedlige tallene dine i de blå cellene.',

  // CHURN_TABLE output
  'table.periodStart': 'Periodestart',
  'table.customersAtStart': 'Kunder ved start',
  'table.newCustomers': 'Nye kunder',
  'table.reactivated': 'Gjenaktiverte',
  'table.churned': 'Tapte kunder',
  'table.churnedNew': 'Tapte nye kunder',
  'table.customersAtEnd': 'Kunder ved slutt',
  'table.churnRate': 'Kundelekkasjerate',
  'table.adjustedChurn': 'Justert kundelekkasjerate',
  'table.skippedRows': 'Rader som ikke er telt med ({count}; nummerert fra første rad i området): {problems}',
  'table.moreProblems': 'Flere rader med problemer: {count}.',

  // Reading a CSV or XLSX file (CLI and playground)
  'file.type': '{file}: bare .csv- og .xlsx-filer kan leses (eksporter tabellen som en av dem).',
  'file.unreadableXlsx': 'Filen kan ikke leses som en .xlsx-arbeidsbok ({error}).',

  // The churn-sheet command line (local/cli.ts)
  'cli.usage':
    'Bruk: churn-sheet build <customers.csv|customers.xlsx> -o <churn.xlsx> [alternativer]\n' +
    '\n' +
    'Lager arket for kundelekkasje fra tilleggets veiviser ut fra en kundetabell (en overskriftsrad med en\n' +
    'kolonne for startdato, eventuelt sluttdato og kunde-ID) og lagrer det som en .xlsx-arbeidsbok.\n' +
    '\n' +
    'Alternativer:\n' +
    '  -o, --output <fil>    .xlsx-filen som skal skrives (en eksisterende fil beholdes uten --force)\n' +
    '  --period <periode>    month (standard), week, quarter eller year\n' +
    '  --values              skriv de beregnede tallene i stedet for dynamiske formler\n' +
    '  --profit <beløp>      fortjeneste per kunde: legger til en kolonne for tapt fortjeneste\n' +
    '  --locale <xx_YY>      hvordan datoer skrevet som tekst leses, f.eks. en_US (standard en_GB)\n' +
    '  --json                skriv kundelekkasjetabellen som JSON til stdout (med -o lagres den også)\n' +
    '  --force               overskriv utdatafilen hvis den finnes\n' +
    '  -h, --help            vis denne teksten\n',
  'cli.noCommand': 'ingen kommando er oppgitt.',
  'cli.unknownCommand': 'ukjent kommando "{command}" (kommandoen er "build").',
  'cli.needsValue': '{option} trenger en verdi.',
  'cli.takesNoValue': '{option} tar ingen verdi.',
  'cli.badPeriod': '--period må være month, week, quarter eller year, ikke "{value}".',
  'cli.badProfit': '--profit må være et tall på 0 eller mer, for eksempel 30000, ikke "{value}".',
  'cli.badLocale': '--locale må se ut som en_GB eller nb_NO, ikke "{value}".',
  'cli.unknownOption': 'ukjent alternativ "{option}".',
  'cli.noInput': 'kundefilen mangler.',
  'cli.manyInputs': 'én kundefil om gangen (fikk {files}).',
  'cli.noOutput': '-o <churn.xlsx> mangler (eller bruk --json for å skrive ut tabellen).',
  'cli.outputNotXlsx': 'utdatafilen må slutte på .xlsx (fikk "{file}").',
  'cli.badTimeZone': 'TZ="{value}" er ikke navnet på en tidssone; bruker {zone}.',
  'cli.noSuchFile': '{file}: filen finnes ikke.',
  'cli.notAFile': '{file} er ikke en fil.',
  'cli.outputExists': '{file} finnes allerede; den ble ikke endret. Velg en annen -o-fil, eller legg til --force for å erstatte den.',
  'cli.outputAppeared': '{file} finnes allerede; den ble ikke endret. Legg til --force for å erstatte den.',
  'cli.notBuilt': 'dist/Code.js mangler: kjør npm run build først.',
  'cli.reading': 'leser {file}...',
  'cli.building': 'lager arket for kundelekkasje fra {count} rader...',
  'cli.writing': 'skriver {file}...',
  'cli.noTable': '{file}: det finnes ingen kundetabell i filen (en overskriftsrad med kunderader under).',
  'cli.noStartColumn': '{file}: fant ingen kolonne med startdato. {choose} Kolonnene er {columns}; gi kolonnen med startdatoer navnet "Startdato" (eller Registreringsdato, Opprettet).',
  'cli.liveBlocked': '{file}: {message} (Legg til --values for å skrive tallene.)',
  'cli.cannotWrite': 'kan ikke skrive {file}: {error}',
  'cli.columns': 'kolonner: startdato "{start}"',
  'cli.columns.end': ', sluttdato "{end}"',
  'cli.columns.noEnd': ', ingen sluttdato',
  'cli.columns.id': ', kunde-ID "{id}"',
  'cli.mode.formulas': 'dynamiske formler',
  'cli.mode.values': 'verdier',
  'cli.summary': '{done} ({mode}; {columns}; tidssone {zone})',
  'cli.wrote': ' Skrev {file}.',

  // The local playground page (local/playground)
  'play.title': 'Testside for verktøy for kundelekkasje',
  'play.build': 'Lag ark for kundelekkasje...',
  'play.template': 'Sett inn mal for kundelekkasje',
  'play.load': 'Last inn CSV eller XLSX',
  'play.download': 'Last ned .xlsx',
  'play.formula': 'Velg en celle, og skriv så inn en verdi eller en formel, for eksempel =CHURN_RATE(500, 15)',
  'play.sidebar': 'Sidepanel',
};
