/**
 * Closed lists of the domain, each value with its Russian label.
 *
 * These follow the federal methodological recommendations (forms of mentoring,
 * role pairings) and the school's roadmap; editors pick from them in the CMS.
 * Open lists that a school extends itself (subjects, difficulties) live in
 * `content/settings/vocabularies.yaml` instead.
 */

/** Forms of mentoring by how it is organised. */
export const MENTORING_FORMS = {
  traditional: 'традиционное («один на один»)',
  group: 'групповое',
  virtual: 'виртуальное (дистанционное)',
  reverse: 'реверсивное',
  situational: 'ситуационное',
  flash: 'скоростное (флеш)',
  'short-term': 'краткосрочное (целеполагающее)',
} as const;

/** Forms of mentoring by who mentors whom. */
export const ROLE_PAIRINGS = {
  'teacher-teacher': 'педагог – педагог',
  'head-teacher': 'руководитель – педагог',
  'lecturer-young-teacher': 'педагог вуза/колледжа – молодой педагог',
  'employer-student': 'работодатель – студент',
} as const;

/** Statuses of a roadmap stage («этап», masculine). */
export const PROGRESS_STATUSES = {
  planned: 'запланирован',
  'in-progress': 'выполняется',
  done: 'выполнен',
} as const;

/** The same statuses agreeing with «мероприятие» (neuter), for the activities of a stage. */
export const ACTIVITY_STATUSES = {
  planned: 'запланировано',
  'in-progress': 'выполняется',
  done: 'выполнено',
} as const satisfies Record<keyof typeof PROGRESS_STATUSES, string>;

export const PROGRAMME_STATUSES = {
  draft: 'проект',
  active: 'реализуется',
  completed: 'завершена',
} as const;

export const RESPONSIBLE_ROLES = {
  director: 'директор',
  deputy: 'заместитель директора',
  curator: 'куратор',
  methodologist: 'методист',
  'working-group': 'рабочая группа',
  mentor: 'наставник',
  psychologist: 'педагог-психолог',
  'site-editor': 'ответственный за сайт',
} as const;

/** Kinds of documents as the acts call themselves: a «распоряжение» or a ministry letter is not a «приказ». */
export const DOCUMENT_KINDS = {
  law: 'федеральный закон',
  resolution: 'постановление',
  order: 'приказ',
  directive: 'распоряжение',
  letter: 'письмо',
  recommendations: 'методические рекомендации',
  regulation: 'положение',
  roadmap: 'дорожная карта',
  'program-template': 'шаблон программы',
  plan: 'план',
  report: 'отчёт',
  other: 'иное',
} as const;

/** Headings of the document list, one per kind, in the plural. */
export const DOCUMENT_KIND_HEADINGS: Readonly<Record<keyof typeof DOCUMENT_KINDS, string>> = {
  law: 'Федеральные законы',
  resolution: 'Постановления',
  order: 'Приказы',
  directive: 'Распоряжения',
  letter: 'Письма',
  recommendations: 'Методические рекомендации',
  regulation: 'Положения',
  roadmap: 'Дорожные карты',
  'program-template': 'Шаблоны программ',
  plan: 'Планы',
  report: 'Отчёты',
  other: 'Другие документы',
};

export const LEVELS = {
  federal: 'федеральный',
  regional: 'региональный',
  municipal: 'муниципальный',
  school: 'школьный',
} as const;

export const TARGET_GROUPS = {
  'young-specialists': 'молодые специалисты',
  'new-staff': 'педагоги, новые в школе',
  'new-subject': 'педагоги, сменившие предмет или класс',
  mentors: 'наставники',
  'all-teachers': 'все педагоги',
} as const;

export const SCHOOL_LEVELS = {
  primary: 'начальная школа',
  basic: 'основная школа',
  secondary: 'средняя школа',
} as const;

export const MATERIAL_TYPES = {
  'method-guide': 'методическая разработка',
  case: 'кейс',
  scenario: 'сценарий',
  video: 'видео',
  checklist: 'чек-лист',
  template: 'шаблон',
} as const;

export const PRACTICE_STATUSES = {
  review: 'на экспертизе',
  recommended: 'рекомендовано методсоветом',
} as const;

export const EVENT_KINDS = {
  'setup-session': 'установочная сессия',
  consultation: 'консультация',
  seminar: 'семинар',
  'flash-meetings': 'флеш-встречи',
  final: 'итоговое мероприятие',
} as const;

export const MATERIAL_AUDIENCES = {
  mentors: 'наставникам',
  mentees: 'наставляемым',
  curators: 'кураторам',
} as const;

/** Directions of a personalised programme's plan. */
export const PLAN_DIRECTIONS = {
  adaptation: 'адаптация в коллективе',
  normative: 'нормативная база, ФОП и ФГОС',
  lessons: 'планирование и проведение урока',
  assessment: 'оценивание',
  upbringing: 'воспитательная работа и работа с родителями',
  digital: 'цифровые инструменты',
  attestation: 'подготовка к аттестации',
} as const;

export const PERSON_ROLES = {
  mentor: 'наставник',
  mentee: 'наставляемый',
  curator: 'куратор',
} as const;

export const GENDERS = {
  female: 'женский',
  male: 'мужской',
} as const;

export const CATEGORIES = {
  none: 'без категории',
  first: 'первая',
  highest: 'высшая',
} as const;

/** Categories of personal data a dissemination consent (152-ФЗ ст. 10.1) may allow, one by one. */
export const DISSEMINATION_CATEGORIES = {
  name: 'фамилия, имя, отчество',
  position: 'должность',
  subjects: 'преподаваемые предметы',
  category: 'квалификационная категория',
  experience: 'педагогический стаж',
  role: 'роль в системе наставничества',
  photo: 'фотография',
} as const;

/**
 * Recorded legal bases to publish a person's data without a dissemination
 * consent: what the law itself requires a school's site to disclose.
 */
export const DISCLOSURE_BASES = {
  head: 'руководитель образовательной организации (ст. 29 Федерального закона от 29.12.2012 № 273-ФЗ, постановление Правительства РФ от 20.10.2021 № 1802)',
} as const;

/** Satisfaction scales of the monitoring questionnaire, each scored 1–10. */
export const SATISFACTION_SCALES = {
  effectiveness: 'эффективность программы',
  comfort: 'комфорт общения',
  usefulness: 'полезность встреч',
  clarity: 'понятность заданий',
  support: 'поддержка',
  feedback: 'обратная связь',
} as const;

/** Yes/no items of the monitoring questionnaire. */
export const YES_NO_ITEMS = {
  continue: 'готовы продолжить участие',
  stay: 'планируют остаться в школе',
} as const;

export const RESPONDENT_ROLES = {
  mentor: 'наставники',
  mentee: 'наставляемые',
} as const;

export const SOCIAL_NETWORKS = {
  vk: 'ВКонтакте',
  telegram: 'Telegram',
  ok: 'Одноклассники',
  rutube: 'Rutube',
  max: 'MAX',
} as const;

export type MentoringForm = keyof typeof MENTORING_FORMS;
export type DisseminationCategory = keyof typeof DISSEMINATION_CATEGORIES;
export type DisclosureBasis = keyof typeof DISCLOSURE_BASES;
