import { NAME_ALPHABET } from '../../rng.ts'
import type { Pod } from '../../api/types.ts'
import { admitPod } from '../podDefaults.ts'
import type { AdmissionPlugin } from './plugin.ts'

/** ServiceAccount and DefaultTolerationSeconds, on every new pod. */
export const podAdmission: AdmissionPlugin = {
  name: 'ServiceAccount,DefaultTolerationSeconds',
  admit(a) {
    if (a.operation !== 'CREATE' || a.obj.kind !== 'Pod') return
    admitPod((a.obj as Pod).spec, a.rng.string(NAME_ALPHABET, 5))
  },
}
