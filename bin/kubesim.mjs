#!/usr/bin/env node
// Runs the kubesim CLI straight from the TypeScript sources (no build step needed):
// tsx registers a loader that strips types on import.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
