// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PrivacyZonesSection from './PrivacyZonesSection.svelte';
import { apiError, json, stubFetch } from '../../../test/http';
import { checkZone, parseNumber } from '../../api/privacyZones';

const PATH = '/api/settings/privacy-zones';
const HOME = { id: 'z1', name: 'Home', lat: 46.0569, lon: 14.5058, radiusM: 200 };
const WORK = { id: 'z2', name: 'Work', lat: 46.05, lon: 14.46, radiusM: 500 };

afterEach(() => {
  vi.unstubAllGlobals();
});

function bodyOf(mock: ReturnType<typeof stubFetch>, method: string): unknown {
  const call = mock.mock.calls.find(([, init]) => init?.method === method);
  return call ? JSON.parse(String(call[1]!.body)) : undefined;
}

describe('Privacy zones', () => {
  it('lists the zones with their place and radius, and says so when there are none', async () => {
    stubFetch({ [`GET ${PATH}`]: () => json(200, { zones: [HOME, WORK] }) });
    render(PrivacyZonesSection);
    const list = await screen.findByRole('list', { name: 'Privacy zones' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Home');
    expect(items[0].textContent).toContain('46.05690, 14.50580');
    expect(items[0].textContent).toContain('200 m radius');
    expect(screen.getByRole('link', { name: /without positions in your zones/ }).getAttribute('href')).toBe(
      '/api/export?privacy=on',
    );
  });

  it('adds a zone from name, latitude, longitude and radius, and lists it', async () => {
    let listed: (typeof HOME)[] = [];
    const mock = stubFetch({
      [`GET ${PATH}`]: () => json(200, { zones: listed }),
      [`POST ${PATH}`]: () => {
        listed = [HOME];
        return json(201, HOME);
      },
    });
    render(PrivacyZonesSection);
    expect(await screen.findByText('No privacy zone yet.')).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Zone name'), { target: { value: ' Home ' } });
    await fireEvent.input(screen.getByLabelText('Latitude'), { target: { value: '46,0569' } });
    await fireEvent.input(screen.getByLabelText('Longitude'), { target: { value: '14.5058' } });
    await fireEvent.input(screen.getByLabelText('Radius (m)'), { target: { value: '200' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add zone' }));
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(bodyOf(mock, 'POST')).toEqual({ name: 'Home', lat: 46.0569, lon: 14.5058, radiusM: 200 });
    expect(screen.getByRole('status').textContent).toContain('“Home” is private now');
    const list = await screen.findByRole('list', { name: 'Privacy zones' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect((screen.getByLabelText('Zone name') as HTMLInputElement).value).toBe('');
  });

  it('refuses a radius out of range before sending, marking the field', async () => {
    const mock = stubFetch({ [`GET ${PATH}`]: () => json(200, { zones: [] }) });
    render(PrivacyZonesSection);
    await screen.findByText('No privacy zone yet.');
    await fireEvent.input(screen.getByLabelText('Zone name'), { target: { value: 'Home' } });
    await fireEvent.input(screen.getByLabelText('Latitude'), { target: { value: '46' } });
    await fireEvent.input(screen.getByLabelText('Longitude'), { target: { value: '14' } });
    await fireEvent.input(screen.getByLabelText('Radius (m)'), { target: { value: '50' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add zone' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('from 100 to 1000');
    expect(screen.getByLabelText('Radius (m)').getAttribute('aria-invalid')).toBe('true');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('zone-radiusM'));
    expect(mock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);
  });

  it("shows the server's message and marks the field it names", async () => {
    stubFetch({
      [`GET ${PATH}`]: () => json(200, { zones: [] }),
      [`POST ${PATH}`]: () => apiError(422, 'out_of_range', "'lat' must be between -90 and 90", 'lat'),
    });
    render(PrivacyZonesSection);
    await screen.findByText('No privacy zone yet.');
    await fireEvent.input(screen.getByLabelText('Zone name'), { target: { value: 'Home' } });
    await fireEvent.input(screen.getByLabelText('Latitude'), { target: { value: '46' } });
    await fireEvent.input(screen.getByLabelText('Longitude'), { target: { value: '14' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add zone' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("'lat' must be between -90 and 90");
    expect(screen.getByLabelText('Latitude').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Latitude').getAttribute('aria-describedby')).toBe('zone-add-error');
  });

  it('edits the name and radius, keeping the place', async () => {
    let listed = [HOME];
    const mock = stubFetch({
      [`GET ${PATH}`]: () => json(200, { zones: listed }),
      [`PUT ${PATH}/z1`]: () => {
        listed = [{ ...HOME, name: 'Flat', radiusM: 450 }];
        return json(200, listed[0]);
      },
    });
    render(PrivacyZonesSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Edit Home' }));
    const form = screen.getByRole('form', { name: 'Edit Home' });
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('zone-edit-name'));
    await fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Flat' } });
    await fireEvent.input(within(form).getByLabelText('Radius (m)'), { target: { value: '450' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('“Flat” is saved (450 m)'));
    expect(bodyOf(mock, 'PUT')).toEqual({ name: 'Flat', lat: HOME.lat, lon: HOME.lon, radiusM: 450 });
    expect(screen.queryByRole('form', { name: 'Edit Home' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Privacy zones' }).textContent).toContain('450 m radius');
  });

  it('deletes only after a confirmation, and Cancel keeps the zone', async () => {
    let listed = [HOME, WORK];
    const mock = stubFetch({
      [`GET ${PATH}`]: () => json(200, { zones: listed }),
      [`DELETE ${PATH}/z1`]: () => {
        listed = [WORK];
        return new Response(null, { status: 204 });
      },
    });
    render(PrivacyZonesSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete Home' }));
    let confirm = screen.getByRole('group', { name: 'Delete Home?' });
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Delete Home?' })).toBeNull();
    expect(mock.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(0);

    await fireEvent.click(screen.getByRole('button', { name: 'Delete Home' }));
    confirm = screen.getByRole('group', { name: 'Delete Home?' });
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('“Home” is deleted'));
    const items = within(screen.getByRole('list', { name: 'Privacy zones' })).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('Work');
  });

  it('at 20 zones the add form is disabled and says why; a load failure offers Retry', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...HOME, id: `z${i}`, name: `Zone ${i}` }));
    stubFetch({ [`GET ${PATH}`]: () => json(200, { zones: many }) });
    render(PrivacyZonesSection);
    expect(await screen.findByText(/You have 20 zones, the most allowed/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Add zone' }) as HTMLButtonElement).disabled).toBe(true);
    vi.unstubAllGlobals();

    let fail = true;
    stubFetch({ [`GET ${PATH}`]: () => (fail ? apiError(500, 'internal', 'Something went wrong') : json(200, { zones: [] })) });
    document.body.innerHTML = '';
    render(PrivacyZonesSection);
    const alert = await screen.findByRole('alert');
    fail = false;
    await fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No privacy zone yet.')).toBeTruthy();
  });
});

describe('checkZone', () => {
  it('accepts the bounds and names the first wrong field', () => {
    expect(checkZone({ name: 'x', lat: '90', lon: '-180', radiusM: '100' })).toBeNull();
    expect(checkZone({ name: 'x', lat: -90, lon: 180, radiusM: 1000 })).toBeNull();
    expect(checkZone({ name: ' ', lat: '0', lon: '0', radiusM: '200' })?.field).toBe('name');
    expect(checkZone({ name: 'x'.repeat(81), lat: '0', lon: '0', radiusM: '200' })?.field).toBe('name');
    expect(checkZone({ name: 'x', lat: '90.1', lon: '0', radiusM: '200' })?.field).toBe('lat');
    expect(checkZone({ name: 'x', lat: 'north', lon: '0', radiusM: '200' })?.field).toBe('lat');
    expect(checkZone({ name: 'x', lat: '0', lon: '', radiusM: '200' })?.field).toBe('lon');
    expect(checkZone({ name: 'x', lat: '0', lon: '0', radiusM: '150.5' })?.field).toBe('radiusM');
    expect(checkZone({ name: 'x', lat: '0', lon: '0', radiusM: '1001' })?.field).toBe('radiusM');
    expect(parseNumber('14,5')).toBe(14.5);
    expect(parseNumber(Number.NaN)).toBeNull();
  });
});
