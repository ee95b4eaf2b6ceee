import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membersMessages } from './members.messages.ts';
import {
  checkPostcode,
  checkSiren,
  checkSiret,
  checkWebsite,
  departmentFromPostcode,
  departmentName,
  departmentsOfPostcode,
  isDepartmentCode,
  MEMBER_ERROR_CODES,
  normaliseEmail,
  normaliseForSearch,
  normalisePhone,
  sirenOfSiret,
} from './members.validation.ts';

const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
};
const digitSum = (digits: string): number => [...digits].reduce((acc, c) => acc + Number(c), 0);

describe('normaliseForSearch', () => {
  it('ignores case and accents', () => {
    expect(normaliseForSearch('ARIÈGE')).toBe(normaliseForSearch('ariege'));
    expect(normaliseForSearch('ARIÈGE')).toBe('ariege');
    expect(normaliseForSearch('Pyrénées-Orientales')).toBe('pyrenees orientales');
  });

  it('turns apostrophes, hyphens and dots into single spaces', () => {
    expect(normaliseForSearch("INTER'EM")).toBe('inter em');
    expect(normaliseForSearch('L’Atelier  du   Bâtiment')).toBe('l atelier du batiment');
    expect(normaliseForSearch('  E.I. Saint-Jean  ')).toBe('e i saint jean');
  });

  it('expands ligatures so "Cœur" finds "coeur"', () => {
    expect(normaliseForSearch('Cœur de Ville')).toBe(normaliseForSearch('COEUR DE VILLE'));
  });
});

describe('checkSiret', () => {
  it('accepts a Luhn-valid SIRET, with or without spaces', () => {
    expect(checkSiret('44306184100047')).toEqual({ ok: true, value: '44306184100047' });
    expect(checkSiret(' 443 061 841 00047 ')).toEqual({ ok: true, value: '44306184100047' });
  });

  it('rejects a one-digit typo with the checksum code', () => {
    expect(checkSiret('44306184100048')).toEqual({ ok: false, code: 'members.siret_checksum' });
    expect(checkSiret('44316184100047')).toEqual({ ok: false, code: 'members.siret_checksum' });
  });

  it('rejects anything that is not 14 digits with the format code', () => {
    for (const raw of ['', '4430618410004', '443061841000470', '4430618410004A', '443-061-841-00047']) {
      expect(checkSiret(raw)).toEqual({ ok: false, code: 'members.siret_format' });
    }
  });

  it("accepts La Poste's head office, valid by Luhn (but not by digit sum)", () => {
    expect(luhn('35600000000048')).toBe(true);
    expect(digitSum('35600000000048') % 5).not.toBe(0);
    expect(checkSiret('35600000000048')).toEqual({ ok: true, value: '35600000000048' });
  });

  it('accepts a La Poste establishment valid by digit sum only (the exception matters)', () => {
    expect(luhn('35600000049837')).toBe(false);
    expect(digitSum('35600000049837')).toBe(45);
    expect(checkSiret('35600000049837')).toEqual({ ok: true, value: '35600000049837' });
  });

  it('still rejects La Poste typos that fail both rules', () => {
    const typo = '35600000009837';
    expect(luhn(typo)).toBe(false);
    expect(digitSum(typo) % 5).not.toBe(0);
    expect(checkSiret(typo)).toEqual({ ok: false, code: 'members.siret_checksum' });
  });

  it('applies the digit-sum rule to SIREN 356000000 only', () => {
    for (const raw of ['44306184100045', '35600001000000']) {
      expect(luhn(raw)).toBe(false);
      expect(digitSum(raw) % 5).toBe(0);
      expect(checkSiret(raw)).toEqual({ ok: false, code: 'members.siret_checksum' });
    }
  });
});

describe('checkSiren / sirenOfSiret', () => {
  it('accepts a Luhn-valid SIREN and rejects a typo or a bad length', () => {
    expect(checkSiren('443 061 841')).toEqual({ ok: true, value: '443061841' });
    expect(checkSiren('356000000')).toEqual({ ok: true, value: '356000000' });
    expect(checkSiren('443061842')).toEqual({ ok: false, code: 'members.siren_checksum' });
    expect(checkSiren('44306184')).toEqual({ ok: false, code: 'members.siren_format' });
    expect(checkSiren('44306184100047')).toEqual({ ok: false, code: 'members.siren_format' });
  });

  it('gives the first 9 digits of a SIRET, which is a valid SIREN', () => {
    expect(sirenOfSiret('44306184100047')).toBe('443061841');
    expect(sirenOfSiret('356 000 000 49837')).toBe('356000000');
    expect(checkSiren(sirenOfSiret('35600000049837')).ok).toBe(true);
  });
});

