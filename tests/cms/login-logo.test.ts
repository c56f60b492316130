/** The CMS login screen shows the school's name, drawn as an SVG that no name can break. */
import { describe, expect, it } from 'vitest';
import { loginLogo } from '../../cms/login-logo.ts';

const svgOf = (url: string) => decodeURIComponent(url.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));

describe('loginLogo', () => {
  it('is an SVG data URL carrying the school and the editor title', () => {
    const url = loginLogo('Школа № 5', 'Редактор раздела «Наставничество»');
    expect(url).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    const svg = svgOf(url);
    expect(svg).toContain('>Школа № 5</text>');
    expect(svg).toContain('Редактор раздела «Наставничество»');
  });

  it('escapes a name with markup characters instead of breaking the picture', () => {
    const svg = svgOf(loginLogo('Школа <№ 5> & "Лицей"', 'Редактор'));
    expect(svg).not.toContain('<№');
    expect(svg).toContain('&#60;№ 5&#62; &#38; &#34;Лицей&#34;');
    expect(svg.match(/<text/g)).toHaveLength(2);
  });
});
