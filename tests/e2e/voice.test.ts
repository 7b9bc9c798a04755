/**
 * The queue voice in a real Chromium over HTTP: Pengaturan → Suara plays a whole call from
 * clips fetched at /voice/<key>, scheduled back to back on the AudioContext clock (the schedule
 * and the real end are read from the page), re-records a clip with Chromium's fake microphone,
 * and falls back to the caption alone when a unit has no clip.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../src-renderer/audio/announcer';
import { pauseBetween } from '../../src-renderer/audio/schedule';
import { ensureRendererBuilt, launchBrowser, newContext, watchProblems, type PageProblems } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

let h: HttpHost;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let admin: string;
const fetched: string[] = [];

/** Presses "Dengarkan kalimat" and waits for the outcome the page publishes in data-jadwal. */
async function preview(ticket: string, place: string): Promise<{ caption: string; outcome: Outcome }> {
  await page.getByRole('textbox', { name: 'Nomor antrean' }).fill(ticket);
  await page.getByRole('combobox', { name: 'Tujuan' }).selectOption({ label: place });
  const result = page.getByTestId('suara-hasil');
  // Read without waiting: before the first call there is no result yet.
  const before = await page.evaluate(() => document.querySelector('[data-testid=suara-hasil]')?.getAttribute('data-jadwal') ?? null);
  await page.getByRole('button', { name: 'Dengarkan kalimat' }).click();
  await page.waitForFunction((old) => {
    const el = document.querySelector('[data-testid=suara-hasil]');
    const value = el?.getAttribute('data-jadwal');
    return value && value !== old;
  }, before);
  return {
    caption: (await page.getByTestId('suara-caption').textContent()) ?? '',
    outcome: JSON.parse((await result.getAttribute('data-jadwal'))!) as Outcome,
  };
}

