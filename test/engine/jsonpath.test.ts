import { describe, expect, it } from 'vitest'
import { splitCommandLine } from '../../src/engine/kubectl/args.ts'
import { customColumnLines, parseCustomColumns } from '../../src/engine/kubectl/printers/customColumns.ts'
import { JsonPath, JsonPathError } from '../../src/engine/kubectl/printers/jsonpath.ts'
import { runKubectl } from '../../src/engine/kubectl/runKubectl.ts'
import { apply, newSim, podYaml } from '../helpers.ts'

// The object `kubectl create configmap web --from-literal=a=1 --from-literal=b=2 --dry-run=client` gives
// the jsonpath printer; expected texts below are what kubectl v1.32 printed for it.
const cm = { apiVersion: 'v1', data: { a: '1', b: '2' }, kind: 'ConfigMap', metadata: { creationTimestamp: null, name: 'web' } }
const run = (template: string, data: unknown = cm, allowMissingKeys = true) => new JsonPath(template, { allowMissingKeys }).execute(data)
const failure = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    if (e instanceof JsonPathError) return e.message
    throw e
  }
  return 'no error'
}

describe('jsonpath evaluator', () => {
  it('prints fields, wildcards, maps as JSON and literal text', () => {
    expect(run('{.metadata.name}{"\\n"}{.data.*}{.x}{.data}{"\\n"}{.metadata}{"\\t"}{.kind}')).toBe('web\n1 2{"a":"1","b":"2"}\n{"creationTimestamp":null,"name":"web"}\tConfigMap')
    expect(run('{.data.a} {.data.b}')).toBe('1 2')
    expect(run("{.data['a']}")).toBe('1')
    expect(run('{.kind}{"\\x41"}')).toBe('ConfigMapA')
    expect(run('{.metadata.creationTimestamp}|')).toBe('null|')
    expect(run('{.data.a}}')).toBe('1}')
    expect(run('{.metadata.name.*}')).toBe('119 101 98')
  })

  it('ranges, recursive descent and filters', () => {
    expect(run('{range .data.*}[{@}]{end}')).toBe('[1][2]')
    expect(run('{range .x}{end}')).toBe('')
    expect(run('{..a}')).toBe('1')
    expect(run('{..name}')).toBe('web')
    const pod = { status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }], containerStatuses: [{ restartCount: 3 }, { restartCount: 0 }] } }
    expect(run('{.status.conditions[?(@.type=="Ready")].status}', pod)).toBe('True')
    expect(run("{.status.conditions[?(@.type!='Ready')].type}", pod)).toBe('PodScheduled')
    expect(run('{.status.containerStatuses[?(@.restartCount>1)].restartCount}', pod)).toBe('3')
    expect(run('{.status.conditions[?(@.reason)]}', pod)).toBe('')
  })

  it('indexes and slices arrays', () => {
    const list = { items: ['a', 'b', 'c', 'd'] }
    expect(run('{.items[0]} {.items[-1]} {.items[1:3]} {.items[::2]} {.items[0,2]}', list)).toBe('a d b c a c a c')
    expect(failure(() => run('{.items[7]}', list))).toBe('array index out of bounds: index 7, length 4')
    expect(failure(() => run('{.data[0]}'))).toBe('map[string]interface {} is not array or slice')
    expect(failure(() => run('{.metadata.name[0]}'))).toBe('string is not array or slice')
    expect(failure(() => run('{.data[?(@ == "1")]}'))).toBe('map[a:1 b:2] is not array or slice and cannot be filtered')
  })

  it('reports parse errors and missing keys as upstream does', () => {
    expect(failure(() => run('{.metadata.name'))).toBe('unclosed action')
    expect(failure(() => run('x{"\\n"'))).toBe('unclosed action')
    expect(failure(() => run('{=}'))).toBe("unrecognized character in action: U+003D '='")
    expect(failure(() => run('{end}'))).toBe('not in range, nothing to end')
    expect(failure(() => run('{.x}', cm, false))).toBe('x is not found')
    expect(run('{.metadata.name}{.x.y}')).toBe('web')
  })

  it('prints each action as an indented JSON array for jsonpath-as-json', () => {
    expect(new JsonPath('{.metadata.name}', { allowMissingKeys: true, outputJson: true }).execute(cm)).toBe('[\n    "web"\n]\n')
  })
})

