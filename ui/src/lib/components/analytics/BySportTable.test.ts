// @vitest-environment jsdom
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import BySportTable from './BySportTable.svelte';

const SPORTS = [
  { sport: 'ride', sessions: 12, distanceM: 1234567, movingTimeS: 40 * 3600, elevationGainM: 8200, load: 2150, lastActivity: '2026-11-20' },
  { sport: 'strength', sessions: 1, distanceM: 0, movingTimeS: 2700, elevationGainM: 0, load: 35, lastActivity: null },
];

describe('BySportTable', () => {
  it('lists each sport’s totals in the athlete’s units, each value labelled for the phone layout', () => {
    const { container } = render(BySportTable, { sports: SPORTS, units: 'imperial', weeks: 12 });
    const table = container.querySelector('table.by-sport')!;
    expect(table.querySelector('caption')!.textContent).toBe('Totals per sport over the last 12 weeks');
    const [ride, strength] = [...table.querySelectorAll('tbody tr')] as HTMLElement[];
    const link = ride.querySelector('th[scope="row"] a')!;
    expect([link.textContent, link.getAttribute('href')]).toEqual(['Ride', '/activities?sport=ride']);
    const cells = [...ride.querySelectorAll('td')];
    expect(cells.map((c) => c.dataset.label)).toEqual(['Sessions', 'Distance', 'Time', 'Elevation', 'Load', 'Last']);
    expect(cells.map((c) => c.textContent)).toEqual(['12', '767 mi', '40 h 00 min', '26,903 ft', '2,150', expect.stringMatching(/^20 Nov/)]);
    expect([...strength.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['1', '—', '45 min', '—', '35', '—']);
  });
});
