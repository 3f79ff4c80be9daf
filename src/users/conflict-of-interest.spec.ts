import { affiliationNamesBody, conflictKey, hasConflict } from './conflict-of-interest';

describe('conflict of interest', () => {
  it('matches an affiliation naming the body, ignoring case and spaces', () => {
    expect(affiliationNamesBody('universitas  palangka raya', 'Universitas Palangka Raya')).toBe(true);
    expect(affiliationNamesBody('UNIVERSITASPALANGKARAYA', 'Universitas Palangka Raya')).toBe(true);
    expect(affiliationNamesBody('Universitas Muhammadiyah Palangkaraya', 'Universitas Palangka Raya')).toBe(false);
    expect(affiliationNamesBody(null, 'X')).toBe(false);
    expect(affiliationNamesBody('   ', '')).toBe(false);
  });

  it('also honours explicitly declared conflicts', () => {
    const declared = new Set([conflictKey('7', '42')]);
    expect(hasConflict({ id: '7', affiliation: 'LSM' }, { id: '42', name: 'Dinas' }, declared)).toBe(true);
    expect(hasConflict({ id: '7', affiliation: 'LSM' }, { id: '43', name: 'Dinas' }, declared)).toBe(false);
  });
});
