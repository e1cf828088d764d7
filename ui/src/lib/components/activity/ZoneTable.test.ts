// @vitest-environment jsdom
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ZoneTable from './ZoneTable.svelte';

const ROWS = [
  { zone: 1, name: 'Recovery', low: 0, high: 120, seconds: 600, share: 0.08 },
  { zone: 2, name: 'Aerobic', low: 120, high: 150, seconds: 5 * 3600 + 300, share: 0.8 },
  { zone: 5, name: 'Above threshold', low: 175, high: undefined, seconds: 45, share: 0.12 },
];

describe('ZoneTable', () => {
  it('puts each zone’s name and range in its row header, so hours in a zone leave the row three columns wide', () => {
    const { container } = render(ZoneTable, { rows: ROWS, unit: 'bpm', caption: 'Time in heart-rate zones' });
    const table = container.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).toBe('Time in heart-rate zones');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(3);
    // Highest zone first.
    const z2 = rows[1];
    expect(z2.querySelector('th[scope="row"]')!.textContent).toMatch(/Z2\s+Aerobic\s+120–149 bpm/);
    const cells = [...z2.querySelectorAll('td')];
    expect(cells).toHaveLength(2);
    expect(cells[0].textContent).toMatch(/80 %/);
    expect(cells[1].textContent).toBe('5 h 05 min');
    expect(rows[0].querySelector('th')!.textContent).toMatch(/≥ 175 bpm/);
    expect([...table.querySelectorAll('thead th')].map((c) => c.textContent)).toEqual(['Zone and range', 'Share', 'Time']);
  });
});
