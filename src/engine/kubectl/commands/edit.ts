import { KubectlError } from '../resolve.ts'
import { beginEdit } from '../editSession.ts'
import type { KubectlCommand } from './context.ts'

/**
 * `kubectl edit` needs an editor and a terminal. The app's terminal hands the session
 * to its editor (KubectlIO.edit), which finishes it through editSession.ts; a script has neither, so after the usual checks (the object must
 * exist) it is refused with the ways to make the same change without one.
 */
export const editCommand: KubectlCommand = {
  name: 'edit',
  flags: [
    { name: 'output', short: 'o', takesValue: true },
    { name: 'filename', short: 'f', takesValue: true, repeatable: true },
    { name: 'subresource', takesValue: true },
    { name: 'windows-line-endings', takesValue: false },
    { name: 'save-config', takesValue: false },
    { name: 'validate', takesValue: true, optionalValue: 'strict' },
    { name: 'output-patch', takesValue: false },
    { name: 'field-manager', takesValue: true },
    { name: 'record', takesValue: false },
  ],
  run(ctx) {
    const session = beginEdit(ctx.sim, ctx.args.positional, ctx.namespace)
    // kubectl prints nothing until its editor closes; the app's editor finishes the session.
    if (ctx.io.edit) {
      ctx.io.edit(session)
      return ''
    }
    throw new KubectlError(
      'error: kubectl edit needs an interactive editor, which a kubesim script does not have; make the change with kubectl patch, kubectl set, or kubectl apply -f / kubectl replace -f a manifest',
    )
  },
}
