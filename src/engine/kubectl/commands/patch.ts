import { ApiError } from '../../api/errors.ts'
import { jsonMergePatch } from '../../api/patch/jsonMergePatch.ts'
import { deepEqual, jsonPatch } from '../../api/patch/jsonPatch.ts'
import { PatchError } from '../../api/patch/patchError.ts'
import { patchResource, type PatchType } from '../../api/patch/patchResource.ts'
import { strategicMergePatch } from '../../api/patch/strategicMergePatch.ts'
import type { ResourceType } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { boolFlag, flag } from '../args.ts'
import { DRY_RUN_FLAG, dryRunStrategy } from '../dryRunFlag.ts'
import { parsePatchText } from '../patchText.ts'
import { checkOutputFormat, printWritten } from '../printers/objectOutput.ts'
import { KubectlError } from '../resolve.ts'
import type { CommandContext, KubectlCommand } from './context.ts'
import { resourceTargets, type Target } from './resourceTargets.ts'

const PATCH_TYPES: PatchType[] = ['json', 'merge', 'strategic']
const SCALE: ResourceType = { kind: 'Scale', group: 'autoscaling', version: 'v1', plural: 'scales', singular: 'scale', shortNames: [], namespaced: true }

/**
 * `kubectl patch (-f FILE | TYPE NAME) -p PATCH [--type strategic|merge|json]`: the
 * patch goes to the API server, which applies it and writes the result as an update.
 * `--dry-run=client` and `--local` patch on the client instead, as kubectl does.
 */
export const patchCommand: KubectlCommand = {
  name: 'patch',
  flags: [
    { name: 'patch', short: 'p', takesValue: true },
    { name: 'patch-file', takesValue: true },
    { name: 'type', takesValue: true },
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
    { name: 'output', short: 'o', takesValue: true },
    { name: 'local', takesValue: false },
    { name: 'subresource', takesValue: true },
    { name: 'field-manager', takesValue: true },
    { name: 'record', takesValue: false },
    { name: 'recursive', short: 'R', takesValue: false },
    DRY_RUN_FLAG,
  ],
  run(ctx) {
    const output = flag(ctx.args, 'output')
    checkOutputFormat(output)
    const dryRun = dryRunStrategy(ctx.args)
    const patchFlag = flag(ctx.args, 'patch') ?? ''
    const patchFile = flag(ctx.args, 'patch-file') ?? ''
    const local = boolFlag(ctx.args, 'local')
    // PatchOptions.Validate, in its order.
    if (patchFlag && patchFile) throw new KubectlError('error: cannot specify --patch and --patch-file together')
    if (!patchFlag && !patchFile) throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch')
    if (local && ctx.args.positional.length > 0) throw new KubectlError('error: cannot specify --local and server resources')
    if (local && dryRun === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
    const typeText = flag(ctx.args, 'type') ?? 'strategic'
    const type = typeText.toLowerCase() as PatchType
    if (!PATCH_TYPES.includes(type)) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${typeText}"`)
    const subresource = flag(ctx.args, 'subresource')
    if (subresource !== undefined && subresource !== 'status' && subresource !== 'scale') {
      throw new KubectlError(`error: invalid subresource value: "${subresource}". Must be one of [status scale]`)
    }

    const text = patchFile ? readPatchFile(ctx, patchFile) : patchFlag
    const patch = parsePatchText(text)
    const targets = resourceTargets(ctx, 'patch', ctx.args.positional)

    let out = ''
    const errors: string[] = []
    const apiErrors: ApiError[] = []
    for (const target of targets) {
      try {
        if (local || dryRun === 'client') out += patchOnClient(ctx, target, type, patch, output, local)
        else out += patchOnServer(ctx, target, type, patch, output, subresource as 'status' | 'scale' | undefined, dryRun === 'server')
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        apiErrors.push(e)
        errors.push(e.printed())
      }
    }
    ctx.sim.settle()
    // One error prints as kubectl's CheckErr prints it; several as a list.
    if (apiErrors.length === 1) return out + apiErrors[0].kubectlText() + '\n'
    return out + errors.map((e) => e + '\n').join('')
  },
}

function readPatchFile(ctx: CommandContext, path: string): string {
  const read = ctx.io.readPath?.(path)
  if (read === undefined) throw new KubectlError(`error: unable to read patch file: open ${path}: no such file or directory`)
  if (typeof read === 'string' || read.length !== 1) throw new KubectlError(`error: unable to read patch file: read ${path}: is a directory`)
  return read[0].text
}

function patchOnServer(ctx: CommandContext, target: Target, type: PatchType, patch: unknown, output: string | undefined, subresource: 'status' | 'scale' | undefined, dryRun: boolean): string {
  const result = patchResource(ctx.sim.ctx, { kind: target.resource.kind, namespace: target.namespace, name: target.name, type, patch, subresource, dryRun })
  const warnings = result.warnings.map((w) => w + '\n').join('')
  const resource = subresource === 'scale' ? SCALE : target.resource
  return warnings + printWritten(result.object, resource, output, result.changed ? 'patched' : 'patched (no change)')
}

/** `--local` patches the file's object; `--dry-run=client` the live one, without sending anything. */
function patchOnClient(ctx: CommandContext, target: Target, type: PatchType, patch: unknown, output: string | undefined, local: boolean): string {
  let original: KubeObject
  if (local) original = target.fromFile as unknown as KubeObject
  else {
    const live = ctx.sim.store.get(target.resource.kind, target.namespace, target.name)
    if (!live) throw new ApiError('NotFound', `${target.resource.group ? `${target.resource.plural}.${target.resource.group}` : target.resource.plural} "${target.name}" not found`)
    original = live
  }
  const patched = clientPatch(type, original, patch)
  const changed = !deepEqual(JSON.parse(JSON.stringify(original)), patched)
  return printWritten(patched as unknown as KubeObject, target.resource, output, changed ? 'patched' : 'patched (no change)')
}

/** kubectl's getPatchedJSON: the same algorithms, with the client's error texts. */
function clientPatch(type: PatchType, original: KubeObject, patch: unknown): Record<string, unknown> {
  const doc = JSON.parse(JSON.stringify(original)) as Record<string, unknown>
  try {
    switch (type) {
      case 'json': {
        const out = jsonPatch(doc, patch)
        return out as Record<string, unknown>
      }
      case 'merge':
        if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new KubectlError('error: Invalid JSON Patch')
        return jsonMergePatch(doc, patch)
      case 'strategic':
        if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new KubectlError('error: invalid JSON document')
        return strategicMergePatch(doc, patch as Record<string, unknown>, original.kind)
    }
  } catch (e) {
    if (e instanceof PatchError) {
      // kubectl rewords this one, keeping what follows "key:" (getPatchedJSON).
      if (e.message.includes('doc is missing key')) throw new KubectlError(`error: Object to be patched is missing field (${e.message.slice(e.message.indexOf('key:') + 5)})`)
      throw new KubectlError(`error: ${e.message.replace(/^error decoding patch: (json: cannot unmarshal \w+ into Go value of type) \[\]handlers\.jsonPatchOp$/, '$1 jsonpatch.Patch')}`)
    }
    throw e
  }
}
