import { only, patches, range, series, tagSet, type TagMatcher } from './tags.ts'

/**
 * The tags each catalog repository publishes, as of early 2026: real version ranges and the
 * variant suffixes each image builds. Approximate at the edges (a patch release here or there),
 * but a made-up tag like `nginx:1.999` or `nginx:1.27-doesnotexist` is never in them.
 */

const DEBIAN_CODENAMES = ['buster', 'bullseye', 'bookworm', 'trixie']
const ALPINE_RELEASES = range('alpine3.', 10, 23)
const UBUNTU_CODENAMES = ['xenial', 'bionic', 'focal', 'jammy', 'noble']

/** `-alpine`, `-alpine3.20`, `-bookworm`, `-slim-bookworm`…: the usual official-image variants. */
function variants(kinds: { alpine?: boolean; debian?: boolean; slim?: boolean; extra?: string[] }): string[] {
  const out: string[] = [...(kinds.extra ?? [])]
  if (kinds.alpine) out.push('-alpine', ...ALPINE_RELEASES.map((a) => `-${a}`))
  if (kinds.debian) out.push(...DEBIAN_CODENAMES.map((c) => `-${c}`))
  if (kinds.slim) out.push('-slim', ...DEBIAN_CODENAMES.map((c) => `-slim-${c}`))
  return out
}

/** Variant names that are tags on their own too: `nginx:alpine`, `python:slim-bookworm`. */
function bare(suffixes: string[]): string[] {
  return suffixes.map((s) => s.slice(1))
}

const NGINX_SUFFIXES = ['-alpine', '-perl', '-alpine-perl', '-alpine-slim', '-otel', '-alpine-otel', '-bookworm', '-bookworm-perl', '-bookworm-otel', '-trixie', '-trixie-perl', '-trixie-otel']
const NGINX = tagSet({
  versions: series({
    '1.7': 12, '1.8': 1, '1.9': 15, '1.10': 3, '1.11': 13, '1.12': 2, '1.13': 12, '1.14': 2, '1.15': 12, '1.16': 1, '1.17': 10,
    '1.18': 0, '1.19': 10, '1.20': 2, '1.21': 6, '1.22': 1, '1.23': 4, '1.24': 0, '1.25': 5, '1.26': 3, '1.27': 5, '1.28': 0, '1.29': 3,
  }),
  floating: true,
  channels: ['mainline', 'stable'],
  names: ['latest', ...bare(NGINX_SUFFIXES)],
  suffixes: NGINX_SUFFIXES,
})

const HTTPD_SUFFIXES = variants({ alpine: true, debian: true })
const HTTPD = tagSet({ versions: [...patches('2.2', 34, 29), ...patches('2.4', 65, 10)], floating: true, names: ['latest', ...bare(HTTPD_SUFFIXES)], suffixes: HTTPD_SUFFIXES })

const REDIS_SUFFIXES = variants({ alpine: true, debian: true })
const REDIS = tagSet({
  versions: series({ '2.8': 23, '3.0': 7, '3.2': 13, '4.0': 14, '5.0': 14, '6.0': 20, '6.2': 20, '7.0': 15, '7.2': 11, '7.4': 6, '8.0': 5, '8.2': 3 }), floating: true, names: ['latest', ...bare(REDIS_SUFFIXES)], suffixes: REDIS_SUFFIXES })
/** Redis once built Windows images too; the Windows examples in the docs still name them. */
const REDIS_WINDOWS_BUILDS = tagSet({ versions: ['3.0.504', '3.2.100'], floating: true, names: ['nanoserver', 'windowsservercore'], suffixes: ['-nanoserver', '-windowsservercore'] })
const REDIS_WINDOWS: TagMatcher = { test: (tag) => /(nanoserver|windowsservercore)$/.test(tag) && REDIS_WINDOWS_BUILDS.test(tag) }

const MONGO_SUFFIXES = ['-jammy', '-noble', '-focal', '-bionic', '-xenial']
const MONGO = tagSet({
  versions: series({ '3.6': 23, '4.0': 28, '4.2': 24, '4.4': 29, '5.0': 31, '6.0': 26, '7.0': 26, '8.0': 16, '8.2': 3 }),
  floating: true,
  names: ['latest', ...bare(MONGO_SUFFIXES)],
  suffixes: MONGO_SUFFIXES,
})

const POSTGRES_SUFFIXES = variants({ alpine: true, debian: true })
const POSTGRES = tagSet({
  // From 10 on, PostgreSQL versions are MAJOR.MINOR.
  versions: [...patches('9.6', 24), ...series({ '10': 23, '11': 22, '12': 22, '13': 23, '14': 20, '15': 15, '16': 11, '17': 7, '18': 1 })],
  floating: true,
  names: ['latest', ...bare(POSTGRES_SUFFIXES)],
  suffixes: POSTGRES_SUFFIXES,
})

