/**
 * The built-in labs: every Markdown file of src/labs/library, bundled as text. The
 * worker parses a lab when it starts; the catalog reads only what its list shows.
 */
const FILES = import.meta.glob<string>('../../labs/library/*.md', { query: '?raw', import: 'default', eager: true })

export interface CatalogEntry {
  id: string
  source: string
  title: string
  level?: string
  minutes?: number
  topics: string[]
}

/** A front-matter field's plain value (the worker's parser is the real one). */
function field(frontMatter: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(frontMatter)
  return m?.[1].replace(/^(['"])(.*)\1$/, '$2') || undefined
}

export function catalogEntry(id: string, source: string): CatalogEntry {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? ''
  const minutes = Number(field(frontMatter, 'minutes'))
  const topics = (field(frontMatter, 'topics') ?? '')
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  return {
    id,
    source,
    title: field(frontMatter, 'title') ?? id,
    topics,
    ...(field(frontMatter, 'level') ? { level: field(frontMatter, 'level') } : {}),
    ...(minutes > 0 ? { minutes } : {}),
  }
}

export const LEVEL_ORDER = ['beginner', 'intermediate', 'advanced']

export const CATALOG: CatalogEntry[] = Object.entries(FILES)
  .map(([path, source]) => catalogEntry(path.replace(/^.*\//, '').replace(/\.md$/, ''), source))
  .sort((a, b) => LEVEL_ORDER.indexOf(a.level ?? '') - LEVEL_ORDER.indexOf(b.level ?? '') || a.id.localeCompare(b.id))
