/**
 * The StatusReason of a refused request, as kubectl shows it in `Error from server (…)`.
 * `Unknown` is the empty reason of a plain server error (`Error from server: …`).
 */
export type ApiReason = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed' | 'UnsupportedMediaType' | 'Unknown'

/** A Status's details: what was refused, and per-field causes (`spec.replicas`, `Invalid value: -1: …`). */
export interface StatusDetails {
  kind?: string
  name?: string
  causes?: { field: string; message: string }[]
}

/**
 * A request the API server refused (k8s.io/apimachinery/pkg/api/errors). The message is
 * the server's; kubectl prints it as `Error from server (<reason>): <message>`, with
 * `error when creating "<file>": ` in between when the request came from a file.
 */
export class ApiError extends Error {
  constructor(
    readonly reason: ApiReason,
    message: string,
    /** The field the error is about, for pointing at a line in the editor. */
    readonly path?: string,
    /** A StatusCause type the server attaches (`NamespaceTerminating`), which controllers test for. */
    readonly causeType?: string,
    readonly details?: StatusDetails,
  ) {
    super(message)
  }

  /** `Error from server (NotFound): pods "web" not found`, optionally naming what was being done. */
  printed(context?: string): string {
    if (this.reason === 'Unknown') return `Error from server: ${context ? `${context}: ` : ''}${this.message}`
    return `Error from server (${this.reason}): ${context ? `${context}: ` : ''}${this.message}`
  }

  /**
   * What kubectl prints for this error when a command fails with it (cmdutil.CheckErr):
   * an Invalid error names the object and lists its causes, one `* ` line each when
   * there are several; anything else is `Error from server (…): …`. No trailing newline.
   */
  kubectlText(): string {
    if (this.reason !== 'Invalid' || !this.details) return this.printed()
    const d = this.details
    let s = 'The request is invalid'
    if (d.kind || d.name) s = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`
    else if (this.message && !d.causes?.length) s += ': ' + this.message
    if (!d.causes?.length) return s
    const causes = [...new Set(d.causes.map((c) => `${c.field}: ${c.message}`))]
    if (causes.length === 1) return `${s}: ${causes[0]}`
    return `${s}: \n${causes.map((c) => `* ${c}`).join('\n')}`
  }
}
