import type { MessageKey } from './en';

// Polish (polski); churn: "rezygnacja klientów", churn rate: "współczynnik rezygnacji".
export const pl: Record<MessageKey, string> = {
  // Reading a customer table
  'row.startMissing': 'Wiersz {row}: brak daty rozpoczęcia.',
  'row.startNotDate': 'Wiersz {row}: data rozpoczęcia "{value}" nie jest datą.',
  'row.endNotDate': 'Wiersz {row}: data zakończenia "{value}" nie jest datą.',
  'row.dateOutOfRange': 'Wiersz {row}: data "{value}" wykracza poza lata od 1900 do 2199.',
  'row.endBeforeStart': 'Wiersz {row}: data zakończenia {end} jest wcześniejsza niż data rozpoczęcia {start}.',

  // Menu and help
  'menu.build': 'Utwórz arkusz rezygnacji...',
  'menu.template': 'Wstaw szablon rezygnacji',
  'menu.help': 'Pomoc',
  'help.title': 'Analiza rezygnacji klientów',
  'help.body':
    'Wpisz te funkcje w dowolnej komórce:\n' +
    '=CHURN_RATE(customers_at_start, customers_lost)\n' +
    '=ADJUSTED_CHURN(customers_at_start, customers_lost, new_customers, new_customers_lost, [method])\n' +
    '=RETENTION_RATE(customers_at_start, customers_lost)\n' +
    '=CHURN_COST(customers_lost, profit_per_customer)\n' +
    '=CUSTOMER_LIFETIME(churn_rate)\n' +
    '=CHURN_TABLE(start_dates, end_dates, [period], [ids])\n' +
    'Sformatuj współczynniki jako procenty (Formatuj > Liczba > Procent).',

  // Custom function arguments
  'arg.required': '{fn}: brak argumentu {arg}.',
  'arg.notNumber': '{fn}: argument {arg} musi być liczbą, ale {where} to "{value}".',
  'arg.negative': '{fn}: argument {arg} nie może być ujemny, ale {where} wynosi {value}.',
  'arg.notPositive': '{fn}: argument {arg} musi być większy od 0, ale {where} wynosi {value}. Gdy na początku nie ma żadnych klientów, współczynnik rezygnacji jest nieokreślony.',
  'arg.lostAboveStart': '{fn}: wartość {arg} ({lost}) jest większa niż customers_at_start ({start}){at}. Nie można stracić więcej klientów, niż się miało.',
  'arg.newLostAboveNew': '{fn}: wartość {arg} ({lost}) jest większa niż new_customers ({gained}){at}. Nie można stracić więcej nowych klientów, niż się pozyskało.',
  'arg.rateOutOfRange': '{fn}: argument {arg} musi być ułamkiem od 0 do 1 (na przykład 3% lub 0.03), ale {where} wynosi {value}.',
  'arg.rateZero': '{fn}: {arg} wynosi 0{at}. Przy współczynniku rezygnacji równym 0 klienci nigdy nie odchodzą, więc czas życia klienta nie ma końca.',
  'arg.notFinite': '{fn}: wynik{at} jest zbyt duży, aby go wyświetlić. Sprawdź dane wejściowe.',
  'arg.shapeMismatch': '{fn}: {arg} ma wymiary {rows} x {cols}, a {otherArg} ma wymiary {otherRows} x {otherCols} (wiersze x kolumny). Podaj zakresy tego samego rozmiaru.',
  'arg.notColumn': '{fn}: argument {arg} musi być pojedynczą kolumną, a ma ich więcej (liczba kolumn: {cols}).',
  'arg.lengthMismatch': '{fn}: liczba wierszy w {arg} to {rows}, a w {otherArg} to {otherRows}. Zaznacz te same wiersze w obu zakresach.',
  'arg.unknownPeriod': '{fn}: nieznana wartość "{value}" argumentu period. Użyj "month", "week", "quarter" lub "year".',
  'arg.unknownMethod': '{fn}: nieznana wartość "{value}" argumentu method. Użyj {allowed}.',
  'arg.noUsableRows': '{fn}: w argumencie {arg} żaden wiersz nie ma poprawnej daty rozpoczęcia. {problems}',
  'where.value': 'wartość',
  'where.cell': 'wartość w wierszu {row}, kolumnie {col} zakresu',
  'at.cell': ' w wierszu {row}, kolumnie {col} zakresu',

  // The churn sheet the wizard builds
  'sheet.name.month': 'Rezygnacje według miesięcy',
  'sheet.name.week': 'Rezygnacje według tygodni',
  'sheet.name.quarter': 'Rezygnacje według kwartałów',
  'sheet.name.year': 'Rezygnacje według lat',
  'sheet.retentionRate': 'Współczynnik utrzymania klientów',
  'sheet.lostProfit': 'Utracony zysk',
  'sheet.profitPerCustomer': 'Zysk na klienta',
  'sheet.source': 'Źródło',
  'sheet.mode': 'Liczby',
  'sheet.mode.formulas': 'Formuły dynamiczne: zmieniają się razem z tabelą źródłową',
  'sheet.mode.values': 'Wartości obliczone podczas tworzenia arkusza',
  'sheet.chartTitle': 'Współczynnik rezygnacji i skorygowany współczynnik rezygnacji',
  'note.periodStart': 'Pierwszy dzień okresu.',
  'note.customersAtStart': 'Klienci na początku: klienci, którzy zaczęli przed okresem i nie odeszli przed jego rozpoczęciem.',
  'note.newCustomers': 'Nowi klienci: klienci, którzy zaczęli w trakcie okresu.',
  'note.reactivated': 'Powracający: klienci, którzy po przerwie wrócili w trakcie okresu (wymaga kolumny z identyfikatorem klienta).',
  'note.churned': 'Rezygnacje: klienci z początku okresu, którzy odeszli w jego trakcie.',
  'note.churnedNew': 'Rezygnacje nowych: klienci, którzy zaczęli w trakcie okresu i w tym samym okresie odeszli.',
  'note.customersAtEnd': 'Klienci na końcu = klienci na początku + nowi + powracający - rezygnacje - rezygnacje nowych.',
  'note.churnRate': 'Współczynnik rezygnacji = rezygnacje / klienci na początku. Komórka jest pusta, gdy na początku nie było żadnych klientów.',
  'note.adjustedChurn': 'Skorygowany współczynnik rezygnacji = (rezygnacje + rezygnacje nowych) / klienci na początku.',
  'note.retentionRate': 'Współczynnik utrzymania klientów = 1 - współczynnik rezygnacji.',
  'note.lostProfit': 'Utracony zysk = (rezygnacje + rezygnacje nowych) x zysk na klienta.',

  // The churn template
  'template.name': 'Szablon rezygnacji klientów',
  'template.title': 'Miesięczne rezygnacje klientów: wypełnij niebieskie komórki, resztę arkusz obliczy sam.',
  'template.month': 'Miesiąc',
  'template.customersAtStart': 'Klienci na początku',
  'template.churned': 'Rezygnacje',
  'template.newCustomers': 'Nowi klienci',
  'template.newChurned': 'Rezygnacje nowych klientów',
  'template.totalChurned': 'Rezygnacje razem',
  'template.help.count': 'Wpisz liczbę klientów: liczbę całkowitą, 0 lub więcej.',
  'template.help.churned': 'Wpisz liczbę całkowitą, 0 lub więcej, nie większą niż liczba klientów na początku miesiąca.',
  'template.help.newChurned': 'Wpisz liczbę całkowitą, 0 lub więcej, nie większą niż liczba nowych klientów w tym miesiącu.',
  'template.protected': 'Komórka obliczana: jest przeliczana na podstawie niebieskich komórek do wypełnienia.',
  'template.notes': 'Jak liczy ten arkusz',
  'template.note.start': 'Klienci na początku: dla pierwszego miesiąca liczbę wpisuje się ręcznie; każdy kolejny miesiąc zaczyna się od liczby klientów na końcu poprzedniego miesiąca.',
  'template.note.churnRate': 'Współczynnik rezygnacji = rezygnacje / klienci na początku.',
  'template.note.adjusted': 'Skorygowany współczynnik rezygnacji = (rezygnacje + rezygnacje nowych klientów) / klienci na początku.',
  'template.note.end': 'Klienci na końcu = klienci na początku + nowi klienci - rezygnacje - rezygnacje nowych klientów.',
  'template.note.retention': 'Współczynnik utrzymania klientów = 1 - współczynnik rezygnacji.',
  'template.note.lostProfit': 'Utracony zysk = rezygnacje razem x zysk na klienta.',
  'template.note.source': 'Liczby pochodzą z Twoich własnych miesięcznych zestawień; nic nie jest pobierane z zewnątrz. Formuły to zwykłe formuły arkusza kalkulacyjnego, więc kopia tego arkusza działa także bez dodatku.',

  'template.askExample': 'Wypełnić szablon przykładowymi liczbami (klienci na początku: 500, rezygnacje: 15, nowi klienci: 200, w tym rezygnacje: 4)? Wybierz "Nie", aby wstawić pusty szablon.',
  'template.inserted': 'Wstawiono arkusz "{sheet}".',

  // The wizard (server side)
  'wizard.noSheet': 'W tym arkuszu kalkulacyjnym nie ma arkusza o nazwie "{name}".',
  'wizard.emptySheet': 'Arkusz "{name}" jest pusty: nie ma w nim tabeli klientów.',
  'wizard.noStartColumn': 'Wybierz kolumnę, w której są daty rozpoczęcia.',
  'wizard.badPosition': 'Położenie tabeli przesłane przez panel boczny jest nieprawidłowe. Zamknij panel boczny i otwórz go ponownie.',
  'wizard.badColumn': 'Kolumna "{role}" musi być jedną z kolumn tabeli (liczba kolumn: {count}).',
  'wizard.sameColumn': 'Daty rozpoczęcia i zakończenia nie mogą pochodzić z tej samej kolumny.',
  'wizard.badPeriod': 'Okresem musi być miesiąc, tydzień, kwartał lub rok.',
  'wizard.badOutput': 'Wynikiem muszą być formuły dynamiczne lub wartości.',
  'wizard.badDate': '{which}: "{value}" nie jest datą (użyj formatu 2024-01-31).',
  'wizard.badRange': 'Pierwszy okres ({first}) jest późniejszy niż ostatni okres ({last}).',
  'wizard.badProfit': 'Zysk na klienta musi być liczbą równą 0 lub większą.',
  'wizard.noUsableRows': 'Żaden wiersz tabeli nie ma poprawnej daty rozpoczęcia. {problems}',
  'wizard.busy': 'W tym arkuszu kalkulacyjnym jest właśnie tworzony inny arkusz rezygnacji. Spróbuj ponownie za chwilę.',
  'wizard.liveBlocked': 'Formuły dynamiczne nie dadzą dla tej tabeli tych samych liczb: {reasons} Wybierz "Wartości" albo najpierw popraw tabelę.',
  'wizard.blocker.textDates': 'kolumna "{role}" zawiera daty zapisane jako tekst (wiersz {row}: "{value}"), których formuły nie traktują jako dat.',
  'wizard.blocker.rows': 'niektóre wiersze mają daty, które formuły policzyłyby inaczej ({first}).',
  'wizard.blocker.repeatedIds': 'klient "{id}" ma więcej niż jeden wiersz (wiersze {rows}); formuły liczą każdy wiersz jako osobnego klienta, a przy opcji "Wartości" te wiersze są łączone.',
  'wizard.dateOrder': 'Daty zapisane jako tekst w kolumnie "{role}" odczytano {order}{why}.',
  'wizard.dateOrder.DMY': 'z dniem na początku (31.01.2024)',
  'wizard.dateOrder.MDY': 'z miesiącem na początku (1/31/2024)',
  'wizard.dateOrder.YMD': 'z rokiem na początku',
  'wizard.dateOrder.fromLocale': ', tak jak zapisują je ustawienia regionalne arkusza: każdą wartość można było odczytać na oba sposoby',
  'wizard.role.start': 'data rozpoczęcia',
  'wizard.role.end': 'data zakończenia',
  'wizard.role.id': 'identyfikator klienta',
  'wizard.role.amount': 'kwota',
  'wizard.role.segment': 'segment klientów',

  // The sidebar
  'ui.step.source': '1. Tabela klientów',
  'ui.step.columns': '2. Kolumny',
  'ui.step.options': '3. Opcje',
  'ui.step.build': '4. Tworzenie',
  'ui.sheet': 'Arkusz',
  'ui.tableFound': 'Nagłówek w wierszu {row}; wiersze klientów pod nim: {count}.',
  'ui.tableEmpty': 'Ten arkusz jest pusty. Wybierz arkusz, w którym jest lista klientów.',
  'ui.column.none': '(brak)',
  'ui.column.start': 'Data rozpoczęcia',
  'ui.column.end': 'Data zakończenia',
  'ui.column.id': 'Identyfikator klienta',
  'ui.column.amount': 'Kwota (miesięczny przychód, MRR)',
  'ui.column.segment': 'Segment klientów',
  'ui.chooseStart': 'Wybierz kolumnę z datami rozpoczęcia.',
  'ui.preview': 'Pierwsze wiersze w takiej postaci, w jakiej zostaną odczytane:',
  'ui.preview.row': 'Wiersz',
  'ui.noProblems': 'Wszystkie wiersze można odczytać.',
  'ui.problems': 'Wiersze, których nie można użyć i które nie zostaną policzone ({count}):',
  'ui.period': 'Okres',
  'ui.period.month': 'Miesiąc',
  'ui.period.week': 'Tydzień (od poniedziałku)',
  'ui.period.quarter': 'Kwartał',
  'ui.period.year': 'Rok',
  'ui.firstPeriod': 'Pierwszy okres',
  'ui.lastPeriod': 'Ostatni okres',
  'ui.spanHint': 'Zostaw puste, aby objąć całą tabelę (od {first} do {last}).',
  'ui.profit': 'Zysk na klienta (opcjonalnie, do obliczenia utraconego zysku)',
  'ui.output': 'Liczby w nowym arkuszu',
  'ui.output.formulas': 'Formuły dynamiczne (aktualizują się, gdy tabela się zmienia)',
  'ui.output.values': 'Wartości (stałe, z chwili utworzenia)',
  'ui.liveBlocked': 'Formuły dynamiczne nie są dostępne dla tej tabeli:',
  'ui.chart': 'Dodaj wykres współczynnika rezygnacji i skorygowanego współczynnika rezygnacji',
  'ui.build': 'Utwórz arkusz rezygnacji',
  'ui.building': 'Tworzenie arkusza rezygnacji...',
  'ui.loading': 'Odczytywanie arkusza...',
  'ui.done': 'Gotowe: utworzono arkusz "{sheet}" (okresy: {periods}; klienci: {customers}).',
  'ui.skipped': 'Niepoliczone wiersze ({count}):',
  'ui.templateTitle': 'Nie masz listy klientów? Zacznij od miesięcznych zestawień',
  'ui.template': 'Wstaw szablon rezygnacji',
  'ui.language': 'Język',
  'ui.templateExample': 'Wypełnij przykładowymi liczbami',
  'ui.templateDone': 'Wstawiono arkusz "{sheet}". Wpisz miesięczne liczby w niebieskie komórki.',

  // CHURN_TABLE output
  'table.periodStart': 'Początek okresu',
  'table.customersAtStart': 'Klienci na początku',
  'table.newCustomers': 'Nowi klienci',
  'table.reactivated': 'Powracający',
  'table.churned': 'Rezygnacje',
  'table.churnedNew': 'Rezygnacje nowych',
  'table.customersAtEnd': 'Klienci na końcu',
  'table.churnRate': 'Współczynnik rezygnacji',
  'table.adjustedChurn': 'Skorygowany współczynnik rezygnacji',
  'table.skippedRows': 'Niepoliczone wiersze ({count}; numeracja od pierwszego wiersza zakresu): {problems}',
  'table.moreProblems': 'Pozostałe: {count}.',

  // Reading a CSV or XLSX file (CLI and playground)
  'file.type': '{file}: można odczytać tylko pliki .csv i .xlsx (wyeksportuj tabelę do jednego z tych formatów).',
  'file.unreadableXlsx': 'Tego pliku nie można odczytać jako skoroszytu .xlsx ({error}).',

  // The churn-sheet command line (local/cli.ts)
  'cli.usage':
    'Użycie: churn-sheet build <customers.csv|customers.xlsx> -o <churn.xlsx> [opcje]\n' +
    '\n' +
    'Tworzy arkusz rezygnacji z kreatora dodatku na podstawie tabeli klientów (wiersz nagłówka z kolumną\n' +
    'daty rozpoczęcia, opcjonalnie daty zakończenia i identyfikatora klienta) i zapisuje go jako skoroszyt .xlsx.\n' +
    '\n' +
    'Opcje:\n' +
    '  -o, --output <plik>   plik .xlsx do zapisania (istniejący plik zostaje zachowany, chyba że podano --force)\n' +
    '  --period <okres>      month (domyślnie), week, quarter lub year\n' +
    '  --values              zapisuje obliczone liczby zamiast formuł dynamicznych\n' +
    '  --profit <kwota>      zysk na klienta: dodaje kolumnę utraconego zysku\n' +
    '  --locale <xx_YY>      jak odczytywać daty zapisane jako tekst, np. en_US (domyślnie en_GB)\n' +
    '  --json                wypisuje tabelę rezygnacji jako JSON na stdout (z -o jest też zapisywana do pliku)\n' +
    '  --force               zastępuje plik wyjściowy, jeśli już istnieje\n' +
    '  -h, --help            wyświetla ten tekst\n',
  'cli.noCommand': 'nie podano polecenia.',
  'cli.unknownCommand': 'nieznane polecenie "{command}" (poleceniem jest "build").',
  'cli.needsValue': 'opcja {option} wymaga wartości.',
  'cli.takesNoValue': 'opcja {option} nie przyjmuje wartości.',
  'cli.badPeriod': '--period musi mieć wartość month, week, quarter lub year, a nie "{value}".',
  'cli.badProfit': '--profit musi być liczbą równą 0 lub większą, na przykład 30000, a nie "{value}".',
  'cli.badLocale': '--locale musi mieć postać taką jak en_GB lub nb_NO, a nie "{value}".',
  'cli.unknownOption': 'nieznana opcja "{option}".',
  'cli.noInput': 'brak pliku z klientami.',
  'cli.manyInputs': 'można podać tylko jeden plik z klientami naraz (podano: {files}).',
  'cli.noOutput': 'brak -o <churn.xlsx> (albo użyj --json, aby wypisać tabelę).',
  'cli.outputNotXlsx': 'nazwa pliku wyjściowego musi kończyć się na .xlsx (podano "{file}").',
  'cli.badTimeZone': 'TZ="{value}" nie jest nazwą strefy czasowej; używana jest strefa {zone}.',
  'cli.noSuchFile': '{file}: nie ma takiego pliku.',
  'cli.notAFile': '{file} nie jest plikiem.',
  'cli.outputExists': '{file} już istnieje; plik pozostał bez zmian. Wybierz inny plik -o albo dodaj --force, aby go zastąpić.',
  'cli.outputAppeared': '{file} już istnieje; plik pozostał bez zmian. Dodaj --force, aby go zastąpić.',
  'cli.notBuilt': 'Brak pliku dist/Code.js: najpierw uruchom npm run build.',
  'cli.reading': 'odczytywanie {file}...',
  'cli.building': 'tworzenie arkusza rezygnacji z wierszy (liczba: {count})...',
  'cli.writing': 'zapisywanie {file}...',
  'cli.noTable': '{file}: nie ma w nim tabeli klientów (wiersza nagłówka z wierszami klientów pod nim).',
  'cli.noStartColumn': '{file}: nie znaleziono kolumny daty rozpoczęcia. {choose} Kolumny to {columns}; nazwij kolumnę z datami rozpoczęcia "Data rozpoczęcia" (albo Data rejestracji, Utworzono, Początek).',
  'cli.liveBlocked': '{file}: {message} (Dodaj --values, aby zapisać liczby.)',
  'cli.cannotWrite': 'nie można zapisać {file}: {error}',
  'cli.columns': 'kolumny: data rozpoczęcia "{start}"',
  'cli.columns.end': ', data zakończenia "{end}"',
  'cli.columns.noEnd': ', bez daty zakończenia',
  'cli.columns.id': ', identyfikator klienta "{id}"',
  'cli.mode.formulas': 'formuły dynamiczne',
  'cli.mode.values': 'wartości',
  'cli.summary': '{done} ({mode}; {columns}; strefa czasowa {zone})',
  'cli.wrote': ' Zapisano {file}.',

  // The local playground page (local/playground)
  'play.title': 'Piaskownica narzędzi do analizy rezygnacji',
  'play.build': 'Utwórz arkusz rezygnacji...',
  'play.template': 'Wstaw szablon rezygnacji',
  'play.load': 'Wczytaj CSV lub XLSX',
  'play.download': 'Pobierz .xlsx',
  'play.formula': 'Zaznacz komórkę, a potem wpisz wartość lub formułę, na przykład =CHURN_RATE(500, 15)',
  'play.sidebar': 'Panel boczny',
};
