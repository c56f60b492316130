/**
 * Every Russian string of the site's interface, in one place. Content
 * strings come from content/; vocabulary labels from src/schema/vocab.ts.
 */
import { plural, type Forms } from '../lib/plural.ts';
import { schoolYearLabel } from '../lib/school-year.ts';

export const ui = {
  skipLink: 'Перейти к содержанию',
  mainNav: 'Разделы',
  breadcrumbs: 'Навигация по разделу',
  home: 'Главная',
  officialSite: 'Официальный сайт школы',
  contacts: 'Контакты',
  socials: 'Мы в соцсетях',
  readMore: 'Подробнее',
  allNews: 'Все новости',
  allPractices: 'Вся копилка',
  allDocuments: 'Все документы',
  download: 'Скачать',
  openSource: 'Официальный источник',
  evidence: 'Подтверждения',
  noItems: 'Пока ничего нет.',
  published: 'Опубликовано',
  demoNotice: 'Демонстрационные данные: люди и документы вымышлены.',
  pagination: 'Страницы',
  prev: 'Назад',
  next: 'Вперёд',
  page: 'Страница',
  notFoundTitle: 'Страница не найдена',
  notFoundText: 'Такой страницы нет. Возможно, её перенесли или удалили.',
  print: 'Версия для печати — используйте печать браузера',
  superseded: 'утратил силу',
  supersedes: 'заменяет',
  stage: 'Этап',
  period: 'Сроки',
  due: 'Срок',
  responsible: 'Ответственные',
  status: 'Статус',
  progress: 'Ход реализации дорожной карты',
  activitiesDone: (done: number, total: number) => `выполнено ${done} из ${total}`,
  /** What each grey value on a card is, shown before it («Тип материала: чек-лист»). */
  cardLabels: {
    material: 'Тип материала',
    form: 'Наставничество',
    year: 'Год',
    code: 'Код',
    members: 'Участники',
    status: 'Статус',
    audience: 'Кому',
  },
  signature: {
    mark: 'Документ подписан простой электронной подписью',
    short: 'ЭП',
    signedAt: 'Дата и время подписания',
    signer: 'Подписал',
    position: 'Должность',
    key: 'Ключ',
  },
} as const;

export const nav = [
  { href: '/', label: 'Главная' },
  { href: '/roadmap/', label: 'Дорожная карта' },
  { href: '/documents/', label: 'Документы' },
  { href: '/programs/', label: 'Программы' },
  { href: '/practices/', label: 'Методическая копилка' },
  { href: '/news/', label: 'Новости' },
  { href: '/events/', label: 'События' },
  { href: '/materials/', label: 'Наставникам' },
  { href: '/monitoring/', label: 'Мониторинг' },
  { href: '/search/', label: 'Поиск' },
] as const;

export const forms = {
  practice: ['практика', 'практики', 'практик'],
  news: ['новость', 'новости', 'новостей'],
  document: ['документ', 'документа', 'документов'],
  activity: ['мероприятие', 'мероприятия', 'мероприятий'],
  programme: ['программа', 'программы', 'программ'],
  month: ['месяц', 'месяца', 'месяцев'],
  mentee: ['наставляемый', 'наставляемых', 'наставляемых'],
  year: ['год', 'года', 'лет'],
  respondent: ['респондент', 'респондента', 'респондентов'],
  person: ['человек', 'человека', 'человек'],
} as const satisfies Record<string, Forms>;

/** Strings of information support: link previews, share links, feeds, calendar, coverage. */
export const info = {
  ogHomeTitle: 'Система (целевая модель) наставничества педагогических работников',
  ogSections: {
    roadmap: 'Дорожная карта',
    news: 'Новости',
    events: 'События',
    practices: 'Методическая копилка',
  },
  ogStage: (n: number) => `Этап ${n}`,
  ogYear: (year: number) => `${year}\u00a0г.`,
  share: 'Поделиться',
  shareNetworks: { vk: 'ВКонтакте', telegram: 'Telegram', ok: 'Одноклассники', email: 'По почте' },
  feeds: 'Подписка',
  /** Format names, for the feed-reader titles in the page head. */
  rss: 'RSS',
  jsonFeed: 'JSON Feed',
  /** The visible links: what each is for, not only the format's name. */
  rssLink: 'Лента для программ чтения новостей (RSS)',
  jsonFeedLink: 'Та же лента в формате JSON — для разработчиков',
  newsFeedTitle: (section: string, school: string) => `Новости — ${section}, ${school}`,
  newsFeedDescription: 'Новости системы (целевой модели) наставничества педагогических работников',
  eventsFeedTitle: (section: string, school: string) => `События — ${section}, ${school}`,
  eventsFeedDescription: 'Установочные сессии, консультации, семинары и итоговые мероприятия системы наставничества',
  calendarName: (section: string, school: string) => `${section}: события — ${school}`,
  calendarSubscribe: 'Подписаться на календарь событий',
  calendarDownload: 'Скачать календарь (.ics)',
  calendarAddEvent: 'Добавить в календарь (.ics)',
  calendarMore: 'Подробнее на сайте',
  stageCoverage: 'Освещение этапа',
  stageCoverageEmpty: 'Материалов об этом этапе пока нет.',
  coverageTitle: 'Освещение дорожной карты',
  coverageLead:
    'Страница для редакторов: какие этапы и месяцы ещё не освещены новостями и событиями и на каких уровнях опыт школы пока не прозвучал. В меню сайта её нет, поисковики её не индексируют.',
  coverageStage: 'Этап',
  coverageNews: 'Новости',
  coverageEvents: 'События',
  coverageDocuments: 'Документы',
  coverageGaps: 'Месяцы без освещения',
  coverageLevels: 'Уровни без освещения',
  coverageNoGaps: 'нет',
  coverageNoPeriod: 'сроки этапа не указаны',
  coverageNotStarted: 'этап ещё не начался',
  coverageAllLevels: 'все уровни достигнуты',
  coverageLevelsTitle: 'Уровни освещения',
  coverageLevel: (level: string) => `${level} уровень`,
  coverageLevelReached: (n: number) => `материалов: ${n}`,
  coverageLevelMissing: 'материалов пока нет',
  coverageAsOf: (date: string) => `Данные на ${date}`,
} as const;

