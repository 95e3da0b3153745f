import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lookupImage, parseImageReference } from '../../src/engine/images/reference.ts'
import { parseManifests } from '../../src/engine/manifest/parseManifests.ts'
import { CORPUS, corpusFiles } from '../corpus/endState.ts'
import { apply, kubectl, newSim, podYaml, pods } from '../helpers.ts'

const exists = (image: string) => {
  const ref = parseImageReference(image)
  return ref !== undefined && lookupImage(ref) !== undefined
}

/** Every `image:` of every container in a manifest object, however deep. */
function imagesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => imagesIn(v, out))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'image' && typeof v === 'string') out.push(v)
      else imagesIn(v, out)
    }
  }
  return out
}

describe('image tags: only what the registry publishes can be pulled', () => {
  it.each(['nginx:1.999', 'nginx:1.27-doesnotexist', 'nginx:doesnotexist', 'nginx:1.27.99', 'busybox:1.99', 'redis:7.9', 'alpine:3.99', 'nginx:alpine-alpine', 'python:3.12-perl'])(
    '%s does not exist',
    (image) => expect(exists(image)).toBe(false),
  )

  it.each([
    'nginx', 'nginx:1.27', 'nginx:1.27.3', 'nginx:1', 'nginx:1.27-alpine', 'nginx:1.27.3-alpine-perl', 'nginx:alpine', 'nginx:stable-perl', 'nginx:mainline-alpine',
    'nginx:1.14.2', 'nginx:1.7.9', 'busybox:1.36', 'busybox:1.36.1-musl', 'busybox:stable', 'redis:7', 'redis:7.2-alpine', 'postgres:16', 'postgres:16.4-bookworm',
    'mysql:8.0', 'mysql:lts', 'python:3.12-slim', 'python:3.12-slim-bookworm', 'python:alpine', 'node:22-alpine', 'node:lts-alpine', 'node:20.11.1', 'ubuntu:jammy-20240911',
    'debian:bookworm-slim', 'perl:5.34.0', 'perl:5.40-slim-threaded', 'httpd:2.4-alpine', 'registry.k8s.io/etcd:3.5.1-0', 'docker.io/library/nginx:1.27',
  ])('%s exists', (image) => expect(exists(image)).toBe(true))

  it('every image the Kubernetes docs examples name exists, except the placeholders the docs make up', () => {
    const missing = new Set<string>()
    for (const file of corpusFiles()) {
      for (const doc of parseManifests(readFileSync(file, 'utf8')).documents) {
        for (const image of imagesIn(doc.object)) if (!exists(image)) missing.add(image)
      }
    }
    expect([...missing].sort()).toEqual([
      '<your-private-image>',
      'example-image',
      'gcr.io/<project>/job-wq-1',
      'gcr.io/my-gcp-project/my-kube-scheduler:1.0',
      'gcr.io/myproject/job-wq-2',
      'non-existing-repo/non-existing-image:example',
      'registry.k8s.io/node-problem-detector:v0.1',
      'registry.k8s.io/pause',
    ])
  })

  it('a tag that does not exist: ErrImagePull with containerd\'s "not found", then ImagePullBackOff', () => {
    const sim = newSim()
    apply(sim, podYaml('bad', 'nginx:1.27-doesnotexist'))
    sim.advance(5_000)
    const waiting = pods(sim)[0].status.containerStatuses![0].state.waiting!
    expect(waiting.reason).toMatch(/^(ErrImagePull|ImagePullBackOff)$/)
    const events = kubectl(sim, 'get events --field-selector involvedObject.name=bad -o custom-columns=MSG:.message --no-headers')
    expect(events).toContain(
      'Failed to pull image "nginx:1.27-doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.27-doesnotexist": failed to resolve reference "docker.io/library/nginx:1.27-doesnotexist": docker.io/library/nginx:1.27-doesnotexist: not found\n',
    )
    expect(events).toContain('Back-off pulling image "nginx:1.27-doesnotexist"\n')
    expect(kubectl(sim, "get pod bad")).toMatch(/^bad +0\/1 +(ErrImagePull|ImagePullBackOff) +0 +\d+s\n$/m)
  })

  it('a Windows-only tag of a Linux repository has no linux/amd64 manifest', () => {
    const ref = parseImageReference('redis:3.0-nanoserver')!
    expect(lookupImage(ref)?.platform).toBe('windows')
    expect(lookupImage(parseImageReference('redis:3.0')!)?.platform).toBeUndefined()
  })

  it('an image pinned by digest alone is served whatever its tags', () => {
    expect(exists('registry.k8s.io/redis@sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee')).toBe(true)
  })

  it("the docs' gRPC liveness example (etcd answering its health check) stays Running", () => {
    const sim = newSim()
    apply(sim, readFileSync(join(CORPUS, 'pods/probe/grpc-liveness.yaml'), 'utf8'))
    sim.advance(120_000)
    const status = pods(sim)[0].status
    expect(status.phase).toBe('Running')
    expect(status.containerStatuses![0]).toMatchObject({ ready: true, restartCount: 0 })
  })
})
