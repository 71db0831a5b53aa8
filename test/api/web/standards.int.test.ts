// The standards pages over real HTTP, a real worker and real PostgreSQL, on the demo organisation Bungo:
// HR opens a round by picking positions by name; a nurse finds her task in the inbox, is taken to the
// position, proposes a change in the editor; her colleague reads it with her name; HR's refused answer
// says why next to the form, then HR accepts and publishes version 2. Times show in WIB; each page is in
// one language; someone outside the position finds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../../auth/dev-keys.ts';
import { seedDemoStandards } from '../../../bin/demo-standards.ts';
import { demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import { type RunningRig, startRunningRig } from '../../support/siklus-worker.ts';
import { startDevEnv } from '../../support/temporal.ts';
import { type ServedApp, startDevWebApp } from '../../support/web-app.ts';

const bungo = demoPeople().filter((p) => p.org === 'bungo');
const nipOf = (name: string) => bungo.find((p) => p.name === name)?.nip ?? '';
const who = {
  hr: nipOf('Drs. Zulkifli'),
  fitri: nipOf('Ns. Fitri Handayani'),
  junaidi: nipOf('Ns. Junaidi'),
  stranger: nipOf('Dedi Kurniawan'),
};
const position = '/app/standards/bungo.standards-2/PERAWAT';

describe('the standards pages', () => {
  let rig: RunningRig;
  let app: ServedApp & { devKey: Parameters<typeof signDevToken>[0] };
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'standards_web');
    app = await startDevWebApp(rig);
    await seedDemoOrganisations(rig.db);
    await seedDemoStandards(rig.db, ['bungo']);
    for (const [key, nip] of Object.entries(who))
      cookies[key] =
        `siklus_session=${await signDevToken(app.devKey, { org: 'bungo', nip, roles: key === 'hr' ? ['hr', 'employee'] : ['employee'] })}`;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await rig?.stop();
  });

  const open = (path: string, as: string, lang: 'id' | 'en' = 'id') =>
    fetch(`${app.base}${path}`, { redirect: 'manual', headers: { cookie: `${cookies[as]}; lang=${lang}` } });
  const post = (path: string, as: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    return fetch(`${app.base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `${cookies[as]}; lang=id`, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  };
  /** The fields a form holds (inputs' and textareas' values), as the browser would send them. */
  const fieldsOf = (html: string, formId: string) => {
    const form = html.match(new RegExp(`<form[^>]*id="${formId}"[\\s\\S]*?</form>`))?.[0] ?? '';
    const fields: Record<string, string> = {};
    for (const m of form.matchAll(
      /<input type="(?:hidden|text|date)"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g,
    ))
      fields[m[1] ?? ''] = m[2] ?? '';
    for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
      fields[m[1] ?? ''] = m[2] ?? '';
    for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[\s\S]*?<\/select>/g))
      fields[m[1] ?? ''] = m[0].match(/<option value="([^"]*)" selected>/)?.[1] ?? '';
    return fields;
  };

  it('lets HR open a round by picking positions by name, with the deadline in WIB', async () => {
    const page = await (await open('/app/standards', 'hr')).text();
    expect(page).toContain('<html lang="id">');
    expect(page).toMatch(
      /<input type="checkbox" name="positionCodes" value="PERAWAT" checked> Perawat Terampil/,
    );
    expect(page).toContain('Putaran 1');
    const until = new Date(Date.now() + 7 * 3_600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
    const refused = await post('/app/standards/start', 'hr', { type: 'startRound', _key: 'k1', until });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Pilih sedikitnya satu jabatan.');
    const started = await post('/app/standards/start', 'hr', {
      type: 'startRound',
      _key: 'k2',
      until,
      positionCodes: ['PERAWAT'],
    });
    expect([started.status, started.headers.get('location')]).toEqual([
      303,
      '/app/standards?round=bungo.standards-2&started=1',
    ]);
    const after = await (await open('/app/standards?round=bungo.standards-2&started=1', 'hr')).text();
    expect(after).toContain('Putaran 2');
    expect(after).toMatch(/Tanggapan sampai \d+ \w+ \d{4},? 23[.:]59 WIB/);
    expect(after).toContain(`href="${position}">Perawat Terampil</a>`);
  }, 60_000);

  it('takes a nurse from her inbox to the position, where she proposes a change', async () => {
    let inbox = '';
    for (let i = 0; i < 100 && !inbox.includes('reviewStandard'); i++) {
      inbox = await (await open('/app/inbox', 'fitri')).text();
      if (!inbox.includes('reviewStandard')) await new Promise((r) => setTimeout(r, 100));
    }
    expect(inbox).toContain('Tanggapi rancangan standar kinerja jabatan');
    expect(inbox).toContain('Penyusunan standar kinerja');
    expect(inbox).not.toContain('Untuk ');
    const link = inbox.match(/href="(\/app\/tasks\/[^"]*reviewStandard[^"]*)"/)?.[1] ?? '';
    const task = await open(link, 'fitri');
    expect([task.status, task.headers.get('location')]).toEqual([303, position]);

    const editor = await (await open(`${position}?edit=proposal`, 'fitri')).text();
    const fields = fieldsOf(editor, 'commentStandard-form');
    expect(fields.duties).toContain('Memberikan asuhan keperawatan');
    expect(fields['rhk.0.indicators.0.target']).toBe('100% dalam 24 jam');
    // The form keeps what was typed when the comment is missing.
    const missing = await post(`${position}?edit=proposal`, 'fitri', {
      ...fields,
      'rhk.0.indicators.0.target': '95% dalam 24 jam',
    });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toMatch(/value="95% dalam 24 jam"/);
    const sent = await post(`${position}?edit=proposal`, 'fitri', {
      ...fields,
      text: 'Saat pasien ramai, 95% lebih realistis',
      'rhk.0.indicators.0.target': '95% dalam 24 jam',
    });
    expect([sent.status, sent.headers.get('location')]).toEqual([303, `${position}?done=1`]);
  }, 60_000);

  it('shows the proposal to her colleague with her name, and to nobody outside the position', async () => {
    const page = await (await open(position, 'junaidi')).text();
    expect(page).toContain('<strong>Ns. Fitri Handayani</strong> · pemangku jabatan');
    expect(page).toContain('Saat pasien ramai, 95% lebih realistis');
    expect(page).toContain('Usulan belum dijawab HR.');
    expect(page).not.toContain('Kirim jawaban');
    expect((await open(position, 'stranger')).status).toBe(404);
    const english = await (await open(position, 'junaidi', 'en')).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('HR has not answered this proposal yet.');
    expect(english).not.toContain('Usulan belum dijawab');
  });

  it('lets HR answer (a declined proposal needs its reason) and publish version 2', async () => {
    const page = await (await open(position, 'hr')).text();
    const key = page.match(
      /<input type="hidden" name="_key" value="([^"]+)">\s*<\/form>|name="commentId" value="c1">[\s\S]*?name="_key" value="([^"]+)"/,
    );
    expect(key).toBeTruthy();
    const answer = (answer: 'declined' | 'accepted', _key: string) =>
      post(position, 'hr', { type: 'answerProposal', commentId: 'c1', answer, _key });
    const declined = await answer('declined', 'a1');
    expect(declined.status).toBe(422);
    expect(await declined.text()).toContain('Tuliskan alasan penolakan.');
    const accepted = await answer('accepted', 'a2');
    expect(accepted.status).toBe(303);
    const published = await post(position, 'hr', { type: 'publishStandard', _key: 'p1' });
    expect(published.status).toBe(303);
    const after = await (await open(position, 'junaidi')).text();
    expect(after).toContain('Diterima');
    expect(after).toContain('masuk versi 2');
    expect(after).toMatch(/Versi yang berlaku<\/dt><dd>versi 2/);
    expect(after).toContain('95% dalam 24 jam');
  }, 60_000);
});
