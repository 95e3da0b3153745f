import { describe, expect, it } from 'vitest'
import { GoTemplate, GoTemplateError } from '../../src/engine/kubectl/printers/goTemplate.ts'
import { deploymentYaml, apply, kubectl, newSim } from '../helpers.ts'

const run = (t: string, data: unknown, allowMissingKeys = true) => new GoTemplate(t, { allowMissingKeys }).execute(data)

describe('go-template (text/template over JSON)', () => {
  it('fields, ranges, index, literals, and Go’s %v of numbers, maps and lists', () => {
    const data = { items: [{ n: 'a' }, { n: 'b' }], labels: { app: 'web', tier: 'fe' }, big: 1000000, small: 3, list: ['x', 'y'] }
    expect(run('{{range .items}}{{.n}}{{"\\n"}}{{end}}', data)).toBe('a\nb\n')
    expect(run('{{index .labels "app"}}', data)).toBe('web')
    expect(run('{{.big}} {{.small}} {{.labels}} {{.list}} {{.nope}}', data)).toBe('1e+06 3 map[app:web tier:fe] [x y] <no value>')
    expect(run('{{if .nope}}y{{else}}n{{end}} {{len .items}} {{printf "%s-%d" .labels.app .small}}', data)).toBe('n 2 web-3')
    expect(run('{{- " x " -}}  {{.small}}', data)).toBe(' x 3')
  })

  it('parse errors in text/template’s words', () => {
    const err = (t: string) => {
      try {
        new GoTemplate(t, { allowMissingKeys: true })
      } catch (e) {
        return (e as GoTemplateError).message
      }
    }
    expect(err('{{range .items}}')).toBe('template: output:1: unexpected EOF')
    expect(err('{{end}}')).toBe('template: output:1: unexpected {{end}}')
    expect(err('{{.a')).toBe('template: output:1: unclosed action')
  })

  it('kubectl get -o go-template prints the object, or the List for several', () => {
    const sim = newSim({ workers: 1 })
    apply(sim, deploymentYaml('web', 2))
    expect(kubectl(sim, 'get deploy web -o go-template={{.metadata.name}}')).toBe('web')
    expect(kubectl(sim, 'get deploy -o go-template={{.kind}}')).toBe('List')
    expect(kubectl(sim, 'get deploy web -o go-template={{.metadata.name}')).toBe(
      "error: error parsing template {{.metadata.name}, template: output:1: unrecognized character in action: U+007D '}'\n",
    )
  })
})
