import { IMAGE_CATALOG, type ImageSpec } from './catalog.ts'
import { WINDOWS_ONLY_TAGS } from './publishedTags.ts'

/** An image reference split the way container runtimes read `registry/repo:tag@digest`. */
export interface ImageReference {
  /** As written in the pod spec. */
  raw: string
  /** Normalised repository, Docker Hub's `library/` and `docker.io/` stripped. */
  repository: string
  tag: string
  /** `sha256:…` when pinned by digest; the registry then serves the manifest whatever the tag. */
  digest?: string
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
  return { raw, repository, tag, fullName, ...(m[4] ? { digest: m[4] } : {}) }
}

/**
 * The catalog entry for an image, or undefined when the registry does not have it: an unknown
 * repository, or a tag the repository never published. A tag built only for Windows comes back
 * as a Windows image, which these linux/amd64 nodes cannot run.
 */
export function lookupImage(ref: ImageReference): ImageSpec | undefined {
  const spec = IMAGE_CATALOG.find((i) => i.repository === ref.repository)
  if (!spec) return undefined
  if (WINDOWS_ONLY_TAGS[spec.repository]?.test(ref.tag)) return { ...spec, platform: 'windows' }
  // Pinned by digest alone: the digest names the manifest, no tag is looked up.
  if (ref.digest && !/:[\w][\w.-]*@/.test(ref.raw)) return spec
  if (!spec.tags.test(ref.tag)) return undefined
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