/** Strings of the CMS at /admin/ that the generated config and the editor's browser show. */
export const cmsUi = {
  adminTitle: 'Редактор раздела «Наставничество»',
  noscript: 'Для работы редактора включите JavaScript в браузере.',
  body: 'Текст',
  bodyHint: 'Заголовки, списки и ссылки — кнопками на панели.',
  bodyHintCover: 'Фотографию добавьте в поле «Обложка».',
  /** How Decap's list widget counts its items (cms/counted-list.ts): «0 элементов», «Добавить элемент». */
  listItem: ['элемент', 'элемента', 'элементов'] as const,
  fileName: 'Имя файла',
  settings: 'Настройки',
  settingsDescription: 'Название школы, адрес раздела, контакты и справочники: предметы и профессиональные трудности.',
  privateCollection:
    'Закрытые данные (152-ФЗ): ФИО, должности, согласия. На сайт попадает только то, что разрешает действующее согласие на распространение, остальное показывается обобщённо («учитель математики, высшая категория»).',
  idPattern: 'строчные латинские буквы, цифры и дефисы, например «math» или «p-017»',
  formatPattern: 'значение в нужном формате',
  urlPattern: 'адрес, начинающийся с https://',
  emailPattern: 'адрес электронной почты вида имя@домен',
  maxLength: (n: number) => `не длиннее ${n} символов`,
  optionalGroup: (labels: readonly string[]) => `Можно не заполнять; если заполняете, нужны поля ${labels.map((l) => `«${l}»`).join(', ')}`,
  saveRefused: 'Сайт с такой записью не соберётся. Исправьте:',
  saveWithheld: 'Сайт не опубликует такую запись: в ней персональные данные без согласия. Исправьте:',
  saveWarnings: 'Проверьте перед сохранением:',
  saveConfirm: 'Сохранить запись как есть?',
  /** After «Запись не сохранена.» of Decap's toast: not the same words twice. */
  saveCancelled: 'Исправьте её и сохраните снова.',
  reviewUnavailable: (reason: string) =>
    `Не удалось проверить запись на персональные данные (${reason}), поэтому она не сохранена. Попробуйте ещё раз; если не получится — обновите страницу.`,
  reviewServerDown: 'сервер редактора не ответил',
  registryUnreadable: 'реестр участников не прочитан из хранилища',
  settingsUnreadable: 'настройки сайта не прочитаны из хранилища',
  fileTooLarge: (name: string, sizeMb: string, imageMb: number, documentMb: number) =>
    `Файл «${name}» слишком большой (${sizeMb} МБ). Фотографии загружаются до ${imageMb} МБ, документы — до ${documentMb} МБ. Уменьшите файл и загрузите снова.`,
  fileTypeRefused: (name: string, extensions: readonly string[]) =>
    `Файл «${name}» такого типа загрузить нельзя. Можно: ${extensions.join(', ')}.`,
  localEditorOnly:
    'Этот редактор сохраняет записи только через «npm start» на компьютере с проектом: запустите команду в папке проекта и откройте адрес, который она напечатает.',
  notConfigured:
    'Редактор на этом сайте не подключён к хранилищу. Администратору: задайте переменные CMS_BACKEND, CMS_REPO и другие при сборке (инструкция — docs/cms-backends.md).',
  reloadSuppressed: 'Файлы содержимого изменились на диске; страница редактора не перезагружена, чтобы не потерять правки.',
} as const;

