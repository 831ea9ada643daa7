import { planCheckRunOutput } from '../../src/github/plan-check-run-output.js'
import type { CheckAnnotation } from '../../src/github/types.js'

const annotation = (i: number): CheckAnnotation => ({ path: 'a.ts', start_line: i, end_line: i, annotation_level: 'warning', message: `m${i}` })

describe('planCheckRunOutput', () => {
  it('sends annotations 50 per request', () => {
    const batches = planCheckRunOutput({ title: 'T', summary: 'S', annotations: Array.from({ length: 120 }, (_, i) => annotation(i + 1)) }, [])
    expect(batches.first.annotations).toHaveLength(50)
    expect(batches.more.map((o) => o.annotations?.length)).toEqual([50, 20])
    expect(batches.more[1]?.annotations?.[19]?.message).toBe('m120')
    expect(batches.more.every((o) => o.title === 'T' && o.summary === 'S')).toBe(true)
  })

  it('needs no further request for 50 annotations or fewer', () => {
    expect(planCheckRunOutput({ title: 'T', summary: 'S', annotations: [annotation(1)] }, []).more).toEqual([])
  })

  it('cuts summary and text to 65,535 characters with a visible note', () => {
    const { first } = planCheckRunOutput({ title: 'T', summary: 's'.repeat(70_000), text: 't'.repeat(70_000) }, [])
    expect(first.summary.length).toBeLessThanOrEqual(65_535)
    expect(first.text?.length).toBeLessThanOrEqual(65_535)
    expect(first.summary.endsWith('…(truncated)')).toBe(true)
  })

  it('redacts secrets in titles, texts and annotation messages', () => {
    const { first } = planCheckRunOutput(
      { title: 'tok ghp_1234567890', summary: 'ghp_1234567890', annotations: [{ ...annotation(1), message: 'ghp_1234567890' }] },
      ['ghp_1234567890']
    )
    expect(JSON.stringify(first)).not.toContain('ghp_1234567890')
  })

  it('never sends an annotation that ends before it starts', () => {
    const { first } = planCheckRunOutput({ title: 'T', summary: 'S', annotations: [{ ...annotation(9), end_line: 3 }] }, [])
    expect(first.annotations?.[0]).toMatchObject({ start_line: 9, end_line: 9 })
  })
})
