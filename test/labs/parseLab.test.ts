import { describe, expect, it } from 'vitest'
import { parseAttempt } from '../../src/labs/checkLab.ts'
import { LabError } from '../../src/labs/lab.ts'
import { parseLab } from '../../src/labs/parseLab.ts'
import { SCALE_LAB } from './labFixtures.ts'

/** The LabError a malformed lab gives, as the CLI prints it after the file name. */
function errorOf(source: string, parse: (s: string) => unknown = parseLab): string {
  try {
    parse(source)
  } catch (e) {
    if (e instanceof LabError) return `${e.line}: ${e.reason}`
    throw e
  }
  throw new Error('parsed without an error')
}

const lab = (...body: string[]) => ['---', 'title: T', '---', ...body].join('\n')
const step = (...lines: string[]) => ['## Step', ...lines]
const check = (...assertions: string[]) => ['```check', ...assertions, '```']

describe('parseLab', () => {
  it('reads steps, hints, solutions and checks with their lines', () => {
    const parsed = parseLab(SCALE_LAB)
    expect(parsed.steps.map((s) => s.title)).toEqual(['Create the Deployment', 'Scale it to 4', 'List its pods'])
    expect(parsed.cluster).toEqual({ workers: 2 })
    expect(parsed.intro).toBe('Intro.')
    const scale = parsed.steps[1]
    expect(scale.hints).toEqual(['`kubectl scale`'])
    expect(scale.solutionText).toBe('kubectl scale deployment web --replicas=4\nadvance 30s')
    // Comments and blank lines in a check block are not assertions.
    const lineOf = (text: string, from = 0) => SCALE_LAB.split('\n').indexOf(text, from) + 1
    const first = lineOf('kubectl get deploy web -o jsonpath={.spec.replicas} == 4')
    expect(scale.checks.map((c) => [c.line, c.text])).toEqual([
      [first, 'kubectl get deploy web -o jsonpath={.spec.replicas} == 4'],
      [lineOf('kubectl get deploy web -o jsonpath={.status.availableReplicas} == 4', first), 'kubectl get deploy web -o jsonpath={.status.availableReplicas} == 4'],
    ])
    expect(first).toBeGreaterThan(40)
  })

  it('keeps an indented --- (between two documents of a setup heredoc) inside the front matter', () => {
    const parsed = parseLab(
      ['---', 'title: Two documents', 'setup: |', '  kubectl apply -f - <<EOF', '  apiVersion: v1', '  kind: Namespace', '  metadata: {name: a}', '  ---', '  apiVersion: v1', '  kind: Namespace', '  metadata: {name: b}', '  EOF', '---', ...step(...check('history =~ x'))].join('\n'),
    )
    expect(parsed.setup).toHaveLength(1)
    expect(parsed.setup[0].kind === 'kubectl' && parsed.setup[0].stdin).toContain('---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}')
    expect(parsed.steps[0].line).toBe(14)
  })

  it('keeps ordinary code blocks, ## lines inside them included, in the instructions', () => {
    const parsed = parseLab(lab(...step('Run:', '', '```yaml', '## not a step', 'a: 1', '```', ...check('history =~ x'))))
    expect(parsed.steps).toHaveLength(1)
    expect(parsed.steps[0].instructions).toBe('Run:\n\n```yaml\n## not a step\na: 1\n```')
  })

  it('splits an assertion at the first operator and words as a shell would', () => {
    const [a, b, c] = parseLab(lab(...step(...check("kubectl get cm x -o 'jsonpath={.data.k}' == a =~ b", 'kubectl get pods =~ x == y', 'kubectl get pods -o name ==')))).steps[0].checks
    expect(a).toMatchObject({ kind: 'kubectl', argv: ['get', 'cm', 'x', '-o', 'jsonpath={.data.k}'], op: '==', expected: 'a =~ b' })
    expect(b).toMatchObject({ kind: 'kubectl', argv: ['get', 'pods'], op: '=~' })
    expect(b.kind === 'kubectl' && b.op === '=~' && b.regex.source).toBe('x == y')
    expect(c).toMatchObject({ op: '==', expected: '' })
  })

  it('accepts -f - with a heredoc, and reads such as logs -p, describe, events, rollout history, config view, exec', () => {
    expect(() =>
      parseLab(
        lab(
          ...step(
            '```solution',
            'kubectl apply -f - <<EOF',
            'apiVersion: v1',
            'kind: Namespace',
            'metadata: {name: x}',
            'EOF',
            '```',
            ...check('kubectl logs web -p =~ x', 'kubectl describe pods =~ x', 'kubectl events !~ x', 'kubectl rollout history deploy/web =~ 1', 'kubectl config view =~ x', 'kubectl -n kube-system get pods =~ x', 'kubectl exec web -- curl -s web =~ nginx', 'kubectl get pods --watch=false =~ x'),
          ),
        ),
      ),
    ).not.toThrow()
  })

  const malformed: [string, string, string][] = [
    ['no front matter', '# Lab\n\n## Step', '1: a lab starts with YAML front matter between --- lines, with at least a title'],
    ['no title', ['---', 'level: beginner', '---', ...step(...check('history =~ x'))].join('\n'), '1: the front matter needs a title'],
    ['bad YAML in the front matter', ['---', 'title: T', 'topics: [a, b', 'level: beginner', '---', ...step(...check('history =~ x'))].join('\n'), '4: front matter is not valid YAML'],
    ['an unknown level', ['---', 'title: T', 'level: expert', '---'].join('\n'), '3: level must be one of beginner, intermediate, advanced'],
    ['an unknown cluster flag', ['---', 'title: T', 'cluster: --nodes 3', '---'].join('\n'), '3: unknown cluster flag "--nodes"'],
    ['a step without a check', lab('', ...step('Do it.'), '## Next', ...check('history =~ x')), '5: step "Step" has no check block'],
    ['no step at all', lab('Just text.'), '4: a lab needs at least one step'],
    ['two solutions', lab(...step('```solution', 'kubectl get pods', '```', '```solution', 'kubectl get nodes', '```', ...check('history =~ x'))), '8: step "Step" has a second solution block'],
    ['a check that writes', lab(...step(...check('history =~ x', 'kubectl delete pod web == x'))), '7: a check only reads: "kubectl delete" changes the cluster or waits'],
    ['a check that applies', lab(...step(...check('kubectl apply -f - =~ x'))), '6: a check only reads: "kubectl apply"'],
    ['a check that scales', lab(...step(...check('kubectl scale deploy web --replicas=3 == x'))), '6: a check only reads: "kubectl scale"'],
    ['a check that labels', lab(...step(...check('kubectl label pod web a=b == x'))), '6: a check only reads: "kubectl label"'],
    ['a check that waits', lab(...step(...check('kubectl wait --for=condition=Ready pod/web =~ met'))), '6: a check only reads: "kubectl wait"'],
    ['a check that watches', lab(...step(...check('kubectl get pods -w =~ Running'))), '6: a check does not wait: --watch keeps the command running'],
    ['a check that follows logs', lab(...step(...check('kubectl logs web -f =~ x'))), '6: a check does not wait: --follow'],
    ['rollout status', lab(...step(...check('kubectl rollout status deploy/web =~ success'))), '6: a check only reads: "kubectl rollout status" waits'],
    ['a config write', lab(...step(...check('kubectl config set-context --current --namespace=x =~ x'))), '6: a check only reads: "kubectl config set-context"'],
    ['-f PATH in setup', ['---', 'title: T', 'setup: |', '  kubectl get pods', '  kubectl apply -f web.yaml', '---', ...step(...check('history =~ x'))].join('\n'), '5: -f web.yaml names a file'],
    ['-f PATH in a solution', lab(...step('```solution', 'kubectl create --filename=dir/', '```', ...check('history =~ x'))), '6: -f dir/ names a file'],
    ['a cluster line in a solution', lab(...step('```solution', 'cluster --workers 1', '```', ...check('history =~ x'))), '6: a cluster line cannot be in a solution'],
    ['an unterminated heredoc in a solution', lab(...step('```solution', 'kubectl apply -f - <<EOF', 'kind: Pod', '```', ...check('history =~ x'))), '6: unterminated heredoc'],
    ['an unknown verb in setup', ['---', 'title: T', 'setup: |', '  sleep 5', '---'].join('\n'), '4: unknown command "sleep"'],
    ['no operator', lab(...step(...check('kubectl get pods'))), '6: no ==, =~ or !~ between spaces'],
    ['an unknown assertion', lab(...step(...check('curl web == ok'))), '6: unknown assertion "curl web"'],
    ['history ==', lab(...step(...check('history == kubectl get pods'))), '6: history takes =~ only'],
    ['an invalid regex', lab(...step(...check('history =~ ^kubectl (get'))), '6: invalid regular expression /^kubectl (get/: Unterminated group'],
    ['an empty check block', lab(...step(...check('# nothing'))), '5: the check block has no assertion'],
    ['an unterminated check block', lab(...step('```check', 'history =~ x')), '5: the check block has no closing ```'],
    ['a hint before any step', lab('```hint', 'x', '```', ...step(...check('history =~ x'))), '4: a hint block belongs to a step'],
  ]
  it.each(malformed)('names the line of %s', (_, source, expected) => {
    expect(errorOf(source)).toContain(expected)
    expect(errorOf(source).startsWith(expected.split(':')[0] + ':')).toBe(true)
  })

  it('refuses an attempt with a cluster line, naming it', () => {
    expect(errorOf('# try\nkubectl get pods\ncluster --workers 1\n', parseAttempt)).toBe('3: an attempt has no cluster line: the lab builds the cluster')
    expect(errorOf('kubectl apply -f - <<EOF\nkind: Pod\n', parseAttempt)).toBe('1: unterminated heredoc: no line "EOF" after it')
  })
})