/** Messages of `npm start` (scripts/dev.ts) in the terminal. */
export const devUi = {
  site: (url: string) => `Сайт:     ${url}`,
  editor: (url: string) => `Редактор: ${url}`,
  editorReadOnly: (url: string) => `Редактор: ${url} (сохранение выключено: --no-cms)`,
  moved: (busy: number, port: number) => `Порт ${busy} занят (возможно, сайт уже запущен в другом окне) — сайт запущен на порту ${port}.`,
  busy: (port: number, next: number | undefined) =>
    `Порт ${port} занят: возможно, сайт уже запущен в другом окне терминала. Закройте его (Ctrl+C) или выберите другой порт: npm start -- --port ${next ?? 'НОМЕР'}`,
  noFreePort: (from: number, to: number) =>
    `Порты с ${from} по ${to} заняты. Закройте другие запущенные сайты или укажите свободный порт: npm start -- --port НОМЕР`,
  badPort: (value: string) => `Порт «${value}» не подходит: укажите число от 1024 до 65535, например npm start -- --port 4322`,
  cmsPortGone: 'Параметр --cms-port больше не нужен: редактор сохраняет записи через сам сайт разработки, отдельного порта нет.',
} as const;

/** Answers of the CMS's local API (`npm start`) to requests it refuses: short, no paths, no request text. */
export const cmsApiUi = {
  foreignHost: 'Отклонено: запрос не к этому компьютеру (чужое имя сайта).',
  foreignOrigin: 'Отклонено: запрос со страницы другого сайта.',
  noKey: 'Отклонено: нет ключа редактора. Откройте /admin/ заново.',
  notJson: 'Отклонено: ожидается запрос POST с JSON.',
  tooLarge: 'Отклонено: запрос слишком большой.',
  malformed: 'Запрос не разобран: ожидается JSON с действием CMS.',
  unknownAction: 'Отклонено: такого действия у CMS нет.',
  wrongBranch: 'Отклонено: CMS работает только с веткой из настроек.',
  outside: 'Отклонено: CMS пишет и читает только папки своих коллекций.',
  wrongCollection: 'Отклонено: файл не принадлежит этой коллекции.',
  fileType: 'Отклонено: файлы такого типа CMS не загружает.',
  symlink: 'Отклонено: файл или папка — ссылка за пределы папки CMS.',
  entryTooLarge: (mb: number) => `Отклонено: запись больше ${mb} МБ.`,
  fileTooLarge: (mb: number) => `Отклонено: файл больше ${mb} МБ.`,
  failed: 'Действие CMS не выполнено: файл не найден или недоступен.',
  reviewMalformed: 'Запрос проверки не разобран: ожидается запись коллекции.',
  unavailable: (reason: string) => `Сохранение из редактора не работает: ${reason}`,
  notARepository: 'режиму черновиков (CMS_EDITORIAL_WORKFLOW=1) нужен Git-репозиторий проекта.',
  refusedLog: (message: string) => `CMS: ${message}`,
  uploadRefused: (reasons: readonly string[]) =>
    ['Файл не загружен: сайт не опубликует его.', ...reasons.map((r) => `• ${r}`), 'Исправьте файл и загрузите его снова.'].join('\n'),
  uploadRefusedLog: (n: number) => `Отклонено: загружаемый файл с персональными данными (${n}); подробности — в редакторе.`,
} as const;