describe('postcodes and departments', () => {
  it('rejects "8200" (leading zero lost) as a format error', () => {
    expect(checkPostcode('8200')).toEqual({ ok: false, code: 'members.postcode_format' });
    expect(checkPostcode('82OOO')).toEqual({ ok: false, code: 'members.postcode_format' });
  });

  it('places 31250 (Revel) in Haute-Garonne', () => {
    expect(departmentFromPostcode('31250')).toBe('31');
    expect(departmentName('31')).toBe('Haute-Garonne');
    expect(checkPostcode('31250')).toEqual({ ok: true, value: '31250' });
    expect(checkPostcode('31250', '31')).toEqual({ ok: true, value: '31250' });
  });

  it('reports 31250 under Tarn (81) as a department mismatch', () => {
    expect(checkPostcode('31250', '81')).toEqual({ ok: false, code: 'members.postcode_department_mismatch' });
  });

  it('rejects a well-formed postcode that serves no commune', () => {
    expect(checkPostcode('00000')).toEqual({ ok: false, code: 'members.postcode_unknown' });
    expect(checkPostcode('31999')).toEqual({ ok: false, code: 'members.postcode_unknown' });
    expect(departmentFromPostcode('31999')).toBeNull();
    expect(departmentFromPostcode('8200')).toBeNull();
  });

  it('handles Corsica and overseas departments', () => {
    expect(departmentFromPostcode('20000')).toBe('2A');
    expect(departmentFromPostcode('20200')).toBe('2B');
    expect(checkPostcode('20000', '2a')).toEqual({ ok: true, value: '20000' });
    expect(checkPostcode('20000', '2B')).toEqual({ ok: false, code: 'members.postcode_department_mismatch' });
    expect(departmentFromPostcode('97400')).toBe('974');
    expect(departmentFromPostcode('97200')).toBe('972');
    expect(departmentName('974')).toBe('La Réunion');
  });

  it('knows postcodes that serve communes of two departments', () => {
    // 12210 serves communes of Aveyron and Cantal; 82160 of Tarn-et-Garonne and Aveyron.
    expect(departmentsOfPostcode('12210')).toEqual(['12', '15']);
    expect(departmentFromPostcode('12210')).toBe('12');
    expect(departmentsOfPostcode('82160')).toEqual(['82', '12']);
    expect(departmentFromPostcode('82160')).toBe('82');
    expect(checkPostcode('82160', '12')).toEqual({ ok: true, value: '82160' });
  });

  it('names the Occitanie departments', () => {
    expect(departmentName('09')).toBe('Ariège');
    expect(departmentName('82')).toBe('Tarn-et-Garonne');
    expect(departmentName('66')).toBe('Pyrénées-Orientales');
    expect(isDepartmentCode('48')).toBe(true);
    expect(isDepartmentCode('2B')).toBe(true);
    expect(isDepartmentCode('976')).toBe(true);
    expect(isDepartmentCode('20')).toBe(false);
    expect(isDepartmentCode('9')).toBe(false);
    expect(isDepartmentCode('99')).toBe(false);
    expect(departmentName('99')).toBeNull();
  });
});

describe('normalisePhone', () => {
  it('formats French numbers as "05 61 02 98 97" whatever the input', () => {
    for (const raw of [
      '0561029897',
      '05.61.02.98.97',
      '+33 5 61 02 98 97',
      '+33 (0)5 61 02 98 97',
      '0033561029897',
    ]) {
      expect(normalisePhone(raw)).toEqual({ ok: true, value: '05 61 02 98 97' });
    }
    expect(normalisePhone('07.66.61.29.99')).toEqual({ ok: true, value: '07 66 61 29 99' });
    expect(normalisePhone('0800 00 00 00')).toEqual({ ok: true, value: '08 00 00 00 00' });
  });

  it('accepts overseas numbers dialled nationally', () => {
    expect(normalisePhone('0262 21 12 34')).toEqual({ ok: true, value: '02 62 21 12 34' });
    expect(normalisePhone('+262 692 12 34 56')).toEqual({ ok: true, value: '06 92 12 34 56' });
  });

  it('keeps foreign numbers in international format', () => {
    expect(normalisePhone('+44 20 7946 0958')).toEqual({ ok: true, value: '+44 20 7946 0958' });
    expect(normalisePhone('+32 2 555 12 12')).toEqual({ ok: true, value: '+32 2 555 12 12' });
  });

  it('rejects incomplete or garbled numbers', () => {
    for (const raw of [
      '',
      '0612',
      '06 12 34 56 78 90',
      'appeler le 0561029897',
      '05 61 02 98 97 / 06 12 34 56 78',
    ]) {
      expect(normalisePhone(raw)).toEqual({ ok: false, code: 'members.phone_invalid' });
    }
  });
});