const MYSQL_SUFFIXES = ['-oracle', '-oraclelinux8', '-oraclelinux9', '-debian', '-bookworm']
const MYSQL = tagSet({
  versions: [...patches('5.6', 51, 17), ...patches('5.7', 44, 4), ...patches('8.0', 44), '8.1.0', '8.2.0', '8.3.0', ...patches('8.4', 7), '9.0.0', '9.0.1', '9.1.0', '9.2.0', '9.3.0', '9.4.0', '9.5.0'],
  floating: true,
  channels: ['lts', 'innovation'],
  names: ['latest', 'oracle', 'debian'],
  suffixes: MYSQL_SUFFIXES,
})

const BUSYBOX_SUFFIXES = ['-glibc', '-musl', '-uclibc']
const BUSYBOX = tagSet({
  versions: series({ '1.21': 1, '1.22': 1, '1.23': 2, '1.24': 2, '1.25': 1, '1.26': 2, '1.27': 2, '1.28': 4, '1.29': 3, '1.30': 1, '1.31': 1, '1.32': 1, '1.33': 1, '1.34': 1, '1.35': 0, '1.36': 1, '1.37': 0 }),
  floating: true,
  channels: ['stable', 'unstable'],
  names: ['latest', ...bare(BUSYBOX_SUFFIXES)],
  suffixes: BUSYBOX_SUFFIXES,
})

const ALPINE = tagSet({
  versions: series({
    '3.1': 4, '3.2': 3, '3.3': 3, '3.4': 6, '3.5': 3, '3.6': 5, '3.7': 3, '3.8': 5, '3.9': 6, '3.10': 9, '3.11': 13, '3.12': 12,
    '3.13': 12, '3.14': 10, '3.15': 11, '3.16': 9, '3.17': 10, '3.18': 12, '3.19': 9, '3.20': 8, '3.21': 5, '3.22': 2, '3.23': 2,
  }),
  floating: true,
  names: ['latest', 'edge'],
})

/** `jammy-20240911` style snapshots sit beside the release tags. */
function datedSnapshots(names: string[]): TagMatcher {
  const re = new RegExp(`^(${names.join('|')})-20\\d{2}[01]\\d[0-3]\\d(\\.\\d+)?$`)
  return { test: (tag) => re.test(tag) }
}

function either(...sets: TagMatcher[]): TagMatcher {
  return { test: (tag) => sets.some((s) => s.test(tag)) }
}

const UBUNTU = either(
  tagSet({ names: ['latest', 'rolling', 'devel', 'trusty', 'oracular', 'plucky', 'questing', ...UBUNTU_CODENAMES, '14.04', '16.04', '18.04', '20.04', '22.04', '24.04', '24.10', '25.04', '25.10'] }),
  datedSnapshots(['trusty', ...UBUNTU_CODENAMES, 'oracular', 'plucky', 'questing']),
)

const DEBIAN_NAMES = ['jessie', 'stretch', ...DEBIAN_CODENAMES, 'forky', 'sid', 'stable', 'testing', 'unstable', 'oldstable', 'oldoldstable']
const DEBIAN = either(
  tagSet({
    versions: [...range('', 8, 13), ...range('9.', 0, 13), ...range('10.', 0, 13), ...range('11.', 0, 11), ...range('12.', 0, 12), ...range('13.', 0, 2)],
    channels: DEBIAN_NAMES,
    names: ['latest', 'experimental', 'rc-buggy'],
    suffixes: ['-slim', '-backports'],
  }),
  datedSnapshots(DEBIAN_NAMES),
  datedSnapshots(DEBIAN_NAMES.map((n) => `${n}-slim`)),
)

const PYTHON_SUFFIXES = variants({ alpine: true, debian: true, slim: true })
const PYTHON = tagSet({
  versions: series({ '2.7': 18, '3.5': 10, '3.6': 15, '3.7': 17, '3.8': 20, '3.9': 24, '3.10': 19, '3.11': 14, '3.12': 12, '3.13': 11, '3.14': 2 }),
  floating: true,
  names: ['latest', ...bare(PYTHON_SUFFIXES)],
  suffixes: PYTHON_SUFFIXES,
})

