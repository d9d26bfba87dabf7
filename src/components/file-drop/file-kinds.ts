/** What the file field says about a file, and which files it takes: plain functions, tested beside. */

/** 1,234 bytes → "1.2 KB": enough to tell two exports apart. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(Math.round(bytes / 100) / 10).toLocaleString('en-US')} KB`;
  return `${(Math.round(bytes / 100_000) / 10).toLocaleString('en-US')} MB`;
}

/** Whether a file is of a kind the `accept` list names (by extension or MIME type), as the browser's picker would filter. */
export function accepts(accept: string, file: { name: string; type: string }): boolean {
  return accept
    .split(',')
    .map((kind) => kind.trim().toLowerCase())
    .some((kind) =>
      kind.startsWith('.')
        ? file.name.toLowerCase().endsWith(kind)
        : kind.endsWith('/*')
          ? file.type.startsWith(kind.slice(0, -1))
          : file.type === kind,
    );
}