describe('normaliseEmail', () => {
  it('trims and lowercases', () => {
    expect(normaliseEmail('  Contact@Inter-EM.FR ')).toEqual({ ok: true, value: 'contact@inter-em.fr' });
    expect(normaliseEmail('prenom.nom+siae@sous.domaine.org')).toEqual({
      ok: true,
      value: 'prenom.nom+siae@sous.domaine.org',
    });
  });

  it('rejects malformed addresses', () => {
    for (const raw of [
      '',
      'contact',
      'contact@',
      '@exemple.fr',
      'contact@exemple',
      'con tact@exemple.fr',
      'a@b@exemple.fr',
      'contact@exemple..fr',
      'contact@-exemple.fr',
      '.contact@exemple.fr',
      `${'a'.repeat(250)}@exemple.fr`,
    ]) {
      expect(normaliseEmail(raw)).toEqual({ ok: false, code: 'members.email_invalid' });
    }
  });
});

describe('checkWebsite', () => {
  it('prefixes bare hosts with https://', () => {
    expect(checkWebsite('www.example.org')).toEqual({ ok: true, value: 'https://www.example.org' });
    expect(checkWebsite('Example.ORG/insertion')).toEqual({
      ok: true,
      value: 'https://example.org/insertion',
    });
  });

  it('accepts http and https URLs', () => {
    expect(checkWebsite('http://www.example.org/')).toEqual({ ok: true, value: 'http://www.example.org' });
    expect(checkWebsite('https://example.org/a?b=1')).toEqual({
      ok: true,
      value: 'https://example.org/a?b=1',
    });
  });

  it('rejects other schemes and non-hosts', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'mailto:contact@example.org',
      'ftp://example.org',
      'http:/example.org',
      'https://user:pass@example.org',
      'localhost',
      'example org',
      '',
    ]) {
      expect(checkWebsite(raw)).toEqual({ ok: false, code: 'members.website_invalid' });
    }
  });
});

describe('messages', () => {
  it('has a French message for every error code', () => {
    for (const code of MEMBER_ERROR_CODES) {
      expect(membersMessages[code]).toMatch(/\S/);
    }
    expect(Object.keys(membersMessages).sort()).toEqual([...MEMBER_ERROR_CODES].sort());
  });
});

describe('robustness (property-based)', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.stringMatching(/^[0-9 .+()-]{0,20}$/),
  );

  it('never throws and always returns a well-formed result', () => {
    const checks = [checkSiret, checkSiren, checkPostcode, normalisePhone, normaliseEmail, checkWebsite];
    fc.assert(
      fc.property(anyText, anyText, (text, other) => {
        for (const check of checks) {
          const result = check(text);
          if (result.ok) expect(typeof result.value).toBe('string');
          else expect(MEMBER_ERROR_CODES).toContain(result.code);
        }
        const withDepartment = checkPostcode(text, other);
        if (!withDepartment.ok) expect(MEMBER_ERROR_CODES).toContain(withDepartment.code);
        expect(typeof normaliseForSearch(text)).toBe('string');
        expect(typeof sirenOfSiret(text)).toBe('string');
        expect(Array.isArray(departmentsOfPostcode(text))).toBe(true);
        const department = departmentFromPostcode(text);
        expect(department === null || typeof department === 'string').toBe(true);
        expect(typeof isDepartmentCode(text)).toBe('boolean');
        const name = departmentName(text);
        expect(name === null || typeof name === 'string').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('normalisers are idempotent on what they accept', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const normalise of [normalisePhone, normaliseEmail, checkWebsite, checkSiret, checkPostcode]) {
          const first = normalise(text);
          if (first.ok) expect(normalise(first.value)).toEqual(first);
        }
        expect(normaliseForSearch(normaliseForSearch(text))).toBe(normaliseForSearch(text));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts every Luhn-valid 14-digit SIRET', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13}$/), (body) => {
        const key = [...'0123456789'].find((k) => luhn(body + k)) ?? '';
        expect(checkSiret(body + key)).toEqual({ ok: true, value: body + key });
      }),
    );
  });
});
