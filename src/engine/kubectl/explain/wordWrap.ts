/**
 * mitchellh/go-wordwrap's WrapString, which kubectl explain's `wrap` uses: words move to
 * the next line when the line would pass `limit`; a word longer than the limit stays
 * whole; existing newlines are kept.
 */
export function wrapString(s: string, limit: number): string {
  let out = ''
  let current = 0
  let word = ''
  let space = ''
  for (const ch of s) {
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + space.length > limit) current = 0
        else out += space
      } else {
        out += space + word
      }
      space = ''
      word = ''
      out += ch
      current = 0
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space.length === 0 || word.length > 0) {
        current += space.length + word.length
        out += space + word
        space = ''
        word = ''
      }
      space += ch
    } else {
      word += ch
      if (current + space.length + word.length > limit && word.length < limit) {
        out += '\n'
        current = 0
        space = ''
      }
    }
  }
  if (word.length === 0) {
    if (current + space.length <= limit) out += space
  } else out += space + word
  return out
}

/** The template's `indent`: the pad before the text and after every newline in it. */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount)
  return pad + text.replaceAll('\n', '\n' + pad)
}