const NODE_SUFFIXES = variants({ alpine: true, debian: true, slim: true, extra: ['-stretch', '-stretch-slim', ...DEBIAN_CODENAMES.map((c) => `-${c}-slim`)] })
const NODE_LAST_MINOR: Record<number, number> = {
  4: 9, 5: 12, 6: 17, 7: 10, 8: 17, 9: 11, 10: 24, 11: 15, 12: 22, 13: 14, 14: 21, 15: 14, 16: 20, 17: 9, 18: 20, 19: 9, 20: 19, 21: 7, 22: 21, 23: 11, 24: 11, 25: 2,
}
const NODE = tagSet({
  // Node patch numbers rarely pass a dozen; every minor of every major is published.
  versions: Object.entries(NODE_LAST_MINOR).flatMap(([major, last]) => range(`${major}.`, 0, last).flatMap((minor) => patches(minor, 12))),
  floating: true,
  channels: ['current', 'lts', 'argon', 'boron', 'carbon', 'dubnium', 'erbium', 'fermium', 'gallium', 'hydrogen', 'iron', 'jod', 'krypton'],
  names: ['latest', ...bare(NODE_SUFFIXES)],
  suffixes: NODE_SUFFIXES,
})

const PERL_SUFFIXES = ['-slim', '-threaded', '-slim-threaded', ...DEBIAN_CODENAMES.flatMap((c) => [`-${c}`, `-slim-${c}`, `-threaded-${c}`, `-slim-threaded-${c}`])]
const PERL = tagSet({
  versions: series({ '5.20': 3, '5.22': 4, '5.24': 4, '5.26': 3, '5.28': 3, '5.30': 3, '5.32': 1, '5.34': 3, '5.36': 3, '5.38': 4, '5.40': 2, '5.42': 0 }),
  floating: true,
  channels: ['stable'],
  names: ['latest', ...bare(PERL_SUFFIXES)],
  suffixes: PERL_SUFFIXES,
})

const BASH = tagSet({
  versions: [...series({ '3.2': 57, '4.4': 23, '5.0': 18, '5.1': 16, '5.2': 37, '5.3': 3 })],
  floating: true,
  channels: ['devel'],
  names: ['latest'],
  suffixes: ALPINE_RELEASES.map((a) => `-${a}`),
})

const RABBITMQ_SUFFIXES = ['-alpine', '-management', '-management-alpine']
const RABBITMQ = tagSet({
  versions: series({ '3.8': 34, '3.9': 29, '3.10': 25, '3.11': 28, '3.12': 14, '3.13': 7, '4.0': 9, '4.1': 4, '4.2': 1 }),
  floating: true,
  names: ['latest', ...bare(RABBITMQ_SUFFIXES)],
  suffixes: RABBITMQ_SUFFIXES,
})

const WORDPRESS_PHP = ['php8.1', 'php8.2', 'php8.3', 'php8.4']
const WORDPRESS_SUFFIXES = ['-apache', '-fpm', '-fpm-alpine', ...WORDPRESS_PHP.flatMap((p) => [`-${p}`, `-${p}-apache`, `-${p}-fpm`, `-${p}-fpm-alpine`])]
const WORDPRESS = tagSet({
  versions: series({ '5.9': 3, '6.0': 3, '6.1': 1, '6.2': 2, '6.3': 2, '6.4': 3, '6.5': 5, '6.6': 2, '6.7': 2, '6.8': 3 }),
  floating: true,
  names: ['latest', 'apache', 'fpm', 'fpm-alpine', 'cli', ...WORDPRESS_PHP],
  suffixes: WORDPRESS_SUFFIXES,
})

/** registry.k8s.io/etcd tags carry the image revision: `3.5.1-0`. */
const ETCD = tagSet({
  versions: [...series({ '3.3': 17, '3.4': 13, '3.5': 21, '3.6': 5 }).map((v) => `${v}-0`), '3.4.13-1', '3.4.13-2', '3.4.13-3', '3.5.3-1', '3.5.6-1', '3.5.7-1'],
})

