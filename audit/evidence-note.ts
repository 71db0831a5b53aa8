// The evidence files a realisation or check-in names, as the audit timeline lists them after its
// sentence: each file's name, size and SHA-256 (its first 12 digits), so the file kept can be matched.
import type { Lang } from '../domain/vocabulary/languages.ts';

type FileRef = { sha256?: unknown; name?: unknown; size?: unknown };

export function evidenceNote(data: unknown, lang: Lang): string {
  const realisations = (data as { realisations?: unknown } | null)?.realisations;
  if (!Array.isArray(realisations)) return '';
  const files = realisations.flatMap((r) =>
    Array.isArray((r as { evidence?: unknown })?.evidence)
      ? ((r as { evidence: Array<{ file?: FileRef }> }).evidence.flatMap((e) =>
          e?.file ? [e.file] : [],
        ) as FileRef[])
      : [],
  );
  const named = files.filter(
    (f): f is { sha256: string; name: string; size: number } =>
      typeof f.sha256 === 'string' && typeof f.name === 'string' && typeof f.size === 'number',
  );
  if (named.length === 0) return '';
  const list = named
    .map((f) => `${f.name} (${Math.max(1, Math.round(f.size / 1024))} KB, SHA-256 ${f.sha256.slice(0, 12)}…)`)
    .join(', ');
  return lang === 'id' ? `; berkas bukti: ${list}` : `; evidence files: ${list}`;
}
