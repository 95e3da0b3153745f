// Decides whether dist-cli/kubesim.mjs (built by scripts/build-cli.mjs) may run: only
// while every file it was built from still exists and is older than the build. One stat
// per input file (about 440, a few milliseconds), no walk of src/.
import { readFileSync, statSync } from 'node:fs'

/** The bundle's URL under `root` (a directory URL ending in /), or undefined if it is missing or stale. */
export function freshBundle(root) {
  let manifest
  try {
    manifest = JSON.parse(readFileSync(new URL('dist-cli/inputs.json', root), 'utf8'))
  } catch {
    return undefined
  }
  for (const input of manifest.inputs) {
    const stat = statSync(new URL(input, root), { throwIfNoEntry: false })
    if (!stat || stat.mtimeMs >= manifest.builtAt) return undefined
  }
  return new URL('dist-cli/kubesim.mjs', root)
}
