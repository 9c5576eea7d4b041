// A one-line progress bar redrawn in place on a terminal; silent when stderr is a file or a pipe,
// so logs are not filled with carriage returns.
export function progressBar(write: (text: string) => void, isTty: boolean, width = 30) {
  let last = '';
  return {
    update(fraction: number, label = ''): void {
      if (!isTty) return;
      const f = Math.min(1, Math.max(0, fraction));
      const filled = Math.round(f * width);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(f * 100)).padStart(3)}% ${label}`;
      if (line === last) return;
      last = line;
      write(`\r${line}\x1b[K`);
    },
    done(): void {
      if (isTty && last) write('\r\x1b[K');
      last = '';
    },
  };
}