export const PUBLISHED_TAGS: Record<string, TagMatcher> = {
  nginx: NGINX,
  httpd: HTTPD,
  redis: REDIS,
  mongo: MONGO,
  postgres: POSTGRES,
  mysql: MYSQL,
  busybox: BUSYBOX,
  alpine: ALPINE,
  ubuntu: UBUNTU,
  debian: DEBIAN,
  python: PYTHON,
  node: NODE,
  perl: PERL,
  'hello-world': only('latest', 'linux'),
  'registry.k8s.io/pause': only('0.8.0', '1.0', '2.0', '3.0', '3.1', '3.2', '3.3', '3.4.1', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', '3.10.1'),
  'registry.k8s.io/busybox': only('1.24', '1.27', '1.27.2', 'latest'),
  bash: BASH,
  fedora: tagSet({ versions: range('', 20, 43), names: ['latest', 'rawhide'] }),
  'radial/busyboxplus': only('base', 'curl', 'git', 'latest'),
  'curlimages/curl': only('latest', '7.85.0', '8.5.0', '8.8.0', '8.10.1', '8.11.1', '8.12.1', '8.13.0', '8.14.1', '8.15.0', '8.16.0', '8.17.0'),
  'registry.k8s.io/nginx-slim': only(...range('0.', 5, 27), '0.8'),
  'registry.k8s.io/nginx': only('1.7.9', 'latest'),
  'bprashanth/nginxhttps': only('1.0'),
  'hashicorp/http-echo': only('0.2.1', '0.2.3', '1.0', '1.0.0', 'alpine', 'latest'),
  'gcr.io/google-samples/hello-app': only('1.0', '2.0'),
  'us-docker.pkg.dev/google-samples/containers/gke/hello-app': only('1.0', '2.0'),
  'gcr.io/google-samples/hello-go-gke': only('1.0'),
  'gcr.io/google-samples/hello-frontend': only('1.0'),
  'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend': only('v4', 'v5'),
  'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower': only('v2'),
  'gcr.io/google-samples/cassandra': only('v11', 'v12', 'v13', 'v14'),
  'gcr.io/google-samples/xtrabackup': only('1.0'),
  'registry.k8s.io/e2e-test-images/agnhost': only(...range('2.', 10, 56)),
  'registry.k8s.io/liveness': only('latest', '0.1'),
  'registry.k8s.io/goproxy': only('0.1'),
  'registry.k8s.io/serve_hostname': only('latest', '1.1', 'v1.4'),
  'registry.k8s.io/hpa-example': only('latest'),
  'registry.k8s.io/redis': only('e2e', 'v1', 'latest'),
  'registry.k8s.io/kubernetes-zookeeper': only('1.0-3.4.10'),
  'registry.k8s.io/etcd': ETCD,
  'registry.k8s.io/node-problem-detector/node-problem-detector': only(...patches('v0.8', 21), 'v1.34.0'),
  'registry.k8s.io/fluentd-gcp': only(...range('1.', 18, 40), ...patches('2.0', 18)),
  'registry.k8s.io/event-exporter': only(...patches('v0.1', 9), ...patches('v0.2', 5), ...patches('v0.3', 4)),
  'registry.k8s.io/ingress-nginx/controller': only(...patches('v1.9', 6), ...patches('v1.10', 6), ...patches('v1.11', 7), ...patches('v1.12', 3), ...patches('v1.13', 2)),
  'registry.k8s.io/coredns/coredns': only('v1.8.6', 'v1.9.3', 'v1.10.1', 'v1.11.1', 'v1.11.3', 'v1.11.4', 'v1.12.0', 'v1.12.1'),
  'traefik/whoami': only('latest', 'v1.8', 'v1.9', 'v1.10', 'v1.11', ...patches('v1.8', 7), ...patches('v1.9', 0), ...patches('v1.10', 4), ...patches('v1.11', 0)),
  'registry.k8s.io/cpa/cluster-proportional-autoscaler': only(...patches('1.8', 9), 'v1.9.0', ...patches('v1.10', 2)),
  'registry.k8s.io/cloud-controller-manager': only(...range('v1.', 8, 35, '.0')),
  'registry.k8s.io/kas-network-proxy/proxy-server': tagSet({ versions: [...patches('v0.0', 37), ...range('v0.', 1, 33).flatMap((m) => patches(m, 9))] }),
  'us.gcr.io/k8s-artifacts-prod/kas-network-proxy/proxy-agent': tagSet({ versions: [...patches('v0.0', 37), ...range('v0.', 1, 33).flatMap((m) => patches(m, 9))] }),
  'registry.k8s.io/dra-example-driver/dra-example-driver': only('v0.1.0', 'v0.1.1', 'v0.2.0', 'v0.2.1'),
  'quay.io/fluentd_elasticsearch/fluentd': tagSet({ versions: range('v', 2, 4).flatMap((major) => range(`${major}.`, 0, 9).flatMap((m) => patches(m, 3))).concat(patches('v5.0', 4)) }),
  'vish/stress': only('latest'),
  'polinux/stress': only('latest', '1.0.4'),
  rabbitmq: RABBITMQ,
  wordpress: WORDPRESS,
  'microsoft/windowsservercore': only('latest', '1709', '1803', 'ltsc2016'),
  'microsoft/iis': only('latest', 'nanoserver', 'windowsservercore', 'windowsservercore-1709', 'windowsservercore-1803', 'windowsservercore-ltsc2016'),
  'mcr.microsoft.com/windows/servercore': only('ltsc2016', 'ltsc2019', 'ltsc2022', 'ltsc2025', '1809', '1903', '1909', '2004', '20H2'),
}

/** Tags of a Linux repository that were built for Windows only (no linux/amd64 manifest). */
export const WINDOWS_ONLY_TAGS: Record<string, TagMatcher> = {
  redis: REDIS_WINDOWS,
}