/** Phrases of Decap CMS that its Russian locale lacks, gets wrong or words unclearly for school staff. */
export const decapRu = {
  auth: { loginWithForgejo: 'Войти через Forgejo', loggingIn: 'Вход…' },
  app: { notFoundPage: { header: 'Страница не найдена' } },
  collection: {
    collectionTop: {
      viewAsList: 'Показать списком',
      viewAsGrid: 'Показать плиткой',
      descending: 'По убыванию',
      searchResults: 'Найдено по запросу «%{searchTerm}»',
      searchResultsInCollection: 'Найдено по запросу «%{searchTerm}» в разделе «%{collection}»',
    },
    entries: { unpublishedHeader: 'Неопубликованные записи' },
    defaultFields: { updatedOn: { label: 'Дата изменения' } },
  },
  editor: {
    // «Обложка (необязательно)»: the adverb agrees with a label of any gender.
    editorControl: { field: { widgetLabel: 'поле «%{widgetLabel}»', optional: 'необязательно' } },
    editorInterface: { toggleNotes: 'Показать заметки' },
    editorNotesPane: {
      title: 'Заметки',
      emptyState: 'Заметок пока нет. Добавьте первую, чтобы обсудить запись с коллегами.',
      addNote: 'Добавить заметку',
      addPlaceholder: 'Текст заметки…',
      editPlaceholder: 'Измените заметку…',
      save: 'Сохранить',
      cancel: 'Отмена',
      edit: 'Изменить',
      delete: 'Удалить',
      resolve: 'Решено',
      unresolve: 'Вернуть в работу',
      confirmDelete: 'Удалить эту заметку?',
      shortcut: 'Подсказка: Ctrl+Enter добавляет заметку',
    },
    editor: { onPublishingNotReady: 'Перед публикацией переведите запись в статус «Готово».' },
    editorToolbar: {
      status: 'Статус: %{status}',
      backCollection: 'К записям раздела «%{collectionLabel}»',
      // Also shown on a new entry nobody has typed in yet: «сохранены» would not be true.
      changesSaved: 'Несохранённых изменений нет',
      unsavedChanges: 'Есть несохранённые изменения',
      ready: 'Готово',
    },
    editorWidgets: {
      markdown: {
        bold: 'Полужирный',
        strikethrough: 'Зачёркнутый',
        linkPrompt: 'Адрес ссылки',
        toggleMode: { rich: 'Визуальный режим', markdown: 'Режим разметки Markdown' },
      },
      headingOptions: {
        headingOne: 'Заголовок 1',
        headingTwo: 'Заголовок 2',
        headingThree: 'Заголовок 3',
        headingFour: 'Заголовок 4',
        headingFive: 'Заголовок 5',
        headingSix: 'Заголовок 6',
      },
      image: { addMore: 'Добавить изображения', promptUrl: 'Адрес изображения' },
      file: { addMore: 'Добавить файлы', promptUrl: 'Адрес файла' },
      datetime: { setToNow: 'Поставить в поле «%{fieldLabel}» текущую дату' },
      object: { expand: 'Развернуть', collapse: 'Свернуть' },
      // A list's items are counted as «элементы» (cms/counted-list.ts): «Добавить элемент».
      list: { add: 'Добавить %{item}', addType: 'Добавить: %{item}' },
    },
    editorControlPane: {
      widget: {
        regexPattern: 'Поле «%{fieldLabel}»: ожидается %{pattern}.',
        required: 'Заполните поле «%{fieldLabel}».',
        // Without the label: a list's label is its count of items (cms/counted-list.ts).
        rangeCount: 'Нужно элементов: от %{minCount} до %{maxCount}.',
        rangeCountExact: 'Нужно элементов: ровно %{count}.',
        rangeMin: 'Нужно элементов: не меньше %{minCount}.',
        rangeMax: 'Нужно элементов: не больше %{maxCount}.',
        invalidPath: 'В пути «%{path}» есть ошибки',
        pathExists: 'Путь «%{path}» уже существует',
      },
    },
  },
  mediaLibrary: {
    mediaLibrary: { fileTooLarge: 'Файл слишком большой: можно загрузить не больше %{size} КБ. Уменьшите файл и загрузите снова.' },
    mediaLibraryModal: {
      close: 'Закрыть',
      loading: 'Загрузка файлов…',
      // A placeholder of the search box, not a state: «Идёт поиск…» read as if something were running.
      search: 'Найти файл',
      private: 'Закрытые ',
      upload: 'Загрузить файл',
    },
  },
  ui: {
    settingsDropdown: { account: 'Меню учётной записи' },
    toast: {
      onFailToPersist: 'Запись не сохранена. %{details}',
      noteAdded: 'Заметка добавлена',
      onFailToAddNote: 'Не удалось добавить заметку: %{details}',
      noteUpdated: 'Заметка изменена',
      onFailToUpdateNote: 'Не удалось изменить заметку: %{details}',
      noteDeleted: 'Заметка удалена',
      onFailToDeleteNote: 'Не удалось удалить заметку: %{details}',
      noteResolved: 'Заметка отмечена как решённая',
      noteReopened: 'Заметка возвращена в работу',
      onFailToToggleNote: 'Не удалось изменить состояние заметки: %{details}',
      onBackendDown: 'Хранилище записей сейчас не отвечает. Подробнее: %{details}',
    },
  },
  workflow: {
    workflow: { dateFormat: 'D MMMM' },
    workflowList: {
      readyHeader: 'Готово',
      onPublishingNotReadyEntry: 'Опубликовать можно только запись из столбца «Готово»: перетащите карточку туда.',
      currentEntries: '%{smart_count} запись |||| %{smart_count} записи |||| %{smart_count} записей',
    },
  },
} as const;

/** Strings of the monitoring pages (stage 6) and the published programme template. */
export const monitoringUi = {
  title: 'Мониторинг качества программ наставничества',
  navLabel: 'Мониторинг',
  description: 'Сводные результаты анонимного анкетирования наставников и наставляемых',
  lead: (min: number) =>
    `Сводные результаты анонимного анкетирования наставников и наставляемых. Публикуются только средние оценки и распределения: если в группе меньше ${min} респондентов, её результаты не показываются, а ответы на открытые вопросы не публикуются никогда.`,
  empty: 'Результатов мониторинга пока нет.',
  cycle: (cycle: string) => `${schoolYearLabel(cycle)} учебный год`,
  period: 'Период анкетирования',
  stage: 'Этап мониторинга',
  conclusions: 'Выводы',
  groupHeading: (group: string, respondents: string) => `${group}: ${respondents}`,
  suppressed: (min: number) =>
    `В группе меньше ${min} респондентов, поэтому её результаты не публикуются: иначе ответы можно было бы связать с конкретными людьми.`,
  scalesTitle: (group: string) => `Средние оценки по шкалам от 1 до 10 — ${group.toLowerCase()}`,
  scalesDesc: 'Горизонтальные столбцы, длина каждого — средняя оценка по шкале от 0 до 10; точные числа — в таблице ниже.',
  scale: 'Шкала',
  mean: 'Среднее',
  answered: 'Ответили',
  distribution: 'Распределение оценок 1–10',
  distributionHint: 'сколько человек поставили 1, 2, …, 10',
  distributionItem: (score: number, people: string) => `оценка ${score}: ${people}`,
  yesNoTitle: (group: string) => `Ответы «да» и «нет» — ${group.toLowerCase()}`,
  yesNoDesc: 'Столбцы разделены на доли ответов «да» (тёмная часть) и «нет» (светлая часть). Числа — в таблице ниже.',
  question: 'Вопрос',
  yes: 'Да',
  no: 'Нет',
  yesShare: 'Доля «да»',
  noData: 'нет данных',
  compareHeading: 'Сравнение циклов',
  compareTitle: (group: string) => `Средние оценки по циклам — ${group.toLowerCase()}`,
  compareDesc:
    'Для каждой шкалы — по столбцу на каждый цикл, длина — средняя оценка от 0 до 10; точные числа и изменение — в таблице ниже.',
  change: 'Изменение',
  allCycles: 'Все циклы мониторинга',
  templateTitle: 'Шаблон персонализированной программы наставничества',
  templateLead:
    'Пустая форма программы для наставнической пары или группы: заполните её от руки или в текстовом редакторе. Профессиональные затруднения наставляемого — внутренние сведения, они не публикуются.',
  templateDocx: 'Скачать шаблон в формате Word (.docx)',
  templatePrint: 'Версия для печати — используйте печать браузера.',
} as const;

