#!/usr/bin/env node
/**
 * Generates src/engine/kubectl/printers/goFieldOrder.json: for each Go struct kubectl
 * prints, its JSON field names in declaration order (the order encoding/json writes
 * them), with the type of each field that is itself a struct or a map. The bundled
 * OpenAPI schema lists properties alphabetically, so the order must come from the Go
 * types. Needs local checkouts (or bare git mirrors) of k8s.io/api and k8s.io/apimachinery;
 * CI uses the checked-in output and never runs this.
 *
 *   node scripts/go-field-order/generate.mjs API_REPO APIMACHINERY_REPO
 *
 * Output: { "core.PodSpec": "volumes:core.Volume initContainers:core.Container …", … }
 * where `name:pkg.Type` is a struct (or a list of them), `name:map` a Go map (encoding/json
 * sorts its keys) and `name:map:pkg.Type` a map of structs; a bare name is a scalar.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [apiRepo, machineryRepo] = process.argv.slice(2)
if (!apiRepo || !machineryRepo) {
  console.error('usage: generate.mjs API_REPO APIMACHINERY_REPO')
  process.exit(2)
}

/** A file from a checkout, or from a bare git mirror's HEAD. */
function read(repo, path) {
  if (existsSync(join(repo, path))) return readFileSync(join(repo, path), 'utf8')
  return execFileSync('git', ['--git-dir', repo, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 })
}

/** Our short package names, by Go import path. */
const PACKAGES = {
  'k8s.io/api/core/v1': { short: 'core', repo: apiRepo, files: ['core/v1/types.go'] },
  'k8s.io/api/apps/v1': { short: 'apps', repo: apiRepo, files: ['apps/v1/types.go'] },
  'k8s.io/api/batch/v1': { short: 'batch', repo: apiRepo, files: ['batch/v1/types.go'] },
  'k8s.io/api/networking/v1': { short: 'networking', repo: apiRepo, files: ['networking/v1/types.go'] },
  'k8s.io/api/rbac/v1': { short: 'rbac', repo: apiRepo, files: ['rbac/v1/types.go'] },
  'k8s.io/api/scheduling/v1': { short: 'scheduling', repo: apiRepo, files: ['scheduling/v1/types.go'] },
  'k8s.io/api/policy/v1': { short: 'policy', repo: apiRepo, files: ['policy/v1/types.go'] },
  'k8s.io/apimachinery/pkg/apis/meta/v1': { short: 'meta', repo: machineryRepo, files: ['pkg/apis/meta/v1/types.go'] },
}

/** The objects `kubectl create|run|expose` make, where the table starts. */
const ROOTS = [
  'core.Pod', 'core.Service', 'core.ConfigMap', 'core.Secret', 'core.Namespace', 'core.ServiceAccount', 'core.ResourceQuota',
  'apps.Deployment', 'batch.Job', 'batch.CronJob', 'networking.Ingress', 'policy.PodDisruptionBudget', 'scheduling.PriorityClass',
  'rbac.Role', 'rbac.RoleBinding', 'rbac.ClusterRole', 'rbac.ClusterRoleBinding',
]

/** Every struct of every package: { 'core.Pod': [{ name, type, inline }] }. */
const structs = {}
/** Named map types: { 'core.ResourceList': 'map[ResourceName]resource.Quantity' }. */
const mapTypes = {}
for (const [path, pkg] of Object.entries(PACKAGES)) {
  for (const file of pkg.files) parseFile(read(pkg.repo, file), pkg.short)
}

function parseFile(source, pkg) {
  const aliases = {}
  const importBlock = source.match(/^import \(([\s\S]*?)^\)/m)?.[1] ?? ''
  for (const line of importBlock.split('\n')) {
    const m = line.trim().match(/^(?:(\w+)\s+)?"([^"]+)"/)
    if (!m) continue
    const alias = m[1] ?? m[2].split('/').at(-1)
    aliases[alias] = PACKAGES[m[2]]?.short ?? `ext:${m[2]}`
  }
  const lines = source.split('\n')
  // Named map types (ResourceList): encoding/json sorts their keys like any map.
  for (const m of source.matchAll(/^type (\w+) (map\[\S+)/gm)) mapTypes[`${pkg}.${m[1]}`] = m[2]
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i].match(/^type (\w+) struct \{\s*$/)
    if (!start) continue
    const fields = []
    let depth = 1
    for (i++; i < lines.length && depth > 0; i++) {
      const line = lines[i].replace(/\/\/.*$/, '').trim()
      if (line === '}' && depth === 1) break
      if (line.endsWith('{')) depth++
      if (line === '}') depth--
      if (depth > 1) continue
      const m = line.match(/^(?:(\w+)\s+)?([^\s`]+)\s+`([^`]*)`/)
      if (!m) continue
      const tag = m[3].match(/json:"([^"]*)"/)?.[1]
      if (tag === undefined || tag === '-') continue
      const [name, ...opts] = tag.split(',')
      const inline = opts.includes('inline') || (!m[1] && name === '')
      fields.push({ name: name || m[1], type: m[2], inline, aliases, pkg })
    }
    structs[`${pkg}.${start[1]}`] = fields
  }
}

/** A field's Go type as the table names it: a struct ref, `map`, `map:ref`, or '' (scalar). */
function ref(type, aliases, pkg) {
  let t = type.replace(/^(\*|\[\])+/, '')
  let map = false
  if (t.startsWith('map[')) {
    map = true
    t = t.slice(t.indexOf(']') + 1).replace(/^(\*|\[\])+/, '')
  }
  let target = ''
  const dot = t.indexOf('.')
  const qualified = dot < 0 ? `${pkg}.${t}` : `${aliases[t.slice(0, dot)]}.${t.slice(dot + 1)}`
  if (!map && mapTypes[qualified]) return ref(mapTypes[qualified], aliases, qualified.split('.')[0])
  if (structs[qualified]) target = qualified
  if (map) return target ? `map:${target}` : 'map'
  return target
}

/** A struct's fields with inline (embedded) structs spliced in place, as encoding/json does. */
function flatten(typeName) {
  const out = []
  for (const f of structs[typeName]) {
    const r = ref(f.type, f.aliases, f.pkg)
    if (f.inline && r && !r.startsWith('map')) out.push(...flatten(r))
    else out.push({ name: f.name, ref: r })
  }
  return out
}

const table = {}
const queue = [...ROOTS]
while (queue.length) {
  const name = queue.shift()
  if (table[name] !== undefined) continue
  if (!structs[name]) throw new Error(`no struct ${name}`)
  const fields = flatten(name)
  table[name] = fields.map((f) => (f.ref ? `${f.name}:${f.ref}` : f.name)).join(' ')
  for (const f of fields) if (f.ref && f.ref !== 'map') queue.push(f.ref.replace(/^map:/, ''))
}
const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)))
const out = new URL('../../src/engine/kubectl/printers/goFieldOrder.json', import.meta.url)
writeFileSync(out, JSON.stringify(sorted, null, 0).replace(/","/g, '",\n"').replace(/^\{/, '{\n').replace(/\}$/, '\n}\n'))
console.log(`${Object.keys(sorted).length} structs written to ${out.pathname}`)
