import { flag } from '../args.ts'
import { printYaml } from '../printers/objectPrinter.ts'
import { KubectlError } from '../resolve.ts'
import type { KubectlCommand } from './context.ts'

export const KUBERNETES_VERSION = 'v1.35.0'
/** The kustomize kubectl v1.35.0 embeds (pkg/cmd/version's kustomizeVersion). */
const KUSTOMIZE_VERSION = 'v5.7.1'

/**
 * version.Info for the client and the server. The build details (commit, date, Go
 * version) stand in for a release build's: the commit is the upstream one kubectl
 * v1.35.0's staging sync names, the date the release day.
 */
export function versionInfo(server: boolean): Record<string, string> {
  return {
    major: '1',
    minor: '35',
    // Servers since v1.33 report their emulation and minimum compatibility versions.
    ...(server ? { emulationMajor: '1', emulationMinor: '35', minCompatibilityMajor: '1', minCompatibilityMinor: '34' } : {}),
    gitVersion: KUBERNETES_VERSION,
    gitCommit: 'fc0159905536cd41e3d2a3ac8fcbd905d1bc7c3f',
    gitTreeState: 'clean',
    buildDate: '2025-12-17T12:00:00Z',
    goVersion: 'go1.25.5',
    compiler: 'gc',
    platform: 'linux/amd64',
  }
}

/** `kubectl version` (pkg/cmd/version): client, kustomize and server versions; --client, -o yaml|json. */
export const versionCommand: KubectlCommand = {
  name: 'version',
  flags: [
    { name: 'client', takesValue: false },
    { name: 'output', short: 'o', takesValue: true },
  ],
  run(ctx) {
    const clientOnly = flag(ctx.args, 'client') !== undefined && flag(ctx.args, 'client') !== 'false'
    // With --client, Complete returns before it keeps the arguments, so they are never checked.
    if (!clientOnly && ctx.args.positional.length > 0) throw new KubectlError(`error: extra arguments: [${ctx.args.positional.join(' ')}]`)
    const output = flag(ctx.args, 'output') ?? ''
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError("error: --output must be 'yaml' or 'json'")
    const data = {
      clientVersion: versionInfo(false),
      kustomizeVersion: KUSTOMIZE_VERSION,
      ...(clientOnly ? {} : { serverVersion: versionInfo(true) }),
    }
    if (output === 'json') return JSON.stringify(data, null, 2) + '\n'
    if (output === 'yaml') return printYaml(data) + '\n'
    return `Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n` + (clientOnly ? '' : `Server Version: ${KUBERNETES_VERSION}\n`)
  },
}
