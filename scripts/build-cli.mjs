#!/usr/bin/env node
// Bundles the CLI into dist-cli/kubesim.mjs at install time (npm's `prepare`), so
// `kubesim` starts without compiling TypeScript. bin/kubesim.mjs uses the bundle only
// while every file it was built from is older than the build (see dist-cli/inputs.json);
// otherwise it runs the sources through tsx. A failed build only costs start-up time.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'dist-cli')

try {
  const { build } = await import('esbuild')
  // Taken before reading any source: a file saved during the build counts as newer.
  const builtAt = Date.now()
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist-cli/kubesim.mjs.tmp',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    legalComments: 'none',
    // yaml's CommonJS build calls require('process'): give the ES module a require.
    banner: { js: "import { createRequire as __kubesimRequire } from 'node:module'; const require = __kubesimRequire(import.meta.url);" },
    logLevel: 'warning',
  })
  const inputs = Object.keys(result.metafile.inputs).sort()
  mkdirSync(outDir, { recursive: true })
  // The manifest is written last and names the bundle's inputs; the bin trusts nothing without it.
  renameSync(join(outDir, 'kubesim.mjs.tmp'), join(outDir, 'kubesim.mjs'))
  writeFileSync(join(outDir, 'inputs.json'), JSON.stringify({ builtAt, inputs }) + '\n')
  console.log(`kubesim: bundled the CLI into dist-cli/kubesim.mjs (${inputs.length} source files)`)
} catch (e) {
  console.warn(`kubesim: could not bundle the CLI (${e?.message ?? e}); it will run from the sources through tsx`)
}