/** Strings of the methodological bank, its facet pages, the site search and the open data. */
export const search = {
  bankTitle: 'Методическая копилка',
  bankDescription:
    'Банк практик наставничества педагогов: кейсы, сценарии, чек-листы, шаблоны — с поиском и отбором по форме, предмету и трудности',
  bankLead: 'Практики наставничества наших педагогов: что помогло решить конкретную профессиональную трудность и как это повторить.',
  bankLabel: 'Найти практику',
  bankHint: 'Например: «первое родительское собрание», «дисциплина в 7 классе», «подготовка к ОГЭ»',
  siteTitle: 'Поиск по разделу',
  siteDescription: 'Поиск по практикам, материалам, новостям, документам, программам, событиям и этапам дорожной карты',
  siteLabel: 'Что найти',
  siteHint: 'Слова в любой форме: «наставников», «родительского собрания», «программа адаптации»',
  submit: 'Найти',
  reset: 'Сбросить',
  facetsTitle: 'Отбор практик',
  facetsToggle: 'Отбор по признакам',
  /** Beside the facets' toggle: how many values are ticked. */
  facetsChosen: (n: number) => (n ? `· отмечено ${n}` : ''),
  facetLinksTitle: 'Практики по темам',
  facetLinksHint: 'Каждая ссылка открывает список практик с этим признаком.',
  sortLabel: 'Порядок',
  sortRelevance: 'сначала подходящие',
  sortBank: 'сначала лучшие',
  sortNewest: 'сначала новые',
  types: 'Разделы',
  showMore: 'Показать ещё',
  searching: 'Ищем…',
  bankTotal: (practices: string) => `В копилке ${practices}`,
  /** The verb agreeing with the count: «найдена 1 практика», «найдено 5 практик», «найден 1 результат». */
  foundPractices: ['найдена', 'найдено', 'найдено'],
  foundResults: ['найден', 'найдено', 'найдено'],
  result: ['результат', 'результата', 'результатов'],
  nothingFound: (q: string) => `По запросу «${q}» ничего не нашлось.`,
  nothingMatches: 'Нет практик с выбранными признаками.',
  nothingHelp:
    'Попробуйте другое слово или его начало (например, «родител» вместо «родительского»), уберите часть отметок или посмотрите практики по темам.',
  unavailable: 'Поиск и отбор по признакам работают на опубликованном сайте; здесь практики можно найти по темам.',
  /** Followed by the list of the section's parts (the page's own links, not a menu that may be out of view). */
  failed: 'Поиск по тексту сейчас не работает. Все материалы есть в разделах:',
  /** Under `npm start`: the search index is written by the build only. */
  failedDev:
    'При просмотре через npm start поиск по тексту не работает: его указатель создаёт сборка сайта (npm run build), и на опубликованном сайте поиск есть. Все материалы есть в разделах:',
  noScriptSearch:
    'Поиск по тексту работает при включённом JavaScript. Без него все материалы доступны по разделам: методическая копилка (в том числе по темам), документы, программы, новости, события и материалы для наставников.',
  bestMark: (year: number) => `Лучшая практика ${year} года`,
  bestAt: 'по итогам мероприятия',
  bestYear: (year: string) => `${year} года`,
  anySubject: 'любой предмет',
  facetPageTitle: (legend: string, value: string) => `${legend}: ${value}`,
  facetPageLead: (practices: string) => `В копилке ${practices} с этим признаком, лучшие — первыми.`,
  backToBank: 'Вся копилка с поиском',
  facetCount: (n: number) => `(${n})`,
  legends: {
    form: 'Форма наставничества',
    target: 'Целевая группа',
    subject: 'Предмет',
    level: 'Уровень образования',
    difficulty: 'Какие трудности решает',
    material: 'Тип материала',
    year: 'Год',
    best: 'Лучшие практики',
  },
  typeLabels: {
    practice: 'Практика',
    material: 'Материал',
    news: 'Новость',
    document: 'Документ',
    program: 'Программа',
    stage: 'Этап дорожной карты',
    event: 'Событие',
  },
  openDataTitle: (school: string) => `Методическая копилка — ${school}`,
  openDataAnonymousAuthors: (n: number) => `педагоги школы (${n})`,
} as const;

