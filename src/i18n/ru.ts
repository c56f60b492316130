/**
 * Every Russian string of the site's interface, in one place. Content
 * strings come from content/; vocabulary labels from src/schema/vocab.ts.
 */
import type { Forms } from '../lib/plural.ts';

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
] as const;

export const forms = {
  practice: ['практика', 'практики', 'практик'],
  news: ['новость', 'новости', 'новостей'],
  document: ['документ', 'документа', 'документов'],
  activity: ['мероприятие', 'мероприятия', 'мероприятий'],
  program: ['программа', 'программы', 'программ'],
  month: ['месяц', 'месяца', 'месяцев'],
  mentee: ['наставляемый', 'наставляемых', 'наставляемых'],
  year: ['год', 'года', 'лет'],
  respondent: ['респондент', 'респондента', 'респондентов'],
} as const satisfies Record<string, Forms>;
