/**
 * The StatusReason of a refused request, as kubectl shows it in `Error from server (…)`.
 * `Unknown` is the empty reason of a plain server error (`Error from server: …`).
 */
export type ApiReason = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed' | 'UnsupportedMediaType' | 'TooManyRequests' | 'Unknown'

/** A Status's details: what was refused, and per-field causes (`spec.replicas`, `Invalid value: -1: …`). */
export interface StatusDetails {
  kind?: string
  /** The kind's API group, '' for the core group: the server's own message names `Deployment.apps`. */
  group?: string
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
    /** The Status details: an Invalid error's kind, name and one cause per field error. */
    readonly details?: StatusDetails,
  ) {
    super(message)
  }

  /**
   * What kubectl prints for it (cmdutil.CheckErr): `Error from server (NotFound): pods "web" not found`,
   * optionally naming what was being done. An Invalid error is rebuilt from its details with no
   * such prefix, its causes on `* ` lines when there are several (checkErr, MultilineError).
   */
  printed(context?: string): string {
    if (this.reason === 'Invalid' && this.details) return this.invalidText()
    if (this.reason === 'Unknown') return `Error from server: ${context ? `${context}: ` : ''}${this.message}`
    return `Error from server (${this.reason}): ${context ? `${context}: ` : ''}${this.message}`
  }

  /**
   * An Invalid error as checkErr prints it: it names the object and lists its causes, one
   * `* ` line each when there are several (MultilineError). No trailing newline.
   */
  private invalidText(): string {
    const d = this.details!
    let s = 'The request is invalid'
    if (d.kind || d.name) s = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`
    else if (this.message && !d.causes?.length) s += ': ' + this.message
    if (!d.causes?.length) return s
    const causes = this.causeTexts()
    if (causes.length === 1) return `${s}: ${causes[0]}`
    return `${s}: \n${causes.map((c) => `* ${c}`).join('\n')}`
  }

  private causeTexts(): string[] {
    return [...new Set((this.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`))]
  }

  /** What kubectl prints when a command fails with this error (cmdutil.CheckErr). */
  kubectlText(): string {
    return this.printed()
  }

  /**
   * How it reads among several errors of one command (MultipleErrors): always `Error from server`,
   * and an Invalid error with the server's own message, `Deployment.apps "web" is invalid: [a, b]`.
   */
  aggregated(context?: string): string {
    const d = this.details
    if (this.reason !== 'Invalid' || !d?.kind) return this.printed(context)
    const causes = this.causeTexts()
    const body = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`
    return `Error from server (Invalid): ${context ? `${context}: ` : ''}${d.group ? `${d.kind}.${d.group}` : d.kind} "${d.name}" is invalid: ${body}`
  }
}