/** Messages of the uploads review (src/privacy/upload-review.ts): what an uploaded file carries and what happens to it. */
export const uploadReview = {
  text: 'текст',
  metadata: (format: string, field: string) => `метаданные ${format} — поле «${field}»`,
  xmpMetadata: (format: string, field: string) => `метаданные ${format} (XMP) — поле «${field}»`,
  hidden: (part: string) => `скрытая часть файла «${part}» (примечания, исправления, аннотации, поля форм)`,
  inFile: (name: string, where: string) => `файл «${name}», ${where}`,
  person: (id: string, excerpt: string, why: string) => `упомянут участник ${id} («${excerpt}»): ${why}`,
  field: (label: string) => `поле «${label}» — `,
  body: 'текст — ',
  withheld: '; файл не публикуется',
  stripped: '; на сайт файл попадёт без метаданных — удалите их и в исходном файле (Файл → Свойства)',
  locked: '; метаданные нельзя удалить из защищённого файла — файл не публикуется, снимите защиту и загрузите его заново',
  unknownType: (name: string) =>
    `файл «${name}»: такой тип файла не проверяется на персональные данные, поэтому не публикуется. Загрузите PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, RTF, CSV, TXT или изображение`,
  oldOffice: (name: string) =>
    `файл «${name}»: старый формат Microsoft Office не проверяется на персональные данные, поэтому не публикуется. Сохраните файл как DOCX, XLSX или PDF и загрузите заново`,
  unreadable: (name: string, format: string) =>
    `файл «${name}» не читается как ${format} (повреждён, защищён паролем или расширение не соответствует содержимому) — файл не публикуется`,
  linked: (sitePath: string, why: string) => `файл «${sitePath}» не публикуется (${why}); запись тоже не публикуется`,
  /** Names of document properties, by the name the file format gives them. */
  fields: {
    Author: 'Автор',
    Title: 'Название',
    Subject: 'Тема',
    Keywords: 'Ключевые слова',
    Creator: 'Программа-создатель',
    Producer: 'Программа PDF',
    'dc:creator': 'Автор',
    'dc:title': 'Название',
    'dc:subject': 'Тема',
    'dc:description': 'Описание',
    'dc:rights': 'Права',
    'cp:lastModifiedBy': 'Кем изменён',
    'cp:keywords': 'Ключевые слова',
    'cp:category': 'Категория',
    'xmp:CreatorTool': 'Программа-создатель',
    'pdf:Producer': 'Программа PDF',
    'pdf:Keywords': 'Ключевые слова',
    Company: 'Организация',
    Manager: 'Руководитель',
    'meta:initial-creator': 'Автор',
    'meta:printed-by': 'Кем напечатан',
    author: 'Автор',
    operator: 'Кем изменён',
    company: 'Организация',
    manager: 'Руководитель',
    title: 'Название',
    subject: 'Тема',
    keywords: 'Ключевые слова',
    doccomm: 'Комментарий',
    comment: 'Комментарий',
  } as Readonly<Record<string, string>>,
} as const;

/** Messages of the leak scan after each build (src/integrations/leak-scan.ts); never a name, only ids and masked excerpts. */
export const leakScanUi = {
  summary: (r: { files: number; kb: number; reused: number; skipped: number; ms: number; leaks: readonly unknown[] }) =>
    `проверено файлов: ${r.files} (${r.kb} КБ текста, без изменений с прошлой сборки: ${r.reused}, копий сборки редактора пропущено: ${r.skipped}) за ${r.ms} мс, утечек: ${r.leaks.length}`,
  name: (file: string, personId: string, via: string) => `${file}: персональные данные участника ${personId} без согласия (${via})`,
  numberOrContact: (file: string, kind: string, excerpt: string, via: string) =>
    `${file}: ${kind} «${excerpt}» — персональные данные, публиковать нельзя (${via})`,
  kinds: { phone: 'телефон', email: 'адрес электронной почты', snils: 'СНИЛС', passport: 'номер паспорта', inn: 'ИНН' },
  stopped: (n: number) => `Сборка остановлена: в dist/ найдены персональные данные без согласия (${n}). Публиковать нельзя.`,
} as const;

/** The page cache's line in the build log (src/integrations/page-cache.ts); bench/build-log.ts reads it. */
export const pageCacheUi = {
  summary: (r: { keyed: number; reused: number; rendered: number; unkeyed: number }) =>
    `страницы с ключом: ${r.keyed}, взяты из прошлой сборки: ${r.reused}, отрисованы: ${r.rendered}; без ключа, отрисованы всегда: ${r.unkeyed}`,
} as const;

