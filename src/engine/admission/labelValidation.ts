import { dns1123SubdomainErrors } from './names.ts'
import { type FieldError, invalid } from './fieldErrors.ts'

/**
 * Label and annotation rules from k8s.io/apimachinery/pkg/util/validation and
 * apis/meta/v1/validation, with their exact messages: kubectl's client-side checks
 * (`kubectl label`, `kubectl taint`) and the API server's metadata validation share them.
 */
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`)
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`)
const NAME_MAX = 63
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024

const regexError = (msg: string, fmt: string, ...examples: string[]) =>
  `${msg} (e.g. ${examples.map((e) => `'${e}'`).join(',  or ')}, regex used for validation is '${fmt}')`

const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

/** IsQualifiedName: `name` or `prefix/name`, the rule for label keys, annotation keys and taint keys. */
export function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name: string
  if (parts.length === 1) name = parts[0]
  else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (prefix.length === 0) errs.push('prefix part must be non-empty')
    else errs.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`))
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]
  }
  if (name.length === 0) errs.push('name part must be non-empty')
  else if (name.length > NAME_MAX) errs.push(`name part must be no more than ${NAME_MAX} characters`)
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`)
  return errs
}

/** IsValidLabelValue: empty, or up to 63 characters of the qualified-name alphabet. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = []
  if (value.length > NAME_MAX) errs.push(`must be no more than ${NAME_MAX} characters`)
  if (!LABEL_VALUE.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    )
  }
  return errs
}

/** ValidateLabels: every key a qualified name, every value a label value. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of qualifiedNameErrors(k)) errs.push(invalid(path, k, m))
    for (const m of labelValueErrors(String(v))) errs.push(invalid(path, v, m))
  }
  return errs
}

/** ValidateAnnotations: keys are qualified names (lower-cased), and all of them together fit in 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  let total = 0
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of qualifiedNameErrors(k.toLowerCase())) errs.push(invalid(path, k, m))
    total += utf8Length(k) + utf8Length(String(v))
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push({ path, type: 'Too long', detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` })
  return errs
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length
}