describe('custom-columns evaluator', () => {
  it('joins several values with commas, prints <none> and Go maps', () => {
    const columns = parseCustomColumns('NAME:.metadata.name,DATA:.data,KEYS:{.data.*},X:x')
    expect(customColumnLines(columns, [cm], false)).toEqual(['NAME\tDATA\tKEYS\tX', 'web\tmap[a:1 b:2]\t1,2\t<none>'])
    expect(customColumnLines(columns, [cm], true)).toEqual(['web\tmap[a:1 b:2]\t1,2\t<none>'])
  })

  it('refuses malformed specs', () => {
    expect(failure(() => parseCustomColumns(''))).toBe('custom-columns format specified but no custom columns given')
    expect(failure(() => parseCustomColumns('NAME'))).toBe('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>')
    expect(failure(() => parseCustomColumns('NAME:{.a}}'))).toBe("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
  })
})

describe('kubectl get -o jsonpath|custom-columns, --sort-by, -L', () => {
  const sh = (sim: ReturnType<typeof newSim>, line: string) => runKubectl(sim, splitCommandLine(line), { waitAdvancesTime: true })
  const cluster = () => {
    const sim = newSim()
    apply(sim, podYaml('b', 'nginx:1.27', '  nodeName: worker-1\n').replace('name: b', 'name: b\n  labels: {app: web, tier: frontend}'))
    apply(sim, podYaml('a', 'redis:7').replace('name: a', 'name: a\n  labels: {app: db}'))
    sim.advance(10_000)
    return sim
  }

  it('applies the template to the List, or to the one object named', () => {
    const sim = cluster()
    expect(sh(sim, `get pods -o jsonpath='{.kind} {.items[*].metadata.name}'`)).toBe('List a b')
    expect(sh(sim, `get pod a -o jsonpath='{.kind} {.metadata.name}'`)).toBe('Pod a')
    expect(sh(sim, `get pod/a -o=jsonpath='{.metadata.name}'`)).toBe('a')
    expect(sh(sim, `get pod a b -o jsonpath='{.kind}'`)).toBe('List')
    expect(sh(sim, `get pod a nope -o jsonpath='{.items[*].metadata.name}'`)).toBe('aError from server (NotFound): pods "nope" not found\n')
    expect(sh(sim, `get pod nope -o jsonpath='{.metadata.name}'`)).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect(sh(sim, `get pods -n empty -o jsonpath='{.items[*].metadata.name}'`)).toBe('')
    expect(sh(sim, `get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.containers[0].image}{"\\n"}{end}'`)).toBe('a\tredis:7\nb\tnginx:1.27\n')
    expect(sh(sim, `get pods -o jsonpath --template='{.items[0].metadata.name}'`)).toBe('a')
  })

  it('prints kubectl errors for bad templates and, when asked, missing keys', () => {
    const sim = newSim()
    apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: default\ndata: {a: "1"}\n')
    expect(sh(sim, 'get cm web -o jsonpath')).toBe('error: template format specified but no template given\n')
    expect(sh(sim, `get cm web -o jsonpath='{.data.a'`)).toBe('error: error parsing jsonpath {.data.a, unclosed action\n')
    const out = sh(sim, `get cm web -o jsonpath='{.x}' --allow-missing-template-keys=false`)
    expect(out.split('\n').slice(0, 4).join('\n')).toBe('error: error executing jsonpath "{.x}": Error executing template: x is not found. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.x}\n\tobject given to jsonpath engine was:')
    expect(out).toMatch(/^\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", "data":map\[string\]interface \{\}\{"a":"1"\}, "kind":"ConfigMap", "metadata":map\[string\]interface \{\}\{.*\}\}\n\n\n$/m)
    expect(sh(sim, 'get cm web -o jsonpath={.x}')).toBe('')
    expect(sh(sim, 'get cm -o foo')).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    )
  })

  it('lays out custom columns with the tabwriter', () => {
    const sim = cluster()
    expect(sh(sim, 'get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,TIER:.metadata.labels.tier')).toBe(
      'NAME   IMAGE        TIER\na      redis:7      <none>\nb      nginx:1.27   frontend\n',
    )
    expect(sh(sim, 'get pods -o custom-columns=N:.metadata.name --no-headers')).toBe('a\nb\n')
    expect(sh(sim, 'get pods -n empty -o custom-columns=NAME:.metadata.name')).toBe('NAME\n')
    expect(sh(sim, 'get pods -o custom-columns=NAME')).toBe('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n')
  })

  it('sorts tables and lists with --sort-by and adds -L label columns', () => {
    const sim = cluster()
    expect(sh(sim, 'get pods --sort-by=.spec.containers[0].image -o name')).toBe('pod/b\npod/a\n')
    expect(sh(sim, `get pods --sort-by='{.metadata.labels.tier}' -o name`)).toBe('pod/a\npod/b\n')
    expect(sh(sim, 'get pods --sort-by=.spec.containers[0].image -L app,example.com/tier,tier')).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   APP   TIER   TIER\nb      1/1     Running   0          10s   web          frontend\na      1/1     Running   0          10s   db           \n',
    )
    expect(sh(sim, 'get pods --sort-by=.nothing')).toBe('error: couldn\'t find any field with path "{.nothing}" in the list of objects\n')
  })
})
