// A one-line progress bar on stderr for long audit runs, drawn only on a terminal (never into pipes,
// files or test output), redrawn at most every 100 ms.
export interface Progress {
  update(label: string, done: number, total: number): void;
  /** Clears the line. */
  end(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => {}, end: () => {} };
  let drawnAt = 0;
  let drawn = false;
  return {
    update(label, done, total) {
      const now = Date.now();
      if (now - drawnAt < 100 && done < total) return;
      drawnAt = now;
      drawn = true;
      const width = 30;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      stream.write(`\r\x1b[2K${label.padEnd(12)} [${bar}] ${Math.round(share * 100)}% (${done}/${total})`);
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
