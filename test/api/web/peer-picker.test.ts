// Peers are picked by name on the assignPeers task: a search, then a box per person found. The boxes
// post as peerNips.0, peerNips.1 ..., which the form reads as the command's peerNips; nobody types a NIP.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../api/web/forms.ts';
import { languages, translator } from '../../../api/web/i18n/index.ts';
import { taskBody } from '../../../api/web/views/task.ts';

const a = '199001012015031004';
const b = '199202022016042005';
const task = {
  taskId: `bungo.2027.198503152010012003:assignPeers`,
  appraisalId: 'bungo.2027.198503152010012003',
  cycleId: 'bungo.2027',
  kind: 'assignPeers',
  step: 'review',
  assigneeNip: '197502281999041006',
  assigneeRole: 'supervisor',
  dueAt: '2027-11-30T16:59:59Z',
  status: 'open',
  createdAt: '2027-11-01T00:00:00Z',
};
const view = (peers: {
  q: string;
  found: Array<{ nip: string; name: string; unit: string; position: string }> | null;
}) => ({
  task,
  ownerName: 'Siti',
  appraisal: null,
  standards: null,
  state: null,
  now: new Date('2027-11-10T00:00:00Z'),
  peers,
});

describe('the peer picker', () => {
  it('reads the boxes picked as the peers, and still a typed list', () => {
    const picked = parseCommand('assignPeers', { 'peerNips.0': a, 'peerNips.2': b, peerQ: 'Rina' });
    expect(picked.ok && picked.command).toEqual({ type: 'assignPeers', peerNips: [a, b] });
    const none = parseCommand('assignPeers', { peerQ: 'Rina' });
    expect(none.ok ? {} : none.errors).toHaveProperty('peerNips');
  });

  for (const lang of languages)
    it(`offers a search by name, then a box per person found, with no NIP field (${lang})`, () => {
      const t = translator(lang);
      const before = String(taskBody(t, view({ q: '', found: null })));
      expect(before).toContain('id="peerQ"');
      expect(before).not.toContain('name="peerNips');
      const found = [
        { nip: a, name: 'Rina Bidan', unit: 'Puskesmas', position: 'Bidan' },
        { nip: b, name: 'Rina Perawat', unit: 'Puskesmas', position: 'Perawat' },
      ];
      const after = String(taskBody(t, view({ q: 'Rina', found })));
      expect(after).toContain(`name="peerNips.0" value="${a}"`);
      expect(after).toContain(`name="peerNips.1" value="${b}"`);
      expect(after).toContain('Rina Bidan · Bidan, Puskesmas');
      expect(after).not.toMatch(/<textarea[^>]*name="peerNips"/);
      expect(String(taskBody(t, view({ q: 'Zz', found: [] })))).toContain(t('changes.noneFound'));
    });
});
