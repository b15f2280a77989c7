import type { MessageKey } from './en';

// Latvian (latviešu); churn: "klientu aiziešana", churn rate: "klientu aiziešanas rādītājs".
export const lv: Record<MessageKey, string> = {
  // Reading a customer table
  'row.startMissing': '{row}. rinda: sākuma datums nav norādīts.',
  'row.startNotDate': '{row}. rinda: sākuma datums "{value}" nav datums.',
  'row.endNotDate': '{row}. rinda: beigu datums "{value}" nav datums.',
  'row.dateOutOfRange': '{row}. rinda: datums "{value}" nav robežās no 1900. līdz 2199. gadam.',
  'row.endBeforeStart': '{row}. rinda: beigu datums {end} ir agrāks par sākuma datumu {start}.',

  // Menu and help
  'menu.build': 'Izveidot klientu aiziešanas lapu...',
  'menu.template': 'Ievietot klientu aiziešanas veidni',
  'menu.help': 'Palīdzība',
  'help.title': 'Klientu aiziešanas rīki',
  'help.body':
    'Ierakstiet šīs funkcijas jebkurā šūnā:\n' +
    '=CHURN_RATE(customers_at_start, customers_lost)\n' +
    '=ADJUSTED_CHURN(customers_at_start, customers_lost, new_customers, new_customers_lost, [method])\n' +
    '=RETENTION_RATE(customers_at_start, customers_lost)\n' +
    '=CHURN_COST(customers_lost, profit_per_customer)\n' +
    '=CUSTOMER_LIFETIME(churn_rate)\n' +
    '=CHURN_TABLE(start_dates, end_dates, [period], [ids])\n' +
    'Formatējiet rādītājus kā procentus (Formatēt > Skaitlis > Procenti).',

  // Custom function arguments
  'arg.required': '{fn}: trūkst argumenta {arg}.',
  'arg.notNumber': '{fn}: argumentam {arg} jābūt skaitlim, bet {where} ir "{value}".',
  'arg.negative': '{fn}: arguments {arg} nevar būt negatīvs, bet {where} ir {value}.',
  'arg.notPositive': '{fn}: argumentam {arg} jābūt lielākam par 0, bet {where} ir {value}. Ja sākumā nav neviena klienta, klientu aiziešanas rādītājs nav definēts.',
  'arg.lostAboveStart': '{fn}: {arg} ({lost}) pārsniedz customers_at_start ({start}){at}. Nevar zaudēt vairāk klientu, nekā to bija.',
  'arg.newLostAboveNew': '{fn}: {arg} ({lost}) pārsniedz new_customers ({gained}){at}. Jauno klientu nevar zaudēt vairāk, nekā to tika piesaistīts.',
  'arg.rateOutOfRange': '{fn}: argumentam {arg} jābūt daļai no 0 līdz 1 (piemēram, 3% vai 0.03), bet {where} ir {value}.',
  'arg.rateZero': '{fn}: {arg} ir 0{at}. Ja klientu aiziešanas rādītājs ir 0, klienti nekad neaiziet, tāpēc klienta mūžam nav beigu.',
  'arg.notFinite': '{fn}: rezultāts{at} ir pārāk liels, lai to parādītu. Pārbaudiet ievaddatus.',
  'arg.shapeMismatch': '{fn}: {arg} izmērs ir {rows} x {cols}, bet {otherArg} izmērs ir {otherRows} x {otherCols} (rindas x kolonnas). Norādiet vienāda izmēra diapazonus.',
  'arg.notColumn': '{fn}: argumentam {arg} jābūt vienai kolonnai, bet tajā ir vairākas (kolonnu skaits: {cols}).',
  'arg.lengthMismatch': '{fn}: {arg} rindu skaits ir {rows}, bet {otherArg} rindu skaits ir {otherRows}. Atlasiet abos vienas un tās pašas rindas.',
  'arg.unknownPeriod': '{fn}: argumenta period vērtība "{value}" nav atpazīta. Izmantojiet "month", "week", "quarter" vai "year".',
  'arg.unknownMethod': '{fn}: argumenta method vērtība "{value}" nav atpazīta. Izmantojiet {allowed}.',
  'arg.noUsableRows': '{fn}: nevienā argumenta {arg} rindā nav izmantojama sākuma datuma. {problems}',
  'where.value': 'vērtība',
  'where.cell': 'vērtība diapazona {row}. rindā, {col}. kolonnā',
  'at.cell': ' diapazona {row}. rindā, {col}. kolonnā',

  // The churn sheet the wizard builds
  'sheet.name.month': 'Klientu aiziešana – mēneši',
  'sheet.name.week': 'Klientu aiziešana – nedēļas',
  'sheet.name.quarter': 'Klientu aiziešana – ceturkšņi',
  'sheet.name.year': 'Klientu aiziešana – gadi',
  'sheet.retentionRate': 'Klientu noturēšanas rādītājs',
  'sheet.lostProfit': 'Zaudētā peļņa',
  'sheet.profitPerCustomer': 'Peļņa uz vienu klientu',
  'sheet.source': 'Avots',
  'sheet.mode': 'Skaitļi',
  'sheet.mode.formulas': 'Dinamiskas formulas: tās mainās līdz ar avota tabulu',
  'sheet.mode.values': 'Vērtības, kas aprēķinātas lapas izveides brīdī',
  'sheet.chartTitle': 'Klientu aiziešanas rādītājs un koriģētais aiziešanas rādītājs',
  'note.periodStart': 'Perioda pirmā diena.',
  'note.customersAtStart': 'Klienti sākumā: klienti, kas sāka pirms perioda un līdz tā sākumam nebija aizgājuši.',
  'note.newCustomers': 'Jaunie klienti: klienti, kas sāka perioda laikā.',
  'note.reactivated': 'Atgriezušies: klienti, kas perioda laikā atgriezās pēc pārtraukuma (nepieciešama klienta ID kolonna).',
  'note.churned': 'Aizgājušie: perioda sākumā esošie klienti, kas perioda laikā aizgāja.',
  'note.churnedNew': 'Aizgājušie jaunie: klienti, kas sāka perioda laikā un tajā pašā periodā arī aizgāja.',
  'note.customersAtEnd': 'Klienti beigās = klienti sākumā + jaunie + atgriezušies - aizgājušie - aizgājušie jaunie.',
  'note.churnRate': 'Klientu aiziešanas rādītājs = aizgājušie / klienti sākumā. Šūna ir tukša, ja sākumā nebija neviena klienta.',
  'note.adjustedChurn': 'Koriģētais aiziešanas rādītājs = (aizgājušie + aizgājušie jaunie) / klienti sākumā.',
  'note.retentionRate': 'Klientu noturēšanas rādītājs = 1 - klientu aiziešanas rādītājs.',
  'note.lostProfit': 'Zaudētā peļņa = (aizgājušie + aizgājušie jaunie) x peļņa uz vienu klientu.',

  // The churn template
  'template.name': 'Klientu aiziešanas veidne',
  'template.title': 'Klientu aiziešana pa mēnešiem: aizpildiet zilās šūnas, pārējais tiek aprēķināts automātiski.',
  'template.month': 'Mēnesis',
  'template.customersAtStart': 'Klienti sākumā',
  'template.churned': 'Aizgājušie',
  'template.newCustomers': 'Jaunie klienti',
  'template.newChurned': 'Aizgājušie jaunie klienti',
  'template.totalChurned': 'Aizgājušie kopā',
  'template.help.count': 'Ievadiet klientu skaitu: veselu skaitli, 0 vai vairāk.',
  'template.help.churned': 'Ievadiet veselu skaitli, 0 vai vairāk, bet ne vairāk par klientu skaitu mēneša sākumā.',
  'template.help.newChurned': 'Ievadiet veselu skaitli, 0 vai vairāk, bet ne vairāk par mēneša jauno klientu skaitu.',
  'template.protected': 'Aprēķināta šūna: tā tiek pārrēķināta no zilajām ievades šūnām.',
  'template.notes': 'Kā šī lapa skaita',
  'template.note.start': 'Klienti sākumā: pirmā mēneša skaitu ievadāt jūs; katrs nākamais mēnesis sākas ar iepriekšējā mēneša klientu skaitu beigās.',
  'template.note.churnRate': 'Klientu aiziešanas rādītājs = aizgājušie / klienti sākumā.',
  'template.note.adjusted': 'Koriģētais aiziešanas rādītājs = (aizgājušie + aizgājušie jaunie klienti) / klienti sākumā.',
  'template.note.end': 'Klienti beigās = klienti sākumā + jaunie klienti - aizgājušie - aizgājušie jaunie klienti.',
  'template.note.retention': 'Klientu noturēšanas rādītājs = 1 - klientu aiziešanas rādītājs.',
  'template.note.lostProfit': 'Zaudētā peļņa = aizgājušie kopā x peļņa uz vienu klientu.',
  'template.note.source': 'Skaitļi ir jūsu pašu ikmēneša uzskaites dati; nekas netiek ielādēts no citurienes. Formulas ir parastas izklājlapas formulas, tāpēc šīs lapas kopija darbojas arī bez papildinājuma.',

  'template.askExample': 'Vai aizpildīt veidni ar parauga skaitļiem (klienti sākumā: 500, aizgājušie: 15, jaunie klienti: 200, no tiem aizgājušie: 4)? Izvēlieties "Nē", lai iegūtu tukšu veidni.',
  'template.inserted': 'Ievietota lapa "{sheet}".',

  // The wizard (server side)
  'wizard.noSheet': 'Šajā izklājlapā nav lapas ar nosaukumu "{name}".',
  'wizard.emptySheet': 'Lapa "{name}" ir tukša: tajā nav klientu tabulas.',
  'wizard.noStartColumn': 'Izvēlieties kolonnu, kurā ir sākuma datumi.',
  'wizard.badPosition': 'Sānjoslas nosūtītā tabulas atrašanās vieta nav derīga. Aizveriet sānjoslu un atveriet to vēlreiz.',
  'wizard.badColumn': 'Kolonnai "{role}" jābūt vienai no tabulas kolonnām (kolonnu skaits: {count}).',
  'wizard.sameColumn': 'Sākuma un beigu datumi nevar būt no vienas un tās pašas kolonnas.',
  'wizard.badPeriod': 'Periodam jābūt mēnesim, nedēļai, ceturksnim vai gadam.',
  'wizard.badOutput': 'Rezultātam jābūt dinamiskām formulām vai vērtībām.',
  'wizard.badDate': '{which}: "{value}" nav datums (izmantojiet formātu 2024-01-31).',
  'wizard.badRange': 'Pirmais periods ({first}) ir pēc pēdējā perioda ({last}).',
  'wizard.badProfit': 'Peļņai uz vienu klientu jābūt skaitlim, kas ir 0 vai lielāks.',
  'wizard.noUsableRows': 'Nevienā tabulas rindā nav izmantojama sākuma datuma. {problems}',
  'wizard.busy': 'Šajā izklājlapā pašlaik jau tiek veidota cita klientu aiziešanas lapa. Pēc brīža mēģiniet vēlreiz.',
  'wizard.liveBlocked': 'Dinamiskās formulas šai tabulai nevar dot tādus pašus skaitļus: {reasons} Izvēlieties "Vērtības" vai vispirms izlabojiet tabulu.',
  'wizard.blocker.textDates': 'kolonnā "{role}" ir datumi, kas ierakstīti kā teksts ({row}. rinda: "{value}"), un formulas tos neuzskata par datumiem.',
  'wizard.blocker.rows': 'dažās rindās ir datumi, ko formulas skaitītu citādi ({first}).',
  'wizard.blocker.repeatedIds': 'klientam "{id}" ir vairāk nekā viena rinda (rindas {rows}); formulas katru rindu skaita kā atsevišķu klientu, bet, izvēloties "Vērtības", šīs rindas tiek apvienotas.',
  'wizard.dateOrder': 'Kolonnā "{role}" kā teksts ierakstītie datumi tika nolasīti {order}{why}.',
  'wizard.dateOrder.DMY': 'ar dienu pirmajā vietā (31.01.2024)',
  'wizard.dateOrder.MDY': 'ar mēnesi pirmajā vietā (1/31/2024)',
  'wizard.dateOrder.YMD': 'ar gadu pirmajā vietā',
  'wizard.dateOrder.fromLocale': ', kā tos raksta izklājlapas lokalizācijas iestatījumi: katru vērtību varēja nolasīt abējādi',
  'wizard.role.start': 'sākuma datums',
  'wizard.role.end': 'beigu datums',
  'wizard.role.id': 'klienta ID',
  'wizard.role.amount': 'summa',
  'wizard.role.segment': 'segments',

  // The sidebar
  'ui.step.source': '1. Klientu tabula',
  'ui.step.columns': '2. Kolonnas',
  'ui.step.options': '3. Iestatījumi',
  'ui.step.build': '4. Izveide',
  'ui.sheet': 'Lapa',
  'ui.tableFound': 'Galvene ir {row}. rindā; klientu rindas zem tās: {count}.',
  'ui.tableEmpty': 'Šī lapa ir tukša. Izvēlieties lapu, kurā ir jūsu klientu saraksts.',
  'ui.column.none': '(nav)',
  'ui.column.start': 'Sākuma datums',
  'ui.column.end': 'Beigu datums',
  'ui.column.id': 'Klienta ID',
  'ui.column.amount': 'Summa (ikmēneša ieņēmumi, MRR)',
  'ui.column.segment': 'Segments',
  'ui.chooseStart': 'Izvēlieties kolonnu ar sākuma datumiem.',
  'ui.preview': 'Pirmās rindas tā, kā tās tiks nolasītas:',
  'ui.preview.row': 'Rinda',
  'ui.noProblems': 'Visas rindas var nolasīt.',
  'ui.problems': 'Rindas, kuras nevar izmantot un kuras netiks ieskaitītas ({count}):',
  'ui.period': 'Periods',
  'ui.period.month': 'Mēnesis',
  'ui.period.week': 'Nedēļa (no pirmdienas)',
  'ui.period.quarter': 'Ceturksnis',
  'ui.period.year': 'Gads',
  'ui.firstPeriod': 'Pirmais periods',
  'ui.lastPeriod': 'Pēdējais periods',
  'ui.spanHint': 'Atstājiet tukšu, lai izmantotu visu tabulu (no {first} līdz {last}).',
  'ui.profit': 'Peļņa uz vienu klientu (nav obligāta; zaudētās peļņas aprēķinam)',
  'ui.output': 'Skaitļi jaunajā lapā',
  'ui.output.formulas': 'Dinamiskas formulas (atjauninās, kad mainās tabula)',
  'ui.output.values': 'Vērtības (fiksētas izveides brīdī)',
  'ui.liveBlocked': 'Dinamiskās formulas šai tabulai nav pieejamas:',
  'ui.chart': 'Pievienot diagrammu ar klientu aiziešanas rādītāju un koriģēto aiziešanas rādītāju',
  'ui.build': 'Izveidot klientu aiziešanas lapu',
  'ui.building': 'Veido klientu aiziešanas lapu...',
  'ui.loading': 'Nolasa lapu...',
  'ui.done': 'Gatavs: izveidota lapa "{sheet}" (periodi: {periods}; klienti: {customers}).',
  'ui.skipped': 'Neieskaitītās rindas ({count}):',
  'ui.templateTitle': 'Nav klientu saraksta? Sāciet ar ikmēneša skaitļiem',
  'ui.template': 'Ievietot klientu aiziešanas veidni',
  'ui.language': 'Valoda',
  'ui.templateExample': 'Aizpildīt ar parauga skaitļiem',
  'ui.templateDone': 'Ievietota lapa "{sheet}". Ierakstiet ikmēneša skaitļus zilajās šūnās.',

  // CHURN_TABLE output
  'table.periodStart': 'Perioda sākums',
  'table.customersAtStart': 'Klienti sākumā',
  'table.newCustomers': 'Jaunie klienti',
  'table.reactivated': 'Atgriezušies',
  'table.churned': 'Aizgājušie',
  'table.churnedNew': 'Aizgājušie jaunie',
  'table.customersAtEnd': 'Klienti beigās',
  'table.churnRate': 'Klientu aiziešanas rādītājs',
  'table.adjustedChurn': 'Koriģētais aiziešanas rādītājs',
  'table.skippedRows': 'Neieskaitītās rindas ({count}; numurētas no diapazona pirmās rindas): {problems}',
  'table.moreProblems': 'Vēl citas: {count}.',

  // Reading a CSV or XLSX file (CLI and playground)
  'file.type': '{file}: var nolasīt tikai .csv un .xlsx failus (eksportējiet tabulu vienā no šiem formātiem).',
  'file.unreadableXlsx': 'Šo failu nevar nolasīt kā .xlsx darbgrāmatu ({error}).',

  // The churn-sheet command line (local/cli.ts)
  'cli.usage':
    'Lietojums: churn-sheet build <customers.csv|customers.xlsx> -o <churn.xlsx> [opcijas]\n' +
    '\n' +
    'No klientu tabulas (galvenes rinda ar sākuma datuma kolonnu, pēc izvēles arī beigu datums un\n' +
    'klienta ID) izveido papildinājuma vedņa klientu aiziešanas lapu un saglabā to kā .xlsx darbgrāmatu.\n' +
    '\n' +
    'Opcijas:\n' +
    '  -o, --output <fails>  saglabājamais .xlsx fails (esošs fails netiek mainīts, ja nav --force)\n' +
    '  --period <periods>    month (noklusējums), week, quarter vai year\n' +
    '  --values              saglabāt aprēķinātos skaitļus, nevis dinamiskas formulas\n' +
    '  --profit <summa>      peļņa uz vienu klientu: pievieno zaudētās peļņas kolonnu\n' +
    '  --locale <xx_YY>      kā lasīt kā tekstu ierakstītus datumus, piem., en_US (noklusējums en_GB)\n' +
    '  --json                izvadīt aiziešanas tabulu kā JSON uz stdout (ar -o to arī saglabā)\n' +
    '  --force               aizstāt izvades failu, ja tas jau pastāv\n' +
    '  -h, --help            parādīt šo tekstu\n',
  'cli.noCommand': 'nav norādīta komanda.',
  'cli.unknownCommand': 'nezināma komanda "{command}" (komanda ir "build").',
  'cli.needsValue': 'opcijai {option} vajadzīga vērtība.',
  'cli.takesNoValue': 'opcijai {option} nevar norādīt vērtību.',
  'cli.badPeriod': '--period vērtībai jābūt month, week, quarter vai year, nevis "{value}".',
  'cli.badProfit': '--profit vērtībai jābūt skaitlim, kas ir 0 vai lielāks, piemēram, 30000, nevis "{value}".',
  'cli.badLocale': '--locale vērtībai jāizskatās kā en_GB vai nb_NO, nevis "{value}".',
  'cli.unknownOption': 'nezināma opcija "{option}".',
  'cli.noInput': 'nav norādīts klientu fails.',
  'cli.manyInputs': 'vienlaikus var apstrādāt tikai vienu klientu failu (norādīti: {files}).',
  'cli.noOutput': 'nav norādīts -o <churn.xlsx> (vai izmantojiet --json, lai izvadītu tabulu).',
  'cli.outputNotXlsx': 'izvades faila nosaukumam jābeidzas ar .xlsx (norādīts "{file}").',
  'cli.badTimeZone': 'TZ="{value}" nav laika joslas nosaukums; tiek izmantota {zone}.',
  'cli.noSuchFile': '{file}: šāda faila nav.',
  'cli.notAFile': '{file} nav fails.',
  'cli.outputExists': '{file} jau pastāv; tas netika mainīts. Izvēlieties citu -o failu vai pievienojiet --force, lai to aizstātu.',
  'cli.outputAppeared': '{file} jau pastāv; tas netika mainīts. Pievienojiet --force, lai to aizstātu.',
  'cli.notBuilt': 'Nav dist/Code.js: vispirms palaidiet npm run build.',
  'cli.reading': 'nolasa {file}...',
  'cli.building': 'veido klientu aiziešanas lapu no {count} rindām...',
  'cli.writing': 'raksta {file}...',
  'cli.noTable': '{file}: tajā nav klientu tabulas (galvenes rindas ar klientu rindām zem tās).',
  'cli.noStartColumn': '{file}: nav atrasta sākuma datuma kolonna. {choose} Kolonnas: {columns}; nosauciet sākuma datuma kolonnu "Sākuma datums" (vai Reģistrācijas datums, Sākums).',
  'cli.liveBlocked': '{file}: {message} (Pievienojiet --values, lai saglabātu skaitļus.)',
  'cli.cannotWrite': 'nevar saglabāt {file}: {error}',
  'cli.columns': 'kolonnas: sākuma datums "{start}"',
  'cli.columns.end': ', beigu datums "{end}"',
  'cli.columns.noEnd': ', bez beigu datuma',
  'cli.columns.id': ', klienta ID "{id}"',
  'cli.mode.formulas': 'dinamiskas formulas',
  'cli.mode.values': 'vērtības',
  'cli.summary': '{done} ({mode}; {columns}; laika josla {zone})',
  'cli.wrote': ' Saglabāts {file}.',

  // The local playground page (local/playground)
  'play.title': 'Klientu aiziešanas rīku izmēģinājumu vide',
  'play.build': 'Izveidot klientu aiziešanas lapu...',
  'play.template': 'Ievietot klientu aiziešanas veidni',
  'play.load': 'Ielādēt CSV vai XLSX',
  'play.download': 'Lejupielādēt .xlsx',
  'play.formula': 'Atlasiet šūnu un ierakstiet vērtību vai formulu, piemēram, =CHURN_RATE(500, 15)',
  'play.sidebar': 'Sānjosla',
};
