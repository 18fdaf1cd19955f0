/** The scenarios shipped in scenarios/*.yaml, bundled as text. */
const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** A bundled scenario: file name, title (first `title:` line) and text. */
export interface Bundled {
  file: string;
  title: string;
  text: string;
}

export const bundled: Bundled[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.split('/').pop()!;
    const title =
      /^title:\s*(.+)$/m
        .exec(text)?.[1]
        ?.replace(/^["']|["']$/g, '')
        .trim() || file;
    return { file, title, text };
  })
  .sort((a, b) => a.title.localeCompare(b.title));