/** Messages of `npm run build` in the terminal (src/integrations/build-process.ts, staged-output.ts). */
export const buildUi = {
  help: `Сборка сайта: страницы (Astro), затем в отдельном процессе — очистка метаданных изображений,
заголовки безопасности, поисковый индекс и проверка на утечки; dist/ заменяется целиком,
только когда всё прошло.

Использование: npm run build [-- --outDir ПАПКА --force]

  --outDir ПАПКА  куда собрать сайт (по умолчанию dist/)
  --force         собрать заново без кэшей Astro (хранилище данных, готовые страницы)
  --help          эта справка`,
  lockWait: (pid: number | undefined) =>
    `в этой папке проекта уже идёт сборка или работает npm start (процесс ${pid ?? '?'}) — жду, пока она закончится`,
  lockTimeout: (reason: string) => `Сборка не начата: ${reason}.`,
  astroDone: (seconds: string) => `страницы собраны за ${seconds} с, Astro завершил работу; проверки — в отдельном процессе`,
  noHandOff: 'Сборка остановлена: Astro завершил работу, не передав собранный сайт на проверку. dist/ не изменён.',
  outOfHeap: (mb: number) =>
    `Сборка остановлена: страницам не хватило памяти (предел ${mb} МБ, его задаёт сборка по числу записей). dist/ не изменён. ` +
    `Поднять предел: NODE_OPTIONS=--max-old-space-size=${mb * 2} npm run build.`,
  stepFailed: (message: string) => `${message}\nСборка остановлена, dist/ не изменён.`,
  published: (outDir: string) => `сайт готов: ${outDir} заменён целиком после всех проверок`,
} as const;