describe('Pengaturan → Suara and the announcer in Chromium', () => {
  beforeAll(async () => {
    const rendererDir = ensureRendererBuilt();
    h = await httpHost({ rendererDir });
    admin = await adminToken(h);
    // A fake microphone (a beep), allowed without a prompt.
    browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
    const context = await newContext(browser);
    page = await context.newPage();
    problems = watchProblems(page);
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/voice/')) fetched.push(path.slice(7));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  it('plays a whole call gaplessly from /voice clips and shows its caption', async () => {
    await page.goto(`${h.url}/`);
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill('rahasia-admin-1');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    await page.evaluate(() => (window.location.hash = '#/pengaturan/suara'));
    await page.getByRole('tab', { name: 'Suara', selected: true }).waitFor();
    await page.locator('tr[data-klip="huruf-a"]').getByText('Bawaan').waitFor();

    const { caption, outcome } = await preview('a012', 'Loket 1');
    expect(caption).toBe('Nomor antrean A dua belas, silakan menuju loket satu');
    expect(outcome.mode).toBe('klip');
    const keys = ['bel', 'nomor-antrean', 'huruf-a', 'dua', 'belas', 'silakan-menuju', 'loket', 'satu'];
    expect(outcome.schedule.map((s) => s.key)).toEqual(keys);
    // Back to back on the audio clock: each start is the previous end plus the planned pause.
    const list = await h.call<{ key: string; durationMs: number }[]>('voice.list', {}, admin);
    const duration = new Map((list.body.ok ? list.body.value : []).map((c) => [c.key, c.durationMs / 1000]));
    outcome.schedule.forEach((s, i) => {
      expect(s.end - s.start).toBeCloseTo(duration.get(s.key)!, 2);
      if (i > 0) expect(s.start - outcome.schedule[i - 1]!.end).toBeCloseTo(pauseBetween(keys[i - 1]!, s.key), 6);
    });
    // The last clip really ended when the plan said (the `ended` event, read on the same clock).
    const plannedEnd = outcome.schedule.at(-1)!.end;
    // currentTime advances a render quantum (128 frames, 2.9 ms at 44.1 kHz) at a time, so it may read just short of the end.
    expect(outcome.endedAt).toBeGreaterThanOrEqual(plannedEnd - 128 / 44100);
    expect(outcome.endedAt! - plannedEnd).toBeLessThan(0.25);
    console.log(
      `suara: ${keys.length} klip, ${(plannedEnd - outcome.schedule[0]!.start).toFixed(3)} s terjadwal; ended ${((outcome.endedAt! - plannedEnd) * 1000).toFixed(1)} ms setelah rencana`,
    );
    // Each clip was fetched once from /voice/…; a second call plays from the decoded cache.
    expect(keys.every((k) => fetched.filter((f) => f === k).length === 1)).toBe(true);
    const count = fetched.length;
    const again = await preview('A12', 'Loket 1');
    expect(again.outcome.mode).toBe('klip');
    expect(fetched.length).toBe(count);

    const unit = await preview('B111', 'Poli Gigi dan Mulut');
    expect(unit.caption).toBe('Nomor antrean B seratus sebelas, silakan menuju poli gigi dan mulut');
    expect(unit.outcome.schedule.map((s) => s.key)).toEqual(['bel', 'nomor-antrean', 'huruf-b', 'seratus', 'sebelas', 'silakan-menuju', 'unit-gigi']);
    expect(problems.list).toEqual([]);
  });

  it('re-records a clip with the microphone, uses it at once, and goes back to the shipped one', async () => {
    const row = page.locator('tr[data-klip="huruf-a"]');
    await row.getByRole('button', { name: 'Rekam ulang Huruf A' }).click();
    await row.getByRole('button', { name: 'Mulai rekam' }).click();
    await row.getByRole('button', { name: 'Berhenti' }).waitFor();
    await page.waitForTimeout(1500);
    await row.getByRole('button', { name: 'Berhenti' }).click();
    await row.getByRole('button', { name: 'Dengarkan' }).waitFor();
    // The listen button has the focus: Enter plays the recording.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Dengarkan');
    await row.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Huruf A: rekaman baru disimpan dan langsung dipakai.').waitFor();
    await row.getByText('Rekaman puskesmas').waitFor();
    // The recorder closes and the focus returns to the row's own button.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Rekam ulang Huruf A', undefined, { polling: 100 });
    const stored = h.host.store.sqlite
      .prepare("SELECT mime, duration_ms AS ms, length(data) AS bytes FROM voice_clip WHERE key = 'huruf-a'")
      .get() as {
      mime: string;
      ms: number;
      bytes: number;
    };
    expect(stored.mime).toBe('audio/wav');
    expect(stored.ms).toBeGreaterThan(50);
    expect(stored.bytes).toBeLessThan(1024 * 1024);

    // The voice.changed event dropped the cached clip: the next call fetches the recording.
    const before = fetched.filter((k) => k === 'huruf-a').length;
    const { outcome } = await preview('A7', 'Loket 2');
    expect(outcome.mode).toBe('klip');
    expect(fetched.filter((k) => k === 'huruf-a').length).toBe(before + 1);
    expect(outcome.schedule.find((s) => s.key === 'huruf-a')!.end - outcome.schedule.find((s) => s.key === 'huruf-a')!.start).toBeCloseTo(
      stored.ms / 1000,
      2,
    );

    await row.getByRole('button', { name: 'Kembalikan Huruf A ke bawaan' }).click();
    await page.getByText('Huruf A: kembali ke suara bawaan.').waitFor();
    await row.getByText('Bawaan').waitFor();
    expect(h.host.store.sqlite.prepare('SELECT count(*) AS n FROM voice_clip').get()).toEqual({ n: 0 });
    expect(problems.list).toEqual([]);
  });

  it('a unit without a clip keeps its caption and says which clip is missing', async () => {
    const saved = await h.call('units.save', { code: 'FISIO', name: 'Poli Fisioterapi', cluster: 'lintas' }, admin);
    expect(saved.status).toBe(200);
    await page.locator('tr[data-klip="unit-fisio"]').getByText('Belum ada').waitFor();
    const { caption, outcome } = await problems.allowWhile(/404/, () => preview('C3', 'Poli Fisioterapi'));
    expect(caption).toBe('Nomor antrean C tiga, silakan menuju poli fisioterapi');
    // Chromium here has no Indonesian system voice: nothing is played, the caption stays.
    expect(outcome.mode === 'senyap' || outcome.mode === 'suara-sistem').toBe(true);
    expect(outcome.missing).toEqual(['unit-fisio']);
    await page.getByText(/Klip belum ada: unit-fisio/).waitFor();
    expect(problems.list).toEqual([]);
  });
});
