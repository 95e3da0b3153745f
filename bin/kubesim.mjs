#!/usr/bin/env node
// Runs the kubesim CLI. `npm install` bundles it into dist-cli/ (scripts/build-cli.mjs);
// that bundle is used only while it is fresh (bin/freshBundle.mjs). Otherwise (an edited
// source, a checkout, no bundle) the CLI runs straight from the TypeScript sources through
// tsx, so no one runs stale code. KUBESIM_FROM_SOURCES=1 forces the sources.
import { freshBundle } from './freshBundle.mjs'

const bundle = process.env.KUBESIM_FROM_SOURCES ? undefined : freshBundle(new URL('../', import.meta.url))
if (bundle) {
  await import(bundle.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}
