// A kept evidence file as the pages link it: its name, to the file itself (/app/evidence/<sha256>), and size.
import { type Html, h } from '../html.ts';

export function evidenceFileLink(f: { sha256: string; name: string; size: number }): Html {
  return h`<a href="/app/evidence/${f.sha256}">${f.name}</a> <span class="muted">(${Math.max(1, Math.round(f.size / 1024))} KB)</span><br>`;
}
