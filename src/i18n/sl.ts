import type { MessageKey } from './en';

// Slovenian (slovenščina); churn: "odliv strank", churn rate: "stopnja odliva strank".
export const sl: Record<MessageKey, string> = {
  // Reading a customer table
  'row.startMissing': 'Vrstica {row}: začetni datum je prazen.',
  'row.startNotDate': 'Vrstica {row}: začetni datum "{value}" ni datum.',
  'row.endNotDate': 'Vrstica {row}: končni datum "{value}" ni datum.',
  'row.dateOutOfRange': 'Vrstica {row}: datum "{value}" je zunaj obdobja od leta 1900 do leta 2199.',
  'row.endBeforeStart': 'Vrstica {row}: končni datum {end} je pred začetnim datumom {start}.',

  // Menu and help
  'menu.build': 'Ustvari list z odlivom strank...',
  'menu.template': 'Vstavi predlogo za odliv strank',
  'menu.help': 'Pomoč',
  'help.title': 'Orodja za odliv strank',
  'help.body':
    'V poljubno celico vnesite te funkcije:\n' +
    '=CHURN_RATE(customers_at_start, customers_lost)\n' +
    '=ADJUSTED_CHURN(customers_at_start, customers_lost, new_customers, new_customers_lost, [method])\n' +
    '=RETENTION_RATE(customers_at_start, customers_lost)\n' +
    '=CHURN_COST(customers_lost, profit_per_customer)\n' +
    '=CUSTOMER_LIFETIME(churn_rate)\n' +
    '=CHURN_TABLE(start_dates, end_dates, [period], [ids])\n' +
    'Stopnje oblikujte kot odstotke (Oblika > Število > Odstotek).',

  // Custom function arguments
  'arg.required': '{fn}: manjka argument {arg}.',
  'arg.notNumber': '{fn}: argument {arg} mora biti število, vendar je {where} "{value}".',
  'arg.negative': '{fn}: argument {arg} ne sme biti negativen, vendar je {where} {value}.',
  'arg.notPositive': '{fn}: argument {arg} mora biti večji od 0, vendar je {where} {value}. Če na začetku ni nobene stranke, stopnja odliva strank ni določena.',
  'arg.lostAboveStart': '{fn}: argument {arg} ({lost}) je večji od customers_at_start ({start}){at}. Ne morete izgubiti več strank, kot ste jih imeli.',
  'arg.newLostAboveNew': '{fn}: argument {arg} ({lost}) je večji od new_customers ({gained}){at}. Ne morete izgubiti več novih strank, kot ste jih pridobili.',
  'arg.rateOutOfRange': '{fn}: argument {arg} mora biti delež med 0 in 1 (na primer 3% ali 0.03), vendar je {where} {value}.',
  'arg.rateZero': '{fn}: argument {arg} je 0{at}. Pri stopnji odliva strank 0 stranke nikoli ne odidejo, zato življenjska doba stranke nima konca.',
  'arg.notFinite': '{fn}: rezultat{at} je prevelik za prikaz. Preverite vhodne podatke.',
  'arg.shapeMismatch': '{fn}: obseg {arg} meri {rows} x {cols} (vrstice x stolpci), obseg {otherArg} pa {otherRows} x {otherCols}. Podajte obsega enake velikosti.',
  'arg.notColumn': '{fn}: argument {arg} mora biti en sam stolpec, vendar jih ima več (število stolpcev: {cols}).',
  'arg.lengthMismatch': '{fn}: število vrstic v argumentu {arg} je {rows}, v argumentu {otherArg} pa {otherRows}. V obeh izberite iste vrstice.',
  'arg.unknownPeriod': '{fn}: vrednost "{value}" argumenta period ni znana. Uporabite "month", "week", "quarter" ali "year".',
  'arg.unknownMethod': '{fn}: vrednost "{value}" argumenta method ni znana. Uporabite eno od vrednosti: {allowed}.',
  'arg.noUsableRows': '{fn}: nobena vrstica argumenta {arg} nima uporabnega začetnega datuma. {problems}',
  'where.value': 'vrednost',
  'where.cell': 'vrednost v vrstici {row}, stolpcu {col} obsega',
  'at.cell': ' v vrstici {row}, stolpcu {col} obsega',

  // The churn sheet the wizard builds
  'sheet.name.month': 'Odliv strank po mesecih',
  'sheet.name.week': 'Odliv strank po tednih',
  'sheet.name.quarter': 'Odliv strank po četrtletjih',
  'sheet.name.year': 'Odliv strank po letih',
  'sheet.retentionRate': 'Stopnja zadržanja strank',
  'sheet.lostProfit': 'Izgubljeni dobiček',
  'sheet.profitPerCustomer': 'Dobiček na stranko',
  'sheet.source': 'Vir',
  'sheet.mode': 'Številke',
  'sheet.mode.formulas': 'Sprotne formule: sledijo izvorni tabeli',
  'sheet.mode.values': 'Vrednosti, izračunane ob izdelavi lista',
  'sheet.chartTitle': 'Stopnja odliva strank in prilagojena stopnja odliva',
  'note.periodStart': 'Prvi dan obdobja.',
  'note.customersAtStart': 'Stranke na začetku: stranke, ki so začele pred obdobjem in do njegovega začetka niso odšle.',
  'note.newCustomers': 'Nove stranke: stranke, ki so začele v obdobju.',
  'note.reactivated': 'Ponovno aktivirane: stranke, ki so se v obdobju vrnile po prekinitvi (potreben je stolpec z ID-jem stranke).',
  'note.churned': 'Odšle stranke: stranke z začetka obdobja, ki so v obdobju odšle.',
  'note.churnedNew': 'Odšle nove stranke: stranke, ki so začele v obdobju in v njem tudi odšle.',
  'note.customersAtEnd': 'Stranke na koncu = stranke na začetku + nove stranke + ponovno aktivirane - odšle stranke - odšle nove stranke.',
  'note.churnRate': 'Stopnja odliva strank = odšle stranke / stranke na začetku. Celica je prazna, če na začetku ni bilo nobene stranke.',
  'note.adjustedChurn': 'Prilagojena stopnja odliva = (odšle stranke + odšle nove stranke) / stranke na začetku.',
  'note.retentionRate': 'Stopnja zadržanja strank = 1 - stopnja odliva strank.',
  'note.lostProfit': 'Izgubljeni dobiček = (odšle stranke + odšle nove stranke) x dobiček na stranko.',

  // The churn template
  'template.name': 'Predloga za odliv strank',
  'template.title': 'Mesečni odliv strank: izpolnite modre celice, vse drugo se izračuna samodejno.',
  'template.month': 'Mesec',
  'template.customersAtStart': 'Stranke na začetku',
  'template.churned': 'Odšle stranke',
  'template.newCustomers': 'Nove stranke',
  'template.newChurned': 'Odšle nove stranke',
  'template.totalChurned': 'Odšle stranke skupaj',
  'template.help.count': 'Vnesite število strank kot celo število, 0 ali več.',
  'template.help.churned': 'Vnesite celo število, 0 ali več, ki ni večje od števila strank na začetku meseca.',
  'template.help.newChurned': 'Vnesite celo število, 0 ali več, ki ni večje od števila novih strank v mesecu.',
  'template.protected': 'Izračunana celica: znova se izračuna iz modrih vnosnih celic.',
  'template.notes': 'Kako ta list računa',
  'template.note.start': 'Stranke na začetku: za prvi mesec število vnesete sami; vsak naslednji mesec se začne s strankami na koncu prejšnjega meseca.',
  'template.note.churnRate': 'Stopnja odliva strank = odšle stranke / stranke na začetku.',
  'template.note.adjusted': 'Prilagojena stopnja odliva = (odšle stranke + odšle nove stranke) / stranke na začetku.',
  'template.note.end': 'Stranke na koncu = stranke na začetku + nove stranke - odšle stranke - odšle nove stranke.',
  'template.note.retention': 'Stopnja zadržanja strank = 1 - stopnja odliva strank.',
  'template.note.lostProfit': 'Izgubljeni dobiček = odšle stranke skupaj x dobiček na stranko.',
  'template.note.source': 'Številke so iz vaših lastnih mesečnih evidenc; od drugod se ne pridobi nič. Formule so običajne formule preglednice, zato kopija tega lista deluje tudi brez dodatka.',

  'template.askExample': 'Ali želite predlogo izpolniti s številkami iz primera (500 strank na začetku, 15 odšlih, 200 novih, od teh 4 odšle)? Za prazno predlogo izberite Ne.',
  'template.inserted': 'Vstavljen je list "{sheet}".',

  // The wizard (server side)
  'wizard.noSheet': 'V tej preglednici ni lista z imenom "{name}".',
  'wizard.emptySheet': 'List "{name}" je prazen: na njem ni tabele strank.',
  'wizard.noStartColumn': 'Izberite stolpec z začetnimi datumi.',
  'wizard.badPosition': 'Položaj tabele, ki ga je poslala stranska vrstica, ni veljaven. Zaprite stransko vrstico in jo znova odprite.',
  'wizard.badColumn': 'Stolpec "{role}" mora biti eden od stolpcev tabele (število stolpcev: {count}).',
  'wizard.sameColumn': 'Začetni in končni datumi ne morejo biti iz istega stolpca.',
  'wizard.badPeriod': 'Obdobje mora biti mesec, teden, četrtletje ali leto.',
  'wizard.badOutput': 'Rezultat so lahko le sprotne formule ali vrednosti.',
  'wizard.badDate': '{which}: "{value}" ni datum (uporabite obliko 2024-01-31).',
  'wizard.badRange': 'Prvo obdobje ({first}) je za zadnjim obdobjem ({last}).',
  'wizard.badProfit': 'Dobiček na stranko mora biti število, 0 ali več.',
  'wizard.noUsableRows': 'Nobena vrstica tabele nima uporabnega začetnega datuma. {problems}',
  'wizard.busy': 'V tej preglednici se prav zdaj ustvarja drug list z odlivom strank. Poskusite znova čez trenutek.',
  'wizard.liveBlocked': 'Sprotne formule za to tabelo ne morejo dati enakih številk: {reasons} Izberite "Vrednosti" ali pa najprej popravite tabelo.',
  'wizard.blocker.textDates': 'v stolpcu "{role}" so datumi zapisani kot besedilo (vrstica {row}: "{value}"), formule pa jih ne štejejo kot datume.',
  'wizard.blocker.rows': 'nekatere vrstice imajo datume, ki bi jih formule štele drugače ({first})',
  'wizard.blocker.repeatedIds': 'stranka "{id}" ima več kot eno vrstico (vrstice {rows}); formule štejejo vsako vrstico kot posebno stranko, vrednosti pa te vrstice združijo.',
  'wizard.dateOrder': 'Datumi, zapisani kot besedilo v stolpcu "{role}", so bili prebrani {order}{why}.',
  'wizard.dateOrder.DMY': 'z dnevom na prvem mestu (31.01.2024)',
  'wizard.dateOrder.MDY': 'z mesecem na prvem mestu (1/31/2024)',
  'wizard.dateOrder.YMD': 'z letom na prvem mestu',
  'wizard.dateOrder.fromLocale': ', kot jih zapisujejo področne nastavitve preglednice: vsako vrednost bi bilo mogoče prebrati na oba načina',
  'wizard.role.start': 'začetni datum',
  'wizard.role.end': 'končni datum',
  'wizard.role.id': 'ID stranke',
  'wizard.role.amount': 'znesek',
  'wizard.role.segment': 'segment strank',

  // The sidebar
  'ui.step.source': '1. Tabela strank',
  'ui.step.columns': '2. Stolpci',
  'ui.step.options': '3. Možnosti',
  'ui.step.build': '4. Izdelava',
  'ui.sheet': 'List',
  'ui.tableFound': 'Glava je v vrstici {row}; vrstice s strankami pod njo: {count}.',
  'ui.tableEmpty': 'Ta list je prazen. Izberite list, na katerem je seznam vaših strank.',
  'ui.column.none': '(brez)',
  'ui.column.start': 'Začetni datum',
  'ui.column.end': 'Končni datum',
  'ui.column.id': 'ID stranke',
  'ui.column.amount': 'Znesek (mesečni prihodek, MRR)',
  'ui.column.segment': 'Segment strank',
  'ui.chooseStart': 'Izberite stolpec z začetnimi datumi.',
  'ui.preview': 'Prve vrstice, kot bodo prebrane:',
  'ui.preview.row': 'Vrstica',
  'ui.noProblems': 'Vse vrstice je mogoče prebrati.',
  'ui.problems': 'Vrstice, ki jih ni mogoče uporabiti in ne bodo upoštevane ({count}):',
  'ui.period': 'Obdobje',
  'ui.period.month': 'Mesec',
  'ui.period.week': 'Teden (od ponedeljka)',
  'ui.period.quarter': 'Četrtletje',
  'ui.period.year': 'Leto',
  'ui.firstPeriod': 'Prvo obdobje',
  'ui.lastPeriod': 'Zadnje obdobje',
  'ui.spanHint': 'Pustite prazno za celotno tabelo (od {first} do {last}).',
  'ui.profit': 'Dobiček na stranko (neobvezno, za izgubljeni dobiček)',
  'ui.output': 'Številke na novem listu',
  'ui.output.formulas': 'Sprotne formule (posodobijo se, ko se tabela spremeni)',
  'ui.output.values': 'Vrednosti (določene ob izdelavi)',
  'ui.liveBlocked': 'Sprotne formule za to tabelo niso na voljo:',
  'ui.chart': 'Dodaj grafikon stopnje odliva strank in prilagojene stopnje odliva',
  'ui.build': 'Ustvari list z odlivom strank',
  'ui.building': 'Ustvarjanje lista z odlivom strank...',
  'ui.loading': 'Branje lista...',
  'ui.done': 'Končano: list "{sheet}" je ustvarjen (obdobja: {periods}; stranke: {customers}).',
  'ui.skipped': 'Neupoštevane vrstice ({count}):',
  'ui.templateTitle': 'Nimate seznama strank? Začnite z mesečnimi številkami',
  'ui.template': 'Vstavi predlogo za odliv strank',
  'ui.language': 'Jezik',
  'ui.templateExample': 'Izpolni jo s številkami iz primera',
  'ui.templateDone': 'Vstavljen je list "{sheet}". V modre celice vnesite svoje mesečne številke.',

  // CHURN_TABLE output
  'table.periodStart': 'Začetek obdobja',
  'table.customersAtStart': 'Stranke na začetku',
  'table.newCustomers': 'Nove stranke',
  'table.reactivated': 'Ponovno aktivirane',
  'table.churned': 'Odšle stranke',
  'table.churnedNew': 'Odšle nove stranke',
  'table.customersAtEnd': 'Stranke na koncu',
  'table.churnRate': 'Stopnja odliva strank',
  'table.adjustedChurn': 'Prilagojena stopnja odliva',
  'table.skippedRows': 'Neupoštevane vrstice ({count}; oštevilčene od prve vrstice obsega): {problems}',
  'table.moreProblems': 'Še druge vrstice s težavami: {count}.',

  // Reading a CSV or XLSX file (CLI and playground)
  'file.type': '{file}: prebrati je mogoče le datoteke .csv in .xlsx (tabelo izvozite v eno od teh oblik).',
  'file.unreadableXlsx': 'Datoteke ni mogoče prebrati kot delovnega zvezka .xlsx ({error}).',

  // The churn-sheet command line (local/cli.ts)
  'cli.usage':
    'Uporaba: churn-sheet build <customers.csv|customers.xlsx> -o <churn.xlsx> [možnosti]\n' +
    '\n' +
    'Iz tabele strank (vrstica z glavo s stolpcem začetnega datuma, po želji še končni datum in ID stranke)\n' +
    'ustvari list z odlivom strank, kot ga ustvari čarovnik dodatka, in ga zapiše kot delovni zvezek .xlsx.\n' +
    '\n' +
    'Možnosti:\n' +
    '  -o, --output <datoteka>  datoteka .xlsx, ki se zapiše (obstoječa datoteka ostane, razen z --force)\n' +
    '  --period <obdobje>       month (privzeto), week, quarter ali year\n' +
    '  --values                 zapiše izračunane številke namesto sprotnih formul\n' +
    '  --profit <znesek>        dobiček na stranko: doda stolpec z izgubljenim dobičkom\n' +
    '  --locale <xx_YY>         kako se berejo datumi, zapisani kot besedilo, npr. en_US (privzeto en_GB)\n' +
    '  --json                   izpiše tabelo odliva kot JSON na stdout (z -o se tudi zapiše)\n' +
    '  --force                  prepiše izhodno datoteko, če že obstaja\n' +
    '  -h, --help               prikaže to besedilo\n',
  'cli.noCommand': 'ukaz ni podan.',
  'cli.unknownCommand': 'neznan ukaz "{command}" (ukaz je "build").',
  'cli.needsValue': '{option} potrebuje vrednost.',
  'cli.takesNoValue': '{option} ne sprejme vrednosti.',
  'cli.badPeriod': '--period mora biti month, week, quarter ali year, ne pa "{value}".',
  'cli.badProfit': '--profit mora biti število 0 ali več, na primer 30000, ne pa "{value}".',
  'cli.badLocale': '--locale mora biti oblike en_GB ali nb_NO, ne pa "{value}".',
  'cli.unknownOption': 'neznana možnost "{option}".',
  'cli.noInput': 'datoteka s strankami manjka.',
  'cli.manyInputs': 'naenkrat je mogoča le ena datoteka s strankami (podane: {files}).',
  'cli.noOutput': '-o <churn.xlsx> manjka (ali uporabite --json za izpis tabele).',
  'cli.outputNotXlsx': 'izhodna datoteka se mora končati z .xlsx (podano "{file}").',
  'cli.badTimeZone': 'TZ="{value}" ni ime časovnega pasu; uporabljen bo {zone}.',
  'cli.noSuchFile': '{file}: te datoteke ni.',
  'cli.notAFile': '{file} ni datoteka.',
  'cli.outputExists': '{file} že obstaja; ostala je nespremenjena. Izberite drugo datoteko -o ali dodajte --force, da jo zamenjate.',
  'cli.outputAppeared': '{file} že obstaja; ostala je nespremenjena. Dodajte --force, da jo zamenjate.',
  'cli.notBuilt': 'dist/Code.js manjka: najprej zaženite npm run build.',
  'cli.reading': 'branje {file}...',
  'cli.building': 'ustvarjanje lista z odlivom strank iz vrstic (število: {count})...',
  'cli.writing': 'zapisovanje {file}...',
  'cli.noTable': '{file}: v njej ni tabele strank (vrstice z glavo in vrstic s strankami pod njo).',
  'cli.noStartColumn': '{file}: stolpca z začetnim datumom ni mogoče najti. {choose} Stolpci so {columns}; stolpec z začetnimi datumi poimenujte "Začetni datum" (ali Datum začetka, Datum registracije, Začetek).',
  'cli.liveBlocked': '{file}: {message} (Dodajte --values, da se zapišejo številke.)',
  'cli.cannotWrite': '{file} ni mogoče zapisati: {error}',
  'cli.columns': 'stolpci: začetni datum "{start}"',
  'cli.columns.end': ', končni datum "{end}"',
  'cli.columns.noEnd': ', brez končnega datuma',
  'cli.columns.id': ', ID stranke "{id}"',
  'cli.mode.formulas': 'sprotne formule',
  'cli.mode.values': 'vrednosti',
  'cli.summary': '{done} ({mode}; {columns}; časovni pas {zone})',
  'cli.wrote': ' Zapisano v {file}.',

  // The local playground page (local/playground)
  'play.title': 'Preizkusno okolje orodij za odliv strank',
  'play.build': 'Ustvari list z odlivom strank...',
  'play.template': 'Vstavi predlogo za odliv strank',
  'play.load': 'Naloži CSV ali XLSX',
  'play.download': 'Prenesi .xlsx',
  'play.formula': 'Izberite celico, nato vnesite vrednost ali formulo, na primer =CHURN_RATE(500, 15)',
  'play.sidebar': 'Stranska vrstica',
};