/** Messages of the methodologist's tools in the terminal (scripts/, src/tools/). */
export const toolsUi = {
  undoHint: 'Отменить: npm run undo.',
  import: {
    mappingHeader: (source: string, kind: string, date: string, file: string) =>
      `Файл сопоставления для «${source}» (${kind}), создан ${date} по заголовкам выгрузки.\n` +
      `Каждый заголовок отнесён к полю реестра; исправьте, где нужно, и передайте файл: --mapping ${file}`,
    mappingWritten: (file: string) => `Файл сопоставления записан: ${file}. Проверьте его и повторите импорт с --mapping.`,
    wrongKind: (asked: string, found: string, kind: string, questions: readonly string[]) =>
      `по вопросам это ${found}, а указано: ${asked} (вопросы ${questions.map((q) => `«${q}»`).join(', ')}). ` +
      `Укажите --kind ${kind}; если это всё же нужный вид анкеты, отнесите эти вопросы к полям в файле сопоставления (--mapping).`,
    repeatedAnswers: (n: number, files: readonly string[]) =>
      `Уже импортированы и не учитываются повторно: ${plural(n, ['анкета', 'анкеты', 'анкет'])} (есть в ${files.join(', ')}).`,
    allRepeated: 'Все ответы этой выгрузки уже импортированы: менять нечего.',
    noAnswers: 'в выгрузке нет ни одной читаемой анкеты этого цикла — ничего не записано',
    answersSummary: (n: number, source: string, cycle: string) =>
      `импорт ${plural(n, ['ответа', 'ответов', 'ответов'])} мониторинга ${schoolYearLabel(cycle)} из «${source}»`,
    peopleSummary: (n: number, source: string) => `импорт анкет из «${source}»: ${plural(n, ['файл', 'файла', 'файлов'])} реестра`,
  },
  undo: {
    help: `Отмена последнего изменения, сделанного инструментами методиста.

Использование: npm run undo [-- --list]

  --list   показать журнал изменений (последнее — первым), ничего не отменяя
  --help   эта справка

Каждая запись npm run import:survey -- … --write, npm run match -- --accept и
--reject, npm run monitoring попадает в журнал (папка journal/ в PRIVATE_DIR,
по умолчанию private/journal/): какие файлы изменены и какими они были. Команда
возвращает файлы последней записи и удаляет её; повторный запуск отменяет
предыдущую. Если файл после той команды изменили (в CMS, вручную или
уничтожением данных), отмена не выполняется: она стёрла бы более позднее
изменение. Уничтожение данных (privacy:purge) не отменяется никогда.`,
    empty: 'Журнал пуст: отменять нечего.',
    listItem: (at: string, summary: string, command: string, files: number) =>
      `${at.slice(0, 16).replace('T', ' ')} — ${summary} (${command}; ${plural(files, ['файл', 'файла', 'файлов'])})`,
    done: (summary: string, command: string, at: string) =>
      `Отменено: ${summary} — команда «${command}» от ${at.slice(0, 16).replace('T', ' ')}.`,
    restored: (file: string) => `  восстановлен: ${file}`,
    deleted: (file: string) => `  удалён (его создала команда): ${file}`,
    more: (n: number) => `В журнале ещё ${plural(n, ['запись', 'записи', 'записей'])}: следующий npm run undo отменит предыдущую.`,
    last: 'Это была последняя запись журнала.',
    conflict: (summary: string, command: string, files: readonly string[], entry: string) =>
      `Ошибка: отменить «${summary}» (${command}) нельзя — после неё изменены файлы:\n${files.map((f) => `  ${f}`).join('\n')}\n` +
      `Отмена стёрла бы эти изменения. Верните файлы к состоянию после команды или, если отмена больше не нужна, удалите запись журнала: ${entry}`,
  },
  export: {
    help: `Выгрузка для района (XLSX) в закрытую папку exports/ (PRIVATE_DIR, по умолчанию private/exports/).

Использование: npm run export -- --what banks|pairs|monitoring [--year 2026-2027]

  --what banks       формы 1, 2 и 2а: банк наставников, банк наставляемых, затруднения наставляемых сводно
  --what pairs       форма 3: наставнические пары и группы с программами, сроками и приказами
  --what monitoring  формы 4 и 4а: сводные результаты мониторинга цикла (как на сайте)
  --year ГГГГ-ГГГГ   учебный год или цикл мониторинга (по умолчанию текущий)
  --help             эта справка

Персональные данные — только то, что район вправе получить: ФИО — лишь тех, кому
согласие на распространение разрешает называть их на страницах программ сайта;
остальные — обобщённым описанием, которое подходит не меньше чем k участникам
реестра; затруднения наставляемых — только сводно и только при 5 наставляемых и
больше; никаких контактов, ответов анкет и затруднений отдельных людей. Работает
с CONTENT_DIR и PRIVATE_DIR.`,
    badWhat: 'укажите --what banks, --what pairs или --what monitoring. Справка: npm run export -- --help',
    written: (file: string) => `Выгрузка: ${file}`,
    contents: {
      banks: 'Формы 1, 2 и 2а: наставники (ФИО — только с согласием на распространение), наставляемые без ФИО, затруднения сводно.',
      pairs: 'Форма 3: пары и группы с программами; ФИО — только с согласием на распространение.',
      monitoring: 'Формы 4 и 4а: сводные оценки и ответы «да/нет»; группы меньше 5 человек — без цифр.',
    },
  },
  purge: {
    heading: (id: string, withdrawn: string, purged: string) => `Участник ${id}: отзыв согласия ${withdrawn}, уничтожение ${purged}.`,
    journal: (n: number) =>
      `- удаляются записи журнала отмены с прежними версиями записи участника: ${n} (эти команды больше нельзя будет отменить)`,
    dryRun: 'Пробный запуск: ничего не изменено.',
    act: (file: string) => `Акт об уничтожении: ${file} — распечатайте, впишите ФИО от руки и подпишите; храните 3 года.`,
    history: '\nДанные удалены из текущих файлов. Чтобы удалить их и из истории Git:\n',
    formService: (sources: readonly string[]) =>
      '\nНе забудьте удалить исходные ответы человека там, где их собирали: в Яндекс Формах или Google Forms (ответы формы и связанная таблица), ' +
      `а также скачанные файлы выгрузок${sources.length ? ` (${sources.map((s) => `«${s}»`).join(', ')})` : ''} — на компьютере, в почте и облаке.`,
    regenerate: (commands: readonly string[]) =>
      `Удалённые отчёты и черновики сформируйте заново (участник в них будет обезличен): ${commands.join('; ')}.`,
    system: (site: string) =>
      `Раздел «Наставничество» сайта школы${site ? ` (${site})` : ''}: реестр участников и ответы анкет (content/registry/), тексты раздела (content/), закрытые файлы инструментов методиста (private/)`,
    method:
      'стирание записей и файлов средствами информационной системы без возможности восстановления; замена упоминаний в текстах обезличенными; удаление из истории изменений (Git) командами git filter-repo',
    reasonWithdrawal:
      'отзыв субъектом персональных данных согласия на их обработку (часть 5 статьи 21 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»)',
    reasonRequest:
      'требование субъекта персональных данных об их уничтожении (статья 21 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»)',
  },
  match: {
    badPair: (flag: string, arg: string) => `${flag} ${arg}: ожидается НАСТАВЛЯЕМЫЙ=НАСТАВНИК, например p-008=p-002`,
    noVocabularies: 'справочники (content/settings/vocabularies.yaml) не найдены или с ошибками — запустите npm run validate',
    brokenPeople: (n: number) =>
      `Внимание: ${plural(n, ['ошибка', 'ошибки', 'ошибок'])} в реестре — эти записи не участвуют в подборе (npm run validate покажет их).`,
    unknownPerson: (id: string) => `${id}: такого участника в реестре нет`,
    rejected: (mentee: string, mentor: string, year: string) =>
      `Отклонено: ${mentee} → ${mentor}; в ${schoolYearLabel(year)} учебном году эта пара больше не предлагается.`,
    rejectedSummary: (pairs: readonly string[]) => `отклонены пары ${pairs.join(', ')}`,
    exists: (file: string) => `${file} уже существует`,
    accepted: (mentees: string, mentor: string, code: string, file: string) =>
      `Принято: ${mentees} → ${mentor}; проект программы ${code} → ${file}`,
    notProposed: '  Внимание: эта пара отличается от предложенной подбором — проверьте отчёт private/match/.',
    acceptedSummary: (codes: readonly string[]) => `приняты пары: проекты программ ${codes.join(', ')}`,
    afterAccept: 'Уточните цель, задачи и план в CMS; после согласования программа утверждается приказом (npm run draft:order).',
    reportWritten: (md: string, json: string) => `\nОтчёт с объяснениями: ${md} (и ${json}). Это закрытые файлы — не публикуйте их.`,
  },
} as const;
