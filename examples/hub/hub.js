/**
 * District hub: one search box over the methodological banks of several
 * schools, with Pagefind multisite. Each school publishes its bank's own
 * index at `/pagefind/bank/` (the practices alone, so the hub downloads no
 * other pages' metadata); the first school's is the primary index, the
 * others are merged with `mergeIndex`; each index carries a synthetic
 * `school` filter, so results can be narrowed and counted by school.
 *
 * The list of schools is `schools.json` next to this page. Each school's
 * site must allow cross-origin requests to its `/pagefind/` folder (CORS, see
 * docs/search.md). Every result links to the practice on its school's site.
 */

/** Where a school's site publishes its bank's index. */
const BANK = 'pagefind/bank/';

const PAGE_SIZE = 20;
const rules = new Intl.PluralRules('ru-RU');
const practiceForms = { one: 'практика', few: 'практики', many: 'практик' };
const verbForms = { one: 'Найдена', few: 'Найдено', many: 'Найдено' };
const pick = (forms, n) => forms[rules.select(n)] ?? forms.many;

const form = document.querySelector('[data-hub-form]');
const input = form.elements.namedItem('q');
const schoolsBox = document.querySelector('[data-hub-schools]');
const status = document.querySelector('[data-hub-status]');
const list = document.querySelector('[data-hub-results]');

/** The schools of the hub, from schools.json: `[{ name, url }]`. */
async function loadSchools() {
  const response = await fetch(new URL('schools.json', import.meta.url));
  const config = await response.json();
  if (config.title) document.querySelector('[data-hub-title]').textContent = config.title;
  return config.schools.map((s) => ({ name: s.name, url: new URL(s.url).href }));
}

/** Pagefind of the first school, with every other school's index merged in. */
async function loadPagefind(schools) {
  const [first, ...others] = schools;
  const pagefind = await import(new URL(`${BANK}pagefind.js`, first.url).href);
  await pagefind.options({ noWorker: true, excerptLength: 24, excerptEllipsis: '…', mergeFilter: { school: first.name } });
  await pagefind.init();
  for (const school of others) {
    await pagefind.mergeIndex(new URL(BANK, school.url).href, {
      excerptLength: 24,
      excerptEllipsis: '…',
      mergeFilter: { school: school.name },
    });
  }
  return pagefind;
}

/** A Pagefind excerpt as nodes: matched words in <mark>, everything else as text. */
function excerptNodes(excerpt) {
  let marked = false;
  const nodes = [];
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      marked = part === '<mark>';
    } else if (part) {
      const text = document.createTextNode(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      if (marked) {
        const mark = document.createElement('mark');
        mark.append(text);
        nodes.push(mark);
      } else nodes.push(text);
    }
  }
  return nodes;
}

function schoolOf(schools, url) {
  return schools.find((s) => url.startsWith(s.url))?.name ?? '';
}

async function resultItem(schools, result) {
  const data = await result.data();
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const heading = document.createElement('h2');
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'muted';
  meta.textContent = [schoolOf(schools, data.url), data.meta.date, data.meta.best ? `лучшая практика ${data.meta.best} года` : '']
    .filter(Boolean)
    .join(' · ');
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(data.excerpt));
  li.append(heading, meta, excerpt);
  return li;
}

async function start() {
  const schools = await loadSchools();
  for (const school of schools) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'school';
    box.value = school.name;
    const count = document.createElement('span');
    count.className = 'muted';
    count.dataset.count = '';
    label.append(box, ` ${school.name} `, count);
    schoolsBox.append(label);
  }
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const box of schoolsBox.querySelectorAll('input')) box.checked = params.getAll('school').includes(box.value);

  let pagefind;
  let generation = 0;
  const run = async () => {
    const gen = ++generation;
    const q = input.value.trim();
    const chosen = [...schoolsBox.querySelectorAll('input:checked')].map((b) => b.value);
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    for (const s of chosen) next.append('school', s);
    history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`);
    list.replaceChildren();
    if (!q) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Ищем…';
    try {
      pagefind ??= await loadPagefind(schools);
    } catch {
      status.textContent = 'Копилки школ сейчас недоступны. Проверьте адреса в schools.json и настройки CORS на сайтах школ.';
      return;
    }
    const everywhere = await pagefind.search(q);
    const found = chosen.length ? await pagefind.search(q, { filters: { school: { any: chosen } } }) : everywhere;
    if (gen !== generation) return;
    for (const label of schoolsBox.querySelectorAll('label')) {
      label.querySelector('[data-count]').textContent = `(${everywhere.filters.school?.[label.querySelector('input').value] ?? 0})`;
    }
    const n = found.results.length;
    status.textContent = n
      ? `${pick(verbForms, n)} ${n} ${pick(practiceForms, n)}`
      : `По запросу «${q}» ничего не нашлось. Попробуйте другое слово или его начало.`;
    const items = await Promise.all(found.results.slice(0, PAGE_SIZE).map((r) => resultItem(schools, r)));
    if (gen === generation) list.append(...items);
  };

  let timer;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 200);
  });
  if (input.value) void run();
}

void start();
