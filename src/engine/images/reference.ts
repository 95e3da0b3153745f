import { IMAGE_CATALOG, type ImageSpec } from './catalog.ts'

/** An image reference split the way container runtimes read `registry/repo:tag@digest`. */
export interface ImageReference {
  /** As written in the pod spec. */
  raw: string
  /** Normalised repository, Docker Hub's `library/` and `docker.io/` stripped. */
  repository: string
  tag: string
  /** `docker.io/library/nginx:1.27`, what containerd reports. */
  fullName: string
}

const REFERENCE_PATTERN = /^(?:([a-z0-9.-]+(?::\d+)?)\/)?([a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$/

/** Parses an image reference; undefined means InvalidImageName. */
export function parseImageReference(raw: string): ImageReference | undefined {
  const m = REFERENCE_PATTERN.exec(raw)
  if (!m) return undefined
  let [, registry, path] = m
  const tag = m[3] ?? 'latest'
  // A first component without a dot or port is a Docker Hub namespace, not a registry.
  if (registry && !registry.includes('.') && !registry.includes(':') && registry !== 'localhost') {
    path = `${registry}/${path}`
    registry = undefined as unknown as string
  }
  const host = registry ?? 'docker.io'
  let repository = path
  if (host === 'docker.io' && repository.startsWith('library/')) repository = repository.slice('library/'.length)
  if (host !== 'docker.io') repository = `${host}/${repository}`
  const hubPath = host === 'docker.io' && !path.includes('/') ? `library/${path}` : path
  const fullName = host === 'docker.io' ? `docker.io/${hubPath}:${tag}` : `${repository}:${tag}`
  return { raw, repository, tag, fullName }
}

/** The catalog entry for an image, or undefined when the registry does not have it. */
export function lookupImage(ref: ImageReference): ImageSpec | undefined {
  const spec = IMAGE_CATALOG.find((i) => i.repository === ref.repository)
  if (!spec || !spec.tags.test(ref.tag)) return undefined
  return spec
}

/** A stable fake digest for an image, so `Image ID:` looks like containerd's. */
export function imageDigest(ref: ImageReference): string {
  let h1 = 0x811c9dc5
  let out = ''
  for (let round = 0; round < 8; round++) {
    for (const ch of `${ref.fullName}#${round}`) h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0
    out += h1.toString(16).padStart(8, '0')
  }
  const base = ref.fullName.replace(/:[^:/]+$/, '')
  return `${base}@sha256:${out}`
}
