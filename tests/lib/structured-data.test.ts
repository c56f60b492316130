/** schema.org JSON-LD: safe inside a script element, and only consented people in it. */
import { describe, expect, it } from 'vitest';
import {
  breadcrumbListLd,
  eventLd,
  learningResourceLd,
  newsArticleLd,
  organizationId,
  organizationLd,
  serializeJsonLd,
} from '../../src/lib/structured-data.ts';

const site = {
  schoolName: 'Государственное бюджетное общеобразовательное учреждение школа № 1',
  schoolShortName: 'Школа № 1',
  officialSiteUrl: 'https://school1.example/',
  address: '195000, Санкт-Петербург, ул. Примерная, д. 1',
  phone: '+7 (812) 000-00-01',
  email: 'info@school1.example',
  socials: [{ network: 'vk' as const, url: 'https://vk.com/school1.example' }],
};
const page = { url: 'https://n.school1.example/x/', image: 'https://n.school1.example/og/x.png' };

describe('JSON-LD', () => {
  it('cannot close its script element early and parses back to the same data', () => {
    const data = { '@type': 'NewsArticle', headline: 'Текст </script><script>alert(1)</script> <!-- & \u2028 конец' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/<|>/);
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual(data);
  });

  it('describes the school as an EducationalOrganization from the site settings', () => {
    expect(organizationLd(site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'EducationalOrganization',
      '@id': 'https://school1.example/#organization',
      name: site.schoolName,
      alternateName: 'Школа № 1',
      url: 'https://school1.example/',
      email: 'info@school1.example',
      telephone: '+7 (812) 000-00-01',
      address: {
        '@type': 'PostalAddress',
        postalCode: '195000',
        streetAddress: 'Санкт-Петербург, ул. Примерная, д. 1',
        addressCountry: 'RU',
      },
      sameAs: ['https://vk.com/school1.example'],
    });
  });

  it('dates news and events in the site’s zone, with its offset', () => {
    const news = newsArticleLd({ headline: 'Заголовок', description: 'Анонс', date: '2025-09-01' }, page, site);
    expect(news).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Заголовок',
      datePublished: '2025-09-01T00:00:00+03:00',
      image: [page.image],
    });
    expect(news.publisher).toEqual({ '@type': 'EducationalOrganization', '@id': organizationId(site), name: site.schoolName });
    const event = eventLd(
      {
        name: 'Семинар',
        description: 'Кратко',
        start: '2026-03-18T14:00',
        end: '2026-03-18T17:00',
        place: 'Санкт-Петербург, онлайн-трансляция',
        kind: 'семинар',
      },
      page,
      site,
    );
    expect(event).toMatchObject({
      '@type': 'Event',
      startDate: '2026-03-18T14:00:00+03:00',
      endDate: '2026-03-18T17:00:00+03:00',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
    });
    const inPerson = eventLd(
      { name: 'Семинар', description: 'Кратко', start: '2026-03-18T14:00', place: 'Кабинет 12', kind: 'семинар' },
      page,
      site,
    );
    expect(inPerson).toMatchObject({ eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode' });
    expect(inPerson).not.toHaveProperty('endDate');
  });

  it('names practice authors only as the privacy policy resolved them, the school otherwise', () => {
    const base = {
      name: 'Практика',
      description: 'Кратко',
      year: 2026,
      resourceType: 'кейс',
      audience: 'молодые специалисты',
      keywords: ['флеш'],
    };
    const named = learningResourceLd({ ...base, namedAuthors: ['Примерова Анна Сергеевна, учитель математики'] }, page, site);
    expect(named.author).toEqual([{ '@type': 'Person', name: 'Примерова Анна Сергеевна', jobTitle: 'учитель математики' }]);
    const anonymous = learningResourceLd({ ...base, namedAuthors: [] }, page, site);
    expect(anonymous.author).toEqual({ '@type': 'EducationalOrganization', '@id': organizationId(site), name: site.schoolName });
    expect(JSON.stringify(anonymous)).not.toContain('Person');
  });

  it('numbers breadcrumbs from 1', () => {
    const list = breadcrumbListLd([
      { name: 'Главная', url: 'https://n.example/' },
      { name: 'Новости', url: 'https://n.example/news/' },
    ]);
    expect(list.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Главная', item: 'https://n.example/' },
      { '@type': 'ListItem', position: 2, name: 'Новости', item: 'https://n.example/news/' },
    ]);
  });
});
