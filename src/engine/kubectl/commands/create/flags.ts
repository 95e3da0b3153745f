import { flag, flagList, type ParsedArgs } from '../../args.ts'
import { KubectlError } from '../../resolve.ts'

/** pflag's StringSlice: repeated and comma-separated (`--verb=get,list --verb=watch`). */
export function sliceFlag(args: ParsedArgs, name: string): string[] {
  return flagList(args, name).flatMap((v) => (v === '' ? [] : v.split(',')))
}

/** pflag's StringArray: repeated, never split. */
export function arrayFlag(args: ParsedArgs, name: string): string[] {
  return flagList(args, name)
}

/**
 * An integer flag, refused as pflag refuses it:
 * `invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax`.
 */
export function intFlag(args: ParsedArgs, name: string, fallback: number, usage: string, short?: string): number {
  const value = flag(args, name)
  if (value === undefined) return fallback
  if (!/^[+-]?\d+$/.test(value)) {
    const shown = short ? `-${short}, --${name}` : `--${name}`
    throw new KubectlError(`error: invalid argument "${value}" for "${shown}" flag: strconv.ParseInt: parsing "${value}": invalid syntax\nSee '${usage} --help' for usage.`)
  }
  return Number(value)
}
